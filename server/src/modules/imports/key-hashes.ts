const FNV_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const H2_BASIS = 0x2545f491;
const H2_PRIME = 0x5bd1e995;
const TAB = 9;

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

  /** The hashes of the key being added (see `part`). */
  private h1 = FNV_BASIS;
  private h2 = H2_BASIS;

  /**
   * One value of the key being added, in COPY text: hashed as it is followed by a tab, so that the
   * parts of a key need not be joined into a string first (a million of those cost more than the
   * hashing). `end` adds the key.
   */
  part(value: string): void {
    if (!this.unique) return;
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, FNV_PRIME);
      h2 = Math.imul(h2 ^ c, H2_PRIME);
      h2 ^= h2 >>> 13;
    }
    h1 = Math.imul(h1 ^ TAB, FNV_PRIME);
    h2 = Math.imul(h2 ^ TAB, H2_PRIME);
    this.h1 = h1;
    this.h2 = h2 ^ (h2 >>> 13);
  }

  /** Adds the key whose values `part` was given. */
  end(): void {
    const h1 = mix(this.h1) || 1; // 0 marks an empty slot
    const h2 = mix(this.h2 ^ 0x9e3779b9);
    this.h1 = FNV_BASIS;
    this.h2 = H2_BASIS;
    if (!this.unique) return;
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
