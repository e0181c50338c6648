/** Slots of the first table (a power of two); it doubles when half full. */
const INITIAL_SLOTS = 1 << 16;
/** Beyond this many slots (64 MB) the set gives up and leaves repeats to the database's check. */
const MAX_SLOTS = 1 << 23;

/**
 * The natural keys of the rows staged so far, kept as two 32-bit hashes each (8 bytes a key, in
 * one typed array): it answers «no key has repeated» with certainty, since equal keys hash
 * alike, for far less than the database's grouping of every staged row would cost. Two different
 * keys with equal hashes (about one file in ten million) or a file beyond the table's size only
 * send the file to that exact check; the set never decides that a file has repeats.
 */
export class KeyHashes {
  private slots = new Uint32Array(INITIAL_SLOTS * 2);
  private mask = INITIAL_SLOTS - 1;
  private count = 0;
  /** True while every key added differs from the others; false once a repeat is possible. */
  unique = true;

  /** Adds one key (its values in COPY text, each followed by a tab: an encoding with no two keys alike). */
  add(key: string): void {
    if (!this.unique) return;
    let h1 = 0x811c9dc5;
    let h2 = 0x2545f491;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 13;
    }
    h1 = mix(h1) || 1; // 0 marks an empty slot
    h2 = mix(h2 ^ 0x9e3779b9);
    const slots = this.slots;
    let at = (h1 ^ (h2 >>> 7)) & this.mask;
    for (;;) {
      const stored = slots[at * 2]!;
      if (stored === 0) break;
      if (stored === h1 && slots[at * 2 + 1] === h2) return this.doubt();
      at = (at + 1) & this.mask;
    }
    slots[at * 2] = h1;
    slots[at * 2 + 1] = h2;
    if (++this.count * 2 > this.mask + 1) this.grow();
  }

  /** From now on the set cannot tell: repeats are the database's to find. */
  doubt(): void {
    this.unique = false;
    this.slots = new Uint32Array(0);
  }

  private grow(): void {
    const size = (this.mask + 1) * 2;
    if (size > MAX_SLOTS) return this.doubt();
    const old = this.slots;
    this.slots = new Uint32Array(size * 2);
    this.mask = size - 1;
    for (let i = 0; i < old.length; i += 2) {
      const h1 = old[i]!;
      if (h1 === 0) continue;
      const h2 = old[i + 1]!;
      let at = (h1 ^ (h2 >>> 7)) & this.mask;
      while (this.slots[at * 2] !== 0) at = (at + 1) & this.mask;
      this.slots[at * 2] = h1;
      this.slots[at * 2 + 1] = h2;
    }
  }
}

/** Murmur3's finaliser: every input bit moves every output bit. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
