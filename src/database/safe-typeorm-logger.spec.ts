import { SafeTypeOrmLogger } from './safe-typeorm-logger';

function capture() {
  const lines: string[] = [];
  const sink = { debug: (m: string) => lines.push(m), log: (m: string) => lines.push(m), warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) };
  return { lines, sink };
}

describe('SafeTypeOrmLogger', () => {
  const parameters = ['010-9876-5432', 'kim@example.com'];
  const driverError = Object.assign(new Error('duplicate key value violates unique constraint "seeker_phone_key"'), {
    code: '23505',
    constraint: 'seeker_phone_key',
    detail: 'Key (phone)=(010-9876-5432) already exists.',
  });

  it('logs a failed query with its SQLSTATE and constraint but without parameters or detail', () => {
    const { lines, sink } = capture();
    new SafeTypeOrmLogger(sink).logQueryError(driverError, 'INSERT INTO seeker (phone, email) VALUES ($1, $2)', parameters);
    expect(lines).toEqual(['query failed (code 23505, constraint seeker_phone_key): INSERT INTO seeker (phone, email) VALUES ($1, $2)']);
  });

  it('never logs parameters of queries, even when query logging is on', () => {
    const { lines, sink } = capture();
    const logger = new SafeTypeOrmLogger(sink, true);
    logger.logQuery('SELECT * FROM seeker WHERE phone = $1', parameters);
    logger.logQuerySlow(5000, 'SELECT * FROM seeker WHERE email = $1', parameters);
    expect(lines).toHaveLength(2);
    expect(lines.join('\n')).not.toMatch(/010-9876-5432|kim@example\.com/);
  });
});
