import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** The journeys drive the built service and console: build them if their sources changed. */
export default async function globalSetup(): Promise<void> {
  execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'scripts', 'build.mjs')], { stdio: 'inherit' });
}
