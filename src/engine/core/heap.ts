/**
 * The event heap: a binary min-heap ordered by (time, sequence). The sequence number is
 * the insertion order, so events at the same instant run first-scheduled-first; that
 * tie-break is what makes a run a pure function of topology + seed.
 *
 * Entries live in parallel typed arrays (slots) and the heap itself orders slot indices,
 * so a sift moves one integer instead of a record, and no object is allocated per event.
 */
export class EventHeap {
  private time: Float64Array;
  private seq: Float64Array;
  private kind: Uint8Array;
  private a: Int32Array;
  private b: Int32Array;
  private order: Int32Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.time = new Float64Array(n);
    this.seq = new Float64Array(n);
    this.kind = new Uint8Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
    this.order = new Int32Array(n);
    this.freeSlots = new Int32Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.time[this.order[0]!]!;
  }

  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.order.length) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextSlot++;
    this.time[slot] = time;
    this.seq[slot] = this.nextSeq++;
    this.kind[slot] = kind;
    this.a[slot] = a;
    this.b[slot] = b;
    this.siftUp(this.count++, slot);
  }

  /**
   * Removes the earliest event and writes it into `out`; returns false when empty.
   * `out` is reused by the caller so popping allocates nothing.
   */
  pop(out: PoppedEvent): boolean {
    if (this.count === 0) return false;
    const top = this.order[0]!;
    out.time = this.time[top]!;
    out.kind = this.kind[top]!;
    out.a = this.a[top]!;
    out.b = this.b[top]!;
    this.freeSlots[this.freeCount++] = top;
    const last = this.order[--this.count]!;
    if (this.count > 0) this.siftDown(0, last);
    return true;
  }

  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.nextSlot = 0;
    this.nextSeq = 0;
  }

  private less(x: number, y: number): boolean {
    const tx = this.time[x]!;
    const ty = this.time[y]!;
    return tx < ty || (tx === ty && this.seq[x]! < this.seq[y]!);
  }

  private siftUp(index: number, slot: number): void {
    const order = this.order;
    let i = index;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = order[parent]!;
      if (!this.less(slot, p)) break;
      order[i] = p;
      i = parent;
    }
    order[i] = slot;
  }

  private siftDown(index: number, slot: number): void {
    const order = this.order;
    const n = this.count;
    let i = index;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      const right = child + 1;
      if (right < n && this.less(order[right]!, order[child]!)) child = right;
      const c = order[child]!;
      if (!this.less(c, slot)) break;
      order[i] = c;
      i = child;
    }
    order[i] = slot;
  }

  private grow(): void {
    const n = this.order.length * 2;
    const grown = <T extends Float64Array | Uint8Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(n);
      next.set(old);
      return next;
    };
    this.time = grown(this.time, (k) => new Float64Array(k));
    this.seq = grown(this.seq, (k) => new Float64Array(k));
    this.kind = grown(this.kind, (k) => new Uint8Array(k));
    this.a = grown(this.a, (k) => new Int32Array(k));
    this.b = grown(this.b, (k) => new Int32Array(k));
    this.order = grown(this.order, (k) => new Int32Array(k));
    this.freeSlots = grown(this.freeSlots, (k) => new Int32Array(k));
  }
}

export interface PoppedEvent {
  time: number;
  kind: number;
  a: number;
  b: number;
}

export function newPoppedEvent(): PoppedEvent {
  return { time: 0, kind: 0, a: 0, b: 0 };
}
