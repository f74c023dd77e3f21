import type { PGlite } from '@electric-sql/pglite';

/** Frontend Sync message: ends an extended-protocol cycle (`S`, length 4). */
const SYNC = new Uint8Array([0x53, 0, 0, 0, 4]);
/** Backend ReadyForQuery is `Z`, length 5, then the transaction status byte. */
const READY_FOR_QUERY_LENGTH = 6;
const READY_FOR_QUERY = 0x5a;
const STATUS_IDLE = 0x49; // 'I'; 'T' and 'E' mean inside a transaction

interface QueuedMessage {
  readonly connectionId: number;
  readonly message: Uint8Array;
  readonly onData: (data: Uint8Array) => void;
  readonly resolve: (bytes: number) => void;
  readonly reject: (error: Error) => void;
}

/** Queued after a connection's last message when it goes away. */
interface QueuedCleanup {
  readonly connectionId: number;
  readonly cleanup: () => void;
}

type QueueItem = QueuedMessage | QueuedCleanup;

/**
 * Replaces pglite-socket 0.2.17's query queue, which lets another connection's message run
 * whenever no SQL transaction is open. All connections share PGlite's single session, so
 * connection B's Parse could overwrite the unnamed statement between A's Parse and Bind:
 * errors 26000/34000, or silently wrong rows (electric-sql/pglite#1046, PR #977). An
 * internal throw also left its queue "processing" forever.
 *
 * Here a connection owns the session from its first message until the backend answers
 * ReadyForQuery with status idle: that covers extended-protocol cycles, transactions and
 * COPY alike, because it follows what the backend says rather than guessing from the
 * frontend's message types. Other connections' messages wait in arrival order.
 */
export class ConnectionOrderedQueue {
  private queue: QueueItem[] = [];
  private processing = false;
  /** The connection whose cycle or transaction is open, if any. */
  private owner: number | null = null;

  constructor(private readonly db: PGlite) {}

  enqueue(connectionId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ connectionId, message, onData, resolve, reject });
      void this.drain();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(connectionId: number): void {
    this.queue = this.queue.filter((item) => {
      if (item.connectionId !== connectionId || 'cleanup' in item) return true;
      item.reject(new Error('connection closed'));
      return false;
    });
  }

  /**
   * Called when a connection goes away. Queued rather than run at once, so that it comes
   * after the connection's message still in flight, and closes whatever that left open.
   */
  clearTransactionIfNeeded(connectionId: number): Promise<void> {
    return new Promise((resolve) => {
      this.queue.push({ connectionId, cleanup: resolve });
      void this.drain();
    });
  }

  private next(): QueueItem | undefined {
    const index = this.owner === null ? 0 : this.queue.findIndex((queued) => queued.connectionId === this.owner);
    return index === -1 ? undefined : this.queue.splice(index, 1)[0];
  }

  private async drain(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        if ('cleanup' in item) await this.release(item);
        else await this.run(item);
      }
    } finally {
      this.processing = false;
    }
  }

  private async release({ connectionId, cleanup }: QueuedCleanup): Promise<void> {
    try {
      if (this.owner !== connectionId) return;
      await this.db.runExclusive(async () => {
        // Ends a half-sent extended-protocol cycle (and the error state that skips to Sync).
        await this.db.execProtocolRawStream(SYNC, { onRawData: () => undefined });
        if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
      });
    } catch {
      // Nobody is left to tell: the connection is gone. The session is released below either
      // way, so the other connections go on.
    } finally {
      this.owner = this.owner === connectionId ? null : this.owner;
      cleanup();
    }
  }

  private async run(queued: QueuedMessage): Promise<void> {
    const tail = new Uint8Array(READY_FOR_QUERY_LENGTH);
    let bytes = 0;
    try {
      await this.db.runExclusive(() =>
        this.db.execProtocolRawStream(queued.message, {
          onRawData: (data) => {
            keepTail(tail, bytes, data);
            bytes += data.length;
            queued.onData(data);
          },
        }),
      );
    } catch (error) {
      // The connection gets the error and is closed by its handler, which calls
      // clearTransactionIfNeeded; keep serving the others meanwhile.
      this.owner = queued.connectionId;
      queued.reject(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    this.owner = endsIdle(tail, bytes) ? null : queued.connectionId;
    queued.resolve(bytes);
  }
}

/** Keeps the last READY_FOR_QUERY_LENGTH bytes of a response that arrives in chunks. */
function keepTail(tail: Uint8Array, seen: number, data: Uint8Array): void {
  const total = seen + data.length;
  for (let position = Math.max(seen, total - tail.length); position < total; position++) {
    tail.copyWithin(0, 1);
    tail[tail.length - 1] = data[position - seen];
  }
}

function endsIdle(tail: Uint8Array, bytes: number): boolean {
  if (bytes < READY_FOR_QUERY_LENGTH) return false;
  const length = (tail[1] << 24) | (tail[2] << 16) | (tail[3] << 8) | tail[4];
  return tail[0] === READY_FOR_QUERY && length === 5 && tail[5] === STATUS_IDLE;
}
