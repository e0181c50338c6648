import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { accessLogger } from '../http/request-edge';
import { createLogger, REDACTED } from './logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', destination }), text: () => lines.join('') };
}

describe('the JSON logger', () => {
  it('redacts passwords, tokens, headers, secrets, connection strings, participant codes and SQL parameters', () => {
    const { logger, text } = capture();
    const failedSql = Object.assign(new Error('duplicate key value violates unique constraint'), {
      query: 'INSERT INTO participant_result (participant_code) VALUES ($1)',
      parameters: ['P-000777'],
      detail: 'Key (participant_code)=(P-000777) already exists.',
      driverError: { parameters: ['P-000777'], detail: 'Key (participant_code)=(P-000777) already exists.' },
    });
    logger.info({
      password: 'pw-top-level',
      user: { password: 'pw-nested', token: 'tok-nested' },
      accessToken: 'access-abc',
      refreshToken: 'refresh-abc',
      headers: { authorization: 'Bearer hdr-abc', cookie: 'sid=cookie-abc' },
      variables: { password: 'pw-variables' },
      jwtSecret: 'secret-abc',
      databaseUrl: 'postgres://hub:db-password@db:5432/hub',
      participantCode: 'P-000123',
      row: { participantCodes: ['P-000456'] },
    });
    logger.error({ err: failedSql }, 'failed');
    const out = text();
    for (const secret of [
      'pw-top-level',
      'pw-nested',
      'tok-nested',
      'access-abc',
      'refresh-abc',
      'hdr-abc',
      'cookie-abc',
      'pw-variables',
      'secret-abc',
      'db-password',
      'P-000123',
      'P-000456',
      'P-000777',
    ]) {
      expect(out, secret).not.toContain(secret);
    }
    expect(out).toContain(REDACTED);
    // What an operator needs stays: the statement's text and the message.
    expect(out).toContain('INSERT INTO participant_result');
    expect(out).toContain('duplicate key value');
  });

  it('writes one JSON object per line with level, time, service and message', () => {
    const { logger, text } = capture();
    logger.info({ reqId: 'r-1' }, 'request');
    const line = JSON.parse(text().trim());
    expect(line).toMatchObject({ level: 30, service: 'tomsk-edu-hub', reqId: 'r-1', msg: 'request' });
    expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(Math.abs(new Date(line.time).getTime() - Date.now())).toBeLessThan(5000);
  });

  it('writes an access line without the redaction pass exactly as the redacting logger would', () => {
    const { logger, text } = capture();
    const line = {
      reqId: 'trace-1',
      userId: '5b1c6f1e-0000-4000-8000-000000000001',
      operation: 'Dashboard',
      method: 'POST',
      path: '/graphql',
      status: 200,
      durationMs: 1.234,
      aborted: true,
    };
    logger.info(line, 'request');
    accessLogger(logger).info(line, 'request');
    const [redacted, plain] = text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(plain).toEqual({ ...redacted, time: plain.time });
    expect(plain).toMatchObject({ ...line, level: 30, service: 'tomsk-edu-hub', msg: 'request' });
    // The pass is skipped, not the rule: a secret under a redacted key is still hidden by the hub's own logger.
    logger.info({ token: 'tok-access' }, 'request');
    expect(text()).not.toContain('tok-access');
  });
});
