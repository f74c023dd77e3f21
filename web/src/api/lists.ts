import { api, must } from './client';
import type { components } from './schema';

export type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** Every item of a paged list (pages of at most 100). */
export async function allPages<T>(fetchPage: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await fetchPage(page);
    items.push(...answer.items);
    if (answer.items.length === 0 || items.length >= answer.total) return items;
  }
}

export const complexes = () => must(api.GET('/api/v1/complexes', { params: { query: { pageSize: 100 } } })).then((page) => page.items);
export const firms = () => allPages((page) => must(api.GET('/api/v1/firms', { params: { query: { page, pageSize: 100 } } })));

/** Today in Seoul, `YYYY-MM-DD` (the day the service's rules use). */
export function seoulToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(new Date());
}
