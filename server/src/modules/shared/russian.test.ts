import { expect, it } from 'vitest';
import { plural, ruNumber } from './russian';

it('chooses the Russian plural form', () => {
  const form = (n: number) => plural(n, 'балл', 'балла', 'баллов');
  expect([0, 1, 2, 4, 5, 11, 12, 14, 17, 21, 22, 25, 101, 111].map(form)).toEqual([
    'баллов',
    'балл',
    'балла',
    'балла',
    'баллов',
    'баллов',
    'баллов',
    'баллов',
    'баллов',
    'балл',
    'балла',
    'баллов',
    'балл',
    'баллов',
  ]);
  expect(form(5.5)).toBe('балла');
});

it('writes numbers the Russian way', () => {
  expect(ruNumber(5.5)).toBe('5,5');
  expect(ruNumber(-3)).toBe('−3');
  expect(ruNumber(17)).toBe('17');
});
