import { Button, Group, Text } from '@mantine/core';

/**
 * Excel and CSV links to a file endpoint. Plain links, not fetches: the browser sends the session
 * cookie with a same-origin GET and saves the file under the name the service gives it.
 */
export function DownloadButtons({ path, query = {}, label }: { path: string; query?: Record<string, string>; label: string }) {
  const href = (format: 'xlsx' | 'csv') => `${path}?${new URLSearchParams({ ...query, format })}`;
  return (
    <Group gap="xs" role="group" aria-label={label}>
      <Text size="sm">{label}</Text>
      <Button component="a" href={href('xlsx')} download variant="default" size="compact-sm" aria-label={`${label}: Excel`}>Excel</Button>
      <Button component="a" href={href('csv')} download variant="default" size="compact-sm" aria-label={`${label}: CSV`}>CSV</Button>
    </Group>
  );
}

/** The set filters of a list page as query parameters (unset ones left out). */
export function activeFilters(filters: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])));
}
