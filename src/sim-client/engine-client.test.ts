import { expose } from 'comlink';
import { describe, expect, it } from 'vitest';
import { FORMAT, type Topology } from '../model/index.ts';
import { createEngineClient, WorkerCrashedError } from './engine-client.ts';
import type { Frame } from '../engine/session-types.ts';

const TOPOLOGY: Topology = { format: FORMAT, name: 't', seed: 1, nodes: [], edges: [], faults: [] };

function frame(state: Frame['state']): Frame {
  return {
    state,
    simTimeMs: 0,
    events: 0,
    speed: 1,
    totals: { produced: 0, created: 0, delivered: 0, duplicates: 0, duplicatesSuppressed: 0, inFlight: 0, lost: 0, deadLettered: 0, rejected: 0 },
    dots: new Float32Array(0),
    downNodes: [],
    cutEdges: [],
    samples: [],
    fallingBehind: false,
    goal: null,
  };
}

/** A stand-in Worker: a MessagePort pair with a fake engine on the far side. */
function fakeWorker(options: { hangPlay?: boolean } = {}) {
  const { port1, port2 } = new MessageChannel();
  let onFrame: ((f: Frame) => void) | undefined;
  expose(
    {
      load: () => frame('paused'),
      play: () => (options.hangPlay ? new Promise<void>(() => {}) : onFrame?.(frame('running'))),
      pause: () => undefined,
      step: () => frame('paused'),
      reset: () => frame('paused'),
      setSpeed: () => undefined,
      subscribe: (cb: (f: Frame) => void) => {
        onFrame = cb;
      },
    },
    port2,
  );
  const worker = Object.assign(port1, {
    terminated: false,
    onerror: null as ((event: { message: string; preventDefault(): void }) => void) | null,
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
  });
  return worker;
}

type FakeWorker = ReturnType<typeof fakeWorker>;

describe('engine client', () => {
  it('starts the worker lazily and forwards frames only after a load', async () => {
    const spawned: FakeWorker[] = [];
    const client = createEngineClient(() => {
      const w = fakeWorker();
      spawned.push(w);
      return w as unknown as Worker;
    });
    expect(spawned).toHaveLength(0);
    const states: string[] = [];
    client.onFrame((f) => states.push(f.state));
    await client.load(TOPOLOGY);
    expect(spawned).toHaveLength(1);
    await client.play();
    await new Promise((r) => setTimeout(r, 20));
    expect(states).toEqual(['paused', 'running']);
  });

  it('reports a crash, rejects waiting calls and restarts on the next call', async () => {
    const spawned: FakeWorker[] = [];
    const client = createEngineClient(() => {
      const w = fakeWorker({ hangPlay: spawned.length === 0 });
      spawned.push(w);
      return w as unknown as Worker;
    });
    const crashes: string[] = [];
    client.onCrash((reason) => crashes.push(reason));
    await client.load(TOPOLOGY);
    const waiting = client.play();
    spawned[0]?.onerror?.({ message: 'boom', preventDefault() {} });
    await expect(waiting).rejects.toBeInstanceOf(WorkerCrashedError);
    expect(crashes).toEqual(['boom']);
    expect(spawned[0]?.terminated).toBe(true);

    await client.load(TOPOLOGY);
    expect(spawned).toHaveLength(2);
    for (const w of spawned) w.terminate();
  });
});
