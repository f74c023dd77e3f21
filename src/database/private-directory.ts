import { chmodSync, mkdirSync } from 'node:fs';

/**
 * Creates `path` (and missing parents) readable by this user only (0700): the embedded
 * database's files hold personal data and password hashes. An existing folder is tightened too.
 */
export function makePrivateDirectory(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o700 });
  chmodSync(path, 0o700);
}
