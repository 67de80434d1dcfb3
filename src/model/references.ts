import type { NodeKind, Scenario, TopologyNode } from './schema.ts';

/** What a node's references are checked against: every node's kind, and which nodes each node links to. */
export interface ReferenceContext {
  kindOf(id: string): NodeKind | undefined;
  linked(from: string, to: string): boolean;
}

/**
 * A node's config without the references the schema would refuse after an edit elsewhere
 * (a node deleted, a link removed): a dead-letter target, alternate exchange or
 * invalid-message channel that is gone or of the wrong kind, router outputs no longer linked, ACL entries naming deleted nodes.
 * Returns the node unchanged (same object) when nothing had to go, else the new node and a
 * sentence per thing removed, for the user.
 */
export function withoutStaleReferences(node: TopologyNode, context: ReferenceContext): { node: TopologyNode; cleared: string[] } {
  const cleared: string[] = [];
  const exists = (id: string): boolean => context.kindOf(id) !== undefined;
  const linked = (to: string): boolean => context.linked(node.id, to);
  let next: TopologyNode = node;
  switch (node.kind) {
    case 'queue': {
      const { deadLetterTarget, deadLetterRoutingKey, ...rest } = node.config;
      const kind = deadLetterTarget === undefined ? undefined : context.kindOf(deadLetterTarget);
      if (deadLetterTarget !== undefined && (kind === undefined || !['queue', 'topic', 'exchange'].includes(kind))) {
        cleared.push(`"${node.id}" lost its dead-letter target, so dead letters there are now lost.`);
        next = { ...node, config: rest };
      } else if (deadLetterTarget === undefined && deadLetterRoutingKey !== undefined) {
        next = { ...node, config: rest };
      }
      break;
    }
    case 'exchange': {
      const { alternateExchange, ...rest } = node.config;
      if (alternateExchange !== undefined && context.kindOf(alternateExchange) !== 'exchange') {
        cleared.push(`"${node.id}" lost its alternate exchange, so what it cannot route is now unroutable.`);
        next = { ...node, config: rest };
      }
      break;
    }
    case 'content-router': {
      const rules = node.config.rules.filter((r) => linked(r.to));
      const { defaultTo, ...rest } = node.config;
      const keepDefault = defaultTo !== undefined && linked(defaultTo);
      if (rules.length < node.config.rules.length) {
        const n = node.config.rules.length - rules.length;
        cleared.push(`"${node.id}" lost ${n} rule${n === 1 ? '' : 's'} whose output is no longer linked.`);
      }
      if (defaultTo !== undefined && !keepDefault) cleared.push(`"${node.id}" lost its default route, so unmatched messages are now unroutable.`);
      if (cleared.length > 0) next = { ...node, config: keepDefault ? { ...rest, rules, defaultTo } : { ...rest, rules } };
      break;
    }
    case 'recipient-list': {
      const recipients = node.config.recipients.filter(linked);
      if (recipients.length < node.config.recipients.length) {
        cleared.push(
          recipients.length === 0
            ? `"${node.id}" has no listed recipient left, so it now copies to every output.`
            : `"${node.id}" dropped recipients that are no longer linked.`,
        );
        next = { ...node, config: { ...node.config, recipients } };
      }
      break;
    }
    case 'wire-tap': {
      const { tapTo, ...rest } = node.config;
      if (tapTo !== undefined && !linked(tapTo)) {
        cleared.push(`"${node.id}" lost its tap.`);
        next = { ...node, config: rest };
      }
      break;
    }
    case 'scatter-gather': {
      const { resultTo, ...rest } = node.config;
      if (resultTo !== undefined && !linked(resultTo)) {
        cleared.push(`"${node.id}" lost its result output, so its aggregates now go back to the requester.`);
        next = { ...node, config: rest };
      }
      break;
    }
    case 'consumer': {
      const { invalidMessage, ...rest } = node.config;
      if (invalidMessage !== undefined && context.kindOf(invalidMessage.target) !== 'queue') {
        cleared.push(`"${node.id}" lost its invalid-message channel, so it now processes every message.`);
        next = { ...node, config: rest };
      }
      break;
    }
    default:
      break;
  }
  if ('acl' in next.config && next.config.acl !== undefined) {
    const acl = next.config.acl;
    const publishers = acl.publishers?.filter(exists);
    const consumers = acl.consumers?.filter(exists);
    if (publishers?.length !== acl.publishers?.length || consumers?.length !== acl.consumers?.length) {
      cleared.push(`"${node.id}" dropped deleted nodes from its access list.`);
      const nextAcl = { ...acl, ...(publishers ? { publishers } : {}), ...(consumers ? { consumers } : {}) };
      next = { ...next, config: { ...next.config, acl: nextAcl } } as TopologyNode;
    }
  }
  return { node: next, cleared };
}

/**
 * A scenario without the highlighted counters of nodes that are gone, so the document still
 * loads after a delete. Returns the scenario unchanged (same object) when every node is there.
 */
export function withoutDeletedHighlights(scenario: Scenario, exists: (id: string) => boolean): Scenario {
  const highlight = scenario.highlight?.filter((h) => exists(h.node));
  return highlight === undefined || highlight.length === scenario.highlight?.length ? scenario : { ...scenario, highlight };
}
