import { rmSync } from 'node:fs';
import type { EmbeddedDatabase } from '../../../src/database/embedded-database';
import { EMBEDDED_TEST_DATABASE } from './test-globals';

export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<symbol, unknown>)[EMBEDDED_TEST_DATABASE] as EmbeddedDatabase | undefined;
  if (!embedded) return;
  await embedded.stop();
  rmSync(embedded.dataDir, { recursive: true, force: true });
}
