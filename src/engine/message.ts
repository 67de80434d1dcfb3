/**
 * A message copy while it is alive in the simulation. Copies made by a fan-out share `id`
 * and have their own `copy` number; each copy has its own fate in the ledger.
 */
export interface Message {
  /** Index in the simulation's table of live messages (reused after the copy's fate). */
  slot: number;
  /** Shared by all copies of one produced message. */
  id: number;
  /** 0 for the original, 1.. for fan-out copies. */
  copy: number;
  /** Node index of the producer. */
  producer: number;
  /** Per-producer sequence number, from 0. */
  seq: number;
  key: string | undefined;
  sizeBytes: number;
  createdAt: number;
  /** Delivery attempts so far. */
  attempts: number;

  /** The edge it is travelling on, or -1. */
  edge: number;
  departAt: number;
  arriveAt: number;
  /** Position in the simulation's list of messages on links (for O(1) removal). */
  linkPos: number;
  /** The link's loss draw decided it will not arrive. */
  doomed: boolean;

  /** The queue (node index) that dispatched it and waits for its ack, or -1. */
  heldBy: number;
  /** Which output of that queue it was dispatched to. */
  heldOutput: number;
}
