import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
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
 * passes the same checks. One load at a time per instance; refused in production, where the
 * script (a development tool) is not shipped.
 */
@Injectable()
export class DemoDataService implements OnModuleDestroy {
  private readonly logger = new Logger('DemoData');
  private state: DemoLoadState = { status: 'idle' };
  private child?: ReturnType<typeof spawn>;

  constructor(
    private readonly config: AppConfig,
    private readonly tokens: TokenService,
  ) {}

  current(): DemoLoadState {
    return this.state;
  }

  start(apiUrl: string): DemoLoadState {
    if (this.config.nodeEnvironment === 'production' || !ROOT) {
      throw new DomainError('forbidden', 'demo.unavailable', 'The demo generator is a development tool; run `npm run seed:demo` instead.');
    }
    if (this.state.status === 'running') throw new ConflictError('demo.running', 'The demo data is already being loaded.');
    const token = this.tokens.sign({ role: 'coordinator', subject: 'console-demo' });
    const output: string[] = [];
    // The script reads its target and token from its environment (it is a script, not the service).
    const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join('scripts', 'seed-demo.ts')], {
      cwd: ROOT,
      env: { ...process.env, CHAEUM_API_URL: apiUrl, CHAEUM_TOKEN: token },
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
