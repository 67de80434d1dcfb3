import { useState } from 'react';
import { createPortal } from 'react-dom';
import { hasUnsavedChanges } from '../../store/document-actions.ts';
import { fetchScenarioIndex, openScenario, type ScenarioEntry } from '../../store/scenario-actions.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { useModalDialog } from './use-modal-dialog.ts';

type IndexState = { status: 'loading' } | { status: 'ready'; entries: ScenarioEntry[] } | { status: 'failed'; reason: string };

/** A scenario file's number, "02" from "02-hello-queue.json"; none for unnumbered ones. */
function numberOf(file: string): string | undefined {
  return /^(\d+)-/.exec(file)?.[1];
}

const testIdOf = (file: string): string => `scenario-item-${file.replace(/\.json$/, '')}`;

/**
 * The toolbar's "Scenarios" button and its dialog: the teaching scenarios listed in
 * public/scenarios/index.json, each opened through the same path as Open. A canvas with
 * unsaved changes is replaced only after the user confirms, in the dialog itself.
 */
export function ScenarioPicker() {
  const [open, setOpen] = useState(false);
  const dialog = useModalDialog(open);
  const [index, setIndex] = useState<IndexState>({ status: 'loading' });
  const [confirming, setConfirming] = useState<ScenarioEntry | null>(null);
  const [busy, setBusy] = useState(false);
  const currentName = useTopologyStore((s) => s.doc.name);

  const show = (): void => {
    setConfirming(null);
    setOpen(true);
    // Fetched each time it opens: cheap, and a failed fetch gets another chance.
    setIndex((prev) => (prev.status === 'ready' ? prev : { status: 'loading' }));
    fetchScenarioIndex().then(
      (entries) => setIndex({ status: 'ready', entries }),
      (error: unknown) => setIndex({ status: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
  };

  const load = async (entry: ScenarioEntry): Promise<void> => {
    setBusy(true);
    try {
      // Success or not, the dialog closes: a problem shows in the panel over the canvas.
      await openScenario(entry);
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };

  const choose = (entry: ScenarioEntry): void => {
    if (hasUnsavedChanges()) setConfirming(entry);
    else void load(entry);
  };

  return (
    <>
      <button type="button" onClick={show} data-testid="btn-scenarios" title="Open a teaching scenario" aria-haspopup="dialog">
        Scenarios
      </button>
      {/* In the body, not the toolbar: the toolbar's button styles must not reach the list. */}
      {createPortal(
        <dialog
          ref={dialog}
          className="mf-picker"
          data-testid="scenario-picker"
          aria-labelledby="mf-picker-title"
          onClose={() => setOpen(false)}
          // A click on the backdrop lands on the dialog element itself.
          onClick={(e) => e.target === e.currentTarget && setOpen(false)}
        >
          {/* The dialog has no padding of its own, so a click on it (not on this body) is a click on the backdrop. */}
          <div className="mf-picker__body">
            <header className="mf-picker__head">
              <h2 id="mf-picker-title">Teaching scenarios</h2>
              <button type="button" className="mf-picker__close" aria-label="Close" data-testid="scenario-picker-close" onClick={() => setOpen(false)}>
                ×
              </button>
            </header>
            {confirming ? (
              <div className="mf-picker__confirm" role="alertdialog" aria-labelledby="mf-picker-confirm" data-testid="scenario-confirm">
                <p id="mf-picker-confirm">
                  The canvas has changes that are not saved. Open <strong>{confirming.title}</strong> in its place?
                </p>
                <p className="mf-picker__hint">Save first to keep them as a file; the current canvas is not kept otherwise.</p>
                <div className="mf-picker__actions">
                  <button type="button" onClick={() => setConfirming(null)} data-testid="scenario-confirm-cancel">
                    Keep my canvas
                  </button>
                  <button type="button" className="is-danger" disabled={busy} onClick={() => void load(confirming)} data-testid="scenario-confirm-replace">
                    Replace it
                  </button>
                </div>
              </div>
            ) : (
              <>
                <p className="mf-picker__intro">Each one is a small topology with a fixed seed, what to watch and the numbers to expect. Pick one, press Play.</p>
                {index.status === 'loading' && <p className="mf-picker__status">Loading the list…</p>}
                {index.status === 'failed' && (
                  <p className="mf-picker__status is-error" role="alert">
                    The scenario list could not be read: {index.reason}
                  </p>
                )}
                {index.status === 'ready' && (
                  <ul className="mf-picker__list">
                    {index.entries.map((entry) => {
                      const current = entry.title === currentName;
                      return (
                        <li key={entry.file}>
                          <button
                            type="button"
                            className={`mf-picker__item${current ? ' is-current' : ''}`}
                            disabled={busy}
                            data-testid={testIdOf(entry.file)}
                            onClick={() => choose(entry)}
                          >
                            <span className="mf-picker__number" aria-hidden="true">
                              {numberOf(entry.file) ?? '★'}
                            </span>
                            <span className="mf-picker__text">
                              <span className="mf-picker__title">
                                {entry.title}
                                {current && <span className="mf-picker__badge">on the canvas</span>}
                              </span>
                              <span className="mf-picker__summary">{entry.summary}</span>
                            </span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </>
            )}
          </div>
        </dialog>,
        document.body,
      )}
    </>
  );
}
