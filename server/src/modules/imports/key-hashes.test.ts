import { describe, expect, it } from 'vitest';
import { KeyHashes } from './key-hashes';

/** Adds one key, value by value, as the row encoder does. */
function add(keys: KeyHashes, ...values: string[]): void {
  for (const value of values) keys.part(value);
  keys.end();
}

describe('KeyHashes', () => {
  it('stays sure while every key differs, across many growths of its table', () => {
    const keys = new KeyHashes();
    for (let i = 0; i < 300_000; i++) add(keys, `P${i}`, 'EGE', '2024', 'MATH');
    expect(keys.unique).toBe(true);
  });

  it('notices a key added again, however far apart', () => {
    const keys = new KeyHashes();
    add(keys, 'P1', 'EGE', '2024', 'MATH');
    for (let i = 0; i < 100_000; i++) add(keys, `Q${i}`, 'EGE', '2024', 'MATH');
    expect(keys.unique).toBe(true);
    add(keys, 'P1', 'EGE', '2024', 'MATH');
    expect(keys.unique).toBe(false);
  });

  it('tells keys apart that differ in one character only, or in where one value ends', () => {
    const keys = new KeyHashes();
    const distinct = [['a', 'b'], ['a', 'c'], ['ab', ''], ['a', 'b', ''], ['\\N'], ['\\\\N'], ['Ё'], ['Е'], ['']];
    for (const values of distinct) add(keys, ...values);
    expect(keys.unique).toBe(true);
    add(keys, 'a', 'b');
    expect(keys.unique).toBe(false);
  });

  it('once in doubt stays in doubt: repeats are then the database’s to find', () => {
    const keys = new KeyHashes();
    keys.doubt();
    add(keys, 'x');
    expect(keys.unique).toBe(false);
  });
});
