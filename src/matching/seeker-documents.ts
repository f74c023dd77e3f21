import type { EntityManager } from 'typeorm';
import type { CopyRowSink } from '../database/binary-copy-parser';
import { copyBinaryRows } from '../database/copy-out';
import { DateRange } from './core/types';
import { seekerDocumentsCopySql } from './seeker-documents-sql';
import { SharedUtf8Builder } from './shared-utf8';

const ID = 0;
const COMMA = Buffer.from(',');

/** Rows (id, document) into a JSON array of the documents, appended to `text`, and the ids in order. */
class DocumentArraySink implements CopyRowSink {
  readonly ids: string[] = [];
  private id = '';

  constructor(private readonly text: SharedUtf8Builder) {}

  fieldBytes(field: number, bytes: Uint8Array): void {
    if (field === ID) this.id += Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    else this.text.appendBytes(bytes);
  }

  fieldEnd(field: number, isNull: boolean): void {
    if (isNull) throw new Error(`a seeker's ${field === ID ? 'id' : 'document'} came out NULL`);
    // The document follows its id: the separator goes in before it.
    if (field === ID && this.ids.length > 0) this.text.appendBytes(COMMA);
  }

  rowEnd(): void {
    this.ids.push(this.id);
    this.id = '';
  }
}

/**
 * Appends the run's seekers (seekerDocumentsCopySql) to `text` as a JSON array, reading them
 * through the transaction `manager` is in, and returns their ids in the same (id) order.
 */
export async function appendSeekerDocuments(
  manager: EntityManager,
  text: SharedUtf8Builder,
  box: readonly [number, number, number, number],
  span: DateRange,
  asOf: string,
): Promise<string[]> {
  text.appendText('[');
  const sink = new DocumentArraySink(text);
  await copyBinaryRows(manager, seekerDocumentsCopySql(box, span, asOf), sink);
  text.appendText(']');
  return sink.ids;
}
