import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { BinaryCopyParser, CopyRowSink } from './binary-copy-parser';

/**
 * Runs `copySql` (a `COPY (…) TO STDOUT (FORMAT binary)`) on the connection of the transaction
 * `manager` is in, handing each row's fields to `sink` as the rows stream in: the driver then
 * never gathers a large result in one buffer nor decodes it to strings (its query path does
 * both). COPY takes no parameters, so `copySql` holds its values as literals. A database error
 * comes as the QueryFailedError manager.query would throw; returns the number of rows.
 */
export async function copyBinaryRows(manager: EntityManager, copySql: string, sink: CopyRowSink): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) throw new Error('copyBinaryRows runs inside a transaction (its snapshot and connection)');
  const client = (await (runner as PostgresQueryRunner).connect()) as PoolClient;
  const parser = new BinaryCopyParser(sink);
  // A sink or parser failure stops the parsing, not the stream: the COPY is read to its end so
  // that the connection is left between statements.
  let failure: { error: unknown } | undefined;
  try {
    for await (const chunk of client.query(copyTo(copySql))) {
      if (failure) continue;
      try {
        parser.push(chunk as Buffer);
      } catch (error) {
        failure = { error };
      }
    }
  } catch (error) {
    throw new QueryFailedError(copySql, undefined, error as Error);
  }
  if (failure) throw failure.error;
  parser.end();
  return parser.rowCount;
}
