import type { Fault, Topology } from '../model/index.ts';
import { Ledger } from './ledger/ledger.ts';
import { Simulation } from './simulation.ts';
import { MAX_HELD_LISTED, MAX_SPEED, MIN_SPEED, type Frame, type NodeMessages, type RunState } from './session-types.ts';

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

  function frame(withStats: boolean): Frame {
    const s = sim;
    const out: Frame = {
      state,
      simTimeMs: s ? s.now : 0,
      events: s ? s.events : 0,
      speed,
      totals: (s ? s.ledger : EMPTY_LEDGER).totals(),
      dots: s ? s.dots() : new Float32Array(0),
      downNodes: s ? s.downNodes() : [],
      cutEdges: s ? s.cutEdges() : [],
      samples: s ? s.series.since(samplesSent) : [],
      fallingBehind,
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
    const target = anchorSim + (sliceStart - anchorWall) * speed;
    try {
      let outOfTime = false;
      do {
        sim.runUntil(target, CLOCK_CHECK_EVERY);
        outOfTime = sim.nextEventTime <= target && host.now() - sliceStart > SLICE_BUDGET_MS;
      } while (!outOfTime && sim.nextEventTime <= target);
      fallingBehind = outOfTime;
      // When behind, re-anchor so the debt does not grow without bound: the run slows
      // down visibly instead of freezing the worker to catch up.
      if (outOfTime) anchor();
      if (sim.finished) state = 'finished';
    } catch (e) {
      fail(e);
      return;
    }
    emit(state !== 'running');
    // Behind: yield only long enough to answer pending messages, then go on.
    if (state === 'running') timer = host.setTimer(tick, fallingBehind ? 0 : 4);
  }

  function build(): void {
    stopTimer();
    error = undefined;
    fallingBehind = false;
    samplesSent = 0;
    sim = undefined;
    if (!topology) {
      state = 'idle';
      return;
    }
    try {
      sim = new Simulation(topology);
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
    pause(): void {
      if (state !== 'running') return;
      stopTimer();
      state = 'paused';
      fallingBehind = false;
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
    /** What a node holds now, message by message (at most `limit`, 1..MAX_HELD_LISTED); null before a run or for an unknown node. */
    heldMessages(nodeId: string, limit: number): NodeMessages | null {
      if (!sim) return null;
      const n = Number.isFinite(limit) ? Math.min(MAX_HELD_LISTED, Math.max(1, Math.floor(limit))) : MAX_HELD_LISTED;
      return sim.heldMessages(nodeId, n) ?? null;
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
