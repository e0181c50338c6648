import { describe, expect, it } from 'vitest';
import { CopyTextPieces } from './copy-pieces';

describe('CopyTextPieces', () => {
  it('keeps every row whole in one piece, in order, as UTF-8, whatever the rows’ lengths', () => {
    const pieces = new CopyTextPieces();
    const rows: string[] = [];
    for (let i = 0; i < 5_000; i++) rows.push(`${i}\tШкола № ${i}\t${'ё'.repeat(i % 40)}\n`);
    // Rows longer than a piece (in characters, and in bytes only) take pieces of their own.
    rows.splice(1_000, 0, `long\t${'x'.repeat(70_000)}\n`, `cyrillic\t${'ж'.repeat(30_000)}\n`);
    for (const row of rows) pieces.add(row);

    const taken = pieces.take();
    expect(taken.length).toBeGreaterThan(4);
    const text = taken.map((piece) => piece.toString('utf8'));
    for (const piece of text) expect(piece.endsWith('\n')).toBe(true);
    expect(text.join('')).toBe(rows.join(''));
    expect(Buffer.concat(taken).length).toBe(Buffer.byteLength(rows.join('')));
    expect(pieces.take()).toEqual([]);
  });
});
