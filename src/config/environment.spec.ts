import {
  DEVELOPMENT_JWT_SECRET,
  InvalidEnvironmentError,
  MAX_MATCH_RUN_TIME_LIMIT_SECONDS,
  jwtSecretOf,
  validateEnvironment,
} from './environment';

describe('validateEnvironment', () => {
  it('fills defaults when nothing is set', () => {
    expect(validateEnvironment({})).toMatchObject({
      PORT: 3000,
      DATABASE_URL: undefined,
      EMBEDDED_DB_DIR: '.data/pglite',
      EMBEDDED_DB_PORT: 5433,
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: 10,
      JWT_SECRET: undefined,
      JWT_TTL_SECONDS: 28_800,
      CORS_ORIGINS: '',
      THROTTLE_TTL_SECONDS: 60,
      THROTTLE_LIMIT: 300,
    });
  });

  it('signs with the public development key outside production only', () => {
    expect(jwtSecretOf(validateEnvironment({}))).toBe(DEVELOPMENT_JWT_SECRET);
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET is required in production/);
    expect(() => validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: DEVELOPMENT_JWT_SECRET })).toThrow(
      /public development secret/,
    );
    const secret = 'p'.repeat(32);
    expect(jwtSecretOf(validateEnvironment({ NODE_ENV: 'production', JWT_SECRET: secret }))).toBe(secret);
  });

  it('defaults and bounds the concurrency of match runs and live candidates', () => {
    expect(validateEnvironment({})).toMatchObject({ MATCH_CONCURRENCY: 1, CANDIDATES_CONCURRENCY: 4, CANDIDATES_QUEUE_LIMIT: 100 });
    expect(validateEnvironment({ MATCH_CONCURRENCY: '2' }).MATCH_CONCURRENCY).toBe(2);
    expect(() => validateEnvironment({ MATCH_CONCURRENCY: '0' })).toThrow(/MATCH_CONCURRENCY must not be less than 1/);
    expect(() => validateEnvironment({ CANDIDATES_CONCURRENCY: 'many' })).toThrow(/CANDIDATES_CONCURRENCY must be an integer/);
  });

  it("defaults the solver thread's nice value and keeps it within what a thread may raise itself to", () => {
    expect(validateEnvironment({}).MATCH_SOLVER_NICE).toBe(10);
    expect(validateEnvironment({ MATCH_SOLVER_NICE: '0' }).MATCH_SOLVER_NICE).toBe(0);
    expect(() => validateEnvironment({ MATCH_SOLVER_NICE: '20' })).toThrow(/MATCH_SOLVER_NICE must not be greater than 19/);
    expect(() => validateEnvironment({ MATCH_SOLVER_NICE: '-5' })).toThrow(/MATCH_SOLVER_NICE must not be less than 0/);
  });

  it('reads a run\'s seekers from the database unless told to use the pool', () => {
    expect(validateEnvironment({}).MATCH_RUN_SEEKERS).toBe('database');
    expect(validateEnvironment({ MATCH_RUN_SEEKERS: 'pool' }).MATCH_RUN_SEEKERS).toBe('pool');
    expect(() => validateEnvironment({ MATCH_RUN_SEEKERS: 'memory' })).toThrow(/MATCH_RUN_SEEKERS must be database or pool/);
  });

  it('solves runs up to 10 million vacancy × seeker pairs at normal priority unless told otherwise', () => {
    expect(validateEnvironment({}).MATCH_SOLVER_NICE_ABOVE_PAIRS).toBe(10_000_000);
    expect(validateEnvironment({ MATCH_SOLVER_NICE_ABOVE_PAIRS: '0' }).MATCH_SOLVER_NICE_ABOVE_PAIRS).toBe(0);
    expect(() => validateEnvironment({ MATCH_SOLVER_NICE_ABOVE_PAIRS: '-1' })).toThrow(/MATCH_SOLVER_NICE_ABOVE_PAIRS must not be less than 0/);
  });

  it('refuses a match-run expiry shorter than the longest run a coordinator may ask for', () => {
    const shortest = MAX_MATCH_RUN_TIME_LIMIT_SECONDS + 60;
    expect(() => validateEnvironment({ MATCH_RUN_EXPIRE_SECONDS: String(shortest - 1) })).toThrow(
      new RegExp(`MATCH_RUN_EXPIRE_SECONDS must not be less than ${shortest}`),
    );
    expect(validateEnvironment({ MATCH_RUN_EXPIRE_SECONDS: String(shortest) }).MATCH_RUN_EXPIRE_SECONDS).toBe(shortest);
  });

  it('refuses a short JWT_SECRET without printing it', () => {
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret-xyz' })).toThrow(/JWT_SECRET=\(hidden\): JWT_SECRET must be at least 32/);
    expect(() => validateEnvironment({ JWT_SECRET: 'short-secret-xyz' })).not.toThrow(/short-secret-xyz/);
  });

  it('parses numbers and keeps a valid DATABASE_URL', () => {
    const environment = validateEnvironment({ PORT: '8080', DB_POOL_SIZE: '4', DATABASE_URL: 'postgres://app:secret@db:5432/chaeum' });
    expect(environment).toMatchObject({ PORT: 8080, DB_POOL_SIZE: 4, DATABASE_URL: 'postgres://app:secret@db:5432/chaeum' });
  });

  it('treats empty values as unset', () => {
    expect(validateEnvironment({ PORT: '', DATABASE_URL: '' })).toMatchObject({ PORT: 3000, DATABASE_URL: undefined });
  });

  it('names every bad variable at once and never prints the database password', () => {
    let error: unknown;
    try {
      validateEnvironment({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://root:hunter2@db/x' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidEnvironmentError);
    const message = (error as Error).message;
    expect(message).toMatch(/PORT="eighty": PORT must be an integer/);
    expect(message).toMatch(/LOG_LEVEL="loud": LOG_LEVEL must be one of/);
    expect(message).toMatch(/DATABASE_URL=\(hidden\)/);
    expect(message).not.toContain('hunter2');
  });
});
