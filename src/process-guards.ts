import { Logger } from '@nestjs/common';

/**
 * Last resort: Node 20 exits on an unhandled promise rejection, so one forgotten `.catch` in a
 * library (pg-boss 10 settling a job while PostgreSQL is down) would take every request down
 * with it. Log it and keep serving; the code paths we know of handle their errors themselves.
 */
export function keepServingOnUnhandledRejections(): void {
  const logger = new Logger('Process');
  process.on('unhandledRejection', (reason: unknown) => {
    const name = reason instanceof Error ? reason.name : typeof reason;
    const stack = reason instanceof Error ? reason.stack : undefined;
    logger.error(`unhandled promise rejection (${name}); still serving`, stack);
  });
}
