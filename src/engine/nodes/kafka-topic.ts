import { kafkaMembershipSchema, type KafkaMembership } from '../../model/index.ts';
import { Fifo } from '../core/fifo.ts';
import { partitionForKey } from '../core/murmur2.ts';
import type { Fate } from '../ledger/ledger.ts';
import type { Message } from '../message.ts';
import type { KafkaGroupStats, KafkaTopicStats } from '../session-types.ts';
import { defineNode } from './node.ts';

/** Timer tags of a Kafka topic. */
const REPLICATED = 0;
const RETENTION = 1;
/** A member's periodic offset commit (payload: the member). */
const COMMIT = 2;
/** A producer's missing record has been waited for as long as the producer resends (payload: its stream). */
const GAP_TIMEOUT = 3;
/** A member asks again after a fetch lost on its link (payload: the member). */
const REFETCH = 4;

/** Kafka's retry.backoff.ms: a consumer whose fetch was lost asks again this much later. */
const REFETCH_BACKOFF_MS = 100;

/** A replicated record in a partition's log. */
interface LogRecord {
  offset: number;
  msg: Message;
  /** The log holds `msg` until a group takes the record; then that group's entry holds what it needs. */
  held: boolean;
  /** When it was replicated: retention counts from here. */
  at: number;
  /** False once deleted (retention) or compacted away; a compacted one stays in the log array until the head passes it. */
  live: boolean;
}

interface Partition {
  log: Fifo<LogRecord>;
  /** The high watermark: the offset the next replicated record gets. */
  endOffset: number;
  records: number;
  bytes: number;
  /** Compaction: the latest record per key. */
  latest: Map<string, LogRecord>;
}

/** A record written to the leader and waiting for its followers (or held back for an earlier one, K-5). */
interface Write {
  msg: Message;
  partition: number;
  at: number;
  /** Publisher confirms held back until the record is safe (acks all, or held back): settled then, or refused by a crash. */
  deferred: number;
  /** Its producer's sequence stream, when it has one (K-5). */
  stream: Sequence | undefined;
}

/** K-5: what an idempotent topic expects next from a producer that resends. */
interface Sequence {
  index: number;
  /** The next sequence number to write. */
  expected: number;
  /** Records that came ahead of a missing one, by sequence number. */
  parked: Map<number, Write>;
  /** How long its producer keeps resending a record: a gap is not waited for longer. */
  waitMs: number;
  /** When the pending gap timer fires; Infinity: none pending. */
  gapTimerAt: number;
}

/**
 * One record as one group reads it. `waiting`: not fetched; `out`: fetched, not yet
 * processed; `done`: processed (or handed to an auto-ack consumer); `rejected`: the
 * consumer rejected it; `gone`: compacted away before the group fetched it.
 */
type EntryState = 'waiting' | 'out' | 'done' | 'rejected' | 'gone';

interface Entry {
  offset: number;
  /** The group's copy; the entry holds one hold on it until it is committed or deleted. */
  copy: Message;
  state: EntryState;
  /** For `out`: the delivery tag it went with. */
  tag: number;
}

/** One partition as one group reads it: its records from the committed offset on. */
interface Lane {
  partition: number;
  entries: Fifo<Entry>;
  /** Index (from the front) of the next entry to fetch; entries before it are fetched. */
  next: number;
  committed: number;
  /** The member that fetches it (index in `members`), or -1. */
  owner: number;
  /** A rebalance gave it to this member; the owner finishes what it has out first. */
  handoverTo: number;
  /** Entries `out` now. */
  out: number;
}

interface Group {
  name: string;
  members: number[];
  lanes: Lane[];
  joined: boolean;
  rebalances: number;
}

interface Member {
  index: number;
  edge: number;
  consumer: number;
  consumerId: string;
  group: number;
  settings: KafkaMembership;
  live: boolean;
  /** Unacknowledged deliveries it holds (flow control against its prefetch). */
  unacked: number;
  /** The partitions assigned to it, and where its round-robin over them stands. */
  partitions: number[];
  cursor: number;
  /** Delivery tags below this went to a connection that has closed (a crash). */
  closedBelow: number;
  fetched: number[];
  commitTimerAt: number;
  /** After a lost fetch it waits until this time. */
  backoffUntil: number;
}

