import { RuleViolation } from '../common/domain-error';
import type { SpreadsheetFormat } from '../spreadsheets/table-writer';
import type { UploadedTable } from './expected-leave-import.service';

/** What multer hands over for a multipart field (the subset used here). */
export interface MultipartFile {
  originalname: string;
  buffer: Buffer;
}

/** The upload as a table file: its format from `format`, else from the name's extension. */
export function uploadedTable(file: MultipartFile | undefined, format: SpreadsheetFormat | undefined): UploadedTable {
  if (!file) throw new RuleViolation('outreach.file_missing', 'file', 'send the file as the multipart field "file"');
  const fileName = utf8FileName(file.originalname);
  const extension = /\.(csv|xlsx)$/i.exec(fileName)?.[1].toLowerCase() as SpreadsheetFormat | undefined;
  const chosen = format ?? extension;
  if (!chosen) throw new RuleViolation('outreach.unsupported_format', 'file', 'the file must be .csv or .xlsx (or say ?format=csv|xlsx)');
  return { fileName, format: chosen, content: file.buffer };
}

/** Busboy reads multipart file names as Latin-1; browsers send UTF-8 (a Korean name would be mojibake). */
function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
