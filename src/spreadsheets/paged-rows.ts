/** Rows an export reads a page at a time, so a list of 50,000 never sits in memory as entities. */
export const EXPORT_PAGE_SIZE = 1_000;

/** Pages of `fetchPage(offset, limit)` until a short page, one row at a time. */
export async function* pagedRows<T>(fetchPage: (offset: number, limit: number) => Promise<T[]>, pageSize = EXPORT_PAGE_SIZE): AsyncIterable<T> {
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset, pageSize);
    yield* page;
    if (page.length < pageSize) return;
  }
}
