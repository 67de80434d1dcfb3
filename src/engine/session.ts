import type { Fault, LinkConfig, Topology } from '../model/index.ts';
import { Ledger } from './ledger/ledger.ts';
import { Simulation } from './simulation.ts';
import { MAX_EVENTS_TO_DELIVERY, MAX_HELD_LISTED, MAX_SPEED, MIN_SPEED, type Frame, type NodeMessages, type RunGoal, type RunState } from './session-types.ts';
import { EVENT_LOG_CAPACITY, MAX_EVENT_PAGE, type EventPage, type EventQuery, type MessageTrace } from './session-types.ts';

/** Wall time and timers, injected so the engine itself never reads a real clock. */
export interface SessionHost {
  /** Milliseconds, monotonic (performance.now in a worker). */
  now(): number;
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** How long one slice of simulation may hold the worker before it yields to messages. */
const SLICE_BUDGET_MS = 8;
/** Events between clock reads inside a slice. */
const CLOCK_CHECK_EVERY = 512;
const FRAME_INTERVAL_MS = 16;
const EMPTY_LEDGER = new Ledger();
const STATS_INTERVAL_MS = 100;

/**
 * A real-time run of one topology: sim time advances at wall time x speed, in slices
 * short enough that pause, step and speed changes are answered at once. Frames go to
 * the subscriber at most once per display frame.
 */
export function createSession(host: SessionHost) {
  let topology: Topology | undefined;
  let sim: Simulation | undefined;
  let state: RunState = 'idle';
  let speed = 1;
  let error: string | undefined;
  let listener: ((frame: Frame) => void) | undefined;
  let timer: unknown;
  // Sim time and wall time at the last (re)anchor: target sim time = anchorSim + elapsed x speed.
  let anchorWall = 0;
  let anchorSim = 0;
  let lastFrameAt = -Infinity;
  let lastStatsAt = -Infinity;
  let fallingBehind = false;
  /** Samples of the run already sent in a frame. */
  let samplesSent = 0;
  /** Set while running toward a stop time; the run pauses there. */
  let goal: RunGoal | null = null;

  function frame(withStats: boolean): Frame {
    const s = sim;
    const out: Frame = {
      state,
      simTimeMs: s ? s.now : 0,
      events: s ? s.events : 0,
      speed,
      totals: (s ? s.ledger : EMPTY_LEDGER).totals(),
      dots: s ? s.dots() : new Float32Array(0),
      dotMessages: s ? s.dotMessages() : new Float64Array(0),
      downNodes: s ? s.downNodes() : [],
      cutEdges: s ? s.cutEdges() : [],
      samples: s ? s.series.since(samplesSent) : [],
      fallingBehind,
      goal,
    };
    if (s) samplesSent = s.series.taken;
    if (withStats && s) out.nodeStats = s.nodeStats();
    if (error !== undefined) out.error = error;
    return out;
  }

  function emit(force: boolean): void {
    const t = host.now();
    if (!listener || (!force && t - lastFrameAt < FRAME_INTERVAL_MS)) return;
    const withStats = force || t - lastStatsAt >= STATS_INTERVAL_MS;
    lastFrameAt = t;
    if (withStats) lastStatsAt = t;
    listener(frame(withStats));
  }

  function stopTimer(): void {
    if (timer !== undefined) host.clearTimer(timer);
    timer = undefined;
  }

  function anchor(): void {
    anchorWall = host.now();
    anchorSim = sim ? sim.now : 0;
  }

  function fail(e: unknown): void {
    state = 'error';
    error = e instanceof Error ? e.message : String(e);
    stopTimer();
    emit(true);
  }

  function tick(): void {
    timer = undefined;
    if (state !== 'running' || !sim) return;
    const sliceStart = host.now();
    const stopAt = goal ? goal.toMs : Infinity;
    const target = goal?.fast ? stopAt : Math.min(stopAt, anchorSim + (sliceStart - anchorWall) * speed);
    try {
      let outOfTime = false;
      do {
        sim.runUntil(target, CLOCK_CHECK_EVERY);
        outOfTime = sim.nextEventTime <= target && host.now() - sliceStart > SLICE_BUDGET_MS;
      } while (!outOfTime && sim.nextEventTime <= target);
      // As fast as possible is never behind: it has no wall-time pace to keep.
      fallingBehind = outOfTime && !goal?.fast;
      // When behind, re-anchor so the debt does not grow without bound: the run slows
      // down visibly instead of freezing the worker to catch up.
      if (fallingBehind) anchor();
      if (sim.finished) state = 'finished';
      else if (sim.now >= stopAt) state = 'paused';
      if (state !== 'running') goal = null;
    } catch (e) {
      fail(e);
      return;
    }
    emit(state !== 'running');
    // Behind: yield only long enough to answer pending messages, then go on.
    if (state === 'running') timer = host.setTimer(tick, fallingBehind ? 0 : 4);
  }

  /** A fresh run at t = 0; `faults` replaces the topology's fault schedule (a replay). */
  function build(faults?: Fault[]): void {
    stopTimer();
    error = undefined;
    fallingBehind = false;
    samplesSent = 0;
    goal = null;
    sim = undefined;
    if (!topology) {
      state = 'idle';
      return;
    }
    try {
      sim = new Simulation(faults ? { ...topology, faults } : topology);
      // Always on in the app: a dot clicked now needs the hops it made before anyone looked.
      sim.recordEvents(EVENT_LOG_CAPACITY);
      state = 'paused';
    } catch (e) {
      state = 'error';
      error = e instanceof Error ? e.message : String(e);
    }
  }

  return {
    /** Replace the topology and start a fresh run (paused at t = 0). */
    load(next: Topology): Frame {
      topology = next;
      build();
      return frame(true);
    },
    play(): void {
      if (!sim || state === 'running' || state === 'error' || state === 'finished') return;
      state = 'running';
      anchor();
      tick();
    },
    /**
     * Run as fast as possible (in slices, so pause still answers) and pause at sim time
     * `untilMs`; frames carry the goal for a progress bar. Nothing happens if the run is
     * already there.
     */
    runTo(untilMs: number): void {
      if (!sim || state === 'error' || state === 'finished' || !Number.isFinite(untilMs) || untilMs <= sim.now) return;
      stopTimer();
      goal = { fromMs: sim.now, toMs: untilMs, fast: true };
      state = 'running';
      anchor();
      tick();
    },
    pause(): void {
      if (state !== 'running') return;
      stopTimer();
      state = 'paused';
      fallingBehind = false;
      goal = null;
      emit(true);
    },
    /** Process exactly one event (pausing first if running). */
    step(): Frame {
      if (!sim || state === 'error') return frame(true);
      stopTimer();
      try {
        sim.step();
        state = sim.finished ? 'finished' : 'paused';
      } catch (e) {
        fail(e);
      }
      fallingBehind = false;
      goal = null;
      return frame(true);
    },
    /**
     * Process events (pausing first if running) until one delivers a message to a final
     * consumer, the run finishes, or MAX_EVENTS_TO_DELIVERY events went by without one.
     */
    stepToDelivery(): Frame {
      if (!sim || state === 'error' || state === 'finished') return frame(true);
      stopTimer();
      goal = null;
      fallingBehind = false;
      const before = sim.ledger.delivered;
      try {
        let n = 0;
        while (n < MAX_EVENTS_TO_DELIVERY && sim.ledger.delivered === before && sim.step()) n++;
        state = sim.finished ? 'finished' : 'paused';
      } catch (e) {
        fail(e);
      }
      return frame(true);
    },
    /**
     * Rerun from t = 0 with the same topology, seed and fault schedule (the faults injected
     * live included), at wall time x speed, pausing where this run is now: the same run again.
     */
    replay(): Frame {
      if (!sim) return frame(true);
      const until = sim.now;
      const faults = [...sim.faultSchedule()];
      build(faults);
      if (sim && state === 'paused' && until > 0) {
        goal = { fromMs: 0, toMs: until, fast: false };
        state = 'running';
        anchor();
        tick();
      }
      return frame(true);
    },
    /** Back to t = 0 with the same topology and seed. */
    reset(): Frame {
      build();
      return frame(true);
    },
    /**
     * Crash or restart a node, cut or heal a link, now. It joins the run's fault schedule
     * (see `faultSchedule`), so a replay with that schedule reproduces the run.
     */
    injectFault(fault: Fault): Frame {
      if (!sim || state === 'error') return frame(true);
      try {
        sim.injectFault(fault);
        // Apply it before anything else happens at this instant.
        sim.runUntil(sim.now);
      } catch (e) {
        fail(e);
      }
      return frame(true);
    },
    /**
     * Node `nodeId` takes `config` from the current sim time on, and so does every later
     * run of this session (reset, replay): they start with it. Returns null when it applied,
     * else the name of the setting that needs a fresh run (nothing changed then).
     */
    reconfigure(nodeId: string, config: Topology['nodes'][number]['config']): string | null {
      if (!topology) return null;
      const node = topology.nodes.find((n) => n.id === nodeId);
      if (!node) return 'node';
      const refused = sim ? sim.reconfigure(nodeId, config) : undefined;
      if (refused !== undefined) return refused;
      topology = { ...topology, nodes: topology.nodes.map((n) => (n.id === nodeId ? ({ ...n, config } as typeof n) : n)) };
      emit(true);
      return null;
    },
    /** Edge `edgeId` takes link settings `link` from now on, as `reconfigure` does for a node. */
    relink(edgeId: string, link: LinkConfig): string | null {
      if (!topology) return null;
      if (!topology.edges.some((e) => e.id === edgeId)) return 'edge';
      const refused = sim ? sim.relink(edgeId, link) : undefined;
      if (refused !== undefined) return refused;
      topology = { ...topology, edges: topology.edges.map((e) => (e.id === edgeId ? { ...e, link } : e)) };
      return null;
    },
    /** What a node holds now, message by message (at most `limit`, 1..MAX_HELD_LISTED); null before a run or for an unknown node. */
    heldMessages(nodeId: string, limit: number): NodeMessages | null {
      if (!sim) return null;
      const n = Number.isFinite(limit) ? Math.min(MAX_HELD_LISTED, Math.max(1, Math.floor(limit))) : MAX_HELD_LISTED;
      return sim.heldMessages(nodeId, n) ?? null;
    },
    /**
     * A page of the event log: the events matching `query`, oldest first, from `offset`
     * among the matches (negative: from the end), at most `limit` (1..MAX_EVENT_PAGE);
     * null before a run.
     */
    events(query: EventQuery, offset: number, limit: number): EventPage | null {
      if (!sim) return null;
      const n = Number.isFinite(limit) ? Math.min(MAX_EVENT_PAGE, Math.max(1, Math.floor(limit))) : MAX_EVENT_PAGE;
      return sim.loggedEvents(query, Number.isFinite(offset) ? Math.trunc(offset) : 0, n) ?? null;
    },
    /** Message `id`'s hops and fates as the event log holds them; null before a run. */
    messageTrace(id: number): MessageTrace | null {
      return sim?.messageTrace(id) ?? null;
    },
    faultSchedule(): Fault[] {
      return sim ? [...sim.faultSchedule()] : [];
    },
    setSpeed(next: number): void {
      if (!Number.isFinite(next)) return;
      speed = Math.min(MAX_SPEED, Math.max(MIN_SPEED, next));
      anchor();
      emit(true);
    },
    subscribe(onFrame: (frame: Frame) => void): void {
      listener = onFrame;
      emit(true);
    },
  };
}

export type Session = ReturnType<typeof createSession>;
