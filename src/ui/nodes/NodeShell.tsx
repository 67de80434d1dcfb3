import { useMemo, type CSSProperties, type ReactNode } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeKind } from '../../model/index.ts';
import { useSimStore } from '../../store/sim-store.ts';
import { useTopologyStore } from '../../store/topology-store.ts';
import { KIND_LOOK } from './kind-look.ts';
import { useNodeWarningCount } from '../dock/review-lint.ts';
import './lint-badge.css';
import { NodeWatchContext, useWatchedStat } from '../watch/watched-stats.ts';
import '../watch/watch.css';

interface NodeShellProps {
  id: string;
  kind: NodeKind;
  label: string | undefined;
  selected: boolean;
  /** Has a target handle (left): something may send to it. */
  input: boolean;
  /** Has a source handle (right): it sends on; `optional`: it may, and the handle stays faint until used (a consumer passing on). */
  output: boolean | 'optional';
  /** One line describing the configuration, under the counters. */
  summary: string;
  children: ReactNode;
}

/**
 * The frame every node kind shares: accent, icon, title, handles, counters, summary.
 * `children` are the counters, a component of their own that subscribes to the stats, so
 * the 10 Hz updates re-render only the numbers, not the shell and its handles.
 */
export function NodeShell({ id, kind, label, selected, input, output, summary, children }: NodeShellProps) {
  const look = KIND_LOOK[kind];
  // A boolean selector: the shell re-renders only when this node crashes or restarts.
  const down = useSimStore((s) => s.downNodes[id] === true);
  const warnings = useNodeWarningCount(id);
  // A string selector: the shell re-renders only when this node's watched counters change.
  const watchedKey = useTopologyStore((s) => s.doc.scenario?.highlight?.filter((h) => h.node === id).map((h) => h.stat).join(' ') ?? '');
  const watch = useMemo(() => ({ nodeId: id, stats: watchedKey === '' ? [] : watchedKey.split(' ') }), [id, watchedKey]);
  const style = { '--accent': look.colour } as CSSProperties;
  const classes = `mf-node${selected ? ' is-selected' : ''}${down ? ' is-down' : ''}`;
  return (
    <div className={classes} style={style} data-testid={`node-${id}`} data-kind={kind} data-down={down}>
      {input && <Handle type="target" position={Position.Left} />}
      {down && (
        <span className="mf-node__down" data-testid="node-down-badge" title="Crashed (a fault); restart it with a right-click or from the inspector">
          down
        </span>
      )}
      {warnings > 0 && (
        <span className="mf-node__lint" data-testid="node-lint-badge" title={`${warnings} design review warning${warnings === 1 ? '' : 's'}: see the Review tab`}>
          ⚠ {warnings}
        </span>
      )}
      <div className="mf-node__head">
        <span className="mf-node__icon">
          <look.Icon />
        </span>
        <span className="mf-node__titles">
          <span className="mf-node__label">{label || id}</span>
          <span className="mf-node__kind">
            {look.label}
            {label && label !== id ? ` · ${id}` : ''}
          </span>
        </span>
      </div>
      <div className="mf-node__stats">
        <NodeWatchContext value={watch}>{children}</NodeWatchContext>
      </div>
      <div className="mf-node__summary" title={summary}>
        {summary}
      </div>
      {output === 'optional' ? (
        <Handle type="source" position={Position.Right} className="is-optional" title="Link on to pass what it processed on" />
      ) : (
        output && <Handle type="source" position={Position.Right} />
      )}
    </div>
  );
}

const exact = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * One live counter: a big number over a small label. Large values go compact (123.4K) so a
 * node keeps its size; a size change would make React Flow re-measure and re-render nodes.
 * The testid sits on the number; data-value holds the exact count.
 */
export function Stat({ label, value, testId, tone, minor }: {
  label: string;
  value: number;
  testId: string;
  tone?: StatTone | undefined;
  /** A small "12 label" chip for the extra line instead of a big number over its label. */
  minor?: boolean;
}) {
  const watched = useWatchedStat(testId, label, value);
  const classes = ['mf-stat', minor ? 'mf-stat--minor' : '', tone ? `mf-stat--${tone}` : '', watched ? 'is-watched' : ''].filter(Boolean).join(' ');
  return (
    <span className={classes} title={`${exact.format(value)} ${label}`} data-watched={watched || undefined}>
      <b data-testid={testId} data-value={value}>
        {value >= 100_000 ? compact.format(value) : exact.format(value)}
      </b>
      <span className="mf-stat__label">{label}</span>
    </span>
  );
}

export type StatTone = 'warn' | 'bad';

export interface MinorStatItem {
  label: string;
  value: number;
  testId: string;
  tone?: StatTone;
}

/**
 * The counters worth seeing only when something happened (redelivered, expired, ...): a
 * second line of small chips, absent while every one is zero, so a quiet node stays small.
 */
export function MinorStats({ items }: { items: readonly MinorStatItem[] }) {
  const shown = items.filter((item) => item.value !== 0);
  if (shown.length === 0) return null;
  return (
    <div className="mf-node__minor">
      {shown.map((item) => (
        <Stat key={item.testId} minor label={item.label} value={item.value} testId={item.testId} tone={item.tone} />
      ))}
    </div>
  );
}