/**
 * A delivery to a member: `live` while its entry waits for the ack; `void` once a rewind,
 * a retention deletion or a lost fetch let go of it (its ack only frees the member's
 * room); `committed` when its offset was committed as it was fetched (at most once).
 */
interface Delivery {
  member: number;
  lane: Lane;
  entry: Entry;
  state: 'live' | 'void' | 'committed';
}

/** The group copies made of a written message, by group; the first group to read it takes the message itself. */
interface Copies {
  byGroup: (Message | undefined)[];
  originalTaken: boolean;
}

/**
 * A Kafka topic (SEMANTICS.md §9). A record's partition is murmur2 of its key mod the
 * partition count (K-1), or, without a key, its producer's sticky partition, which changes
 * once `batchBytes` went there. A record becomes readable once replicated
 * (`replicationLagMs`); a leader crash loses what was not (K-4): with acks all the producer
 * was not told yet and resends, with acks 1 it was, and the record is gone. With
 * idempotence (K-5) a resent record already written is dropped, and a producer's record
 * that overtook a missing earlier one waits for it, so order holds.
 *
 * Each consumer group (links to consumers, grouped by the edge's `kafka.group`) reads
 * every record (K-2): the partitions are shared out over its live members in ranges, and a
 * member's crash or return moves them (a rebalance). A member fetches in order within a
 * partition up to its prefetch. Reading deletes nothing (K-3): the group commits offsets,
 * when fetched (at most once: a crash loses what the member held) or after processing,
 * every `commitIntervalMs` (at least once: the next owner starts from the committed offset
 * and processes again what came after it). Retention by age or size, and compaction to
 * the last record per key, delete records (K-6); a group copy deleted before its group
 * read it is `lost:retention` or `lost:compacted`.
 *
 * Holds: a written record holds its message (pending, parked, then in the log until a group
 * takes it); each group takes its own copy (the message itself for the first), held by the
 * group's entry until the group commits past it or the log deletes it.
 */
