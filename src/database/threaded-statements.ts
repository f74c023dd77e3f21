import type { Worker } from 'node:worker_threads';
import { Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { startWorkerThread } from '../common/worker-thread';
import { DatabaseConnection, DatabaseConnectionModule } from './database-connection';
import type { ThreadedParameter, ThreadedStatementReply, ThreadedStatementRequest, ThreadedStatementsData } from './threaded-statement-messages';

interface Pending {
  readonly sql: string;
  resolve(rowCount: number): void;
  reject(error: Error): void;
}

/**
 * Statements with parameters too large for the event loop: pg copies every parameter into one
 * message synchronously, and a run's 21 MB instance held the loop 20–100 ms there. These run on
 * a thread of their own over a connection of its own, outside any transaction of the pool;
 * bytes in shared memory reach the thread without a copy. A failure is the QueryFailedError
 * the pool would throw, with the driver error's code and constraint.
 */
@Injectable()
export class ThreadedStatements implements OnModuleDestroy {
  private worker?: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(private readonly connection: DatabaseConnection) {}

  /** Runs `sql` with `parameters` and resolves to the number of rows it affected. */
  run(sql: string, parameters: readonly ThreadedParameter[]): Promise<number> {
    if (this.stopped) return Promise.reject(new Error('the service is stopping'));
    const id = this.nextId++;
    const worker = this.ensureWorker();
    return new Promise<number>((resolve, reject) => {
      this.pending.set(id, { sql, resolve, reject });
      worker.postMessage({ id, sql, parameters } satisfies ThreadedStatementRequest);
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('the service is stopping'));
    await worker?.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorkerThread(__filename, 'threaded-statement.worker', { workerData: { url: this.connection.url } satisfies ThreadedStatementsData });
    worker.on('message', (reply: ThreadedStatementReply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the statement thread exited (code ${code})`)));
    // Idle, it must not keep a stopping process alive.
    worker.unref();
    return (this.worker = worker);
  }

  private settle(reply: ThreadedStatementReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    if ('rowCount' in reply) pending.resolve(reply.rowCount);
    else pending.reject(new QueryFailedError(pending.sql, undefined, Object.assign(new Error(reply.failure.message), reply.failure)));
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

@Module({
  imports: [DatabaseConnectionModule],
  providers: [ThreadedStatements],
  exports: [ThreadedStatements],
})
export class ThreadedStatementsModule {}
