import { createContext, useContext, useEffect } from 'react';
import { create } from 'zustand';

/** The counters of one node card a loaded scenario asks to watch; NodeShell provides it to its Stats. */
export interface NodeWatch {
  nodeId: string;
  /** Stat names (a card's `stat-<name>` testid without the prefix). */
  stats: readonly string[];
}

export const NodeWatchContext = createContext<NodeWatch | null>(null);

/** The last value and label a watched counter showed on its card. */
export interface WatchedReading {
  label: string;
  value: number;
}

interface WatchedReadingsState {
  /** By `node/stat`; absent while the card does not show the counter (a minor one still at zero). */
  readings: Readonly<Record<string, WatchedReading>>;
}

/**
 * What the watched counters show, written by the cards as they render, so the scenario
 * panel lists the very numbers on the canvas. Holds only the highlighted few (at most 8).
 */
export const useWatchedReadings = create<WatchedReadingsState>()(() => ({ readings: {} }));

export function readingKey(nodeId: string, stat: string): string {
  return `${nodeId}/${stat}`;
}

/**
 * Whether the counter with this testid is watched on its card, and, when it is, reports its
 * value and label to the scenario panel while it is shown.
 */
export function useWatchedStat(testId: string, label: string, value: number): boolean {
  const watch = useContext(NodeWatchContext);
  const stat = testId.replace(/^stat-/, '');
  const key = watch && watch.stats.includes(stat) ? readingKey(watch.nodeId, stat) : null;
  useEffect(() => {
    if (key === null) return;
    useWatchedReadings.setState((s) => ({ readings: { ...s.readings, [key]: { label, value } } }));
    return () => {
      useWatchedReadings.setState((s) => {
        const { [key]: _gone, ...rest } = s.readings;
        return { readings: rest };
      });
    };
  }, [key, label, value]);
  return key !== null;
}
