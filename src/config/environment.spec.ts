import { InvalidEnvironmentError, validateEnvironment } from './environment';

describe('validateEnvironment', () => {
  it('fills defaults when nothing is set', () => {
    expect({ ...validateEnvironment({}) }).toEqual({
      PORT: 3000,
      DATABASE_URL: undefined,
      EMBEDDED_DB_DIR: '.data/pglite',
      EMBEDDED_DB_PORT: 5433,
      LOG_LEVEL: 'info',
      DB_POOL_SIZE: 10,
    });
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
