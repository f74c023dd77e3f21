import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables, LogLevel } from './environment';

/** Typed, validated configuration; inject this instead of reading the environment. */
@Injectable()
export class AppConfig {
  constructor(private readonly config: ConfigService<EnvironmentVariables, true>) {}

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
}
