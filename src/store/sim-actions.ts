import { loadTopology, type Fault } from '../model/index.ts';
import { currentFrameView, engineClient, MAX_EVENTS_TO_DELIVERY, WorkerCrashedError, type Frame, type NodeStats } from '../sim-client/index.ts';
import { clampSpeed, IDLE_VIEW, useSimStore, type SimState } from './sim-store.ts';
import { currentTopology, useTopologyStore, type TopologyState } from './topology-store.ts';
import { useTraceStore } from './trace-store.ts';
import { useUiStore } from './ui-store.ts';

// Status-bar numbers change every display frame while running; ten updates a second is
// readable and keeps React out of the animation's way.
const STATUS_INTERVAL_MS = 100;

/** The topology.simRevision the worker's run was built from; null when nothing current is loaded. */
let loadedRevision: number | null = null;
let lastStatusAt = -Infinity;
/** Whether the loaded run has had a live edit explained yet (once per run is enough). */
let liveEditExplained = false;

function statsById(stats: readonly NodeStats[]): Record<string, NodeStats> {
  const ids = currentFrameView().nodeIds;
  const out: Record<string, NodeStats> = {};
  stats.forEach((s, i) => {
    const id = ids[i];
    if (id !== undefined) out[id] = s;
  });
  return out;
}

/** Index lists from a frame, as a set of ids in the loaded run's order. */
function idSet(indices: readonly number[], ids: readonly string[]): Record<string, true> {
  const out: Record<string, true> = {};
  for (const i of indices) {
    const id = ids[i];
    if (id !== undefined) out[id] = true;
  }
  return out;
}

function sameKeys(a: Readonly<Record<string, true>>, b: Readonly<Record<string, true>>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => b[k] === true);
}

/** Copies a frame's numbers into the sim store; `force` skips the throttle (step, reset, load). */
function applyFrame(frame: Frame, force: boolean): void {
  const prev = useSimStore.getState();
  const now = performance.now();
  const patch: Partial<SimState> = {};
  if (frame.nodeStats) {
    patch.nodeStats = statsById(frame.nodeStats);
    patch.reorders = frame.nodeStats.reduce((sum, s) => sum + (s.kind === 'consumer' ? s.reorders : 0), 0);
  }
  // Faults change rarely and show at once (not throttled); a new object only on a change.
  const view = currentFrameView();
  const downNodes = idSet(frame.downNodes, view.nodeIds);
  if (!sameKeys(downNodes, prev.downNodes)) patch.downNodes = downNodes;
  const cutEdges = idSet(frame.cutEdges, view.edgeIds);
  if (!sameKeys(cutEdges, prev.cutEdges)) patch.cutEdges = cutEdges;
  if (
    force ||
    frame.nodeStats ||
    frame.state !== prev.state ||
    frame.fallingBehind !== prev.fallingBehind ||
    (frame.goal === null) !== (prev.goal === null) ||
    now - lastStatusAt >= STATUS_INTERVAL_MS
  ) {
    lastStatusAt = now;
    patch.state = frame.state;
    patch.simTimeMs = frame.simTimeMs;
    patch.events = frame.events;
    patch.totals = frame.totals;
    patch.fallingBehind = frame.fallingBehind;
    patch.goal = frame.goal;
    patch.error = frame.error;
  }
  if (frame.state === 'error' && prev.state !== 'error') {
    useUiStore.getState().notify(`The simulation stopped: ${frame.error ?? 'unknown error'}`, 'error');
  }
  if (Object.keys(patch).length > 0) useSimStore.setState(patch);
}

function showIdle(): void {
  useSimStore.setState(IDLE_VIEW);
}

