import { Fifo } from './fifo.ts';

/** What a queue needs of its ready messages: one FIFO, or priority lanes. */
export interface ReadyList<T> {
  readonly size: number;
  push(item: T): void;
  /** Puts an item back at the front (of its own priority, for lanes). */
  unshift(item: T): void;
  peek(): T | undefined;
  shift(): T | undefined;
  /** The item `index` places behind the front, in dispatch order. */
  at(index: number): T | undefined;
  removeAt(index: number): T | undefined;
  /** Up to `count` items from the front, in dispatch order (for inspection). */
  first(count: number): Iterable<T>;
  toArray(): T[];
}

/**
 * RMQ-P2, a classic priority queue: one FIFO lane per priority 0..max, read highest lane
 * first, so the front is the oldest item of the highest priority present. A priority
 * above the maximum counts as the maximum (RabbitMQ caps it). Like RabbitMQ's backing
 * queue per priority, a requeue goes back to the front of its own lane.
 */
export class PriorityLanes<T> implements ReadyList<T> {
  private readonly lanes: Fifo<T>[];
  private count = 0;
  /** The highest lane that may hold items; lanes above it are empty (-1: all empty). */
  private top = -1;

  constructor(
    private readonly maxPriority: number,
    private readonly priorityOf: (item: T) => number,
  ) {
    this.lanes = Array.from({ length: maxPriority + 1 }, () => new Fifo<T>());
  }

  get size(): number {
    return this.count;
  }

  push(item: T): void {
    this.laneOf(item).push(item);
  }

  unshift(item: T): void {
    this.laneOf(item).unshift(item);
  }

  peek(): T | undefined {
    this.settleTop();
    return this.top < 0 ? undefined : this.lanes[this.top]!.peek();
  }

  shift(): T | undefined {
    return this.removeAt(0);
  }

  at(index: number): T | undefined {
    for (let p = this.top; p >= 0; p--) {
      const lane = this.lanes[p]!;
      if (index < lane.size) return lane.at(index);
      index -= lane.size;
    }
    return undefined;
  }

  removeAt(index: number): T | undefined {
    for (let p = this.top; p >= 0; p--) {
      const lane = this.lanes[p]!;
      if (index >= lane.size) {
        index -= lane.size;
        continue;
      }
      this.count--;
      const item = lane.removeAt(index);
      this.settleTop();
      return item;
    }
    return undefined;
  }

  *first(count: number): Generator<T> {
    let left = count;
    for (let p = this.top; p >= 0 && left > 0; p--) {
      for (const item of this.lanes[p]!.first(left)) {
        yield item;
        left--;
      }
    }
  }

  toArray(): T[] {
    const out: T[] = [];
    for (let p = this.top; p >= 0; p--) out.push(...this.lanes[p]!.toArray());
    return out;
  }

  /** The item's lane (its priority, capped at the maximum), counted in and raising `top` as needed. */
  private laneOf(item: T): Fifo<T> {
    const p = Math.min(Math.max(0, this.priorityOf(item)), this.maxPriority);
    if (p > this.top) this.top = p;
    this.count++;
    return this.lanes[p]!;
  }

  private settleTop(): void {
    while (this.top >= 0 && this.lanes[this.top]!.size === 0) this.top--;
  }
}
