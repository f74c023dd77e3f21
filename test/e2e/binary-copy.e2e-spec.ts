import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { QueryFailedError } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { BinaryCopyParser, CopyRowSink } from '../../src/database/binary-copy-parser';
import { copyBinaryRows } from '../../src/database/copy-out';
import { createTestApp, TestApp } from './support/test-app';

type Field = string | null;

/** Collects rows as text fields (UTF-8), from pieces however they were cut. */
class CollectingSink implements CopyRowSink {
  readonly rows: Field[][] = [];
  private row: Field[] = [];
  private pieces: Buffer[] = [];

  fieldBytes(_field: number, bytes: Uint8Array): void {
    this.pieces.push(Buffer.from(bytes));
  }

  fieldEnd(_field: number, isNull: boolean): void {
    this.row.push(isNull ? null : Buffer.concat(this.pieces).toString('utf8'));
    this.pieces = [];
  }

  rowEnd(): void {
    this.rows.push(this.row);
    this.row = [];
  }
}

const LONG = '가'.repeat(70_000);
/** Text fields the documents can hold, and the corner cases of the format: NULL, empty, multi-byte, longer than a socket read. */
const ROWS_SQL = `SELECT id::text, doc FROM (VALUES
    (1, '{"a":"quote \\" backslash \\\\"}'),
    (2, ''),
    (3, NULL),
    (4, '줄 바꿈' || chr(10) || 'tab' || chr(9) || 'end'),
    (5, '${LONG}')
  ) AS t(id, doc) ORDER BY id`;
const EXPECTED: Field[][] = [
  ['1', '{"a":"quote \\" backslash \\\\"}'],
  ['2', ''],
  ['3', null],
  ['4', '줄 바꿈\ntab\tend'],
  ['5', LONG],
];
const copyOf = (sql: string) => `COPY (${sql}) TO STDOUT (FORMAT binary)`;

describe('binary COPY out of PostgreSQL', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('hands every field of every row to the sink, in order, through the transaction', async () => {
    const sink = new CollectingSink();
    const count = await t.dataSource.transaction((manager) => copyBinaryRows(manager, copyOf(ROWS_SQL), sink));
    expect(count).toBe(EXPECTED.length);
    expect(sink.rows).toEqual(EXPECTED);
  });

  it('parses the same rows whatever pieces the stream is cut into', async () => {
    const raw = await t.dataSource.transaction(async (manager) => {
      const client = (await (manager.queryRunner as PostgresQueryRunner).connect()) as PoolClient;
      const chunks: Buffer[] = [];
      for await (const chunk of client.query(copyTo(copyOf(ROWS_SQL)))) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
    for (const size of [1, 2, 3, 7, 4096, raw.length]) {
      const sink = new CollectingSink();
      const parser = new BinaryCopyParser(sink);
      for (let at = 0; at < raw.length; at += size) parser.push(raw.subarray(at, at + size));
      parser.end();
      expect({ size, rows: sink.rows }).toEqual({ size, rows: EXPECTED });
    }
    // Cut short anywhere before the trailer, it is not taken for the whole.
    const short = new BinaryCopyParser(new CollectingSink());
    short.push(raw.subarray(0, raw.length - 2));
    expect(() => short.end()).toThrow(/ended before its trailer/);
    expect(() => new BinaryCopyParser(new CollectingSink()).push(Buffer.from('not a copy stream at all'))).toThrow(/signature/);
  });

  it('fails as a query would, and leaves the connection usable', async () => {
    const copying = t.dataSource.transaction((manager) => copyBinaryRows(manager, copyOf('SELECT (1 / (random() * 0)::int)::text'), new CollectingSink()));
    await expect(copying).rejects.toBeInstanceOf(QueryFailedError);
    await expect(copying).rejects.toMatchObject({ driverError: { code: '22012' } });
    // Every pooled connection still answers (one of them ran the failed COPY).
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.dataSource.query(`SELECT 1 AS one`)));
    expect(answers.flat()).toEqual(Array.from({ length: 10 }, () => ({ one: 1 })));
  });

  it('stops at a sink that refuses a row, reading the COPY to its end', async () => {
    const refusing: CopyRowSink = {
      fieldBytes: () => undefined,
      fieldEnd: (_field, isNull) => {
        if (isNull) throw new Error('no NULL here');
      },
      rowEnd: () => undefined,
    };
    await expect(t.dataSource.transaction((manager) => copyBinaryRows(manager, copyOf(ROWS_SQL), refusing))).rejects.toThrow('no NULL here');
    const answers = await Promise.all(Array.from({ length: 10 }, () => t.dataSource.query(`SELECT 2 AS two`)));
    expect(answers.flat()).toEqual(Array.from({ length: 10 }, () => ({ two: 2 })));
  });

  it('refuses to run outside a transaction', async () => {
    await expect(copyBinaryRows(t.dataSource.manager, copyOf(ROWS_SQL), new CollectingSink())).rejects.toThrow(/inside a transaction/);
  });
});
