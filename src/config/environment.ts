import { Transform, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength, ValidationError, validateSync } from 'class-validator';

export const NODE_ENVIRONMENTS = ['development', 'test', 'production'] as const;
export type NodeEnvironment = (typeof NODE_ENVIRONMENTS)[number];

/**
 * Signs tokens when JWT_SECRET is unset outside production, so that `npm ci && npm start` works
 * on a fresh machine. It is public (it is in the repository): the service warns at start-up,
 * and production refuses to start without a secret of its own.
 */
export const DEVELOPMENT_JWT_SECRET = 'chaeum-development-only-secret-not-for-production';
export const MIN_JWT_SECRET_LENGTH = 32;

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const GEOCODERS = ['gazetteer', 'vworld'] as const;
export type GeocoderName = (typeof GEOCODERS)[number];

/** The longest time limit a match run may ask for (the API refuses more). */
export const MAX_MATCH_RUN_TIME_LIMIT_SECONDS = 600;

const POSTGRES_URL = /^postgres(ql)?:\/\/[^/\s]+\/[^/\s?]+(\?\S*)?$/;

const toInteger = ({ value }: { value: unknown }) => (/^-?\d+$/.test(String(value)) ? Number(value) : value);

/** A whole number within [min, max], read from its text; the message names the variable. */
function IntegerVariable(min: number, max?: number): PropertyDecorator {
  return (target, property) => {
    // Registered in the order stacked decorators would be, so the first error reported stays the same.
    IsInt({ message: `${String(property)} must be an integer` })(target, property);
    if (max !== undefined) Max(max)(target, property);
    Min(min)(target, property);
    Transform(toInteger)(target, property);
  };
}

/** Every environment variable the service reads, with its default. */
export class EnvironmentVariables {
  @IsIn(NODE_ENVIRONMENTS, { message: `NODE_ENV must be one of ${NODE_ENVIRONMENTS.join(', ')}` })
  NODE_ENV: NodeEnvironment = 'development';

  @IntegerVariable(0, 65535)
  PORT: number = 3000;

  /** PostgreSQL to use; when unset the service starts its embedded database. */
  @IsOptional()
  @Matches(POSTGRES_URL, { message: 'DATABASE_URL must look like postgres://user[:password]@host[:port]/database' })
  DATABASE_URL?: string;

  @IsString()
  EMBEDDED_DB_DIR: string = '.data/pglite';

  /** 0 lets the operating system pick a free port. */
  @IntegerVariable(0, 65535)
  EMBEDDED_DB_PORT: number = 5433;

  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevel = 'info';

  @IntegerVariable(1, 100)
  DB_POOL_SIZE: number = 10;

  /** HS256 key for bearer tokens; required in production, a public development default elsewhere. */
  @IsOptional()
  @IsString()
  @MinLength(MIN_JWT_SECRET_LENGTH, { message: `JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters` })
  JWT_SECRET?: string;

  /** Lifetime of the tokens `npm run token` issues. */
  @IntegerVariable(60, 31 * 24 * 3600)
  JWT_TTL_SECONDS: number = 8 * 3600;

  /** Browser origins allowed to call the API, comma separated; empty: no CORS at all. */
  @IsString()
  CORS_ORIGINS: string = '';

  /** Rate limit: at most THROTTLE_LIMIT requests per client address within THROTTLE_TTL_SECONDS. */
  @IntegerVariable(1, 86_400)
  THROTTLE_TTL_SECONDS: number = 60;

  @IntegerVariable(1)
  THROTTLE_LIMIT: number = 300;

  /** Whether this instance takes match-run jobs from the queue (API-only instances say false). */
  @IsIn(['true', 'false'], { message: 'MATCH_WORKER must be true or false' })
  MATCH_WORKER: 'true' | 'false' = 'true';

  /** Connections of the match-run queue's own pool (pg-boss), on top of DB_POOL_SIZE. */
  @IntegerVariable(1, 10)
  MATCH_QUEUE_POOL_SIZE: number = 2;

  /** Retries of a match run whose attempt failed (database trouble, a crashed solver thread). */
  @IntegerVariable(0, 10)
  MATCH_RUN_RETRY_LIMIT: number = 2;

  /**
   * A run still running after this long has lost its worker: it is marked failed. At least the
   * longest time limit a run may ask for plus a minute to build the instance and write the
   * results, or pg-boss would expire runs that are still solving.
   */
  @IntegerVariable(MAX_MATCH_RUN_TIME_LIMIT_SECONDS + 60, 86_400)
  MATCH_RUN_EXPIRE_SECONDS: number = 900;

