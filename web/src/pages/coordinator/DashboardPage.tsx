import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiProblem, api, must } from '../../api/client';
import { allPages, complexes, firms, seoulToday } from '../../api/lists';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDate, formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

const SOON_DAYS = 30;
const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function loadDashboard() {
  const [complexList, firmList, openGaps, runs] = await Promise.all([
    complexes(),
    firms(),
    allPages((page) => must(api.GET('/api/v1/leave-gaps', { params: { query: { status: 'open', page, pageSize: 100 } } }))),
    must(api.GET('/api/v1/match-runs', { params: { query: { pageSize: 5 } } })),
  ]);
  const complexOfFirm = new Map(firmList.map((firm) => [firm.id, firm.complexId]));
  const firmName = new Map(firmList.map((firm) => [firm.id, firm.name]));
  const complexName = new Map(complexList.map((complex) => [complex.id, complex.name]));
  const counts = new Map<string, Map<string, number>>();
  for (const gap of openGaps) {
    const complex = complexName.get(complexOfFirm.get(gap.firmId) ?? '') ?? '?';
    const month = gap.vacancy.placementStart.slice(0, 7);
    const byMonth = counts.get(complex) ?? new Map<string, number>();
    byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
    counts.set(complex, byMonth);
  }
  const months = [...new Set(openGaps.map((gap) => gap.vacancy.placementStart.slice(0, 7)))].sort().slice(0, 8);
  const today = seoulToday();
  const soon = openGaps
    .filter((gap) => gap.vacancy.placementStart <= addDays(today, SOON_DAYS))
    .sort((a, b) => a.vacancy.placementStart.localeCompare(b.vacancy.placementStart))
    .slice(0, 10);
  return { counts, months, soon, runs: runs.items, firmName, empty: firmList.length === 0 };
}

export function DashboardPage() {
  const { t, status, language } = useI18n();
  const dashboard = useLoad(loadDashboard, []);
  const [demo, setDemo] = useState<'idle' | 'running' | 'done'>('idle');
  const [demoError, setDemoError] = useState<unknown>();
  const data = dashboard.data;

  async function loadDemo() {
    setDemo('running');
    setDemoError(undefined);
    try {
      await must(api.POST('/api/v1/demo-data'));
      // The generator runs in the service; poll until it says it is done.
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 2000));
        const state = await must(api.GET('/api/v1/demo-data'));
        if (state.status === 'succeeded') break;
        if (state.status === 'failed') throw new ApiProblem({ status: 500, code: 'demo.failed', detail: state.error });
      }
      setDemo('done');
      await dashboard.reload();
    } catch (caught) {
      setDemoError(caught);
      setDemo('idle');
    }
  }

  return (
    <Stack>
      <Title order={2}>{t.dashboardTitle}</Title>
      <ProblemAlert error={dashboard.error} />
      {data?.empty ? (
        <Alert title={t.emptyDatabase} color="blue">
          <Stack gap="xs">
            <Text size="sm">{t.demoShell}</Text>
            <Button onClick={loadDemo} loading={demo === 'running'} style={{ alignSelf: 'flex-start' }}>
              {t.loadDemo}
            </Button>
            {demo === 'running' ? <Text size="sm" role="status">{t.loadingDemo}</Text> : null}
            <ProblemAlert error={demoError} />
          </Stack>
        </Alert>
      ) : null}
      {demo === 'done' ? <Alert color="green" role="status">{t.demoLoaded}</Alert> : null}
      {data && !data.empty ? (
        <>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              {t.openGapsByComplexMonth}
            </Title>
            <ScrollRegion minWidth={400}>
              <Table striped data-testid="gaps-by-month">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th style={{ whiteSpace: 'nowrap' }}>{t.complex}</Table.Th>
                    {data.months.map((month) => (
                      <Table.Th key={month} style={{ whiteSpace: 'nowrap' }}>{language === 'ko' ? `${Number(month.slice(0, 4))}. ${Number(month.slice(5))}.` : month}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...data.counts].map(([complex, byMonth]) => (
                    <Table.Tr key={complex}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{complex}</Table.Td>
                      {data.months.map((month) => (
                        <Table.Td key={month}>{byMonth.get(month) ?? 0}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollRegion>
          </Card>
        <SimpleGrid cols={{ base: 1, lg: 2 }}>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              {t.startingSoon}
            </Title>
            {data.soon.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
            <Stack gap={4}>
              {data.soon.map((gap) => (
                <Group key={gap.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/gaps/${gap.id}`}>
                    {gap.roleTitle} · {data.firmName.get(gap.firmId)}
                  </Anchor>
                  <Text size="sm">{formatDate(gap.vacancy.placementStart)}</Text>
                </Group>
              ))}
            </Stack>
          </Card>
          <Card withBorder>
            <Title order={3} size="h4" mb="sm">
              {t.latestRuns}
            </Title>
            {data.runs.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
            <Stack gap={4}>
              {data.runs.map((run) => (
                <Group key={run.id} justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/runs/${run.id}`}>
                    {formatDateTime(run.timings.queuedAt)}
                  </Anchor>
                  <Badge variant="light">{status(run.status)}</Badge>
                </Group>
              ))}
            </Stack>
            <Button component={Link} to="/match" mt="md" variant="light">
              {t.navMatch}
            </Button>
          </Card>
        </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
