import { StreamableFile } from '@nestjs/common';
import { UTF8_BOM, type SpreadsheetFormat } from './table-writer';

const CONTENT_TYPES: Record<SpreadsheetFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** For `@ApiProduces(...SPREADSHEET_CONTENT_TYPES)` on export endpoints. */
export const SPREADSHEET_CONTENT_TYPES = Object.values(CONTENT_TYPES);

/**
 * What a controller returns for a file download: `return sendTable('xlsx', '휴직공백', buffer)`.
 * Sets Content-Type, Content-Disposition with an ASCII fallback name and the UTF-8 `filename*`
 * (RFC 6266 / RFC 5987) and, for CSV, prefixes the UTF-8 BOM unless the body already has it.
 */
export function sendTable(format: SpreadsheetFormat, fileBaseName: string, body: Buffer): StreamableFile {
  const content = format === 'csv' && !body.subarray(0, 3).equals(UTF8_BOM) ? Buffer.concat([UTF8_BOM, body]) : body;
  return new StreamableFile(content, {
    type: CONTENT_TYPES[format],
    disposition: contentDisposition(`${fileBaseName}.${format}`),
    length: content.length,
  });
}

export function contentDisposition(fileName: string): string {
  const asciiFallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
