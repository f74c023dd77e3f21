/** ES2024's growable shared memory, which Node 20 has; the project's lib is ES2023. */
interface GrowableSharedArrayBuffer extends SharedArrayBuffer {
  grow(byteLength: number): void;
}
const GrowableSharedArrayBuffer = SharedArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => GrowableSharedArrayBuffer;

const INITIAL_BYTES = 64 * 1024;
/** Address space reserved, not memory: pages are committed as the text grows (a national instance is ~20 MB). */
const MAX_SHARED_UTF8_BYTES = 2 ** 30;

/**
 * UTF-8 text assembled in place in shared memory: the solver thread reads it there and the
 * database is sent it as is. A run's instance is never one string on the event loop: a national
 * one is ~20 MB, and decoding it from the driver then encoding it again held the loop ~60 ms.
 */
export class SharedUtf8Builder {
  private readonly memory = new GrowableSharedArrayBuffer(INITIAL_BYTES, { maxByteLength: MAX_SHARED_UTF8_BYTES });
  private buffer = Buffer.from(this.memory);
  private length = 0;

  appendText(text: string): void {
    this.reserve(Buffer.byteLength(text));
    this.length += this.buffer.write(text, this.length);
  }

  appendBytes(bytes: Uint8Array): void {
    this.reserve(bytes.byteLength);
    this.buffer.set(bytes, this.length);
    this.length += bytes.byteLength;
  }

  get byteLength(): number {
    return this.length;
  }

  /** The text so far, in place: later appends do not change what this view holds. */
  bytes(): Uint8Array {
    return new Uint8Array(this.memory, 0, this.length);
  }

  private reserve(more: number): void {
    const needed = this.length + more;
    if (needed <= this.memory.byteLength) return;
    if (needed > MAX_SHARED_UTF8_BYTES) throw new RangeError(`text of more than ${MAX_SHARED_UTF8_BYTES} bytes`);
    this.memory.grow(Math.min(MAX_SHARED_UTF8_BYTES, Math.max(needed, 2 * this.memory.byteLength)));
    this.buffer = Buffer.from(this.memory);
  }
}
