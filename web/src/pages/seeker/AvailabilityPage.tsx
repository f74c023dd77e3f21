import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import 'dayjs/locale/ko';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

const isoDay = (date: Date | string | null): string | null => {
  if (!date) return null;
  if (typeof date === 'string') return date.slice(0, 10);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

/** Availability windows: picked as a range on a calendar, each added or removed on its own. */
export function AvailabilityPage() {
  const { t, language, fields } = useI18n();
  const seekerId = useSession().user!.seekerId!;
  const windows = useLoad(() => must(api.GET('/api/v1/seekers/{id}/availability', { params: { path: { id: seekerId } } })), [seekerId]);
  const [range, setRange] = useState<[string | null, string | null]>([null, null]);
  const [error, setError] = useState<unknown>();
  const items = (windows.data as { items?: { id: string; start: string; end: string }[] } | { id: string; start: string; end: string }[] | undefined);
  const list = Array.isArray(items) ? items : (items?.items ?? []);

  async function add() {
    const [start, end] = range;
    if (!start || !end) return;
    try {
      await must(api.POST('/api/v1/seekers/{id}/availability', { params: { path: { id: seekerId } }, body: { start, end } }));
      setRange([null, null]);
      setError(undefined);
      await windows.reload();
    } catch (caught) {
      setError(caught);
    }
  }
  async function remove(windowId: string) {
    try {
      await must(api.DELETE('/api/v1/seekers/{id}/availability/{windowId}', { params: { path: { id: seekerId, windowId } } }));
      await windows.reload();
    } catch (caught) {
      setError(caught);
    }
  }
  const fieldErrors = Object.values(fields(error));

  return (
    <Stack maw={560}>
      <Title order={2}>{t.availabilityTitle}</Title>
      <ProblemAlert error={windows.error} />
      <Stack gap="xs" data-testid="windows">
        {list.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
        {list.map((window) => (
          <Card key={window.id} withBorder padding="xs">
            <Group justify="space-between" wrap="nowrap">
              <Text>{formatPeriod(window)}</Text>
              <Button variant="subtle" color="red" size="compact-sm" onClick={() => remove(window.id)} aria-label={`${t.removeWindow} ${formatPeriod(window)}`}>
                {t.removeWindow}
              </Button>
            </Group>
          </Card>
        ))}
      </Stack>
      <Text size="sm">{t.pickRange}</Text>
      <DatePicker
        type="range"
        locale={language}
        value={range}
        onChange={(value) => setRange([isoDay(value[0]), isoDay(value[1])])}
        allowSingleDateInRange
        size="sm"
        // Visible month and year stay the controls' names; no weekend red or outside days, both too pale to read.
        ariaLabels={{ nextMonth: language === 'ko' ? '다음 달' : 'Next month', previousMonth: language === 'ko' ? '이전 달' : 'Previous month' }}
        monthLabelFormat={language === 'ko' ? 'YYYY년 M월' : 'MMMM YYYY'}
        weekendDays={[]}
        hideOutsideDates
        firstDayOfWeek={0}
      />
      <Text size="sm" aria-live="polite">
        {range[0] ? formatPeriod({ start: range[0], end: range[1] ?? range[0] }) : ''}
      </Text>
      <ProblemAlert error={error} />
      {fieldErrors.map((message) => (
        <Text key={message} c="red" size="sm">
          {message}
        </Text>
      ))}
      <Button onClick={add} disabled={!range[0] || !range[1]} style={{ alignSelf: 'flex-start' }}>
        {t.addWindow}
      </Button>
    </Stack>
  );
}
