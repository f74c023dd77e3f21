import { Logger as NestLogger } from '@nestjs/common';
import type { ObjectLiteral, Logger as TypeOrmLogger } from 'typeorm';

/** Deliberately ignored everywhere below. */
type QueryParameters = unknown[] | ObjectLiteral;
import { describeDriverError } from '../common/driver-error';

/**
 * TypeORM logger that never writes query parameters or PostgreSQL's error detail: both carry
 * personal data (a phone number in `Key (phone)=(…)`). A failed query is logged as its SQL
 * text, its SQLSTATE and the constraint name only.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  constructor(
    private readonly logger: Pick<NestLogger, 'debug' | 'log' | 'warn' | 'error'> = new NestLogger('TypeORM'),
    private readonly logQueries = false,
  ) {}

  logQuery(query: string, _parameters?: QueryParameters): void {
    if (this.logQueries) this.logger.debug(`query: ${query}`);
  }

  logQueryError(error: string | Error, query: string, _parameters?: QueryParameters): void {
    const message = `query failed (${describeDriverError(error)}): ${query}`;
    // Integrity violations (class 23) and bad input (class 22) are expected answers,
    // e.g. a refused double booking; they are not faults of the service.
    if (isClientCaused(error)) this.logger.warn(message);
    else this.logger.error(message);
  }

  logQuerySlow(time: number, query: string, _parameters?: QueryParameters): void {
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

function isClientCaused(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('23') || code.startsWith('22'));
}
