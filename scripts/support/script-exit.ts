import { InvalidEnvironmentError } from '../../src/config/environment';
import { DatabaseUnreachableError } from './script-database';

/**
 * How the account scripts end on a failure they expect: its message alone on standard error
 * and the exit code their usage documents (1 usage or refused, 2 configuration, 3 database).
 * Anything else is rethrown with its stack, or with `failurePrefix` printed as one line (exit 1).
 */
export function exitOnExpectedError(
  error: unknown,
  usage: { error: new (...args: never[]) => Error; text: string },
  options: { refused?: (new (...args: never[]) => Error)[]; failurePrefix?: string } = {},
): never {
  const exit = (code: number, text: string): never => {
    process.stderr.write(`${text}\n`);
    process.exit(code);
  };
  if (error instanceof usage.error) exit(1, `${error.message}\n${usage.text}`);
  if ((options.refused ?? []).some((kind) => error instanceof kind)) exit(1, (error as Error).message);
  if (error instanceof InvalidEnvironmentError) exit(2, error.message);
  if (error instanceof DatabaseUnreachableError) exit(3, error.message);
  if (options.failurePrefix !== undefined) exit(1, `${options.failurePrefix}: ${(error as Error).message}`);
  throw error;
}
