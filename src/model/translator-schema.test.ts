import { describe, expect, it } from 'vitest';
import { ALLOWED_TARGETS, claimCheckConfigSchema, connectionProblem, loadTopology, SINGLE_OUTPUT, TRANSLATOR_KINDS } from './index.ts';

/** The load errors of a one-node topology, as "path: message". */
function issues(node: object): string[] {
  const r = loadTopology({ format: 'msgflow/1', nodes: [node], edges: [] });
  return r.ok ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('SEMANTICS §5 translator configs: bad settings are refused with the field named', () => {
  it('a translator: two headers renamed to one name, an unknown placeholder in the key, a bad header name', () => {
    expect(issues({ id: 't', kind: 'translator', config: { renameHeaders: { a: 'x', b: 'x' } } })).toEqual([
      'nodes[0].config.renameHeaders.b (node "t"): two headers are renamed to "x"',
    ]);
    expect(issues({ id: 't', kind: 'translator', config: { key: 'eu.{region}' } })).toEqual([
      'nodes[0].config.key (node "t"): unknown placeholder {region}: use {seq} or {key}',
    ]);
    expect(issues({ id: 't', kind: 'translator', config: { removeHeaders: ['a:b'] } })).toEqual([
      'nodes[0].config.removeHeaders[0] (node "t"): a header name is not blank and has no ":" or line break',
    ]);
    expect(issues({ id: 't', kind: 'translator', config: { sizeAddBytes: 1.5 } })).toHaveLength(1);
  });

  it('a content filter keeps a share of the body (0 to 1); an enricher needs a concurrency of at least 1', () => {
    expect(issues({ id: 'f', kind: 'content-filter', config: { sizeFactor: 1.5 } })[0]).toMatch(/^nodes\[0\]\.config\.sizeFactor/);
    expect(issues({ id: 'e', kind: 'content-enricher', config: { concurrency: 0 } })[0]).toMatch(/^nodes\[0\]\.config\.concurrency/);
    expect(issues({ id: 'e', kind: 'content-enricher', config: { failureProbability: 2 } })[0]).toMatch(/^nodes\[0\]\.config\.failureProbability/);
  });

  it('an envelope wrapper and a claim check: their modes, a named store, whole bytes', () => {
    expect(issues({ id: 'w', kind: 'envelope-wrapper', config: { mode: 'open' } })[0]).toMatch(/^nodes\[0\]\.config\.mode/);
    expect(issues({ id: 'c', kind: 'claim-check', config: { store: '' } })).toEqual(['nodes[0].config.store (node "c"): must not be empty']);
    expect(issues({ id: 'c', kind: 'claim-check', config: { tokenBytes: -1 } })[0]).toMatch(/^nodes\[0\]\.config\.tokenBytes/);
    expect(claimCheckConfigSchema.parse({})).toEqual({ mode: 'check-in', store: 'claims', tokenBytes: 64, durableStore: false, removeOnCheckOut: true });
  });
});

describe('where translators sit in a topology', () => {
  it('each has one output and passes on to channels, routers, other translators and consumers', () => {
    for (const kind of TRANSLATOR_KINDS) {
      expect(SINGLE_OUTPUT[kind]).toBe(true);
      expect(ALLOWED_TARGETS[kind]).toEqual(expect.arrayContaining(['queue', 'topic', 'exchange', 'consumer', ...TRANSLATOR_KINDS]));
      expect(ALLOWED_TARGETS.producer).toContain(kind);
      expect(ALLOWED_TARGETS.topic).toContain(kind);
    }
  });

  it('a queue hands messages to consumers only: a claim check after a queue is refused', () => {
    expect(connectionProblem('queue', 'claim-check')).toMatch(/^a queue can feed a consumer/);
  });
});
