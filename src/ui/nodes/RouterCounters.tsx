import type { RouterKind } from '../../model/index.ts';
import { MinorStats, Stat } from './NodeShell.tsx';
import { useNodeStats } from './use-node-stats.ts';

/** What a router's dropped messages are: a filter drops by design, the others when they find no output. */
const DROPPED_LABEL: Record<RouterKind, string> = {
  'content-router': 'unroutable',
  'message-filter': 'filtered',
  'recipient-list': 'unroutable',
  'wire-tap': 'unroutable',
  'load-balancer': 'unroutable',
};

/**
 * The counters every router shows: in and out (copies included), the wire tap's copies to
 * its tap, and what it dropped as a warning chip once there is any. Subscribes to its
 * own node's stats, so the 10 Hz updates re-render only these numbers.
 */
export function RouterCounters({ id, kind }: { id: string; kind: RouterKind }) {
  const stats = useNodeStats(id, kind);
  return (
    <>
      <Stat label="in" value={stats?.received ?? 0} testId="stat-in" />
      <Stat label="out" value={stats?.out ?? 0} testId="stat-out" />
      {kind === 'wire-tap' && <Stat label="tapped" value={stats?.tapped ?? 0} testId="stat-tapped" />}
      <MinorStats items={[{ label: DROPPED_LABEL[kind], value: stats?.dropped ?? 0, testId: 'stat-dropped', tone: 'warn' }]} />
    </>
  );
}
