/**
 * The event heap: a binary min-heap ordered by (time, sequence). The sequence number is
 * the insertion order, so events at the same instant run first-scheduled-first; that
 * tie-break is what makes a run a pure function of topology + seed.
 *
 * Entries live in parallel typed arrays and a sift moves them in place, as a bare heap
 * loop would: no object is allocated per event and no index table is chased. The event
 * kind shares one 32-bit word with `a` (kind in the top byte, a + 1 below), so a sift
 * moves four numbers.
 */
const A_BITS = 24;
/** `a` is -1 .. MAX_A. */
export const MAX_A = (1 << A_BITS) - 2;
const A_MASK = (1 << A_BITS) - 1;

export class EventHeap {
  private time: Float64Array;
  /** Insertion order. */
  private key: Float64Array;
  /** kind << 24 | (a + 1). */
  private a: Int32Array;
  private b: Int32Array;
  private count = 0;
  private nextSeq = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity);
    this.time = new Float64Array(n);
    this.key = new Float64Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
  }

  get size(): number {
    return this.count;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.count === 0 ? Infinity : this.time[0]!;
  }

  /** `kind` is 0..127, `a` is -1..MAX_A. */
  push(time: number, kind: number, a: number, b: number): void {
    if (this.count === this.time.length) this.grow();
    const key = this.nextSeq++;
    const kindA = (kind << A_BITS) | (a + 1);
    const times = this.time;
    const keys = this.key;
    const as = this.a;
    const bs = this.b;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent]!;
      if (pt < time || (pt === time && keys[parent]! < key)) break;
      times[i] = pt;
      keys[i] = keys[parent]!;
      as[i] = as[parent]!;
      bs[i] = bs[parent]!;
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
    as[i] = kindA;
    bs[i] = b;
  }

  /**
   * Removes the earliest event and writes it into `out`; returns false when empty.
   * `out` is reused by the caller so popping allocates nothing.
   */
  pop(out: PoppedEvent): boolean {
    if (this.count === 0) return false;
    const times = this.time;
    const keys = this.key;
    const as = this.a;
    const bs = this.b;
    out.time = times[0]!;
    const top = as[0]!;
    out.kind = top >>> A_BITS;
    out.a = (top & A_MASK) - 1;
    out.b = bs[0]!;
    const n = --this.count;
    if (n === 0) return true;
    // Sift the last entry down from the root.
    const time = times[n]!;
    const key = keys[n]!;
    const kindA = as[n]!;
    const b = bs[n]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      let ct = times[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = times[right]!;
        if (rt < ct || (rt === ct && keys[right]! < keys[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (time < ct || (time === ct && key < keys[child]!)) break;
      times[i] = ct;
      keys[i] = keys[child]!;
      as[i] = as[child]!;
      bs[i] = bs[child]!;
      i = child;
    }
    times[i] = time;
    keys[i] = key;
    as[i] = kindA;
    bs[i] = b;
    return true;
  }

  clear(): void {
    this.count = 0;
    this.nextSeq = 0;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const time = new Float64Array(n);
    const key = new Float64Array(n);
    const a = new Int32Array(n);
    const b = new Int32Array(n);
    time.set(this.time);
    key.set(this.key);
    a.set(this.a);
    b.set(this.b);
    this.time = time;
    this.key = key;
    this.a = a;
    this.b = b;
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
