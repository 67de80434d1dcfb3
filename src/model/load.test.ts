import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbitraryTopology } from './arbitrary.ts';
import { describeLoadError, loadTopology, type LoadResult } from './load.ts';

const scenario = readFileSync(new URL('../../public/scenarios/work-queue.json', import.meta.url), 'utf8');

function base(): Record<string, unknown> {
  return {
    format: 'msgflow/1',
    nodes: [
      { id: 'p', kind: 'producer' },
      { id: 'q', kind: 'queue' },
      { id: 'c', kind: 'consumer' },
    ],
    edges: [
      { id: 'e1', source: 'p', target: 'q' },
      { id: 'e2', source: 'q', target: 'c' },
    ],
  };
}

function issues(result: LoadResult): { path: string; message: string }[] {
  if (result.ok) throw new Error('expected the load to fail');
  return result.error.issues;
}

describe('loadTopology', () => {
  it('accepts the default scenario', () => {
    const result = loadTopology(scenario);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.topology.nodes.map((n) => n.kind)).toEqual(['producer', 'queue', 'consumer', 'consumer']);
  });

  it('fills defaults for omitted settings', () => {
    const result = loadTopology(base());
    if (!result.ok) throw new Error(describeLoadError(result.error));
    const [p, , c] = result.topology.nodes;
    expect(p!.kind === 'producer' && p!.config.rate).toEqual({ dist: 'constant', perSecond: 5 });
    expect(c!.kind === 'consumer' && c!.config.prefetch).toBe(1);
    expect(result.topology.edges[0]!.link).toEqual({ latencyMs: { dist: 'fixed', value: 5 }, jitterMs: 0, loss: 0, duplication: 0, ordered: true, partitionHoldMs: 30_000 });
  });

  it('accepts every generated topology', () => {
    fc.assert(
      fc.property(arbitraryTopology(), (t) => {
        expect(loadTopology(JSON.parse(JSON.stringify(t))).ok).toBe(true);
      }),
    );
  });

  it.each([
    ['not JSON', '{"format": "msgflow/1", nodes: []}', 'not-a-topology', '(root)', /not valid JSON/],
    ['an array', '[]', 'not-a-topology', '(root)', /JSON object/],
    ['no format tag', '{"nodes": [], "edges": []}', 'not-a-topology', 'format', /got none/],
    ['a newer format', '{"format": "msgflow/99", "nodes": [], "edges": []}', 'too-new', 'format', /msgflow\/99/],
  ])('refuses %s', (_name, text, kind, path, message) => {
    const result = loadTopology(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe(kind);
    expect(result.error.issues[0]!.path).toBe(path);
    expect(result.error.issues[0]!.message).toMatch(message);
  });

  const invalid: [string, (doc: Record<string, unknown>) => void, string, RegExp][] = [
    ['a negative rate', (d) => ((d.nodes as object[])[0] = { id: 'p', kind: 'producer', config: { rate: { dist: 'poisson', perSecond: -3 } } }), 'nodes[0].config.rate.perSecond (node "p")', />0/],
    ['an unknown node kind', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'router' }), 'nodes[1].kind (node "q")', /producer.*queue.*topic.*consumer/],
    ['a loss above 1', (d) => ((d.edges as object[])[0] = { id: 'e1', source: 'p', target: 'q', link: { loss: 1.5 } }), 'edges[0].link.loss (edge "e1")', /<=1/],
    ['an unknown setting', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'queue', config: { capcity: 3 } }), 'nodes[1].config (node "q")', /capcity/],
    ['uniform max below min', (d) => ((d.edges as object[])[0] = { id: 'e1', source: 'p', target: 'q', link: { latencyMs: { dist: 'uniform', min: 9, max: 2 } } }), 'edges[0].link.latencyMs.max (edge "e1")', /at least min/],
    ['prefetch below concurrency', (d) => ((d.nodes as object[])[2] = { id: 'c', kind: 'consumer', config: { concurrency: 4, prefetch: 2 } }), 'nodes[2].config.prefetch (node "c")', /concurrency/],
    ['a duplicate node id', (d) => (d.nodes as object[]).push({ id: 'q', kind: 'topic' }), 'nodes[3].id (node "q")', /duplicate/],
    ['an edge to a missing node', (d) => (d.edges as object[]).push({ id: 'e3', source: 'q', target: 'ghost' }), 'edges[2].target (edge "e3")', /no node with id "ghost"/],
    ['a consumer with two outputs', (d) => { (d.nodes as object[]).push({ id: 'c2', kind: 'consumer' }, { id: 'c3', kind: 'consumer' }); (d.edges as object[]).push({ id: 'e3', source: 'c', target: 'c2' }, { id: 'e4', source: 'c', target: 'c3' }); }, 'edges[3].source (edge "e4")', /consumer sends to one channel/],
    ['a queue feeding a queue', (d) => { (d.nodes as object[]).push({ id: 'q2', kind: 'queue' }); (d.edges as object[]).push({ id: 'e3', source: 'q', target: 'q2' }); }, 'edges[2].target (edge "e3")', /queue can feed a consumer or a replier or a requester, not a queue/],
    ['a producer with two outputs', (d) => (d.edges as object[]).push({ id: 'e3', source: 'p', target: 'c' }), 'edges[2].source (edge "e3")', /one channel/],
    ['a self loop', (d) => (d.edges as object[]).push({ id: 'e3', source: 'q', target: 'q' }), 'edges[2].target (edge "e3")', /itself/],
    ['a repeated connection', (d) => (d.edges as object[]).push({ id: 'e3', source: 'q', target: 'c' }), 'edges[2] (edge "e3")', /already connected/],
    ['a huge seed', (d) => (d.seed = 2 ** 40), 'seed', /4294967295/],
    ['a dead-letter target that does not exist', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'queue', config: { deadLetterTarget: 'dlq' } }), 'nodes[1].config.deadLetterTarget (node "q")', /no node with id "dlq"/],
    ['a dead-letter target that is a consumer', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'queue', config: { deadLetterTarget: 'c' } }), 'nodes[1].config.deadLetterTarget (node "q")', /a queue, a topic or an exchange, not a consumer/],
    ['a queue dead-lettering into itself', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'queue', config: { deadLetterTarget: 'q' } }), 'nodes[1].config.deadLetterTarget (node "q")', /itself/],
    ['an unknown overflow policy', (d) => ((d.nodes as object[])[1] = { id: 'q', kind: 'queue', config: { overflow: 'drop-tail' } }), 'nodes[1].config.overflow (node "q")', /drop-head.*reject-publish.*block/],
    ['a bad id', (d) => ((d.nodes as object[])[0] = { id: 'has space', kind: 'producer' }), 'nodes[0].id (node "has space")', /letters, digits/],
  ];

  it.each(invalid)('names the path of %s', (_name, mutate, path, message) => {
    const doc = base();
    mutate(doc);
    const found = issues(loadTopology(doc));
    const match = found.find((i) => i.path === path);
    expect(match, `issues were: ${JSON.stringify(found)}`).toBeDefined();
    expect(match!.message).toMatch(message);
  });
});

