/**
 * A first-in-first-out buffer with O(1) amortised push and shift: an array with a moving
 * head, compacted once the consumed prefix is both large and over half the array.
 */
export class Fifo<T> {
  private items: (T | undefined)[] = [];
  private head = 0;

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Puts an item back at the front (a requeue to its original position). */
  unshift(item: T): void {
    if (this.head > 0) this.items[--this.head] = item;
    else this.items.unshift(item);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined;
    if (this.head === this.items.length) {
      this.items = [];
      this.head = 0;
    } else if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  /** The item `index` places behind the front. */
  at(index: number): T | undefined {
    return this.items[this.head + index];
  }

  /** Removes the item `index` places behind the front: O(size), for the rare mid-queue take. */
  removeAt(index: number): T | undefined {
    if (index === 0) return this.shift();
    const [item] = this.items.splice(this.head + index, 1);
    return item;
  }

  /** Up to `count` items from the front, front first (for inspection). */
  *first(count: number): Generator<T> {
    const end = Math.min(this.items.length, this.head + count);
    for (let i = this.head; i < end; i++) yield this.items[i] as T;
  }

  /** Items front to back (for inspection and tests). */
  toArray(): T[] {
    return this.items.slice(this.head) as T[];
  }
}
