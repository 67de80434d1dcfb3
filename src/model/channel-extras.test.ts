import { describe, expect, it } from 'vitest';
import { loadTopology, nodeSchema, type NodeKind, type TopologyNode } from './index.ts';
import { withoutStaleReferences } from './references.ts';

/** The load errors of a one-node topology, as "path: message". */
function issues(node: object): string[] {
  const r = loadTopology({ format: 'msgflow/1', nodes: [node], edges: [] });
  return r.ok ? [] : r.error.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('SQS-2 an SQS FIFO queue is named *.fifo, a Standard one is not', () => {
  const fifo = { ordering: 'per-group', deduplication: 'message-id' };

  it('a per-group queue with deduplication (SQS FIFO) needs a name ending in .fifo: its label, else its id', () => {
    expect(issues({ id: 'orders', kind: 'queue', config: fifo })).toEqual([
      'nodes[0].id (node "orders"): an SQS FIFO queue\'s name must end in .fifo (per-group order with deduplication is SQS FIFO): name it e.g. "orders.fifo"',
    ]);
    expect(issues({ id: 'orders', label: 'Orders', kind: 'queue', config: fifo })).toEqual([
      'nodes[0].label (node "orders"): an SQS FIFO queue\'s name must end in .fifo (per-group order with deduplication is SQS FIFO): name it e.g. "Orders.fifo"',
    ]);
    expect(issues({ id: 'orders', label: 'orders.fifo', kind: 'queue', config: fifo })).toEqual([]);
    expect(issues({ id: 'orders.fifo', kind: 'queue', config: fifo })).toEqual([]);
  });

  it('a best-effort queue (SQS Standard) must not be named *.fifo', () => {
    expect(issues({ id: 'q', label: 'orders.fifo', kind: 'queue', config: { ordering: 'best-effort' } })).toEqual([
      'nodes[0].label (node "q"): an SQS Standard queue\'s name must not end in .fifo (best-effort order is SQS Standard)',
    ]);
  });

  it('queues that are neither (FIFO, per-group without deduplication) may be named anything', () => {
    expect(issues({ id: 'q', kind: 'queue', config: { ordering: 'per-group' } })).toEqual([]);
    expect(issues({ id: 'q.fifo', kind: 'queue', config: { ordering: 'fifo', deduplication: 'content' } })).toEqual([]);
  });

  it('the node schema alone checks it too (the inspector validates one node)', () => {
    const parsed = nodeSchema.safeParse({ id: 'n', kind: 'queue', label: 'payments', config: fifo });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['label', 'an SQS FIFO queue\'s name must end in .fifo (per-group order with deduplication is SQS FIFO): name it e.g. "payments.fifo"'],
    ]);
  });
});

describe('the invalid-message channel is a reference: pruned when its queue goes', () => {
  const consumer: TopologyNode = nodeSchema.parse({ id: 'c', kind: 'consumer', config: { invalidMessage: { when: { key: 'bad' }, target: 'invalid' } } });
  const context = (kinds: Partial<Record<string, NodeKind>>) => ({ kindOf: (id: string) => kinds[id], linked: () => false });

  it('kept while the target is a queue', () => {
    expect(withoutStaleReferences(consumer, context({ invalid: 'queue' }))).toEqual({ node: consumer, cleared: [] });
  });

  it('dropped, with a sentence, when the target is deleted or no longer a queue', () => {
    for (const kinds of [{}, { invalid: 'topic' }] satisfies Partial<Record<string, NodeKind>>[]) {
      const { node, cleared } = withoutStaleReferences(consumer, context(kinds));
      expect(node.kind === 'consumer' && node.config.invalidMessage).toBeUndefined();
      expect(cleared).toEqual(['"c" lost its invalid-message channel, so it now processes every message.']);
    }
  });
});
