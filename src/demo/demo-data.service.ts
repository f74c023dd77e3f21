import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TokenService } from '../auth/token.service';
import { ConflictError, DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';

export type DemoLoadStatus = 'idle' | 'running' | 'succeeded' | 'failed';

export interface DemoLoadState {
  status: DemoLoadStatus;
  /** Only when failed: the generator's last words (no personal data: the demo people are invented). */
  error?: string;
}

const ROOT = [join(__dirname, '..', '..'), join(__dirname, '..', '..', '..')].find((dir) => existsSync(join(dir, 'scripts', 'seed-demo.ts')));

/**
 * Loads the demo data from the console: runs the very generator of `npm run seed:demo`
 * (scripts/seed-demo.ts) against this service's own API with a coordinator token, so every row
 * passes the same checks. Only on an empty database (no firm yet), one load at a time per
 * instance; refused in production, where the script (a development tool) is not shipped.
 */
@Injectable()
export class DemoDataService implements OnModuleDestroy {
  private readonly logger = new Logger('DemoData');
  private state: DemoLoadState = { status: 'idle' };
  private child?: ReturnType<typeof spawn>;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
    private readonly dataSource: DataSource,
  ) {}

  current(): DemoLoadState {
    return this.state;
  }

  async start(apiUrl: string): Promise<DemoLoadState> {
    if (this.config.nodeEnvironment === 'production' || !ROOT) {
      throw new DomainError('forbidden', 'demo.unavailable', 'The demo generator is a development tool; run `npm run seed:demo` instead.');
    }
    if (this.state.status === 'running') throw new ConflictError('demo.running', 'The demo data is already being loaded.');
    // The console offers the demo on an empty database only; more batches: `npm run seed:demo`.
    const [{ exists }] = await this.dataSource.query<{ exists: boolean }[]>(`SELECT EXISTS (SELECT 1 FROM firms) AS exists`);
    if (exists) throw new ConflictError('demo.not_empty', 'The database already has firms; add demo batches with `npm run seed:demo`.');
    const token = this.tokens.sign({ role: 'coordinator', subject: 'console-demo' });
    const output: string[] = [];
    // The script reads its target and token from its environment (it is a script, not the service).
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join('scripts', 'seed-demo.ts')], {
      cwd: ROOT,
      env: this.config.childProcessEnvironment({ CHAEUM_API_URL: apiUrl, CHAEUM_TOKEN: token }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean).slice(-20));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.state = { status: 'running' };
    child.on('exit', (code) => {
      this.child = undefined;
      this.state = code === 0 ? { status: 'succeeded' } : { status: 'failed', error: output.slice(-5).join('\n') };
      this.logger.log(`demo data load ${this.state.status}`);
    });
    return this.state;
  }

  onModuleDestroy(): void {
    this.child?.kill();
  }
}
