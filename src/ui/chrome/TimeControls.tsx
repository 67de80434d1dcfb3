import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { simActions } from '../../store/sim-actions.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { formatSimTime } from '../format.ts';
import './time-controls.css';

/** The first "run to" time offered: a minute past where the run is now. */
const DEFAULT_RUN_AHEAD_S = 60;

/** A stop time as whole seconds with separators ("1,000,000 s"): readable at any size. */
function formatGoal(ms: number): string {
  return ms < 10_000 ? formatSimTime(ms) : `${Math.round(ms / 1000).toLocaleString('en-US')} s`;
}

/** Toolbar icons, 16 px, in the button's text colour. */
function Icon({ name }: { name: 'next-delivery' | 'run-to' | 'replay' }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" fill="currentColor" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
      {name === 'next-delivery' && (
        <>
          <path d="M2 3.5v9l6-4.5z" stroke="none" />
          <circle cx="12" cy="8" r="2.6" stroke="none" />
        </>
      )}
      {name === 'run-to' && (
        <>
          <path d="M1.5 3.5v9l5.5-4.5zM7.5 3.5v9l5.5-4.5z" stroke="none" />
          <path d="M14.5 3v10" fill="none" />
        </>
      )}
      {name === 'replay' && (
        <>
          <path d="M3.2 9.5a5 5 0 1 0 1.3-5.1" fill="none" />
          <path d="M2.5 1.8v3.6h3.6" fill="none" />
        </>
      )}
    </svg>
  );
}

/** True when a key press belongs to a control that uses the key itself (typing, a focused button, a canvas node). */
function keyBelongsToControl(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY'].includes(target.tagName)) return true;
  // React Flow moves a focused node with the arrow keys; rows and tabs answer Space themselves.
  return target.closest('.react-flow__node, .react-flow__edge, [role="tab"], [role="row"], tr[tabindex]') !== null;
}

/** Space plays or pauses, → steps one event, Shift+→ steps to the next delivery. */
function useTimeShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      if (keyBelongsToControl(event.target) || document.querySelector('dialog[open]')) return;
      if (event.key === ' ') {
        if (useSimStore.getState().state === 'running') void simActions.pause();
        else void simActions.play();
      } else if (event.key === 'ArrowRight') {
        void (event.shiftKey ? simActions.stepToDelivery() : simActions.step());
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

/** The small form behind "Run to…": a sim time in seconds. */
function RunToForm({ onDone }: { onDone: () => void }) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [seconds, setSeconds] = useState(() => String(Math.floor(useSimStore.getState().simTimeMs / 1000) + DEFAULT_RUN_AHEAD_S));
  const value = Number(seconds);
  const valid = seconds.trim() !== '' && Number.isFinite(value) && value > 0;

  useEffect(() => {
    input.current?.select();
  }, []);

  const submit = (e: FormEvent): void => {
    e.preventDefault();
    if (!valid) return;
    onDone();
    void simActions.runTo(value * 1000);
  };

  return (
    <form
      className="mf-runto__form"
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onDone()}
      data-testid="runto-form"
      aria-label="Run to a time"
    >
      <label htmlFor={id}>Run to</label>
      <input
        ref={input}
        id={id}
        type="number"
        min={0}
        step="any"
        value={seconds}
        aria-invalid={!valid}
        aria-describedby={`${id}-help`}
        data-testid="runto-input"
        onChange={(e) => setSeconds(e.target.value)}
      />
      <span className="mf-runto__unit">s</span>
      <button type="submit" className="mf-primary" disabled={!valid} data-testid="runto-go">
        Run
      </button>
      <p id={`${id}-help`} className="mf-runto__help">
        Sim time in seconds. Runs as fast as the engine can, then pauses there; Cancel or Pause stops it early.
      </p>
    </form>
  );
}

/** Progress toward the stop time of "run to" or a replay, with a way to stop. */
function GoalProgress() {
  const { goal, simTimeMs } = useSimStore(useShallow((s) => ({ goal: s.goal, simTimeMs: s.simTimeMs })));
  if (!goal) return null;
  const span = goal.toMs - goal.fromMs;
  const done = span > 0 ? Math.min(1, Math.max(0, (simTimeMs - goal.fromMs) / span)) : 1;
  const what = `${goal.fast ? 'Running to' : 'Replaying to'} ${formatGoal(goal.toMs)}`;
  return (
    <div className="mf-runto__progress" data-testid="goal-progress" title={what}>
      <span className="mf-runto__label">{what}</span>
      <progress max={1} value={done} aria-label={what} data-testid="goal-bar" />
      <span className="mf-runto__percent">{Math.floor(done * 100)}%</span>
      <button type="button" className="mf-time__icon" onClick={simActions.pause} data-testid="goal-cancel" title="Cancel: stop here (pause)" aria-label="Cancel">
        ✕
      </button>
    </div>
  );
}

/**
 * The time controls beyond play/step/reset: step to the next delivery, run to a time (as
 * fast as possible) and replay (the same seed and recorded faults from t = 0).
 */
export function TimeControls() {
  useTimeShortcuts();
  const [formOpen, setFormOpen] = useState(false);
  const { hasGoal, canReplay } = useSimStore(useShallow((s) => ({ hasGoal: s.goal !== null, canReplay: s.state !== 'idle' && s.simTimeMs > 0 })));
  const root = useRef<HTMLDivElement>(null);

  // The form closes when focus or a click goes elsewhere.
  useEffect(() => {
    if (!formOpen) return;
    const onPointer = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setFormOpen(false);
    };
    window.addEventListener('pointerdown', onPointer);
    return () => window.removeEventListener('pointerdown', onPointer);
  }, [formOpen]);

  return (
    <div className="mf-time" ref={root}>
      <button
        type="button"
        className="mf-time__icon"
        onClick={simActions.stepToDelivery}
        data-testid="btn-next-delivery"
        aria-label="Next delivery"
        title="Next delivery: run until a message is delivered to a final consumer (Shift+→)"
      >
        <Icon name="next-delivery" />
      </button>
      {hasGoal ? (
        <GoalProgress />
      ) : (
        <div className="mf-runto">
          <button
            type="button"
            className="mf-time__icon"
            onClick={() => setFormOpen((open) => !open)}
            aria-expanded={formOpen}
            aria-label="Run to a time"
            data-testid="btn-run-to"
            title="Run to a time: as fast as possible to a sim time, then pause"
          >
            <Icon name="run-to" />
          </button>
          {formOpen && <RunToForm onDone={() => setFormOpen(false)} />}
        </div>
      )}
      <button
        type="button"
        className="mf-time__icon"
        onClick={simActions.replay}
        disabled={!canReplay}
        aria-label="Replay"
        data-testid="btn-replay"
        title="Replay: run again from time zero with the same seed and the faults recorded so far, up to where this run is now"
      >
        <Icon name="replay" />
      </button>
    </div>
  );
}
