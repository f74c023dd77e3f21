import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { insertAccount, type NewAccount } from '../../../src/users/accounts';
import { User } from '../../../src/users/user.entity';
import { assertTestDatabase } from '../../e2e/support/test-database';
import { freePort } from '../../e2e/support/free-port';

const ROOT = join(__dirname, '..', '..', '..');


export interface RunningService {
  baseURL: string;
  /** Its database, for what the browser cannot do yet (creating firm staff accounts). */
  databaseUrl: string;
  createAccount(account: NewAccount): Promise<User>;
  query<T = Record<string, unknown>>(sql: string, parameters?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

/**
 * The real service (`node dist/src/main.js`, as `npm start` runs it) on a fresh, empty database:
 * a sibling of DATABASE_URL's test database (`<name>_browser`, recreated), else a throw-away
 * embedded one. Empty, so the console's first-run setup and demo button are what a new user sees.
 */
export async function startService(): Promise<RunningService> {
  const port = await freePort();
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // The journeys come from one address much faster than a person would.
    THROTTLE_LIMIT: '1000000',
  };
  let databaseUrl: string;
  let dropDatabase = async () => {};
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    assertTestDatabase(process.env.DATABASE_URL);
    const url = new URL(process.env.DATABASE_URL);
    const name = `${decodeURIComponent(url.pathname.slice(1))}_browser`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    environment.DATABASE_URL = databaseUrl;
    dropDatabase = async () => {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    };
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'chaeum-browser-'));
    const databasePort = await freePort();
    environment.EMBEDDED_DB_DIR = dataDir;
    environment.EMBEDDED_DB_PORT = String(databasePort);
    // The service's pool plus this test's own connection.
    environment.DB_POOL_SIZE = '8';
    databaseUrl = `postgres://postgres@127.0.0.1:${databasePort}/postgres`;
  }

  const child = spawn(process.execPath, [join(ROOT, 'dist', 'src', 'main.js')], { cwd: ROOT, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  await waitForHealth(baseURL, child, output);

  let dataSource: DataSource | undefined;
  const database = async () => {
    dataSource ??= await new DataSource({ type: 'postgres', url: databaseUrl, entities: [User], poolSize: 1 }).initialize();
    return dataSource;
  };

  return {
    baseURL,
    databaseUrl,
    createAccount: async (account) => insertAccount((await database()).manager, account),
    query: async (sql, parameters) => (await database()).query(sql, parameters),
    stop: async () => {
      await dataSource?.destroy();
      await stopChild(child);
      await dropDatabase();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(baseURL: string, child: ChildProcess, output: string[]): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output.join('')}`);
    try {
      const response = await fetch(`${baseURL}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`the service did not become healthy in 180 s:\n${output.join('')}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
  await exited;
  clearTimeout(timer);
}
