/** Receives the rows of a binary COPY as they stream: a field's bytes may come in several pieces. */
export interface CopyRowSink {
  /** Bytes of field `field` (0-based) of the current row; a field of length 0 gets no call. */
  fieldBytes(field: number, bytes: Uint8Array): void;
  /** Field `field` is complete (`isNull` for SQL NULL, which has no bytes). */
  fieldEnd(field: number, isNull: boolean): void;
  rowEnd(): void;
}

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const HEADER_BYTES = SIGNATURE.length + 4 + 4;
const HAS_OIDS = 1 << 16;

const enum State {
  Header,
  HeaderExtension,
  FieldCount,
  FieldLength,
  FieldData,
  Done,
}

/**
 * PostgreSQL's binary COPY format (sql-copy.html, "Binary Format"): a header, then per row a
 * 16-bit field count and per field a 32-bit length (-1 for NULL) and its bytes, then a count of
 * -1. Parsed chunk by chunk as the driver hands them over, so that no row, and no result, is
 * ever gathered in one buffer or decoded to a string here.
 */
export class BinaryCopyParser {
  private state = State.Header;
  /** Fixed-size parts (header, counts, lengths) gathered across chunks. */
  private readonly scratch = Buffer.alloc(HEADER_BYTES);
  private needed = HEADER_BYTES;
  private gathered = 0;
  private fields = 0;
  private field = 0;
  /** Bytes left of the current field's data, or of the header extension. */
  private remaining = 0;
  private rows = 0;

  constructor(private readonly sink: CopyRowSink) {}

  get rowCount(): number {
    return this.rows;
  }

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length) {
      if (this.state === State.Done) throw new Error('binary COPY: data after the trailer');
      if (this.state === State.FieldData || this.state === State.HeaderExtension) {
        const take = Math.min(this.remaining, chunk.length - at);
        if (this.state === State.FieldData) this.sink.fieldBytes(this.field, chunk.subarray(at, at + take));
        at += take;
        this.remaining -= take;
        if (this.remaining > 0) continue;
        if (this.state === State.FieldData) this.endField(false);
        else this.expect(State.FieldCount, 2);
        continue;
      }
      const take = Math.min(this.needed - this.gathered, chunk.length - at);
      this.scratch.set(chunk.subarray(at, at + take), this.gathered);
      this.gathered += take;
      at += take;
      if (this.gathered === this.needed) this.fixedPartDone();
    }
  }

  /** Throws unless the trailer was read: a COPY cut short must not pass for a complete one. */
  end(): void {
    if (this.state !== State.Done) throw new Error('binary COPY: the data ended before its trailer');
  }

  private fixedPartDone(): void {
    switch (this.state) {
      case State.Header: {
        if (!this.scratch.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error('binary COPY: not the format signature');
        if ((this.scratch.readUInt32BE(SIGNATURE.length) & HAS_OIDS) !== 0) throw new Error('binary COPY: rows with OIDs are not read');
        this.remaining = this.scratch.readUInt32BE(SIGNATURE.length + 4);
        if (this.remaining > 0) this.state = State.HeaderExtension;
        else this.expect(State.FieldCount, 2);
        return;
      }
      case State.FieldCount: {
        const count = this.scratch.readInt16BE(0);
        if (count === -1) {
          this.state = State.Done;
          return;
        }
        this.fields = count;
        this.field = 0;
        if (count === 0) this.endRow();
        else this.expect(State.FieldLength, 4);
        return;
      }
      case State.FieldLength: {
        const length = this.scratch.readInt32BE(0);
        if (length <= 0) {
          this.endField(length === -1);
          return;
        }
        this.remaining = length;
        this.state = State.FieldData;
        return;
      }
      default:
        throw new Error(`binary COPY: unexpected parser state ${this.state}`);
    }
  }

  private endField(isNull: boolean): void {
    this.sink.fieldEnd(this.field, isNull);
    this.field++;
    if (this.field === this.fields) this.endRow();
    else this.expect(State.FieldLength, 4);
  }

  private endRow(): void {
    this.rows++;
    this.sink.rowEnd();
    this.expect(State.FieldCount, 2);
  }

  private expect(state: State, bytes: number): void {
    this.state = state;
    this.needed = bytes;
    this.gathered = 0;
  }
}
