/** Names for Mantine Pagination's arrow buttons (they show only an icon). */
export function paginationControlLabel(control: 'first' | 'previous' | 'last' | 'next', language: 'ko' | 'en'): { 'aria-label': string } {
  const ko = { first: '첫 페이지', previous: '이전 페이지', next: '다음 페이지', last: '마지막 페이지' };
  const en = { first: 'First page', previous: 'Previous page', next: 'Next page', last: 'Last page' };
  return { 'aria-label': (language === 'ko' ? ko : en)[control] };
}
