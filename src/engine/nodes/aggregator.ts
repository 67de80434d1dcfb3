import type { Message } from '../message.ts';
import { defineNode, heldList } from './node.ts';
import { passOn } from './routing.ts';

/** Timer tag: a group's completion timeout (payload: its correlation id). */
const COMPLETION_TIMEOUT = 0;

/**
 * Completed groups remembered, most recent first, to tell a late or repeated part from the
 * first part of a new group (msgflow; like a closed-correlation-key cache). A part of a
 * group forgotten since starts a new group, which its timeout then completes as partial.
 */
export const CLOSED_GROUPS_REMEMBERED = 10_000;

interface Group {
  correlationId: number;
  /** Parts held, in arrival order; the first becomes the aggregate. */
  parts: Message[];
  /** Part numbers and copy uids it has had, to recognise a repeat. */
  indexes: Set<number>;
  uids: Set<number>;
  /** Parts that complete it: the completion size, at most the split's count. */
  size: number;
  /** Highest part number in so far (a lower one after it is out of order). */
  highest: number;
  /** Sim time its completion timeout fires. */
  deadline: number;
}

/** What is kept of a completed group: the parts it had. */
interface ClosedGroup {
  indexes: Set<number>;
  uids: Set<number>;
}

/**
 * Aggregator (SEMANTICS.md §5): collects parts by correlation id and emits one message per
 * group, when `completionSize` parts are in (default, and at most: the parts' own count N),
 * or when `completionTimeoutMs` has passed since the group's first part — then with parts
 * missing, flagged partial.
 *
 * Conservation: the first part to arrive becomes the aggregate (part number 0, its size the
 * parts' sum or the setting) and carries the others, which settle with its fate: delivered
 * when it is processed, lost when it is lost. A missing part keeps its own fate (lost on a
 * link, in a crash, ...).
 *
 * A part of a group already emitted is late: lost:late-part. Another arrival of a part the
 * group already has — the same copy again (a redelivery, a duplicating link) or another copy
 * with the same correlation id and part number (a message split twice) — is a duplicate:
 * counted, and let go as lost:duplicate-part; the same copy keeps the fate the group gives
 * it. A message that is not a part goes on as it came.
 */
export const aggregator = defineNode({
  kind: 'aggregator',
  create(node, index, sim) {
    const { completionSize, completionTimeoutMs, aggregateSizeBytes } = node.config;
    const s = { received: 0, out: 0, dropped: 0, held: 0, completed: 0, partial: 0, late: 0, duplicates: 0, outOfOrder: 0 };
    /** Open groups by correlation id, in the order they opened. */
    const groups = new Map<number, Group>();
    /** Completed groups by correlation id, oldest first. */
    const closed = new Map<number, ClosedGroup>();

    const pass = (msg: Message): void => passOn(sim, sim.outputs(index)[0], msg, s);

    function open(msg: Message, correlationId: number): Group {
      const group: Group = {
        correlationId,
        parts: [],
        indexes: new Set(),
        uids: new Set(),
        size: Math.min(completionSize ?? msg.partCount, msg.partCount),
        highest: 0,
        deadline: sim.now + completionTimeoutMs,
      };
      groups.set(correlationId, group);
      sim.schedule(completionTimeoutMs, index, correlationId, COMPLETION_TIMEOUT);
      return group;
    }

    function complete(group: Group, partial: boolean): void {
      groups.delete(group.correlationId);
      closed.set(group.correlationId, { indexes: group.indexes, uids: group.uids });
      if (closed.size > CLOSED_GROUPS_REMEMBERED) closed.delete(closed.keys().next().value!);
      s.held -= group.parts.length;
      const [aggregate, ...rest] = group.parts as [Message, ...Message[]];
      let bytes = 0;
      for (const part of group.parts) bytes += part.sizeBytes;
      sim.carry(aggregate, rest);
      aggregate.partIndex = 0;
      aggregate.partial = partial;
      aggregate.sizeBytes = aggregateSizeBytes ?? bytes;
      if (partial) s.partial++;
      else s.completed++;
      pass(aggregate);
    }

    return {
      kind: 'aggregator',
      receive(msg) {
        s.received++;
        const correlationId = msg.correlationId;
        const group = correlationId === undefined ? undefined : groups.get(correlationId);
        const done = correlationId === undefined || group ? undefined : closed.get(correlationId);
        const had = group ?? done;
        // The same copy is recognised by its uid: an aggregate's first part no longer carries its number.
        if (had && (had.uids.has(msg.uid) || (msg.partIndex > 0 && had.indexes.has(msg.partIndex)))) {
          s.duplicates++;
          sim.release(msg, 'lost:duplicate-part');
          return;
        }
        if (correlationId === undefined || msg.partIndex === 0) {
          pass(msg);
          return;
        }
        if (done) {
          s.late++;
          sim.release(msg, 'lost:late-part');
          return;
        }
        const g = group ?? open(msg, correlationId);
        if (msg.partIndex < g.highest) s.outOfOrder++;
        else g.highest = msg.partIndex;
        g.parts.push(msg);
        g.indexes.add(msg.partIndex);
        g.uids.add(msg.uid);
        s.held++;
        if (g.parts.length >= g.size) complete(g, false);
      },
      timer(correlationId, tag) {
        const group = groups.get(correlationId);
        if (tag !== COMPLETION_TIMEOUT || !group || group.deadline !== sim.now) return;
        complete(group, true);
      },
      crash() {
        // Its groups live in memory: the parts are lost, and so is what it remembered.
        for (const group of groups.values()) for (const part of group.parts) sim.release(part, 'lost:crash');
        groups.clear();
        closed.clear();
        s.held = 0;
      },
      load: () => s.held,
      held(limit) {
        const list = heldList(limit);
        for (const group of groups.values()) {
          list.add('collecting', group.parts.length, (n) => group.parts.slice(0, n), (msg) => ({ msg, state: 'collecting' }));
        }
        return list.result;
      },
      stats: () => ({ kind: 'aggregator', ...s, open: groups.size }),
    };
  },
});
