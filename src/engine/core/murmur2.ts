/**
 * Kafka's key hashing (K-1): the default partitioner of the Java client puts a keyed record
 * in partition `toPositive(murmur2(utf8(key))) % partitions`, where murmur2 is the 32-bit
 * MurmurHash2 with seed 0x9747b28c and toPositive clears the sign bit. Reproducing it bit
 * for bit means a key lands where a real Kafka producer would put it.
 */

const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** MurmurHash2 of `data`, as the signed 32-bit integer Java's `Utils.murmur2` returns. */
export function murmur2(data: Uint8Array): number {
  const length = data.length;
  let h = SEED ^ length;
  const whole = length & ~3;
  for (let i = 0; i < whole; i += 4) {
    let k = data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }
  // The 1 to 3 bytes after the last whole word, highest first (the reference falls through).
  const rest = length - whole;
  if (rest === 3) h ^= data[whole + 2]! << 16;
  if (rest >= 2) h ^= data[whole + 1]! << 8;
  if (rest >= 1) {
    h ^= data[whole]!;
    h = Math.imul(h, M);
  }
  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/**
 * The UTF-8 bytes of a string (what Kafka's StringSerializer sends as the key). A lone
 * surrogate, which has no UTF-8 form, becomes "?" as Java's encoder makes it.
 */
export function utf8Bytes(text: string): Uint8Array {
  const out: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0xd800 && cp <= 0xdfff) out.push(0x3f);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
  }
  return Uint8Array.from(out);
}

/** The partition of a keyed record: `(murmur2(utf8(key)) & 0x7fffffff) % partitions`. */
export function partitionForKey(key: string, partitions: number): number {
  return (murmur2(utf8Bytes(key)) & 0x7fffffff) % partitions;
}
