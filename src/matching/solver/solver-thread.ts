import type { Worker } from 'node:worker_threads';
import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { startWorkerThread } from '../../common/worker-thread';
import { AppConfig } from '../../config/app-config';
import type { MatchOptions } from '../core/match';
import { InvalidInstanceError } from '../instance-builder';
import type { ResultRows } from '../result-rows';
import type { SolveReply, SolveRequest, SolverCollected, SolverReady, SolveTimings } from './solve-messages';
import { InstanceSize, SolverPriorityPolicy, solveNice } from './solver-priority';

/** Beyond its own time limit the engine gets this long to answer before the thread is replaced. */
const GRACE_MS = 60_000;

const STOPPING = 'the service is stopping';

/**
 * A thread running solve.worker (also used by the command line, without Nest), at the
 * process's priority; each solve request says the nice value it runs at (solveNice).
 */
export function startSolverWorker(): Worker {
  return startWorkerThread(__filename, 'solve.worker');
}

/** A solve's result as the rows the results writer stores, and where its time went (for the run's log line). */
export interface SolveOutcome {
  readonly rows: ResultRows;
  /** The thread's own account; absent from a thread that does not report it. */
  readonly timings?: SolveTimings;
  /** From the thread posting the reply to its receipt here (the transfer of the rows). */
  readonly replyMs?: number;
}

interface Pending {
  resolve(outcome: SolveOutcome): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

/**
 * MATCH_CONCURRENCY long-lived worker threads running the matching engine, each started on
 * first use; a solve goes to the thread with the fewest solves in flight, so runs taken at the
 * same time (the queue hands out at most MATCH_CONCURRENCY) solve in parallel.
 */
@Injectable()
export class SolverThread implements OnModuleDestroy {
  private readonly slots: SolverSlot[];
  private readonly priority: SolverPriorityPolicy;

  constructor(config: AppConfig) {
    this.slots = Array.from({ length: config.matchConcurrency }, () => new SolverSlot());
    this.priority = { nice: config.matchSolverNice, niceAbovePairs: config.matchSolverNiceAbovePairs };
  }

  /**
   * Solves an instance given as JSON text or its UTF-8 bytes (see SolveRequest); the thread
   * validates it first, and runs at the nice value solveNice gives its size.
   */
  solve(instanceJson: string | Uint8Array, options: MatchOptions, size: InstanceSize): Promise<SolveOutcome> {
    const idlest = this.slots.reduce((best, slot) => (slot.inFlight < best.inFlight ? slot : best));
    return idlest.solve(instanceJson, options, solveNice(size, this.priority));
  }

  /**
   * Starts every thread now rather than on its first solve, so that the first run does not wait
   * for the engine to load (~60 ms CPU each, several hundred ms on a busy machine). Only the
   * compiled worker: under ts-jest and ts-node a thread compiles the engine for seconds, which
   * specs that never solve would pay.
   */
  start(): void {
    if (__filename.endsWith('.ts')) return;
    for (const slot of this.slots) slot.start();
  }

  async onModuleDestroy(): Promise<void> {
    for (const slot of this.slots) slot.stop();
  }
}

/**
 * One worker thread, started on first use. A thread that crashes or overruns its time limit
 * is terminated and the next solve starts a new one.
 */
class SolverSlot {
  private readonly logger = new Logger(SolverThread.name);
  private worker?: Worker;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  get inFlight(): number {
    return this.pending.size;
  }

  start(): void {
    this.ensureWorker();
  }

  solve(instanceJson: string | Uint8Array, options: MatchOptions, nice: number): Promise<SolveOutcome> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<SolveOutcome>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(worker, new Error(`the solver did not answer within ${(options.timeLimitMs ?? 0) + GRACE_MS} ms`));
      }, (options.timeLimitMs ?? 0) + GRACE_MS);
      this.pending.set(id, { resolve, reject, timer });
      worker.postMessage({ id, instanceJson, options, validate: true, nice, replyAsRows: true } satisfies SolveRequest);
    });
  }

  stop(): void {
    const worker = this.worker;
    if (worker) this.fail(worker, new Error(STOPPING));
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startSolverWorker();
    worker.on('message', (reply: SolveReply | SolverReady | SolverCollected) => {
      if ('ready' in reply) return;
      if ('collected' in reply) {
        const megabytes = (bytes: number) => Math.round(bytes / 2 ** 20);
        const { heapUsedBefore, heapUsedAfter, ms } = reply.collected;
        this.logger.debug(`the solver thread collected its garbage in ${ms} ms: ${megabytes(heapUsedBefore)} → ${megabytes(heapUsedAfter)} MB in use`);
        return;
      }
      const pending = this.pending.get(reply.id);
      if (!pending) return;
      this.pending.delete(reply.id);
      clearTimeout(pending.timer);
      if ('invalid' in reply) pending.reject(new InvalidInstanceError(reply.invalid));
      else if ('error' in reply) pending.reject(new Error(`the matching engine failed: ${reply.error}`));
      else {
        const replyMs = reply.timings ? Math.round(performance.timeOrigin + performance.now() - reply.timings.postedAt) : undefined;
        if ('rows' in reply) pending.resolve({ rows: reply.rows, timings: reply.timings, replyMs });
        else pending.reject(new Error('the solver thread answered with a result, not the rows asked for'));
      }
      if (reply.priority && reply.priority.after > reply.priority.base) this.replaceNiced(worker, reply.priority.after);
    });
    worker.on('error', (error) => this.fail(worker, new Error(`the solver thread crashed: ${error.message}`)));
    worker.on('exit', (code) => this.fail(worker, new Error(`the solver thread exited (code ${code})`)));
    worker.unref();
    this.worker = worker;
    return worker;
  }

  /**
   * A thread that may not lower its nice value again (no CAP_SYS_NICE, RLIMIT_NICE 0) would solve
   * every later short run niced: it is retired once idle, and a fresh one (the process's
   * priority) started at once, so that the next run does not wait for the engine to load.
   */
  private replaceNiced(worker: Worker, nice: number): void {
    if (this.worker !== worker || this.pending.size > 0) return;
    this.logger.log(`the solver thread could not return from nice ${nice}: replacing it`);
    this.worker = undefined;
    void worker.terminate();
    this.ensureWorker();
  }

  /** Rejects everything in flight and retires the thread; the next solve starts a fresh one. */
  private fail(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    const inFlight = [...this.pending.values()];
    this.pending.clear();
    for (const pending of inFlight) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    if (inFlight.length > 0 || error.message !== STOPPING) this.logger.warn(error.message);
    void worker.terminate();
  }
}
