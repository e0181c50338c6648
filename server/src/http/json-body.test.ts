import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { parseJsonBody, smallJsonLength } from './json-body';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;
const json = (extra: Record<string, string> = {}) =>
  request({ 'content-type': 'application/json', 'content-length': '120', ...extra });

describe('which bodies the edge reads itself', () => {
  it('takes small JSON in UTF-8 with a declared length', () => {
    expect(smallJsonLength(json(), 4096)).toBe(120);
    expect(smallJsonLength(json({ 'content-type': 'Application/JSON; charset=UTF-8' }), 4096)).toBe(120);
    expect(smallJsonLength(json({ 'content-type': 'application/json;charset="utf-8"' }), 4096)).toBe(120);
    expect(smallJsonLength(json({ 'content-encoding': 'identity' }), 4096)).toBe(120);
  });

  it('leaves every other body to express: larger, chunked, compressed, another charset or type', () => {
    expect(smallJsonLength(json({ 'content-length': '4097' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'content-length': '0' }), 4096)).toBe(-1);
    expect(smallJsonLength(request({ 'content-type': 'application/json' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'transfer-encoding': 'chunked' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'content-encoding': 'gzip' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'content-type': 'application/json; charset=utf-16' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'content-type': 'text/plain' }), 4096)).toBe(-1);
    expect(smallJsonLength(json({ 'content-type': 'application/graphql-response+json' }), 4096)).toBe(-1);
  });
});

describe('a body read at the edge, parsed as express would', () => {
  const parse = (text: string) => parseJsonBody(Buffer.from(text, 'utf8'));
  const failure = (text: string) => {
    try {
      parse(text);
    } catch (error) {
      return { type: (error as { type?: string }).type, status: (error as { status?: number }).status };
    }
    return null;
  };

  it('parses objects and arrays, past whitespace and a byte order mark', () => {
    expect(parse(' \n{"query":"{ a }"}')).toEqual({ query: '{ a }' });
    expect(parse('\ufeff[1]')).toEqual([1]);
    expect(parse('')).toEqual({});
  });

  it('refuses what is not JSON, and JSON that is neither an object nor an array, as a parse failure', () => {
    const parseFailed = { type: 'entity.parse.failed', status: 400 };
    expect(failure('{ not json')).toEqual(parseFailed);
    expect(failure('"a string"')).toEqual(parseFailed);
    expect(failure('  42')).toEqual(parseFailed);
    expect(failure('   ')).toEqual(parseFailed);
  });
});
