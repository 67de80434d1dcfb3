import { useReactFlow } from '@xyflow/react';
import type { LintSetting, LintWarning } from '../../model/index.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import type { FlowEdge, FlowNode } from '../../store/topology-types.ts';
import { useLintWarnings } from './review-lint.ts';
import './review.css';

/** The inspector field (its testid) that each setting a warning names is edited in. */
const SETTING_FIELD: Record<LintSetting['field'], string> = {
  maxLength: 'field-max-length',
  ack: 'field-ack',
  ordering: 'field-ordering',
  messageTtlMs: 'field-message-ttl',
  'kafka.commit': 'field-kafka-commit',
};

// The inspector renders the new selection on a later frame; give up after this many.
const FOCUS_FRAMES = 30;

/** Focuses the field once the inspector shows it (a radio group: its checked radio). */
function focusField(testId: string, framesLeft = FOCUS_FRAMES): void {
  const found = document.querySelector<HTMLElement>(`.mf-inspector [data-testid="${testId}"]`);
  const target = found && (found.matches('input, select, textarea') ? found : found.querySelector<HTMLElement>('input:checked, input, select'));
  if (!target) {
    if (framesLeft > 0) requestAnimationFrame(() => focusField(testId, framesLeft - 1));
    return;
  }
  target.scrollIntoView({ block: 'center' });
  target.focus();
}

/** Selects only this node, or only this link, so the inspector shows it. */
function selectOnly(target: { node: string } | { edge: string }): void {
  const { nodes, edges, onNodesChange, onEdgesChange } = useTopologyStore.getState();
  const nodeId = 'node' in target ? target.node : undefined;
  const edgeId = 'edge' in target ? target.edge : undefined;
  onNodesChange(nodes.filter((n) => (n.selected ?? false) !== (n.id === nodeId)).map((n) => ({ type: 'select', id: n.id, selected: n.id === nodeId })));
  onEdgesChange(edges.filter((e) => (e.selected ?? false) !== (e.id === edgeId)).map((e) => ({ type: 'select', id: e.id, selected: e.id === edgeId })));
}

function WarningItem({ warning, onOpen }: { warning: LintWarning; onOpen: (warning: LintWarning) => void }) {
  return (
    <li className={`mf-review__item is-${warning.severity}`} data-testid={`review-${warning.id}`} data-rule={warning.rule}>
      <span className="mf-review__severity">{warning.severity === 'warning' ? 'Warning' : 'Note'}</span>
      <div className="mf-review__body">
        <button type="button" className="mf-review__open" data-testid="review-open" onClick={() => onOpen(warning)}>
          {warning.title} <span className="mf-review__where">· {warning.edgeId ?? warning.nodeId}</span>
        </button>
        <p className="mf-review__why">{warning.why}</p>
        <p className="mf-review__fix">
          <strong>Fix:</strong> {warning.fix}
        </p>
      </div>
    </li>
  );
}

/**
 * The design review: what the linter finds in the canvas topology, kept current as it is
 * edited. Opening a warning selects its node (or link), brings it into view and focuses the
 * setting that fixes it in the inspector.
 */
export function ReviewPanel() {
  const warnings = useLintWarnings();
  const { getNode, getZoom, setCenter } = useReactFlow<FlowNode, FlowEdge>();

  const open = (warning: LintWarning): void => {
    const onEdge = warning.setting?.on === 'edge' && warning.edgeId !== undefined;
    selectOnly(onEdge ? { edge: warning.edgeId! } : { node: warning.nodeId });
    const node = getNode(warning.nodeId);
    if (node) {
      const width = node.measured?.width ?? 0;
      const height = node.measured?.height ?? 0;
      void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getZoom(), duration: 250 });
    }
    if (warning.setting) focusField(SETTING_FIELD[warning.setting.field]);
  };

  const count = warnings.filter((w) => w.severity === 'warning').length;
  const notes = warnings.length - count;
  return (
    <div className="mf-review" data-testid="review-panel">
      <p className="mf-review__summary" data-testid="review-summary" aria-live="polite">
        {warnings.length === 0
          ? 'No warnings: every queue has a consumer and keeps up, critical paths acknowledge after processing, and no loop goes on for ever.'
          : `${count} warning${count === 1 ? '' : 's'}${notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'}` : ''}. Open one to select it and go to the setting that fixes it.`}
      </p>
      {warnings.length > 0 && (
        <ul className="mf-review__list">
          {warnings.map((w) => (
            <WarningItem key={w.id} warning={w} onOpen={open} />
          ))}
        </ul>
      )}
    </div>
  );
}
