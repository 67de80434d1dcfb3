import { describe, expect, it } from 'vitest';
import { baselineLoop, benchTopology } from './bench.ts';
import { runCli } from './main.ts';

// Shapes and arithmetic only: no timing thresholds, test machines are noisy.

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const positiveFinite = (x: unknown): void => {
  expect(typeof x).toBe('number');
  expect(Number.isFinite(x)).toBe(true);
  expect(x as number).toBeGreaterThan(0);
};

describe('msgflow bench', () => {
  it('prints one JSON object with throughput, ratio, memory and machine', async () => {
    const { code, out, err } = await cli('bench', '--json', '--events', '20000', '--runs', '1', '--messages', '50000');
    expect(err).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        'eventsPerSec',
        'baselineEventsPerSec',
        'ratio',
        'events',
        'runs',
        'messages',
        'heapStartMB',
        'heapEndMB',
        'heapMaxMB',
        'machine',
      ]),
    );
    for (const key of ['eventsPerSec', 'baselineEventsPerSec', 'ratio', 'heapStartMB', 'heapEndMB', 'heapMaxMB']) {
      positiveFinite(r[key]);
    }
    expect(r.ratio).toBeCloseTo(r.eventsPerSec / r.baselineEventsPerSec, 12);
    expect(r.events).toBeGreaterThanOrEqual(20000);
    expect(r.runs).toBe(1);
    expect(r.samples.engine).toHaveLength(1);
    expect(r.samples.baseline).toHaveLength(1);
    expect(r.messages).toBeGreaterThanOrEqual(50000);
    expect(r.heapMaxMB).toBeGreaterThanOrEqual(r.heapStartMB);
    expect(r.heapMaxMB).toBeGreaterThanOrEqual(r.heapEndMB);
    expect(typeof r.heapAfterGc).toBe('boolean');
    expect(typeof r.targets.eventsPerSec).toBe('boolean');
    expect(typeof r.targets.ratio).toBe('boolean');
    expect(typeof r.targets.memoryFlat).toBe('boolean');
    expect(r.machine.cpu).toEqual(expect.any(String));
    expect(r.machine.cores).toBeGreaterThan(0);
    expect(r.machine.node).toBe(process.version);
  });

  it('skips the memory run with --messages 0 and prints a readable table without --json', async () => {
    const { code, out } = await cli('bench', '--events', '20000', '--runs', '1', '--messages', '0');
    expect(code).toBe(0);
    expect(out).toMatch(/engine\s+[\d,]+ events\/s/);
    expect(out).toMatch(/baseline\s+[\d,]+ events\/s/);
    expect(out).toMatch(/ratio\s+\d+\.\d+/);
    expect(out).toMatch(/memory: skipped/);
    expect(out).toMatch(/engine >= 2,000,000 events\/s\s+(met|NOT MET)/);
    expect(out).toMatch(/All measured targets are met\.|Targets not met: /);
  });

  it('takes the median of the runs', async () => {
    const r = JSON.parse((await cli('bench', '--json', '--events', '20000', '--runs', '3', '--messages', '0')).out);
    expect(r.samples.engine).toHaveLength(3);
    const sorted = [...(r.samples.baseline as number[])].sort((a, b) => a - b);
    expect(Math.abs(r.baselineEventsPerSec - sorted[1]!)).toBeLessThanOrEqual(1);
    expect(r.messages).toBe(0);
    expect(r.heapStartMB).toBeNull();
    expect(r.targets.memoryFlat).toBeNull();
  });

  it.each([
    [['--events', '0'], /--events must be an integer from 1000 to 1000000000, got "0"/],
    [['--events', '1e12'], /--events must be an integer/],
    [['--runs', '2.5'], /--runs must be an integer from 1 to 100/],
    [['--runs', ''], /--runs must be an integer/],
    [['--messages=-1'], /--messages must be an integer from 0/],
    [['--messages', 'lots'], /--messages must be an integer/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['topology.json'], /unexpected argument "topology.json"/],
  ])('refuses bad options %j with exit 1', async (args, message) => {
    const { code, out, err } = await cli('bench', ...args);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/^msgflow bench: /);
    expect(err).toMatch(message);
  });
});

describe('bench internals', () => {
  it('builds a valid topology of 20 producers, one queue and 20 consumers', () => {
    const t = benchTopology();
    const count = (kind: string) => t.nodes.filter((n) => n.kind === kind).length;
    expect([count('producer'), count('queue'), count('consumer')]).toEqual([20, 1, 20]);
    expect(t.edges).toHaveLength(40);
    expect(t.edges.every((e) => e.link.loss === 0.01)).toBe(true);
    // Without an ack timeout, deliveries lost on the way to consumers would stall the run.
    const queue = t.nodes.find((n) => n.kind === 'queue');
    expect(queue?.kind === 'queue' && queue.config.ackTimeoutMs).toBe(100);
  });

  it('runs the baseline for exactly the events asked, deterministically', () => {
    const clock = () => performance.now();
    const a = baselineLoop(10_000, clock);
    const b = baselineLoop(10_000, clock);
    expect(a.events).toBe(10_000);
    expect(b.checksum).toBe(a.checksum);
    expect(baselineLoop(10_001, clock).checksum).not.toBe(a.checksum);
  });
});
