import { FileInput } from '@mantine/core';

const SHEET_TYPES = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The CSV/XLSX file picker of the upload cards (선제 발굴, 일괄 등록). */
export function SheetFileInput({ label, clearLabel, value, onChange }: { label: string; clearLabel: string; value: File | null; onChange(file: File | null): void }) {
  return <FileInput label={label} accept={SHEET_TYPES} value={value} onChange={onChange} clearable clearButtonProps={{ 'aria-label': clearLabel }} />;
}

/** The openapi-fetch options that send `file` as the multipart field `file`. */
export function sheetBody(file: File): { body: never; bodySerializer: (value: unknown) => FormData } {
  const form = new FormData();
  form.append('file', file);
  return { body: form as never, bodySerializer: (value: unknown) => value as FormData };
}
