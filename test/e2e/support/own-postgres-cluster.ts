import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { freePort } from './free-port';

const CLUSTER_TOOLS = '/usr/bin/pg_createcluster';
const VERSIONS_DIR = '/etc/postgresql';

/**
 * A throw-away PostgreSQL cluster of this machine's Debian packages, on a free port, that a
 * fault test may stop and start at will (never the shared server). Root runs the cluster tools.
 */
export interface OwnPostgresCluster {
  readonly url: string;
  stop(): void;
  start(): void;
  drop(): void;
}

/** Why this machine cannot host an own cluster, or undefined when it can. */
export function ownClusterUnavailableReason(): string | undefined {
  if (!existsSync(CLUSTER_TOOLS)) return `${CLUSTER_TOOLS} is not installed (Debian postgresql-common)`;
  if (process.getuid?.() !== 0) return 'the cluster tools need root';
  if (!existsSync(VERSIONS_DIR) || readdirSync(VERSIONS_DIR).length === 0) return `no PostgreSQL version in ${VERSIONS_DIR}`;
  return undefined;
}

export async function createOwnCluster(database: string): Promise<OwnPostgresCluster> {
  const version = readdirSync(VERSIONS_DIR).sort((a, b) => Number(a) - Number(b)).at(-1) as string;
  const port = await freePort();
  const name = `chaeum_fault_${process.pid}_${port}`;
  const run = (command: string, ...args: string[]) => execFileSync(command, args, { stdio: 'pipe', timeout: 60_000 });
  run('pg_createcluster', version, name, '-p', String(port), '--', '--auth=trust');
  const cluster: OwnPostgresCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    start: () => run('pg_ctlcluster', version, name, 'start'),
    // immediate: the server dies as in a crash, without waiting for sessions to end.
    stop: () => run('pg_ctlcluster', version, name, 'stop', '-m', 'immediate'),
    drop: () => run('pg_dropcluster', '--stop', version, name),
  };
  try {
    cluster.start();
    run('createdb', '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', database);
  } catch (error) {
    cluster.drop();
    throw error;
  }
  return cluster;
}

