import { Writable } from 'node:stream';
import pino from 'pino';
import type { AppConfig } from '../config/app-config';
import { loggerParams } from './logging';

function loggedBy(write: (logger: pino.Logger) => void): string {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const options = loggerParams({ logLevel: 'trace' } as AppConfig).pinoHttp as pino.LoggerOptions;
  write(pino({ level: 'trace', redact: options.redact }, stream));
  return lines.join('');
}

describe('log redaction', () => {
  it('censors personal fields one and two levels down, and the authorization header', () => {
    const log = loggedBy((logger) => {
      logger.info({ seeker: { phone: '010-1111-2222', displayName: '김민지', email: 'kim@example.com' } }, 'one');
      logger.info({ placement: { contact: { phone: '010-3333-4444' } } }, 'two');
      logger.info({ req: { headers: { authorization: 'Bearer abc.def.ghi' } } }, 'three');
    });
    expect(log).not.toMatch(/010-1111-2222|김민지|kim@example\.com|010-3333-4444|abc\.def\.ghi/);
    expect(log.match(/\[redacted\]/g)?.length).toBeGreaterThanOrEqual(5);
  });
});

describe('log redaction of accounts', () => {
  it('censors password hashes, session cookies and the CSRF header', () => {
    const log = loggedBy((logger) => {
      logger.info({ user: { email: 'lee@example.kr', passwordHash: '$argon2id$v=19$secret-hash' } }, 'user');
      logger.info({ row: { password_hash: '$argon2id$v=19$row-hash', email_key: 'lee@example.kr' } }, 'row');
      logger.info({ req: { headers: { cookie: 'chaeum_session=abc.def.ghi', 'x-csrf-token': 'csrf-value-123' } } }, 'req');
      logger.info({ res: { headers: { 'set-cookie': 'chaeum_session=jkl.mno.pqr' } } }, 'res');
    });
    expect(log).not.toMatch(/lee@example|argon2id|abc\.def\.ghi|jkl\.mno\.pqr|csrf-value-123/);
  });
});
