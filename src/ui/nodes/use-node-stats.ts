import { useShallow } from 'zustand/react/shallow';
import type { NodeKind } from '../../model/index.ts';
import type { NodeStats } from '../../sim-client/index.ts';
import { useSimStore } from '../../store/sim-store.ts';

type StatsOf<K extends NodeKind> = Extract<NodeStats, { kind: K }>;

function isKind<K extends NodeKind>(stats: NodeStats | undefined, kind: K): stats is StatsOf<K> {
  return stats?.kind === kind;
}

/**
 * One node's live counters. Each node subscribes to its own slice; useShallow keeps a node
 * from re-rendering when the 10 Hz update left its numbers unchanged.
 */
export function useNodeStats<K extends NodeKind>(id: string, kind: K): StatsOf<K> | undefined {
  return useSimStore(
    useShallow((s) => {
      const stats = s.nodeStats[id];
      return isKind(stats, kind) ? stats : undefined;
    }),
  );
}