export const kafkaTopic = defineNode({
  kind: 'kafka-topic',
  create(node, index, sim) {
    const c = node.config;
    const rng = sim.rng(index);
    const compacting = c.cleanupPolicy !== 'delete';
    const deleting = c.cleanupPolicy !== 'compact';
    const partitions: Partition[] = Array.from({ length: c.partitions }, () => ({ log: new Fifo<LogRecord>(), endOffset: 0, records: 0, bytes: 0, latest: new Map() }));
    const pending = new Fifo<Write>();
    let replicationTimerAt = Infinity;
    let retentionTimerAt = Infinity;
    /** Messages written (pending, parked or in the log): a second arrival of one is a resend (K-5). */
    const written = new WeakSet<Message>();
    /** Writes whose confirms wait, by message: a resend of one waits with them. */
    const unconfirmed = new Map<Message, Write>();
    const copiesOf = new WeakMap<Message, Copies>();
    const sequences: Sequence[] = [];
    const sequenceOfProducer = new Map<number, Sequence>();
    /** Sticky partitioner per producer (no key): the partition and bytes sent to it in this batch. */
    const sticky = new Map<number, { partition: number; bytes: number }>();
    const groups: Group[] = [];
    const members: Member[] = [];
    let memberOfEdge: (Member | undefined)[] = [];
    const deliveries = new Map<number, Delivery>();
    let nextTag = 0;
    const s = { received: 0, appended: 0, duplicatesDropped: 0, outOfSequence: 0, lostInCrash: 0, deletedByRetention: 0, compacted: 0, refused: 0 };

    // ---- writing ----

    /** K-5 applies its sequence check to records straight from a producer that resends unconfirmed ones. */
    function sequenceOf(msg: Message, edge: number): Sequence | undefined {
      if (edge < 0 || sim.sourceOf(edge) !== msg.producer) return undefined;
      const known = sequenceOfProducer.get(msg.producer);
      if (known) return known;
      const producer = sim.topology.nodes[msg.producer]!;
      if (producer.kind !== 'producer' || !producer.config.confirms || producer.config.retryAfterMs === undefined) return undefined;
      const sequence: Sequence = {
        index: sequences.length,
        expected: 0,
        parked: new Map(),
        waitMs: producer.config.retryAfterMs * (producer.config.maxRetries + 1),
        gapTimerAt: Infinity,
      };
      sequences.push(sequence);
      sequenceOfProducer.set(msg.producer, sequence);
      return sequence;
    }

    function choosePartition(msg: Message): number {
      if (msg.key !== undefined) return partitionForKey(msg.key, c.partitions);
      let batch = sticky.get(msg.producer);
      if (!batch || batch.bytes >= c.batchBytes) {
        // A new batch goes to another partition, drawn at random among the others.
        const previous = batch?.partition;
        let partition = 0;
        if (c.partitions > 1) {
          partition = Math.floor(rng.next() * (previous === undefined ? c.partitions : c.partitions - 1));
          if (previous !== undefined && partition >= previous) partition++;
        }
        batch = { partition, bytes: 0 };
        sticky.set(msg.producer, batch);
      }
      batch.bytes += msg.sizeBytes;
      return batch.partition;
    }

    function settleConfirms(write: Write, accepted: boolean): void {
      for (let i = 0; i < write.deferred; i++) sim.publishSettled(write.msg, accepted);
      write.deferred = 0;
      unconfirmed.delete(write.msg);
    }

    /** Writes to the leader; `write.deferred` confirms are already held back by the caller. */
    function append(write: Write): void {
      s.appended++;
      write.partition = choosePartition(write.msg);
      write.at = sim.now;
      if (c.acks !== 'all') settleConfirms(write, true);
      else if (write.deferred > 0) unconfirmed.set(write.msg, write);
      pending.push(write);
      if (replicationTimerAt === Infinity) {
        replicationTimerAt = sim.now + c.replicationLagMs;
        sim.schedule(c.replicationLagMs, index, -1, REPLICATED);
      }
    }

    /** Writes what a sequence has next in line, held-back records included. */
    function flushSequence(sequence: Sequence): void {
      const before = sequence.expected;
      for (let write = sequence.parked.get(sequence.expected); write; write = sequence.parked.get(sequence.expected)) {
        sequence.parked.delete(sequence.expected);
        sequence.expected++;
        append(write);
      }
      if (sequence.expected !== before) sequence.gapTimerAt = Infinity;
      if (sequence.parked.size > 0 && sequence.gapTimerAt === Infinity) {
        sequence.gapTimerAt = sim.now + sequence.waitMs;
        sim.schedule(sequence.waitMs, index, sequence.index, GAP_TIMEOUT);
      }
    }

    /** The producer stopped resending the missing record: the lowest held-back one is next. */
    function skipGap(sequence: Sequence): void {
      let lowest = Infinity;
      for (const seq of sequence.parked.keys()) if (seq < lowest) lowest = seq;
      if (lowest === Infinity) return;
      sequence.expected = lowest;
      flushSequence(sequence);
    }

    /** K-5: a resend of a record already written: acknowledged as the first one is, never written twice. */
    function dropDuplicate(msg: Message): void {
      s.duplicatesDropped++;
      sim.ledger.duplicatesSuppressed++;
      const first = unconfirmed.get(msg);
      if (first) {
        sim.confirmLater(msg);
        first.deferred++;
      }
      sim.release(msg);
    }

    function replicateDue(): void {
      replicationTimerAt = Infinity;
      while (pending.size > 0 && pending.peek()!.at + c.replicationLagMs <= sim.now) replicate(pending.shift()!);
      const head = pending.peek();
      if (head) {
        replicationTimerAt = head.at + c.replicationLagMs;
        sim.schedule(replicationTimerAt - sim.now, index, -1, REPLICATED);
      }
    }

    /** The followers have it: it gets its offset and every joined group can read it. */
    function replicate(write: Write): void {
      settleConfirms(write, true);
      const part = partitions[write.partition]!;
      const record: LogRecord = { offset: part.endOffset++, msg: write.msg, held: true, at: sim.now, live: true };
      part.log.push(record);
      part.records++;
      part.bytes += write.msg.sizeBytes;
      if (compacting && write.msg.key !== undefined) {
        const previous = part.latest.get(write.msg.key);
        part.latest.set(write.msg.key, record);
        if (previous?.live) compactAway(write.partition, previous);
      }
      for (let g = 0; g < groups.length; g++) if (groups[g]!.joined) addEntry(g, write.partition, record);
      if (deleting && c.retentionBytes !== undefined) {
        while (part.bytes > c.retentionBytes) deleteHead(write.partition);
      }
      if (deleting && retentionTimerAt === Infinity) {
        retentionTimerAt = record.at + c.retentionMs;
        sim.schedule(c.retentionMs, index, -1, RETENTION);
      }
      for (const g of groups) {
        const owner = g.lanes[write.partition]!.owner;
        if (owner >= 0) fetch(members[owner]!);
      }
    }

    // ---- deleting ----

    function compactAway(p: number, record: LogRecord): void {
      const part = partitions[p]!;
      record.live = false;
      // The log start moves past compacted records at its front; the groups' entries stay.
      while (part.log.size > 0 && !part.log.peek()!.live) part.log.shift();
      part.records--;
      part.bytes -= record.msg.sizeBytes;
      s.compacted++;
      if (record.held) sim.release(record.msg, 'lost:compacted');
      for (const g of groups) {
        if (!g.joined) continue;
        const lane = g.lanes[p]!;
        const at = entryIndex(lane, record.offset);
        const entry = at < 0 ? undefined : lane.entries.at(at)!;
        if (entry?.state !== 'waiting') continue;
        entry.state = 'gone';
        sim.release(entry.copy, 'lost:compacted');
      }
    }

    /** Retention deletes the partition's oldest record; groups that had not read it lose it. */
    function deleteHead(p: number): void {
      const part = partitions[p]!;
      const record = part.log.shift()!;
      if (record.live) {
        record.live = false;
        part.records--;
        part.bytes -= record.msg.sizeBytes;
        s.deletedByRetention++;
        const key = record.msg.key;
        if (key !== undefined && part.latest.get(key) === record) part.latest.delete(key);
        if (record.held) sim.release(record.msg, 'lost:retention');
      }
      const start = startOffset(part);
      for (const g of groups) if (g.joined) trimLane(g.lanes[p]!, start);
    }

    function startOffset(part: Partition): number {
      return part.log.peek()?.offset ?? part.endOffset;
    }

    /** Drops a lane's entries below the log start; the group goes on from the oldest record kept. */
    function trimLane(lane: Lane, start: number): void {
      while (lane.entries.size > 0 && lane.entries.peek()!.offset < start) {
        const entry = lane.entries.shift()!;
        if (lane.next > 0) lane.next--;
        switch (entry.state) {
          case 'waiting':
            sim.release(entry.copy, 'lost:retention');
            break;
          case 'out':
            // The consumer has it still and may process it; the log no longer does.
            lane.out--;
            voidDelivery(entry);
            sim.release(entry.copy, 'lost:retention');
            break;
          case 'done':
          case 'rejected':
            release(entry);
            break;
          case 'gone':
            break;
        }
      }
      if (lane.committed < start) lane.committed = start;
      maybeHandOver(lane);
    }

    function retentionDue(): void {
      retentionTimerAt = Infinity;
      let oldest = Infinity;
      partitions.forEach((part, p) => {
        while (part.log.size > 0 && (!part.log.peek()!.live || part.log.peek()!.at + c.retentionMs <= sim.now)) deleteHead(p);
        const head = part.log.peek();
        if (head && head.at < oldest) oldest = head.at;
      });
      if (oldest !== Infinity) {
        retentionTimerAt = oldest + c.retentionMs;
        sim.schedule(retentionTimerAt - sim.now, index, -1, RETENTION);
      }
    }

    // ---- groups ----

    function copyFor(msg: Message, g: number): Message {
      let copies = copiesOf.get(msg);
      if (!copies) copiesOf.set(msg, (copies = { byGroup: [], originalTaken: false }));
      const existing = copies.byGroup[g];
      if (existing) {
        // The same message written twice (no idempotence): the group reads its one copy twice.
        sim.hold(existing);
        return existing;
      }
      let copy: Message;
      if (copies.originalTaken) copy = sim.copyMessage(msg);
      else {
        copies.originalTaken = true;
        copy = msg;
        sim.hold(copy);
      }
      copies.byGroup[g] = copy;
      return copy;
    }

    function addEntry(g: number, p: number, record: LogRecord): void {
      groups[g]!.lanes[p]!.entries.push({ offset: record.offset, copy: copyFor(record.msg, g), state: 'waiting', tag: -1 });
      if (record.held) {
        // The first group to take the record holds what it needs; the log lets go of its hold.
        record.held = false;
        sim.release(record.msg);
      }
    }

    /** Index of the lane's entry with this offset, or -1 (offsets increase along the lane). */
    function entryIndex(lane: Lane, offset: number): number {
      let lo = 0;
      let hi = lane.entries.size - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const at = lane.entries.at(mid)!.offset;
        if (at === offset) return mid;
        if (at < offset) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    }

    /** The first member to join decides where the group starts: every kept record, or only new ones. */
    function join(g: number, member: Member): void {
      const group = groups[g]!;
      group.joined = true;
      partitions.forEach((part, p) => {
        const lane = group.lanes[p]!;
        if (member.settings.offsetReset === 'earliest') {
          lane.committed = startOffset(part);
          for (const record of part.log.toArray()) if (record.live) addEntry(g, p, record);
        } else {
          lane.committed = part.endOffset;
        }
      });
    }

    /** An entry the group lets go of: committed, or deleted from under it. */
    function release(entry: Entry): void {
      const fate: Fate | undefined = entry.state === 'rejected' ? 'lost:rejected' : entry.state === 'out' ? 'lost:consumer-crash' : undefined;
      if (entry.state !== 'gone') sim.release(entry.copy, fate);
    }

    function voidDelivery(entry: Entry): void {
      const delivery = deliveries.get(entry.tag);
      if (delivery && delivery.entry === entry) delivery.state = 'void';
      entry.tag = -1;
    }

    /** Commits the offsets of the lane's processed records at its front. */
    function commitProcessed(lane: Lane): void {
      while (lane.next > 0) {
        const entry = lane.entries.peek()!;
        if (entry.state !== 'done' && entry.state !== 'rejected' && entry.state !== 'gone') break;
        popCommitted(lane);
      }
    }

    /** Commits everything fetched: at most once, what is out is the consumer's alone now. */
    function commitFetched(lane: Lane): void {
      while (lane.next > 0) {
        const entry = lane.entries.peek()!;
        if (entry.state === 'out') {
          lane.out--;
          const delivery = deliveries.get(entry.tag);
          if (delivery) delivery.state = 'committed';
        }
        popCommitted(lane);
      }
    }

    function popCommitted(lane: Lane): void {
      const entry = lane.entries.shift()!;
      lane.next--;
      lane.committed = entry.offset + 1;
      release(entry);
    }

    /** Back to the entry at `from`: it and everything fetched after it are fetched again (a seek). */
    function rewind(lane: Lane, from: number): void {
      for (let i = from; i < lane.next; i++) {
        const entry = lane.entries.at(i)!;
        if (entry.state === 'gone') continue;
        if (entry.state === 'out') {
          lane.out--;
          voidDelivery(entry);
        }
        entry.state = 'waiting';
      }
      if (from < lane.next) lane.next = from;
    }

    function takeOver(lane: Lane, owner: number): void {
      rewind(lane, 0);
      lane.owner = owner;
      lane.handoverTo = -1;
    }

    /**
     * A partition moving away from a live member: once that member has nothing of it out,
     * it commits what it processed (as Kafka's onPartitionsRevoked) and the new owner starts there.
     */
    function maybeHandOver(lane: Lane): void {
      if (lane.handoverTo < 0 || lane.out > 0) return;
      const from = members[lane.owner]!;
      if (from.settings.commit === 'after-processing') commitProcessed(lane);
      const to = members[lane.handoverTo]!;
      takeOver(lane, to.index);
      fetch(to);
    }

    /** Range assignment over the live members, in order of consumer id (K-2); extra members idle. */
    function rebalance(g: number): void {
      const group = groups[g]!;
      group.rebalances++;
      const live = group.members.filter((m) => members[m]!.live);
      const target = new Int32Array(c.partitions).fill(-1);
      for (const m of group.members) members[m]!.partitions = [];
      if (live.length > 0) {
        const each = Math.floor(c.partitions / live.length);
        const extra = c.partitions % live.length;
        let p = 0;
        live.forEach((m, i) => {
          const member = members[m]!;
          for (let k = 0; k < each + (i < extra ? 1 : 0); k++) {
            target[p] = m;
            member.partitions.push(p++);
          }
          member.cursor = 0;
        });
      }
      group.lanes.forEach((lane, p) => {
        const to = target[p]!;
        if (lane.owner === to) {
          lane.handoverTo = -1;
          return;
        }
        if (lane.owner < 0 || !members[lane.owner]!.live) takeOver(lane, to);
        else {
          lane.handoverTo = to;
          maybeHandOver(lane);
        }
      });
      for (const m of live) fetch(members[m]!);
    }

    // ---- fetching ----

    function hasRoom(member: Member): boolean {
      if (!member.live || sim.now < member.backoffUntil) return false;
      const consumer = sim.runtime(member.consumer);
      return consumer.autoAck === true || member.unacked < (consumer.prefetchLimit ?? Infinity);
    }

    /** The member takes records while it has room, one partition after another, in order within each. */
    function fetch(member: Member): void {
      if (sim.isDown(index)) return;
      const group = groups[member.group]!;
      let idle = 0;
      while (idle < member.partitions.length && hasRoom(member)) {
        const p = member.partitions[member.cursor % member.partitions.length]!;
        member.cursor = (member.cursor + 1) % member.partitions.length;
        if (fetchOne(member, group.lanes[p]!)) idle = 0;
        else idle++;
      }
    }

    function fetchOne(member: Member, lane: Lane): boolean {
      if (lane.owner !== member.index || lane.handoverTo >= 0) return false;
      while (lane.next < lane.entries.size && lane.entries.at(lane.next)!.state === 'gone') lane.next++;
      if (lane.next >= lane.entries.size) return false;
      const entry = lane.entries.at(lane.next++)!;
      const copy = entry.copy;
      copy.attempts++;
      member.fetched[lane.partition]!++;
      const options = { redelivery: copy.attempts > 1, attempt: copy.attempts };
      sim.hold(copy);
      if (sim.runtime(member.consumer).autoAck) {
        entry.state = 'done';
        committedAfterFetch(member, lane);
        sim.send(member.edge, copy, options);
        return true;
      }
      const tag = nextTag++;
      entry.state = 'out';
      entry.tag = tag;
      lane.out++;
      member.unacked++;
      deliveries.set(tag, { member: member.index, lane, entry, state: 'live' });
      // Committed before it is sent: the entry's hold is let go before the link can lose the copy.
      if (member.settings.commit === 'before-processing') commitFetched(lane);
      sim.send(member.edge, copy, { ...options, deliveryTag: tag });
      return true;
    }

    /** An auto-ack consumer acknowledged on receipt: its offsets commit as if processed. */
    function committedAfterFetch(member: Member, lane: Lane): void {
      if (member.settings.commit === 'before-processing') commitFetched(lane);
      else processedOn(member, lane);
    }

    /** Something of the lane was processed (or rejected): commit now, or at the member's next commit. */
    function processedOn(member: Member, lane: Lane): void {
      if (member.settings.commit === 'before-processing') return;
      if (member.settings.commitIntervalMs === 0) commitProcessed(lane);
      else if (member.commitTimerAt === Infinity) {
        member.commitTimerAt = sim.now + member.settings.commitIntervalMs;
        sim.schedule(member.settings.commitIntervalMs, index, member.index, COMMIT);
      }
    }

    /** The delivery `tag` is settled by the consumer: its entry, if still waiting for this delivery. */
    function settle(tag: number): { delivery: Delivery; member: Member } | undefined {
      const delivery = deliveries.get(tag);
      if (!delivery) return undefined;
      deliveries.delete(tag);
      const member = members[delivery.member]!;
      member.unacked--;
      return { delivery, member };
    }

    function afterSettle(member: Member, lane: Lane): void {
      maybeHandOver(lane);
      fetch(member);
    }

    function memberUp(member: Member): void {
      if (member.live || sim.isDown(member.consumer) || !sim.isOpen(member.edge)) return;
      member.live = true;
      if (!groups[member.group]!.joined) join(member.group, member);
      rebalance(member.group);
    }

    const stats = (): KafkaTopicStats => ({
      kind: 'kafka-topic',
      ...s,
      unreplicated: pending.size,
      partitions: partitions.map((part) => ({ startOffset: startOffset(part), endOffset: part.endOffset, records: part.records, bytes: part.bytes })),
      groups: groups.map(
        (g): KafkaGroupStats => ({
          group: g.name,
          committed: g.lanes.map((lane) => lane.committed),
          owners: g.lanes.map((lane) => (lane.owner >= 0 && lane.handoverTo < 0 ? members[lane.owner]!.consumerId : null)),
          lag: g.joined ? g.lanes.reduce((sum, lane) => sum + partitions[lane.partition]!.endOffset - lane.committed, 0) : 0,
          rebalances: g.rebalances,
          members: g.members.map((m) => ({ consumer: members[m]!.consumerId, live: members[m]!.live, fetched: [...members[m]!.fetched] })),
        }),
      ),
    });

    return {
      kind: 'kafka-topic',
      start() {
        const outputs = sim.outputs(index);
        memberOfEdge = new Array<Member | undefined>(sim.topology.edges.length);
        const byName = new Map<string, number>();
        const ordered = outputs
          .map((edge) => ({ edge, consumer: sim.targetOf(edge), id: sim.topology.nodes[sim.targetOf(edge)]!.id }))
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        for (const { edge, consumer, id } of ordered) {
          const settings = sim.topology.edges[edge]!.kafka ?? kafkaMembershipSchema.parse({});
          const name = settings.group ?? id;
          let g = byName.get(name);
          if (g === undefined) {
            g = groups.length;
            byName.set(name, g);
            const lanes = Array.from({ length: c.partitions }, (_, p): Lane => ({ partition: p, entries: new Fifo<Entry>(), next: 0, committed: 0, owner: -1, handoverTo: -1, out: 0 }));
            groups.push({ name, members: [], lanes, joined: false, rebalances: 0 });
          }
          const member: Member = {
            index: members.length,
            edge,
            consumer,
            consumerId: id,
            group: g,
            settings,
            live: false,
            unacked: 0,
            partitions: [],
            cursor: 0,
            closedBelow: 0,
            fetched: new Array<number>(c.partitions).fill(0),
            commitTimerAt: Infinity,
            backoffUntil: 0,
          };
          members.push(member);
          groups[g]!.members.push(member.index);
          memberOfEdge[edge] = member;
        }
        for (const member of members) member.live = sim.isOpen(member.edge);
        groups.forEach((group, g) => {
          const first = group.members.find((m) => members[m]!.live);
          if (first === undefined) return;
          join(g, members[first]!);
          rebalance(g);
        });
      },
      receive(msg, edge) {
        s.received++;
        if (c.idempotence && written.has(msg)) {
          dropDuplicate(msg);
          return;
        }
        if (compacting && msg.key === undefined) {
          s.refused++;
          sim.refused(msg);
          sim.release(msg, 'rejected');
          return;
        }
        written.add(msg);
        const write: Write = { msg, partition: -1, at: sim.now, deferred: 0, stream: undefined };
        const sequence = c.idempotence ? sequenceOf(msg, edge) : undefined;
        if (sequence && msg.seq > sequence.expected) {
          // It overtook an earlier record of its producer: held back, unconfirmed, until that one is in.
          s.outOfSequence++;
          write.stream = sequence;
          sim.confirmLater(msg);
          write.deferred = 1;
          sequence.parked.set(msg.seq, write);
          unconfirmed.set(msg, write);
          flushSequence(sequence);
          return;
        }
        write.stream = sequence;
        if (c.acks === 'all') {
          sim.confirmLater(msg);
          write.deferred = 1;
        }
        append(write);
        if (sequence && msg.seq === sequence.expected) {
          sequence.expected++;
          flushSequence(sequence);
        }
      },
      acked(tag) {
        const settled = settle(tag);
        if (!settled) return;
        const { delivery, member } = settled;
        if (delivery.state === 'live') {
          delivery.entry.state = 'done';
          delivery.entry.tag = -1;
          delivery.lane.out--;
          processedOn(member, delivery.lane);
        }
        afterSettle(member, delivery.lane);
      },
      nacked(tag, requeue) {
        const settled = settle(tag);
        if (!settled) return;
        const { delivery, member } = settled;
        const { entry, lane } = delivery;
        if (delivery.state === 'committed') {
          // At most once: its offset is committed already, so a failure is final.
          sim.hold(entry.copy);
          sim.release(entry.copy, requeue ? 'lost:processing-failure' : 'lost:rejected');
        } else if (delivery.state === 'live' && requeue) {
          // Kafka has no requeue: the consumer seeks back to the record and fetches from there again.
          rewind(lane, entryIndex(lane, entry.offset));
        } else if (delivery.state === 'live') {
          lane.out--;
          entry.tag = -1;
          entry.state = 'rejected';
          processedOn(member, lane);
        }
        afterSettle(member, lane);
      },
      lostOnLink(_edge, tag) {
        const settled = settle(tag);
        if (!settled) return;
        const { delivery, member } = settled;
        // The fetch never arrived: the consumer asks again from that record (unless it was
        // committed already), after a back-off — also what keeps a cut link from spinning.
        if (delivery.state === 'live') rewind(delivery.lane, entryIndex(delivery.lane, delivery.entry.offset));
        if (member.backoffUntil <= sim.now) {
          member.backoffUntil = sim.now + REFETCH_BACKOFF_MS;
          sim.schedule(REFETCH_BACKOFF_MS, index, member.index, REFETCH);
        }
        maybeHandOver(delivery.lane);
      },
      deliveryClosed: (edge, tag) => tag < (memberOfEdge[edge]?.closedBelow ?? 0),
      timer(payload, tag) {
        switch (tag) {
          case REPLICATED:
            if (replicationTimerAt === sim.now) replicateDue();
            return;
          case RETENTION:
            if (retentionTimerAt === sim.now) retentionDue();
            return;
          case COMMIT: {
            const member = members[payload]!;
            if (member.commitTimerAt !== sim.now) return;
            member.commitTimerAt = Infinity;
            if (!member.live) return;
            for (const lane of groups[member.group]!.lanes) if (lane.owner === member.index) commitProcessed(lane);
            return;
          }
          case GAP_TIMEOUT: {
            const sequence = sequences[payload]!;
            if (sequence.gapTimerAt !== sim.now) return;
            sequence.gapTimerAt = Infinity;
            skipGap(sequence);
            return;
          }
          case REFETCH:
            fetch(members[payload]!);
            return;
        }
      },
      crash() {
        // K-4: what the leader had not replicated is gone. Records not yet confirmed will be
        // resent by their producers, so their sequences expect them again.
        const lost: Write[] = pending.toArray();
        while (pending.size > 0) pending.shift();
        replicationTimerAt = Infinity;
        for (const sequence of sequences) {
          lost.push(...sequence.parked.values());
          sequence.parked.clear();
          sequence.gapTimerAt = Infinity;
        }
        for (const write of lost) {
          s.lostInCrash++;
          written.delete(write.msg);
          if (write.stream && write.deferred > 0 && write.msg.seq < write.stream.expected) write.stream.expected = write.msg.seq;
          settleConfirms(write, false);
          sim.release(write.msg, 'lost:crash');
        }
      },
      restart() {
        for (const member of members) fetch(member);
      },
      outputDown(edge) {
        const member = memberOfEdge[edge];
        if (!member?.live) return;
        // Its connection closed: what it held is the group's again from the committed offset.
        member.live = false;
        member.closedBelow = nextTag;
        member.unacked = 0;
        member.commitTimerAt = Infinity;
        for (const [tag, delivery] of deliveries) if (delivery.member === member.index) deliveries.delete(tag);
        rebalance(member.group);
      },
      outputUp(edge) {
        const member = memberOfEdge[edge];
        if (member) memberUp(member);
      },
      load: () => pending.size + groups.reduce((sum, g) => sum + g.lanes.reduce((n, lane) => n + lane.entries.size - lane.next, 0), 0),
      stats,
    };
  },
});
