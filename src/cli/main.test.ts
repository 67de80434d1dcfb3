import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './main.ts';

const scenario = new URL('../../public/scenarios/work-queue.json', import.meta.url).pathname;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempFile(content: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'msgflow-')), 'topology.json');
  writeFileSync(file, content);
  return file;
}

describe('msgflow run', () => {
  it('prints the run report as one JSON object', async () => {
    const { code, out } = await cli('run', scenario, '--until', '30000', '--json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['seed', 'simTimeMs', 'events', 'wallMs', 'ledger', 'reordered', 'latencyMs', 'nodes', 'traceHash']),
    );
    expect(report.seed).toBe(42);
    expect(report.simTimeMs).toBe(30000);
    const l = report.ledger;
    const lost = Object.values(l.lost as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(l.created).toBe(l.delivered + lost + l.rejected + l.inFlight);
    expect(report.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(report.nodes)).toEqual(['orders', 'work', 'worker-1', 'worker-2']);
  });

  it('is deterministic per seed, and --seed changes the run', async () => {
    const a = JSON.parse((await cli('run', scenario, '--json', '--until', '10000')).out);
    const b = JSON.parse((await cli('run', scenario, '--json', '--until', '10000')).out);
    const c = JSON.parse((await cli('run', scenario, '--json', '--until', '10000', '--seed', '7')).out);
    expect(b.traceHash).toBe(a.traceHash);
    expect(c.seed).toBe(7);
    expect(c.traceHash).not.toBe(a.traceHash);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await cli('run', scenario, '--until', '5000');
    expect(code).toBe(0);
    expect(out).toMatch(/5000 ms simulated/);
    expect(out).toMatch(/delivered \d+/);
  });

  describe('--held NODE: the messages a node holds at the end, each with its delivery attempt and redelivered flag', () => {
    // SCENARIOS 7: processing (40 s) outlasts the visibility timeout (30 s).
    const file = tempFile(
      JSON.stringify({
        format: 'msgflow/1',
        nodes: [
          { id: 'p', kind: 'producer', config: { limit: 3, rate: { dist: 'constant', perSecond: 100 } } },
          { id: 'q', kind: 'queue', config: { ackTimeoutMs: 30_000 } },
          { id: 'c', kind: 'consumer', config: { processingMs: { dist: 'fixed', value: 40_000 } } },
        ],
        edges: [
          { id: 'e1', source: 'p', target: 'q' },
          { id: 'e2', source: 'q', target: 'c' },
        ],
      }),
    );

    it('as a table: the consumer still works on attempt 1 while attempt 2 of the same message waits behind it', async () => {
      const { code, out } = await cli('run', file, '--until', '35000', '--held', 'q', '--held', 'c');
      expect(code).toBe(0);
      expect(out).toMatch(/held by q at 35000 ms: ready 2, unacked 1/);
      expect(out).toMatch(/^\s+0\s+p#0\s+-\s+unacked -> c\s+2\s+yes/m);
      expect(out).toMatch(/held by c at 35000 ms: processing 1, backlog 1/);
      expect(out).toMatch(/^\s+0\s+p#0\s+-\s+processing\s+1\s+no/m);
      expect(out).toMatch(/^\s+0\s+p#0\s+-\s+backlog\s+2\s+yes/m);
    });

    it('in the JSON report under "held"', async () => {
      const report = JSON.parse((await cli('run', file, '--until', '35000', '--held', 'c', '--json')).out);
      expect(report.held.c.counts).toEqual({ processing: 1, backlog: 1 });
      expect(report.held.c.messages.map((m: { attempts: number; redelivered: boolean }) => [m.attempts, m.redelivered])).toEqual([
        [1, false],
        [2, true],
      ]);
    });

    it('names a node that is not there', async () => {
      const { code, err } = await cli('run', file, '--held', 'nope');
      expect(code).toBe(1);
      expect(err).toMatch(/--held: .* has no node "nope"/);
    });
  });

  it.each([
    [['--until=-5'], /--until must be a number from 0/],
    [['--until', '1e99'], /--until must be a number/],
    [['--seed', '1.5'], /--seed must be an integer/],
    [['--bogus'], /Unknown option '--bogus'/],
  ])('refuses bad options %j with exit 1', async (args, message) => {
    const { code, err } = await cli('run', scenario, ...args);
    expect(code).toBe(1);
    expect(err).toMatch(message);
  });
});

describe('msgflow validate', () => {
  it('accepts a valid file', async () => {
    const { code, out } = await cli('validate', scenario);
    expect(code).toBe(0);
    expect(out).toMatch(/valid msgflow\/1 topology, 4 nodes, 3 edges/);
  });

  it('prints the design review of a valid file and still exits 0', async () => {
    const file = tempFile(
      JSON.stringify({ format: 'msgflow/1', nodes: [{ id: 'p', kind: 'producer' }], edges: [] }),
    );
    const { code, out } = await cli('validate', file);
    expect(code).toBe(0);
    expect(out).toMatch(/warning producer-without-route \(node "p"\): .*lost:unroutable.* Fix: Link the producer/);
  });

  it('exits 1 naming the JSON path of each problem', async () => {
    const file = tempFile(
      JSON.stringify({
        format: 'msgflow/1',
        nodes: [{ id: 'p', kind: 'producer', config: { rate: { dist: 'poisson', perSecond: 0 } } }],
        edges: [],
      }),
    );
    const { code, err } = await cli('validate', file);
    expect(code).toBe(1);
    expect(err).toMatch(/nodes\[0\]\.config\.rate\.perSecond \(node "p"\): Too small/);
  });

  it('exits 1 on a file that is not JSON or does not exist', async () => {
    expect((await cli('validate', tempFile('{ nope'))).err).toMatch(/not valid JSON/);
    const missing = await cli('validate', '/nonexistent/x.json');
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/cannot read .*ENOENT/);
  });

  it('exits 1 on an unknown command', async () => {
    const { code, err } = await cli('frobnicate');
    expect(code).toBe(1);
    expect(err).toMatch(/unknown command "frobnicate"/);
  });
});
