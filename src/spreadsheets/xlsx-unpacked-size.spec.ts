import ExcelJS from 'exceljs';
import { assertUnpacksWithin } from './xlsx-unpacked-size';
import { readTable } from './table-reader';

async function workbook(rows: number): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('자료');
  for (let row = 0; row < rows; row += 1) sheet.addRow(['1248100998', '육아휴직', '2027-03-02', '2027-05-31']);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The same zip with every central-directory entry claiming to unpack to 1 byte. */
function withLyingSizes(zip: Buffer): Buffer {
  const copy = Buffer.from(zip);
  const signature = Buffer.from([0x50, 0x4b, 0x01, 0x02]);
  for (let at = copy.indexOf(signature); at !== -1; at = copy.indexOf(signature, at + 4)) copy.writeUInt32LE(1, at + 24);
  return copy;
}

describe('the unpacked size of an XLSX (a 10 MB zip can unpack to gigabytes)', () => {
  it('accepts a workbook that unpacks within the limit and refuses one that does not, before exceljs reads it', async () => {
    const file = await workbook(2_000);
    expect(() => assertUnpacksWithin(file, 10_000_000)).not.toThrow();
    expect(() => assertUnpacksWithin(file, 50_000)).toThrow(expect.objectContaining({ code: 'spreadsheet.too_large' }));
  });

  it('counts what the entries really unpack to, not the sizes their headers claim', async () => {
    const lying = withLyingSizes(await workbook(2_000));
    expect(() => assertUnpacksWithin(lying, 50_000)).toThrow(expect.objectContaining({ code: 'spreadsheet.too_large' }));
  });

  it('refuses through readTable a workbook past the service limit', async () => {
    const huge = await workbook(1);
    // One shared string of 60 MB compresses to a few kilobytes.
    const book = new ExcelJS.Workbook();
    book.addWorksheet('s').addRow(['x'.repeat(60 * 1024 * 1024)]);
    const bomb = Buffer.from(await book.xlsx.writeBuffer());
    expect(bomb.length).toBeLessThan(1024 * 1024);
    await expect(readTable(bomb, 'xlsx')).rejects.toMatchObject({ code: 'spreadsheet.too_large' });
    await expect(readTable(huge, 'xlsx')).resolves.toMatchObject({ headers: ['1248100998', '육아휴직', '2027-03-02', '2027-05-31'] });
  });
});
