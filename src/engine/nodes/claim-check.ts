import { Fifo } from '../core/fifo.ts';
import type { Message } from '../message.ts';
import { claimStore, type Parking } from './claim-store.ts';
import { defineNode } from './node.ts';
import { countIn, firstSight, sendOn, transformCounters } from './transform.ts';

/** Timer tag: the oldest parked bodies reach the store's retention. */
const RETENTION = 0;

/**
 * Claim check (SEMANTICS.md §5). `check-in` parks each message's body in the named store
 * (the run's store of that name, shared with every claim-check node naming it) and sends
 * the message on as a token of `tokenBytes`: the size on the wire shrinks. `check-out`
 * takes the body back by the message id and sends the message on at its original size;
 * with no body there — never checked in, taken already (a second token of a fan-out),
 * deleted by retention, or lost with its check-in node — the token is lost:claim-missing.
 *
 * The bodies a check-in parked are deleted `storeRetentionMs` after parking, and with its
 * crash unless the store is durable. A repeat delivery of the same copy is not parked
 * again: its first check-in's body serves it.
 */
export const claimCheck = defineNode({
  kind: 'claim-check',
  create(node, index, sim) {
    const { mode, tokenBytes, storeRetentionMs, durableStore, removeOnCheckOut } = node.config;
    const store = claimStore(sim, node.config.store);
    /** check-in with retention: what it parked, oldest first, with when each is deleted. */
    const retained = new Fifo<{ parking: Parking; deleteAt: number }>();
    /** When the pending retention timer fires; Infinity: none pending. */
    let retentionTimerAt = Infinity;
    const first = firstSight();
    const s = { ...transformCounters(), checkedIn: 0, checkedOut: 0, missing: 0, expired: 0, crashed: 0, bytesSaved: 0 };

    function retainUntilDue(): void {
      const next = retained.peek();
      if (!next || retentionTimerAt !== Infinity) return;
      retentionTimerAt = next.deleteAt;
      sim.schedule(next.deleteAt - sim.now, index, 0, RETENTION);
    }

    function checkIn(msg: Message): void {
      const parking: Parking = { id: msg.id, sizeBytes: msg.sizeBytes, owner: index };
      store.park(parking);
      s.checkedIn++;
      s.bytesSaved += msg.sizeBytes - tokenBytes;
      msg.sizeBytes = tokenBytes;
      if (storeRetentionMs === undefined) return;
      retained.push({ parking, deleteAt: sim.now + storeRetentionMs });
      retainUntilDue();
    }

    /** False when there was no body to take. */
    function checkOut(msg: Message): boolean {
      const parking = store.claim(msg.id, !removeOnCheckOut);
      if (!parking) return false;
      s.checkedOut++;
      // A repeat delivery of the copy was restored the first time.
      if (first(msg)) msg.sizeBytes = parking.sizeBytes;
      return true;
    }

    return {
      kind: 'claim-check',
      receive(msg) {
        countIn(s, msg);
        if (mode === 'check-in') {
          if (first(msg)) checkIn(msg);
        } else if (!checkOut(msg)) {
          s.missing++;
          sim.release(msg, 'lost:claim-missing');
          return;
        }
        sendOn(sim, index, msg, s);
      },
      timer(_payload, tag) {
        if (tag !== RETENTION || retentionTimerAt !== sim.now) return;
        retentionTimerAt = Infinity;
        for (let due = retained.peek(); due && due.deleteAt <= sim.now; due = retained.peek()) {
          retained.shift();
          if (store.remove(due.parking)) s.expired++;
        }
        retainUntilDue();
      },
      crash() {
        if (mode !== 'check-in' || durableStore) return;
        // Its retention list may keep the deleted ones: deleting them again later does nothing.
        s.crashed += store.removeOwnedBy(index);
      },
      stats: () => ({ kind: 'claim-check', ...s, parked: store.parked }),
    };
  },
});
