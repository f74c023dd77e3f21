import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DEVELOPMENT_JWT_SECRET, EnvironmentVariables, GeocoderName, LogLevel, NodeEnvironment, jwtSecretOf } from './environment';

/** Typed, validated configuration; inject this instead of reading the environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

  /**
   * The environment a development tool run as a child process gets: this process's own (PATH,
   * the database it talks to) plus `extra`. The one sanctioned way to hand the environment on.
   */
  childProcessEnvironment(extra: Record<string, string>): NodeJS.ProcessEnv {
    return { ...process.env, ...extra };
  }

  get port(): number {
    return this.config.get('PORT', { infer: true });
  }

  /** Undefined means: run on the embedded database. */
  get databaseUrl(): string | undefined {
    return this.config.get('DATABASE_URL', { infer: true });
  }

  get embeddedDatabaseDir(): string {
    return this.config.get('EMBEDDED_DB_DIR', { infer: true });
  }

  get embeddedDatabasePort(): number {
    return this.config.get('EMBEDDED_DB_PORT', { infer: true });
  }

  get logLevel(): LogLevel {
    return this.config.get('LOG_LEVEL', { infer: true });
  }

  get databasePoolSize(): number {
    return this.config.get('DB_POOL_SIZE', { infer: true });
  }

  get nodeEnvironment(): NodeEnvironment {
    return this.config.get('NODE_ENV', { infer: true });
  }

  /** The HS256 key; the public development default when JWT_SECRET is unset outside production. */
  get jwtSecret(): string {
    return jwtSecretOf({ JWT_SECRET: this.config.get('JWT_SECRET', { infer: true }) });
  }

  get usesDevelopmentJwtSecret(): boolean {
    return this.jwtSecret === DEVELOPMENT_JWT_SECRET;
  }

  /**
   * With the public development key anyone who reads the repository can sign tokens: then the
   * service answers on this machine only (127.0.0.1). Undefined: every interface.
   */
  get listenHost(): string | undefined {
    return this.usesDevelopmentJwtSecret ? '127.0.0.1' : undefined;
  }

  get jwtTtlSeconds(): number {
    return this.config.get('JWT_TTL_SECONDS', { infer: true });
  }

  /** Allowed browser origins; empty means CORS stays off. */
  get corsOrigins(): string[] {
    return this.config
      .get('CORS_ORIGINS', { infer: true })
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== '');
  }

  get throttleTtlSeconds(): number {
    return this.config.get('THROTTLE_TTL_SECONDS', { infer: true });
  }

  get throttleLimit(): number {
    return this.config.get('THROTTLE_LIMIT', { infer: true });
  }

  get matchWorkerEnabled(): boolean {
    return this.config.get('MATCH_WORKER', { infer: true }) === 'true';
  }

  get matchQueuePoolSize(): number {
    return this.config.get('MATCH_QUEUE_POOL_SIZE', { infer: true });
  }

  get matchRunRetryLimit(): number {
    return this.config.get('MATCH_RUN_RETRY_LIMIT', { infer: true });
  }

  get matchRunExpireSeconds(): number {
    return this.config.get('MATCH_RUN_EXPIRE_SECONDS', { infer: true });
  }

  get matchRunHeartbeatTimeoutSeconds(): number {
    return this.config.get('MATCH_RUN_HEARTBEAT_TIMEOUT_SECONDS', { infer: true });
  }

  get matchConcurrency(): number {
    return this.config.get('MATCH_CONCURRENCY', { infer: true });
  }

  get matchSolverNice(): number {
    return this.config.get('MATCH_SOLVER_NICE', { infer: true });
  }

  get matchSolverNiceAbovePairs(): number {
    return this.config.get('MATCH_SOLVER_NICE_ABOVE_PAIRS', { infer: true });
  }

  /** True when match runs read their seekers from the in-memory pool (MATCH_RUN_SEEKERS=pool). */
  get matchRunSeekersFromPool(): boolean {
    return this.config.get('MATCH_RUN_SEEKERS', { infer: true }) === 'pool';
  }

  get candidatesConcurrency(): number {
    return this.config.get('CANDIDATES_CONCURRENCY', { infer: true });
  }

  get candidatesQueueLimit(): number {
    return this.config.get('CANDIDATES_QUEUE_LIMIT', { infer: true });
  }

  get matchRunRetentionDays(): number {
    return this.config.get('MATCH_RUN_RETENTION_DAYS', { infer: true });
  }

  get matchRunRetentionKeepPerScope(): number {
    return this.config.get('MATCH_RUN_RETENTION_KEEP_PER_SCOPE', { infer: true });
  }

  get geocoder(): GeocoderName {
    return this.config.get('GEOCODER', { infer: true });
  }

  /** VWorld's endpoint and key (the key is checked at start-up when GEOCODER=vworld). */
  get vworld(): { url: string; apiKey: string | undefined; timeoutMs: number } {
    return {
      url: this.config.get('VWORLD_API_URL', { infer: true }),
      apiKey: this.config.get('VWORLD_API_KEY', { infer: true }),
      timeoutMs: this.config.get('GEOCODER_TIMEOUT_MS', { infer: true }),
    };
  }

  get notificationWorkerEnabled(): boolean {
    return this.config.get('NOTIFICATION_WORKER', { infer: true }) === 'true';
  }

  /** The publisher's batch, retry and lease settings (docs/notifications.md). */
  get notificationDelivery(): { batchSize: number; maxAttempts: number; retryBaseSeconds: number; leaseSeconds: number; pollMs: number; sendTimeoutMs: number } {
    return {
      batchSize: this.config.get('NOTIFICATION_BATCH_SIZE', { infer: true }),
      maxAttempts: this.config.get('NOTIFICATION_MAX_ATTEMPTS', { infer: true }),
      retryBaseSeconds: this.config.get('NOTIFICATION_RETRY_BASE_SECONDS', { infer: true }),
      leaseSeconds: this.config.get('NOTIFICATION_LEASE_SECONDS', { infer: true }),
      pollMs: this.config.get('NOTIFICATION_POLL_MS', { infer: true }),
      sendTimeoutMs: this.config.get('NOTIFICATION_SEND_TIMEOUT_MS', { infer: true }),
    };
  }

  /** The mail server, or undefined: no e-mail channel. */
  get smtp(): { url: string; from: string } | undefined {
    const url = this.config.get('SMTP_URL', { infer: true });
    return url === undefined ? undefined : { url, from: this.config.get('SMTP_FROM', { infer: true }) };
  }

  /** The SMS/알림톡 provider, or undefined: no SMS channel (the key is checked at start-up). */
  get sms(): { url: string; apiKey: string; sender: string } | undefined {
    const url = this.config.get('SMS_API_URL', { infer: true });
    const apiKey = this.config.get('SMS_API_KEY', { infer: true });
    return url === undefined || apiKey === undefined ? undefined : { url, apiKey, sender: this.config.get('SMS_SENDER', { infer: true }) };
  }
}
