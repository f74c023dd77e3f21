import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatPeriod, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

/** The seeker's placements; from a past one they can block that firm from future proposals. */
export function MyPlacementsPage() {
  const { t, status, language } = useI18n();
  const seekerId = useSession().user!.seekerId!;
  const placements = useLoad(() => must(api.GET('/api/v1/placements', { params: { query: {} } })), []);
  const seeker = useLoad(() => must(api.GET('/api/v1/seekers/{id}', { params: { path: { id: seekerId } } })), [seekerId]);
  const [error, setError] = useState<unknown>();
  const blocked = new Set(seeker.data?.blockedFirmIds ?? []);

  async function toggleBlock(firmId: string) {
    const next = blocked.has(firmId) ? [...blocked].filter((id) => id !== firmId) : [...blocked, firmId];
    try {
      await must(api.PATCH('/api/v1/seekers/{id}', { params: { path: { id: seekerId } }, body: { blockedFirmIds: next } as never }));
      await seeker.reload();
    } catch (caught) {
      setError(caught);
    }
  }

  return (
    <Stack maw={640}>
      <Title order={2}>{t.navMyPlacements}</Title>
      <ProblemAlert error={placements.error ?? error} />
      {placements.data?.items.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
      {placements.data?.items.map(({ job, ...placement }) => job && (
        <Card key={placement.id} withBorder>
          <Group justify="space-between">
            <Text fw={600}>{job.roleTitle}</Text>
            <Badge>{status(placement.status)}</Badge>
          </Group>
          <Text size="sm">{job.firmName} · {job.address}</Text>
          <Text size="sm">
            {formatPeriod(placement.period)} · {job.weeklyHours}
            {t.hoursPerWeek} · {formatWon(job.hourlyWage)}
          </Text>
          <Button mt="xs" size="compact-sm" variant="subtle" onClick={() => toggleBlock(job.firmId)} style={{ alignSelf: 'flex-start' }}>
            {blocked.has(job.firmId)
              ? language === 'ko' ? '이 회사 제외 해제' : 'Unblock this firm'
              : language === 'ko' ? '이 회사는 다시 제안받지 않기' : 'Never propose this firm again'}
          </Button>
        </Card>
      ))}
      <Text size="sm" c="dimmed">
        {t.blockedFirms}: {blocked.size}
      </Text>
    </Stack>
  );
}
