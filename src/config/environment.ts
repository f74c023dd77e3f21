import { Transform, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidationError, validateSync } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const POSTGRES_URL = /^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+(\?\S*)?$/;

const toInteger = ({ value }: { value: unknown }) => (/^-?\d+$/.test(String(value)) ? Number(value) : value);

/** Every environment variable the service reads, with its default. */
export class EnvironmentVariables {
  @Transform(toInteger)
  @Min(0)
  @Max(65535)
  @IsInt({ message: 'PORT must be an integer' })
  PORT: number = 3000;

  /** PostgreSQL to use; when unset the service starts its embedded database. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must look like postgres://user[:password]@host[:port]/database' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_DB_DIR: string = '.data/pglite';

  /** 0 lets the operating system pick a free port. */
  @Transform(toInteger)
  @Min(0)
  @Max(65535)
  @IsInt({ message: 'EMBEDDED_DB_PORT must be an integer' })
  EMBEDDED_DB_PORT: number = 5433;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @Transform(toInteger)
  @Min(1)
  @Max(100)
  @IsInt({ message: 'DB_POOL_SIZE must be an integer' })
  DB_POOL_SIZE: number = 10;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'InvalidEnvironmentError';
  }
}

/** Parses and checks raw environment values; throws one error naming every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  // Empty strings count as unset, so `PORT=` in a shell means "use the default".
  const relevant = Object.fromEntries(Object.entries(raw).filter(([key, value]) => known.includes(key) && value !== ''));
  const environment = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(environment, { stopAtFirstError: true });
  if (errors.length > 0) throw new InvalidEnvironmentError(errors.map(describe));
  return environment;
}

/** The process environment, validated: the only place that reads `process.env`. */
export function loadEnvironment(): EnvironmentVariables {
  return validateEnvironment(process.env);
}

function describe(error: ValidationError): string {
  const value = error.property === 'DATABASE_URL' ? '(hidden)' : JSON.stringify(error.value);
  return `${error.property}=${value}: ${Object.values(error.constraints ?? {}).join('; ')}`;
}
