import { proxy, wrap, type Remote } from 'comlink';
import type { EngineApi } from '../../workers/engine.worker.ts';
import type { Fault, LinkConfig, Topology } from '../model/index.ts';
import type { Frame, NodeMessages } from '../engine/session-types.ts';
import type { EventPage, EventQuery, MessageTrace } from '../engine/session-types.ts';
import { acceptFrame, clearFrame, setLoadedTopology } from './frame-view.ts';

/** The rejection of calls that were waiting when the worker died (the crash listeners report it). */
export class WorkerCrashedError extends Error {}

type FrameListener = (frame: Frame) => void;
type CrashListener = (message: string) => void;

interface LiveWorker {
  worker: Worker;
  api: Remote<EngineApi>;
  /** Rejects when the worker dies, so calls waiting on a dead worker do not hang forever. */
  dead: Promise<never>;
  kill: (reason: string) => void;
}

/** The UI's handle on the simulation worker. Every call starts the worker if needed. */
export interface EngineClient {
  load(topology: Topology): Promise<Frame>;
  play(): Promise<void>;
  pause(): Promise<void>;
  step(): Promise<Frame>;
  /** Steps until the next delivery to a final consumer (or the engine's event limit); resolves with the frame after it. */
  stepToDelivery(): Promise<Frame>;
  /** Runs as fast as possible to sim time `untilMs`, then pauses; frames carry the goal meanwhile. */
  runTo(untilMs: number): Promise<void>;
  /** Reruns from t = 0 with the same seed and fault schedule, up to where the run is now. */
  replay(): Promise<Frame>;
  reset(): Promise<Frame>;
  setSpeed(speed: number): Promise<void>;
  /** Applies a fault to the loaded run now (its atMs is ignored); resolves with the frame after it. */
  injectFault(fault: Fault): Promise<Frame>;
  /**
   * Node `nodeId` of the loaded run takes `config` from the current sim time on (and a reset
   * or replay starts with it); resolves with null when it applied, else the name of the
   * setting that needs a fresh run (nothing changed then).
   */
  reconfigure(nodeId: string, config: Topology['nodes'][number]['config']): Promise<string | null>;
  /** Edge `edgeId` of the loaded run takes link settings `link` from now on, as `reconfigure`. */
  relink(edgeId: string, link: LinkConfig): Promise<string | null>;
  /** Every fault of the run so far (given and injected), at the sim times they took effect. */
  faultSchedule(): Promise<Fault[]>;
  /** What a node holds now, message by message (up to `limit`); null before a run or for an unknown node. */
  heldMessages(nodeId: string, limit: number): Promise<NodeMessages | null>;
  /** A page of the run's event log matching `query`, oldest first (negative `offset`: from the end); null before a run. */
  events(query: EventQuery, offset: number, limit: number): Promise<EventPage | null>;
  /** Message `id`'s hops and fates, as far as the bounded event log still holds them; null before a run. */
  messageTrace(id: number): Promise<MessageTrace | null>;
  /**
   * Forget the loaded run (the topology it was built from has changed): pause the worker,
   * drop frames until the next `load`, clear the dots.
   */
  invalidate(): void;
  onFrame(listener: FrameListener): () => void;
  /** Called with a reason when the worker died; the next call starts a fresh one. */
  onCrash(listener: CrashListener): () => void;
}

function spawnWorker(): Worker {
  return new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), { type: 'module' });
}

export function createEngineClient(spawn: () => Worker = spawnWorker): EngineClient {
  const frameListeners = new Set<FrameListener>();
  const crashListeners = new Set<CrashListener>();
  let live: LiveWorker | null = null;
  // Frames of a run the UI no longer shows (after invalidate, before the next load) are dropped.
  let accepting = false;

  const deliver = (frame: Frame): void => {
    if (!accepting) return;
    acceptFrame(frame);
    for (const listener of frameListeners) listener(frame);
  };

  const start = (): LiveWorker => {
    if (live) return live;
    const worker = spawn();
    const api = wrap<EngineApi>(worker);
    let kill: (reason: string) => void = () => {};
    const dead = new Promise<never>((_, reject) => {
      kill = (reason) => {
        if (live?.worker !== worker) return;
        live = null;
        accepting = false;
        worker.terminate();
        clearFrame();
        reject(new WorkerCrashedError(reason));
        for (const listener of crashListeners) listener(reason);
      };
    });
    // Nobody may be waiting when the worker dies; the crash listeners report it instead.
    dead.catch(() => {});
    worker.onerror = (event) => {
      event.preventDefault();
      kill(event.message || 'the simulation worker stopped with an error');
    };
    worker.onmessageerror = () => kill('the simulation worker sent a message that could not be read');
    live = { worker, api, dead, kill };
    void Promise.race([api.subscribe(proxy(deliver)), dead]).catch(() => {});
    return live;
  };

  const call = <T>(run: (api: Remote<EngineApi>) => Promise<T>): Promise<T> => {
    const current = start();
    return Promise.race([run(current.api), current.dead]);
  };

  return {
    async load(topology) {
      accepting = false;
      const frame = await call((api) => api.load(topology));
      setLoadedTopology(topology);
      accepting = true;
      deliver(frame);
      return frame;
    },
    play: () => call((api) => api.play()),
    pause: () => call((api) => api.pause()),
    async step() {
      const frame = await call((api) => api.step());
      deliver(frame);
      return frame;
    },
    async stepToDelivery() {
      const frame = await call((api) => api.stepToDelivery());
      deliver(frame);
      return frame;
    },
    runTo: (untilMs) => call((api) => api.runTo(untilMs)),
    async replay() {
      const frame = await call((api) => api.replay());
      deliver(frame);
      return frame;
    },
    async reset() {
      const frame = await call((api) => api.reset());
      deliver(frame);
      return frame;
    },
    setSpeed: (speed) => call((api) => api.setSpeed(speed)),
    async injectFault(fault) {
      const frame = await call((api) => api.injectFault(fault));
      deliver(frame);
      return frame;
    },
    reconfigure: (nodeId, config) => call((api) => api.reconfigure(nodeId, config)),
    relink: (edgeId, link) => call((api) => api.relink(edgeId, link)),
    faultSchedule: () => call((api) => api.faultSchedule()),
    heldMessages: (nodeId, limit) => call((api) => api.heldMessages(nodeId, limit)),
    events: (query, offset, limit) => call((api) => api.events(query, offset, limit)),
    messageTrace: (id) => call((api) => api.messageTrace(id)),
    invalidate() {
      accepting = false;
      clearFrame();
      if (live) void call((api) => api.pause()).catch(() => {});
    },
    onFrame(listener) {
      frameListeners.add(listener);
      return () => frameListeners.delete(listener);
    },
    onCrash(listener) {
      crashListeners.add(listener);
      return () => crashListeners.delete(listener);
    },
  };
}

/** The app's one engine client; the worker itself starts on first use. */
export const engineClient = createEngineClient();
