import { useRef } from 'react';
import { loadDefaultScenario, newTopology, openTopologyText, saveTopologyText } from '../../store/document-actions.ts';
import { simActions } from '../../store/sim-actions.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { EditTools } from './EditTools.tsx';
import { ScenarioPicker } from './ScenarioPicker.tsx';
import { SpeedControl } from './SpeedControl.tsx';
import { TimeControls } from './TimeControls.tsx';

function fileNameFor(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'topology'}.json`;
}

function download(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the URL can go on the next tick.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Toolbar() {
  const name = useTopologyStore((s) => s.doc.name);
  const running = useSimStore((s) => s.state === 'running');
  const fileInput = useRef<HTMLInputElement>(null);

  const openFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    openTopologyText(await file.text(), file.name);
  };

  return (
    <header className="mf-toolbar">
      <div className="mf-brand">
        <span className="mf-brand__mark" aria-hidden="true">
          <svg width="22" height="22" viewBox="0 0 22 22">
            <circle cx="4" cy="11" r="3" fill="#059669" />
            <circle cx="11" cy="11" r="3" fill="#f59e0b" />
            <circle cx="18" cy="11" r="3" fill="#ea580c" />
          </svg>
        </span>
        <span className="mf-brand__name">msgflow</span>
        <span className="mf-brand__scenario" title={name} data-testid="scenario-name">
          {name}
        </span>
      </div>

      <div className="mf-toolbar__group" role="group" aria-label="File">
        <button type="button" onClick={newTopology} data-testid="btn-new" title="Start with an empty canvas">
          New
        </button>
        <button type="button" onClick={() => fileInput.current?.click()} data-testid="btn-open" title="Open a topology file">
          Open…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            // Clear it so choosing the same file again still fires a change.
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => download(saveTopologyText(), fileNameFor(name))} data-testid="btn-save" title="Download as JSON">
          Save
        </button>
        <button type="button" onClick={() => void loadDefaultScenario()} data-testid="btn-default" title="Reload the default scenario (work queue with competing consumers)">
          Default
        </button>
        <ScenarioPicker />
      </div>

      <EditTools />

      <div className="mf-toolbar__group mf-toolbar__run" role="group" aria-label="Simulation">
        <button
          type="button"
          className="mf-primary"
          onClick={running ? simActions.pause : simActions.play}
          data-testid="btn-play"
          aria-pressed={running}
          title="Play or pause (Space)"
        >
          {running ? '❚❚ Pause' : '▶ Play'}
        </button>
        <button type="button" onClick={simActions.step} data-testid="btn-step" title="Process one event (pauses first) (→)">
          Step
        </button>
        <button type="button" onClick={simActions.reset} data-testid="btn-reset" title="Back to time zero">
          Reset
        </button>
        <TimeControls />
        <SpeedControl />
      </div>
    </header>
  );
}