  /**
   * A running attempt whose worker has not beaten its heartbeat for this long lost that worker
   * (killed, crashed, cut off from the database): any instance's worker hands it back to the
   * queue, which retries it. Beats come every sixth of it, sweeps every third.
   */
  @IntegerVariable(3, 600)
  MATCH_RUN_HEARTBEAT_TIMEOUT_SECONDS: number = 30;

  /**
   * Match runs this instance solves at once, each in its own worker thread (runs on overlapping
   * scopes never run together: the API refuses them). More than the cores only queues in the OS.
   */
  @IntegerVariable(1, 16)
  MATCH_CONCURRENCY: number = 1;

  /**
   * Nice value (0–19) of each solver thread, set on that thread alone: the HTTP event loop and
   * the database get a core before the solve does, so lists stay fast during a run. The cost:
   * under API load that saturates the cores the run takes longer. 0 leaves the solver as is.
   */
  @IntegerVariable(0, 19)
  MATCH_SOLVER_NICE: number = 10;

  /**
   * Runs up to this size (vacancies × seekers of the built instance) solve at normal priority,
   * larger ones at MATCH_SOLVER_NICE: a short run's solve is a fraction of a core-second, which
   * a coordinator waits for and the API hardly notices, while a long one (national: 5,000 ×
   * 50,000) would hold a core for seconds. The default lies between regional (500 × 5,000,
   * 0.2 s alone) and realistic-2k (2,000 × 20,000, ~1 s). 0 nices every solve.
   */
  @IntegerVariable(0, 1_000_000_000_000)
  MATCH_SOLVER_NICE_ABOVE_PAIRS: number = 10_000_000;

  /**
   * Where a run reads its seekers: `database` (seekerDocumentsCopySql, ~0.5 s of a PostgreSQL
   * core at national size, beside the API's statements) or `pool` (the in-memory seeker pool brought to
   * the run's snapshot: a fraction of the database's CPU, but ~0.4–0.6 s more of the event
   * loop's per national run and loop maxima of 150–200 ms measured at load 12; see
   * docs/operations-scale.md, session 6). `pool` builds the pool when the worker starts.
   */
  @IsIn(['database', 'pool'], { message: 'MATCH_RUN_SEEKERS must be database or pool' })
  MATCH_RUN_SEEKERS: 'database' | 'pool' = 'database';

  /** Live-candidate computations at once; beyond them callers wait in a bounded queue. */
  @IntegerVariable(1, 64)
  CANDIDATES_CONCURRENCY: number = 4;

  /** Callers that may wait for a live-candidate slot; more are answered 503 with Retry-After. */
  @IntegerVariable(0, 10_000)
  CANDIDATES_QUEUE_LIMIT: number = 100;

  /** Retention: superseded proposals and stored instances of runs older than this are deleted. */
  @IntegerVariable(1, 3650)
  MATCH_RUN_RETENTION_DAYS: number = 90;

  /** Retention: the newest runs per scope that keep their stored instance and proposals whatever their age. */
  @IntegerVariable(1, 1000)
  MATCH_RUN_RETENTION_KEEP_PER_SCOPE: number = 3;

  /** Turns addresses into coordinates: the bundled offline gazetteer, or the VWorld geocoder API. */
  @IsIn(GEOCODERS, { message: `GEOCODER must be one of ${GEOCODERS.join(', ')}` })
  GEOCODER: GeocoderName = 'gazetteer';

