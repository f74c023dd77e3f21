import { DomainError } from '../common/domain-error';
import { uploadFormat } from '../spreadsheets/upload-format';
import type { UploadedTable } from './expected-leave-import.service';

/** What multer hands over for a multipart field (the subset used here). */
export interface MultipartFile {
  originalname: string;
  buffer: Buffer;
}

/** The upload as a table file, its format told the way the sheet imports tell it (spreadsheets/upload-format.ts). */
export function uploadedTable(file: MultipartFile | undefined): UploadedTable {
  if (!file) throw new DomainError('validation', 'import.file_missing', 'send the file as the multipart field `file`');
  const fileName = utf8FileName(file.originalname);
  return { fileName, format: uploadFormat(fileName, file.buffer), content: file.buffer };
}

/** Busboy reads multipart file names as Latin-1; browsers send UTF-8 (a Korean name would be mojibake). */
function utf8FileName(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return decoded.includes('\uFFFD') ? name : decoded;
}
