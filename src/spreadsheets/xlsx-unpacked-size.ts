import { inflateRawSync } from 'node:zlib';
import { DomainError } from '../common/domain-error';

/**
 * An XLSX is a zip: a 10 MB upload can unpack to gigabytes (a zip bomb), and exceljs builds
 * every cell of it in memory before anyone counts rows. So the entries are unpacked here first,
 * with zlib stopping at the limit, and their real sizes (not those the headers claim) summed.
 * Layout: APPNOTE.TXT (PKWARE) §4.3.7 local header, §4.3.12 central directory, §4.3.16 end record.
 */
export const MAX_UNPACKED_XLSX_BYTES = 50 * 1024 * 1024;

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

export class SpreadsheetTooLargeError extends DomainError {
  constructor(limit: number) {
    super('validation', 'spreadsheet.too_large', `the workbook unpacks to more than ${limit} bytes: split it into smaller files`);
  }
}

/** Throws SpreadsheetTooLargeError when the zip's entries unpack to more than `limit` bytes; leaves malformed zips to exceljs. */
export function assertUnpacksWithin(zip: Buffer, limit = MAX_UNPACKED_XLSX_BYTES): void {
  const directory = centralDirectory(zip);
  if (!directory) return;
  let remaining = limit;
  for (let at = directory.offset, index = 0; index < directory.entries; index += 1) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return;
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const localHeader = zip.readUInt32LE(at + 42);
    remaining -= unpackedSize(zip, method, localHeader, compressedSize, remaining);
    if (remaining < 0) throw new SpreadsheetTooLargeError(limit);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
}

function centralDirectory(zip: Buffer): { entries: number; offset: number } | null {
  // The end record is the last 22 bytes, or further back when the zip carries a comment (≤ 65,535 bytes).
  for (let at = zip.length - 22; at >= Math.max(0, zip.length - 22 - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === END_OF_CENTRAL_DIRECTORY) return { entries: zip.readUInt16LE(at + 10), offset: zip.readUInt32LE(at + 16) };
  }
  return null;
}

/** How many bytes one entry unpacks to; more than `budget` counts as budget + 1. */
function unpackedSize(zip: Buffer, method: number, localHeader: number, compressedSize: number, budget: number): number {
  if (localHeader + 30 > zip.length || zip.readUInt32LE(localHeader) !== LOCAL_HEADER) return 0;
  const start = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
  const data = zip.subarray(start, start + compressedSize);
  if (method === STORED) return data.length;
  if (method !== DEFLATED) return 0;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, budget + 1) }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return budget + 1;
    return 0; // corrupt data: exceljs reports the file unreadable
  }
}