describe('empirical distributions', () => {
  const withLatency = (percentiles: object[]) =>
    loadTopology({ format: 'msgflow/1', nodes: [{ id: 'p', kind: 'producer' }, { id: 'c', kind: 'consumer' }], edges: [{ id: 'e', source: 'p', target: 'c', link: { latencyMs: { dist: 'empirical', percentiles } } }] });

  it('accepts percentiles from p 0 to p 100', () => {
    expect(withLatency([{ p: 0, value: 1 }, { p: 50, value: 5 }, { p: 100, value: 9 }]).ok).toBe(true);
  });

  it.each([
    [[{ p: 10, value: 1 }, { p: 100, value: 9 }], 'edges[0].link.latencyMs.percentiles[0].p (edge "e")', /p 0/],
    [[{ p: 0, value: 1 }, { p: 90, value: 9 }], 'edges[0].link.latencyMs.percentiles[1].p (edge "e")', /p 100/],
    [[{ p: 0, value: 5 }, { p: 50, value: 2 }, { p: 100, value: 9 }], 'edges[0].link.latencyMs.percentiles[1].value (edge "e")', /must not decrease/],
    [[{ p: 0, value: 1 }, { p: 0, value: 2 }, { p: 100, value: 9 }], 'edges[0].link.latencyMs.percentiles[1].p (edge "e")', /increase/],
  ])('refuses %j naming the point', (points, path, message) => {
    const result = withLatency(points);
    if (result.ok) throw new Error('expected a failure');
    const issue = result.error.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.error.issues)).toBeDefined();
    expect(issue!.message).toMatch(message);
  });
});

it('refuses an empirical message size above the 1 GiB cap, naming the point', () => {
  const result = loadTopology({
    format: 'msgflow/1',
    nodes: [{ id: 'p', kind: 'producer', config: { sizeBytes: { dist: 'empirical', percentiles: [{ p: 0, value: 1 }, { p: 100, value: 2 ** 31 }] } } }],
    edges: [],
  });
  if (result.ok) throw new Error('expected a failure');
  expect(result.error.issues.map((i) => i.path)).toContain('nodes[0].config.sizeBytes.percentiles[1].value (node "p")');
});