  /** VWorld (브이월드) API key; required with GEOCODER=vworld. */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{8,}$/, { message: 'VWORLD_API_KEY must be the key VWorld issued (letters, digits and dashes)' })
  VWORLD_API_KEY?: string;

  /** The geocoder's address endpoint (tests point it at a loopback stand-in). */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'VWORLD_API_URL must be an http(s) URL' })
  VWORLD_API_URL: string = 'https://api.vworld.kr/req/address';

  /** How long one geocoding request may take before the service answers 503 geocode.unavailable. */
  @IntegerVariable(100, 60_000)
  GEOCODER_TIMEOUT_MS: number = 5_000;

  /** Whether this instance runs the outbox publisher (docs/notifications.md); instances polling one database share the work. */
  @IsIn(['true', 'false'], { message: 'NOTIFICATION_WORKER must be true or false' })
  NOTIFICATION_WORKER: 'true' | 'false' = 'true';

  /** Outbox events fanned out, and deliveries claimed, per transaction. */
  @IntegerVariable(1, 1_000)
  NOTIFICATION_BATCH_SIZE: number = 50;

  /** Attempts at one e-mail or SMS before its delivery is marked dead. */
  @IntegerVariable(1, 20)
  NOTIFICATION_MAX_ATTEMPTS: number = 6;

  /** First retry delay; each further retry waits twice as long as the one before (capped at 6 hours). */
  @IntegerVariable(1, 3_600)
  NOTIFICATION_RETRY_BASE_SECONDS: number = 30;

  /** A claimed delivery is its worker's for this long; then another worker (or a restart) may take it. At least the SMTP/SMS timeout. */
  @IntegerVariable(1, 3_600)
  NOTIFICATION_LEASE_SECONDS: number = 60;

  /** How often an idle publisher looks at the outbox again. */
  @IntegerVariable(50, 60_000)
  NOTIFICATION_POLL_MS: number = 2_000;

  /** The mail server (smtp://user:password@host:port or smtps://…); unset: no e-mail, only the in-app inbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must look like smtp://[user:password@]host[:port] or smtps://…' })
  SMTP_URL?: string;

  /** The From: of notification e-mails. */
  @IsString()
  SMTP_FROM: string = '인재채움뱅크 <no-reply@chaeum.local>';

  /** The SMS/알림톡 provider's send endpoint; unset: no SMS. */
  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'SMS_API_URL must be an http(s) URL' })
  SMS_API_URL?: string;

  /** The provider's API key (sent as a bearer token). */
  @IsOptional()
  @IsString()
  SMS_API_KEY?: string;

  /** The registered sender number the provider sends from. */
  @IsString()
  @Matches(/^[0-9-]{8,20}$/, { message: 'SMS_SENDER must be a phone number (digits and dashes)' })
  SMS_SENDER: string = '1588-0000';

  /** How long one SMTP or SMS request may take. */
  @IntegerVariable(100, 120_000)
  NOTIFICATION_SEND_TIMEOUT_MS: number = 10_000;
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
  const problems = validateSync(environment, { stopAtFirstError: true }).map(describe);
  if (environment.NODE_ENV === 'production' && environment.JWT_SECRET === undefined) {
    problems.push(`JWT_SECRET=(unset): JWT_SECRET is required in production (at least ${MIN_JWT_SECRET_LENGTH} random characters)`);
  }
  if (environment.JWT_SECRET === DEVELOPMENT_JWT_SECRET && environment.NODE_ENV === 'production') {
    problems.push('JWT_SECRET=(hidden): the public development secret cannot be used in production');
  }
  if (environment.GEOCODER === 'vworld' && environment.VWORLD_API_KEY === undefined) {
    problems.push('VWORLD_API_KEY=(unset): GEOCODER=vworld needs the API key VWorld issued');
  }
  if (environment.SMS_API_URL !== undefined && environment.SMS_API_KEY === undefined) {
    problems.push('SMS_API_KEY=(unset): SMS_API_URL needs the key the provider issued');
  }
  if (environment.NOTIFICATION_LEASE_SECONDS * 1000 < environment.NOTIFICATION_SEND_TIMEOUT_MS) {
    problems.push('NOTIFICATION_LEASE_SECONDS: must be at least NOTIFICATION_SEND_TIMEOUT_MS, or a slow send loses its claim while still sending');
  }
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return environment;
}

/** The key that signs bearer tokens: JWT_SECRET, or outside production the development default. */
export function jwtSecretOf(environment: Pick<EnvironmentVariables, 'JWT_SECRET'>): string {
  return environment.JWT_SECRET ?? DEVELOPMENT_JWT_SECRET;
}

/** The process environment, validated: the only place that reads `process.env`. */
export function loadEnvironment(): EnvironmentVariables {
  return validateEnvironment(process.env);
}

const SECRET_VARIABLES = new Set(['DATABASE_URL', 'JWT_SECRET', 'VWORLD_API_KEY', 'SMTP_URL', 'SMS_API_KEY']);

function describe(error: ValidationError): string {
  const value = SECRET_VARIABLES.has(error.property) ? '(hidden)' : JSON.stringify(error.value);
  return `${error.property}=${value}: ${Object.values(error.constraints ?? {}).join('; ')}`;
}
