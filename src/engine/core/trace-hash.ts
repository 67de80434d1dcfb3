/**
 * A running 64-bit hash (two 32-bit lanes) of the ordered event sequence. Two runs have
 * the same hash only if they processed the same events, at bit-identical times, in the
 * same order: the check behind "same topology + seed gives the same run".
 */
export class TraceHash {
  private lo = 0x9747b28c;
  private hi = 0x2545f491;
  private readonly timeView = new Float64Array(1);
  private readonly timeWords = new Uint32Array(this.timeView.buffer);

  add(time: number, kind: number, a: number, b: number): void {
    this.timeView[0] = time;
    this.mix(this.timeWords[0]!);
    this.mix(this.timeWords[1]!);
    // Kind and a share a word as in the event heap (kind < 128, a < 2^24 - 1).
    this.mix((kind << 24) | (a + 1));
    this.mix(b);
  }

  private mix(word: number): void {
    let k = Math.imul(word | 0, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, 0x1b873593);
    let lo = this.lo ^ k;
    lo = (lo << 13) | (lo >>> 19);
    this.lo = (Math.imul(lo, 5) + 0xe6546b64) | 0;
    let hi = this.hi ^ Math.imul(word | 0, 0x85ebca6b);
    hi = (hi << 17) | (hi >>> 15);
    this.hi = (Math.imul(hi, 0xc2b2ae35) + this.lo) | 0;
  }

  /** 16 hex digits. */
  digest(): string {
    const fmix = (h: number): number => {
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      return (h ^ (h >>> 16)) >>> 0;
    };
    const hi = fmix(this.hi ^ this.lo);
    const lo = fmix(this.lo);
    return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
  }
}
