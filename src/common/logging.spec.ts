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
