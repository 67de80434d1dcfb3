import { useUiStore } from '../../store/ui-store.ts';

/** Short-lived messages (refused connections, run resets, crashes), bottom centre. */
export function Notices() {
  const notices = useUiStore((s) => s.notices);
  const dismiss = useUiStore((s) => s.dismissNotice);
  return (
    <div className="mf-notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`mf-notice mf-notice--${n.tone}`} data-testid="notice">
          <span>{n.text}</span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(n.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

/** Problems loading or running a topology, one line per JSON path; stays until dismissed. */
export function ProblemPanel() {
  const problem = useUiStore((s) => s.problem);
  const dismiss = useUiStore((s) => s.dismissProblem);
  if (!problem) return null;
  return (
    <div className="mf-problem" role="alert" data-testid="load-error">
      <div className="mf-problem__head">
        <strong>{problem.title}</strong>
        <button type="button" onClick={dismiss} data-testid="load-error-dismiss" aria-label="Dismiss">
          ×
        </button>
      </div>
      <ul>
        {problem.issues.map((issue, i) => (
          <li key={i}>
            <code>{issue.path}</code>: {issue.message}
          </li>
        ))}
      </ul>
      <p className="mf-problem__foot">Nothing on the canvas was changed.</p>
    </div>
  );
}
