import { engineClient, type Frame, type MetricSample } from '../sim-client/index.ts';
import { useSimStore } from './sim-store.ts';

/** Samples kept for the charts: ten minutes of sim time at one a second. Older ones go (bounded memory). */
export const MAX_METRIC_POINTS = 600;

type Listener = () => void;

let samples: MetricSample[] = [];
/** Events of the last frame seen: fewer in the next one means a new run (load, reset, replay). */
let lastEvents = 0;
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

function clear(): void {
  if (samples.length === 0) return;
  samples = [];
  notify();
}

function record(frame: Frame): void {
  const first = frame.samples[0];
  const latest = samples.at(-1);
  const newRun = frame.events < lastEvents || (first !== undefined && latest !== undefined && first.t <= latest.t);
  lastEvents = frame.events;
  if (newRun) samples = [];
  if (frame.samples.length === 0) {
    if (newRun) notify();
    return;
  }
  samples = samples.concat(frame.samples);
  if (samples.length > MAX_METRIC_POINTS) samples = samples.slice(samples.length - MAX_METRIC_POINTS);
  notify();
}

/**
 * The run's recent time series, outside React on purpose: charts subscribe and redraw
 * imperatively, so a sample arriving costs no render.
 */
export const metricsHistory = {
  /** Oldest first, at most MAX_METRIC_POINTS; a new array whenever it changes. */
  samples(): readonly MetricSample[] {
    return samples;
  },
  /** Called after every change (new samples, or cleared for a new run); returns an unsubscribe. */
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

/** Records the worker's samples from its frames and forgets them when no run is shown; returns a disconnect. */
export function startMetricsRecording(): () => void {
  const offFrame = engineClient.onFrame(record);
  const offIdle = useSimStore.subscribe((state, prev) => {
    if (state.state === 'idle' && prev.state !== 'idle') {
      lastEvents = 0;
      clear();
    }
  });
  return () => {
    offFrame();
    offIdle();
  };
}
