import type { Binding } from '../../model/index.ts';
import { amqpTopicMatches } from '../core/topic-match.ts';
import type { Message } from '../message.ts';
import { defineNode, settingNeedingReset, type NodeRuntime } from './node.ts';

const NO_BINDING: Binding = { keys: [], arguments: {}, match: 'all' };

/**
 * Settings a running exchange reads when it routes (see `reconfigure`). Its type decides
 * what every binding means, durability is the declared exchange's (RabbitMQ cannot change
 * either without deleting it), and the ACL is the broker's: those need a reset.
 */
const LIVE_SETTINGS: ReadonlySet<string> = new Set(['alternateExchange']);

/**
 * A RabbitMQ exchange (SEMANTICS.md §6 RMQ-R1..R6). It holds nothing: each message goes at
 * once to every linked queue whose binding matches, one copy per queue however many of its
 * binding keys match; the default exchange also reaches a queue it is not linked to, by
 * name (RMQ-R1). What no binding takes goes to the alternate exchange (a chain of
 * them, a loop ending where it started), else back to a mandatory producer, else it is
 * lost as unroutable. A binding survives a restart only if both ends are durable (RMQ-Q2);
 * a transient queue deleted at its own restart is bound nowhere any more.
 */
export const exchange = defineNode({
  kind: 'exchange',
  create(node, index, sim) {
    let config = node.config;
    const { type, durable } = config;
    const alternateOf = (id: string | undefined): number => (id === undefined ? -1 : sim.topology.nodes.findIndex((n) => n.id === id));
    let alternate = alternateOf(config.alternateExchange);
    const s = { received: 0, routed: 0, copiesOut: 0, toAlternate: 0, unroutable: 0, denied: 0, bindingsLost: 0 };
    let outputs: readonly number[] = [];
    let bindings: Binding[] = [];
    let targetIds: string[] = [];
    let targets: NodeRuntime[] = [];
    /** Per output: its binding still exists (a restart may have lost it). */
    let bound: boolean[] = [];
    /** Default exchange: every queue of the topology by its id (RMQ-R1). */
    const queuesByName = new Map<string, number>();
    if (type === 'default') sim.topology.nodes.forEach((n, i) => n.kind === 'queue' && queuesByName.set(n.id, i));

    function matches(o: number, msg: Message): boolean {
      const key = msg.key ?? '';
      const binding = bindings[o]!;
      switch (type) {
        case 'fanout':
          return true;
        case 'default':
          return targetIds[o] === key;
        case 'direct':
          return binding.keys.includes(key);
        case 'topic':
          return binding.keys.some((pattern) => amqpTopicMatches(pattern, key));
        case 'headers':
          return headersMatch(binding, msg.headers ?? {});
      }
    }

    function route(msg: Message, chain: readonly number[]): boolean {
      const matched: number[] = [];
      // A queue bound later (activeFromMs) is not bound yet.
      for (let o = 0; o < outputs.length; o++) {
        if (bound[o] && sim.isOpen(outputs[o]!) && !targets[o]!.deleted?.() && matches(o, msg)) matched.push(outputs[o]!);
      }
      if (matched.length === 0 && type === 'default') {
        // RMQ-R1: every queue is bound to the default exchange by its name, not only those linked to it.
        const queue = queuesByName.get(msg.key ?? '');
        if (queue !== undefined && !sim.runtime(queue).deleted?.()) {
          s.routed++;
          s.copiesOut++;
          sim.sendDirect(queue, msg);
          return true;
        }
      }
      if (matched.length === 0) {
        if (alternate < 0 || chain.includes(alternate) || sim.isDown(alternate)) return false;
        s.toAlternate++;
        return sim.runtime(alternate).route!(msg, [...chain, alternate]);
      }
      s.routed++;
      s.copiesOut += matched.length;
      for (let i = 1; i < matched.length; i++) sim.send(matched[i]!, sim.copyMessage(msg));
      sim.send(matched[0]!, msg);
      return true;
    }

    return {
      kind: 'exchange',
      start() {
        outputs = sim.outputs(index);
        bindings = outputs.map((edge) => sim.topology.edges[edge]!.binding ?? NO_BINDING);
        targetIds = outputs.map((edge) => sim.topology.nodes[sim.targetOf(edge)]!.id);
        targets = outputs.map((edge) => sim.runtime(sim.targetOf(edge)));
        bound = outputs.map(() => true);
      },
      restart() {
        // RMQ-Q2: only bindings with both ends durable come back. The default exchange binds
        // every queue by its name for as long as the queue exists (RMQ-R1). A deleted queue's
        // bindings went with it already.
        if (type === 'default') return;
        outputs.forEach((edge, o) => {
          const queue = sim.topology.nodes[sim.targetOf(edge)]!;
          const survives = durable && queue.kind === 'queue' && queue.config.durable;
          if (bound[o] && !survives && !targets[o]!.deleted?.()) {
            bound[o] = false;
            s.bindingsLost++;
          }
        });
      },
      receive(msg, edge) {
        s.received++;
        if (!sim.admit(index, edge, msg)) {
          s.denied++;
          return;
        }
        if (route(msg, [index])) return;
        s.unroutable++;
        const producer = sim.topology.nodes[msg.producer];
        // A dead letter has no publisher waiting for it: only a fresh publish can be returned.
        if (producer?.kind === 'producer' && producer.config.mandatory && msg.deadLetterReason === undefined) sim.returnToProducer(msg);
        else sim.release(msg, 'lost:unroutable');
      },
      route,
      /** RMQ-R6: a new alternate exchange takes what no binding matches from the next message on. */
      reconfigure(update) {
        const nextConfig = update as typeof config;
        const blocked = settingNeedingReset(config, nextConfig, LIVE_SETTINGS);
        if (blocked !== undefined) return blocked;
        config = nextConfig;
        alternate = alternateOf(config.alternateExchange);
        return undefined;
      },
      stats: () => ({ kind: 'exchange', ...s }),
    };
  },
});

/**
 * RMQ-R5: `all` needs every binding argument equal in the headers, `any` needs one;
 * arguments named `x-...` count only with `all-with-x` / `any-with-x`. With no arguments to
 * compare, `all` matches everything and `any` nothing.
 */
export function headersMatch(binding: Binding, headers: Readonly<Record<string, string>>): boolean {
  const withX = binding.match === 'all-with-x' || binding.match === 'any-with-x';
  const all = binding.match === 'all' || binding.match === 'all-with-x';
  const pairs = Object.entries(binding.arguments).filter(([name]) => withX || !name.startsWith('x-'));
  const equal = ([name, value]: [string, string]): boolean => Object.hasOwn(headers, name) && headers[name] === value;
  return all ? pairs.every(equal) : pairs.some(equal);
}