function reportFailure(error: unknown): void {
  // A dead worker is reported once, by the crash listener.
  if (error instanceof WorkerCrashedError) return;
  useUiStore.getState().notify(`Simulation command failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
}

/** `setting`: the edited setting that could not apply to the running run, named in the notice. */
function topologyChanged(setting?: { owner: string; name: string }): void {
  if (loadedRevision === null) return;
  const { events, state } = useSimStore.getState();
  loadedRevision = null;
  engineClient.invalidate();
  showIdle();
  // A document opened in place of the old one is a new run, not an edit to explain; an open
  // message trace belonged to the old one (the new run numbers its messages afresh).
  const { simRevision, replacedRevision } = useTopologyStore.getState();
  if (simRevision === replacedRevision) useTraceStore.getState().close();
  if ((events > 0 || state === 'running') && simRevision !== replacedRevision) {
    useUiStore
      .getState()
      .notify(
        setting
          ? `Changing "${setting.name}" of ${setting.owner} needs a fresh run, so the run was reset. Press Play to start again.`
          : 'Topology changed, so the run was reset. Press Play to start again.',
      );
  }
}

/** Canvas nodes and links whose settings changed, when nothing else that a run depends on did. */
interface SettingEdits {
  nodes: string[];
  edges: string[];
}

/**
 * The setting edits from `prev` to `next`, or null when the change is structural (a node or
 * link added or removed, a kind, an end, a binding, the seed or faults changed): a run
 * can take settings live, but not a different shape.
 */
function settingEdits(prev: TopologyState, next: TopologyState): SettingEdits | null {
  if (prev.doc.seed !== next.doc.seed || prev.doc.faults !== next.doc.faults) return null;
  if (prev.nodes.length !== next.nodes.length || prev.edges.length !== next.edges.length) return null;
  const edits: SettingEdits = { nodes: [], edges: [] };
  for (let i = 0; i < next.nodes.length; i++) {
    const a = prev.nodes[i]!;
    const b = next.nodes[i]!;
    if (a.id !== b.id || a.data.kind !== b.data.kind) return null;
    if (a.data.config !== b.data.config) edits.nodes.push(b.id);
  }
  for (let i = 0; i < next.edges.length; i++) {
    const a = prev.edges[i]!;
    const b = next.edges[i]!;
    if (a.id !== b.id || a.source !== b.source || a.target !== b.target) return null;
    if (a.data === b.data) continue;
    const { link: linkA, ...restA } = a.data ?? {};
    const { link: linkB, ...restB } = b.data ?? {};
    if (JSON.stringify(restA) !== JSON.stringify(restB)) return null;
    if (JSON.stringify(linkA) !== JSON.stringify(linkB)) edits.edges.push(b.id);
  }
  return edits;
}

/**
 * Applies setting edits to the loaded run at its current sim time, without a reset; falls
 * back to the reset (naming the setting) for a setting the engine cannot change mid-run.
 * Nothing goes into the fault schedule: the worker's run keeps the new settings, so a reset
 * or replay starts with them.
 */
async function applyLive(edits: SettingEdits, revision: number): Promise<void> {
  const result = loadTopology(currentTopology());
  if (!result.ok) return topologyChanged();
  if (edits.nodes.length === 0 && edits.edges.length === 0) {
    loadedRevision = revision; // Nothing a run reads changed (a link's settings set to the same values).
    return;
  }
  // Current already: a Play meanwhile must not reload (and so reset) the run.
  loadedRevision = revision;
  for (const id of edits.nodes) {
    const node = result.topology.nodes.find((n) => n.id === id)!;
    const refused = await engineClient.reconfigure(id, node.config);
    if (loadedRevision !== revision) return; // Reset or edited again meanwhile: that one decides.
    if (refused !== null) return topologyChanged({ owner: `"${node.label ?? id}"`, name: refused });
  }
  for (const id of edits.edges) {
    const edge = result.topology.edges.find((e) => e.id === id)!;
    const refused = await engineClient.relink(id, edge.link);
    if (loadedRevision !== revision) return;
    if (refused !== null) return topologyChanged({ owner: `the link ${edge.source} → ${edge.target}`, name: refused });
  }
  const { simTimeMs, events } = useSimStore.getState();
  if (!liveEditExplained && events > 0) {
    liveEditExplained = true;
    useUiStore.getState().notify(`Applied live at ${(simTimeMs / 1000).toFixed(1)} s of sim time; a replay or reset starts with the new setting.`);
  }
}

/** Loads the canvas topology into the worker unless the loaded run is still current. */
async function ensureLoaded(): Promise<boolean> {
  const revision = useTopologyStore.getState().simRevision;
  if (loadedRevision === revision) return true;
  const result = loadTopology(currentTopology());
  if (!result.ok) {
    useUiStore.getState().showProblem({ title: 'This topology cannot run yet', issues: result.error.issues });
    return false;
  }
  // It runs now, so an earlier "cannot run" (or file) problem is no longer the news.
  useUiStore.getState().dismissProblem();
  const frame = await engineClient.load(result.topology);
  await engineClient.setSpeed(useSimStore.getState().speed);
  if (useTopologyStore.getState().simRevision !== revision) {
    // Edited while loading: this run is already stale.
    engineClient.invalidate();
    return false;
  }
  loadedRevision = revision;
  liveEditExplained = false;
  applyFrame(frame, true);
  return true;
}

async function guarded(command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (error) {
    reportFailure(error);
  }
}

export const simActions = {
  play: () =>
    guarded(async () => {
      if (!(await ensureLoaded())) return;
      // A finished run cannot go on; Play means "run it again" then.
      if (useSimStore.getState().state === 'finished') applyFrame(await engineClient.reset(), true);
      await engineClient.play();
    }),

  pause: () =>
    guarded(async () => {
      if (loadedRevision === null) return;
      await engineClient.pause();
      // Frames after the pause may be few or none; show the new state now.
      if (useSimStore.getState().state === 'running') useSimStore.setState({ state: 'paused' });
    }),

  step: () =>
    guarded(async () => {
      if (await ensureLoaded()) applyFrame(await engineClient.step(), true);
    }),

  /** Runs until the next delivery to a final consumer, and says so when none came. */
  stepToDelivery: () =>
    guarded(async () => {
      if (!(await ensureLoaded())) return;
      const before = useSimStore.getState().totals.delivered;
      const frame = await engineClient.stepToDelivery();
      applyFrame(frame, true);
      if (frame.totals.delivered === before && frame.state !== 'error') {
        const why = frame.state === 'finished' ? 'the run finished' : `${MAX_EVENTS_TO_DELIVERY.toLocaleString('en-US')} events went by`;
        useUiStore.getState().notify(`No message was delivered: ${why} without a delivery to a final consumer.`);
      }
    }),

  /** Runs as fast as possible to sim time `untilMs` and pauses there (Pause cancels). */
  runTo: (untilMs: number) =>
    guarded(async () => {
      if (!(await ensureLoaded())) return;
      if (useSimStore.getState().state === 'finished') applyFrame(await engineClient.reset(), true);
      if (untilMs <= useSimStore.getState().simTimeMs) {
        useUiStore.getState().notify('The run is already past that time. Reset to start again from zero.');
        return;
      }
      await engineClient.runTo(untilMs);
    }),

  /** Reruns the loaded run from t = 0, same seed and recorded faults, up to where it is now. */
  replay: () =>
    guarded(async () => {
      if (loadedRevision === null) return;
      applyFrame(await engineClient.replay(), true);
    }),

  reset: () =>
    guarded(async () => {
      if (loadedRevision === null) return showIdle();
      applyFrame(await engineClient.reset(), true);
    }),

  /** Applies a fault to the run now (loading the canvas topology first if needed). */
  fault: (fault: Fault) =>
    guarded(async () => {
      if (await ensureLoaded()) applyFrame(await engineClient.injectFault(fault), true);
    }),

  setSpeed(speed: number): void {
    const clamped = clampSpeed(speed);
    useSimStore.setState({ speed: clamped });
    if (loadedRevision !== null) void guarded(() => engineClient.setSpeed(clamped));
  },
};

/** Connects the worker's frames, crashes and topology edits to the stores; returns a disconnect. */
export function startSimBridge(): () => void {
  const offFrame = engineClient.onFrame((frame) => applyFrame(frame, false));
  const offCrash = engineClient.onCrash((reason) => {
    loadedRevision = null;
    showIdle();
    useUiStore
      .getState()
      .notify(`The simulation worker crashed (${reason}). It will restart; press Play to run again.`, 'error');
  });
  const offTopology = useTopologyStore.subscribe((state, prev) => {
    if (state.simRevision === prev.simRevision) return;
    // A replaced document (opened, a scenario or its variant) is a new run, never a live edit.
    const replaced = state.simRevision === state.replacedRevision;
    const edits = loadedRevision === null || replaced ? null : settingEdits(prev, state);
    if (edits) void guarded(() => applyLive(edits, state.simRevision));
    else topologyChanged();
  });
  return () => {
    offFrame();
    offCrash();
    offTopology();
  };
}
