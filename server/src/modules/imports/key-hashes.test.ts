import { describe, expect, it } from 'vitest';
import { KeyHashes } from './key-hashes';

describe('KeyHashes', () => {
  it('stays sure while every key differs, across many growths of its table', () => {
    const keys = new KeyHashes();
    for (let i = 0; i < 300_000; i++) keys.add(`P${i}\tEGE\t2024\tMATH\t`);
    expect(keys.unique).toBe(true);
  });

  it('notices a key added again, however far apart', () => {
    const keys = new KeyHashes();
    keys.add('P1\tEGE\t2024\tMATH\t');
    for (let i = 0; i < 100_000; i++) keys.add(`Q${i}\tEGE\t2024\tMATH\t`);
    expect(keys.unique).toBe(true);
    keys.add('P1\tEGE\t2024\tMATH\t');
    expect(keys.unique).toBe(false);
  });

  it('tells keys apart that differ in one character only', () => {
    const keys = new KeyHashes();
    for (const key of ['a\tb\t', 'a\tc\t', 'ab\t\t', '\\N\t', '\\\\N\t', 'Ё\t', 'Е\t']) keys.add(key);
    expect(keys.unique).toBe(true);
  });

  it('once in doubt stays in doubt: repeats are then the database’s to find', () => {
    const keys = new KeyHashes();
    keys.doubt();
    keys.add('x\t');
    expect(keys.unique).toBe(false);
  });
});
