import { DomainError } from '../common/domain-error';
import type { SpreadsheetFormat } from './table-writer';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** The compound-file header of Excel 97–2003 .xls, which exceljs cannot read. */
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** XLSX by its content (a zip), CSV by its name; anything else is refused before it is parsed. */
export function uploadFormat(fileName: string, content: Buffer): SpreadsheetFormat {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (content.subarray(0, 4).equals(ZIP) && (extension === 'xlsx' || extension === undefined)) return 'xlsx';
  if (extension === 'xlsx') return 'xlsx';
  if (extension === 'csv' || extension === 'txt') return 'csv';
  const what = content.subarray(0, 4).equals(OLE) ? 'an Excel 97–2003 .xls file: save it as .xlsx' : `a .${extension ?? '(no extension)'} file`;
  throw new DomainError('validation', 'spreadsheet.unsupported_format', `upload a .xlsx or .csv file, not ${what}`);
}
