import type { Language } from '../../i18n/messages';

export const IMPORT_KINDS = ['seekers', 'firms', 'leave-gaps'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The 일괄 등록 page's words (docs/spreadsheets.md describes the columns and the rules). */
export const IMPORT_TEXT = {
  ko: {
    title: '일괄 등록',
    intro: '인재채움뱅크 명단을 양식에 맞춰 올리면, 등록 화면과 같은 규칙으로 모든 행을 검사합니다. 문제가 하나도 없을 때만 한꺼번에 저장합니다.',
    kind: '등록할 자료',
    kinds: { seekers: '구직자', firms: '기업', 'leave-gaps': '대체인력 공백' } satisfies Record<ImportKind, string>,
    template: '양식 내려받기',
    templateHint: '* 표시가 없는 열은 비워 둘 수 있습니다. Excel 양식의 ‘작성 안내’ 시트에 열마다 설명이 있습니다. 주민등록번호는 넣지 마세요.',
    file: '파일 (CSV 또는 XLSX)',
    clearFile: '파일 지우기',
    check: '검사하기',
    import: '등록하기',
    importHint: '검사에서 문제가 없어야 등록할 수 있습니다.',
    clean: (rows: number) => `${rows}행 검사 완료: 문제가 없습니다. 등록하기를 누르면 모두 저장합니다.`,
    problems: (rows: number, valid: number, problems: number) => `${rows}행 중 ${rows - valid}행에 문제가 ${problems}건 있어 아무것도 저장하지 않았습니다. 고친 뒤 다시 검사해 주세요.`,
    written: (rows: number) => `${rows}행을 저장했습니다.`,
    row: '행',
    column: '열',
    problem: '문제',
    sameAs: (row: number) => `(${row}행과 같음)`,
  },
  en: {
    title: 'Bulk import',
    intro: 'Upload a Talent Bank sheet in the template; every row is checked with the rules of the registration forms. Rows are saved all at once, only when there is no problem.',
    kind: 'What to import',
    kinds: { seekers: 'Job seekers', firms: 'Firms', 'leave-gaps': 'Leave gaps' } satisfies Record<ImportKind, string>,
    template: 'Download the template',
    templateHint: 'Columns without * may stay empty. The Excel template has a sheet 작성 안내 explaining every column. No resident registration numbers.',
    file: 'File (CSV or XLSX)',
    clearFile: 'Clear file',
    check: 'Check',
    import: 'Import',
    importHint: 'Import becomes possible after a check without problems.',
    clean: (rows: number) => `${rows} rows checked: no problems. Import to save them all.`,
    problems: (rows: number, valid: number, problems: number) => `${rows - valid} of ${rows} rows have ${problems} problems; nothing was saved. Fix them and check again.`,
    written: (rows: number) => `Saved ${rows} rows.`,
    row: 'Row',
    column: 'Column',
    problem: 'Problem',
    sameAs: (row: number) => `(same as row ${row})`,
  },
} satisfies Record<Language, unknown>;
