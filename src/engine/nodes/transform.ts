import { MAX_MESSAGE_BYTES } from '../../model/limits.ts';
import type { Message } from '../message.ts';
import type { SimContext } from './node.ts';
import { passOn } from './routing.ts';

/**
 * What the message transformation nodes of SEMANTICS.md §5 (translator, content enricher,
 * content filter, envelope wrapper, claim check) share: their counters, sending the
 * changed message on, and the rules every change follows.
 *
 * A copy's `headers` object is shared with its fan-out siblings, so a change always
 * builds a new object and never writes into the old one. `sizeBytes` is the copy's own.
 */

export interface TransformCounters {
  received: number;
  out: number;
  dropped: number;
  bytesIn: number;
  bytesOut: number;
}

export function transformCounters(): TransformCounters {
  return { received: 0, out: 0, dropped: 0, bytesIn: 0, bytesOut: 0 };
}

/** Counts an arriving message and its bytes. */
export function countIn(s: TransformCounters, msg: Message): void {
  s.received++;
  s.bytesIn += msg.sizeBytes;
}

/** Sends the message on the node's one output; with none open it is lost:unroutable (counted dropped). */
export function sendOn(sim: SimContext, node: number, msg: Message, s: TransformCounters): void {
  const bytes = msg.sizeBytes;
  const sent = s.out;
  passOn(sim, sim.outputs(node)[0], msg, s);
  if (s.out !== sent) s.bytesOut += bytes;
}

/**
 * True the first time a node sees this message copy. The same copy can arrive twice — a
 * duplicating link or a QoS 1 resend delivers the one copy again — and was changed the
 * first time: a repeat goes on as it is, so nothing is applied twice.
 */
export function firstSight(): (msg: Message) => boolean {
  const seen = new WeakSet<Message>();
  return (msg) => {
    if (seen.has(msg)) return false;
    seen.add(msg);
    return true;
  };
}

/** A size as a whole number of bytes, from 0 to the largest message. */
export function clampBytes(bytes: number): number {
  const whole = Math.round(bytes);
  return whole < 0 ? 0 : whole > MAX_MESSAGE_BYTES ? MAX_MESSAGE_BYTES : whole;
}

/** Headers as a message carries them: none is undefined, not an empty object. */
export function headersOrNone(headers: Record<string, string>): Readonly<Record<string, string>> | undefined {
  return Object.keys(headers).length > 0 ? headers : undefined;
}

/** A header set (or overwritten) on a new copy of `headers`; defineProperty keeps a name like __proto__ plain data. */
export function setHeader(headers: Record<string, string>, name: string, value: string): void {
  Object.defineProperty(headers, name, { value, enumerable: true, writable: true, configurable: true });
}

/** A fresh, writable copy of a message's headers (spreading defines own data properties, __proto__ included). */
export function copyHeaders(msg: Message): Record<string, string> {
  return { ...msg.headers };
}
