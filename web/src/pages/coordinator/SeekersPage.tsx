import { Badge, Button, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DownloadButtons, activeFilters } from '../../components/DownloadButtons';
import { ScrollRegion } from '../../components/ScrollRegion';
import { paginationControlLabel } from '../../components/paginationLabels';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';

export function SeekersPage() {
  const { t, status, commuteMode, language } = useI18n();
  const [q, setQ] = useState('');
  const [seekerStatus, setSeekerStatus] = useState<string | null>('active');
  const [page, setPage] = useState(1);
  // One request when the typing pauses, not one per keystroke.
  const [query] = useDebouncedValue(q.trim(), 300);
  const seekers = useLoad(
    () =>
      must(
        api.GET('/api/v1/seekers', {
          params: { query: { page, pageSize: 20, ...(query ? { q: query } : {}), ...(seekerStatus ? { status: seekerStatus } : {}) } as never },
        }),
      ),
    [query, seekerStatus, page],
  );
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t.seekersTitle}</Title>
        <Button component={Link} to="/seekers/new">
          {t.registerSeeker}
        </Button>
      </Group>
      <Group align="flex-end">
        <TextInput label={t.search} placeholder={t.searchPlaceholder} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={280} />
        <Select label={t.status} clearable placeholder={t.all} data={['active', 'inactive', 'withdrawn'].map((s) => ({ value: s, label: status(s) }))} value={seekerStatus} onChange={(v) => { setSeekerStatus(v); setPage(1); }} />
      </Group>
      <DownloadButtons path="/api/v1/seekers/export" query={activeFilters({ q: query, status: seekerStatus })} label={t.exportList} />
      <ProblemAlert error={seekers.error} />
      <ScrollRegion minWidth={640}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.displayName}</Table.Th>
              <Table.Th>{t.phone}</Table.Th>
              <Table.Th>{t.skills}</Table.Th>
              <Table.Th>{t.commuteMode}</Table.Th>
              <Table.Th>{t.weeklyHours}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {seekers.data?.items.map((seeker) => (
              <Table.Tr key={seeker.id}>
                <Table.Td>{seeker.displayName}</Table.Td>
                <Table.Td>{seeker.phone}</Table.Td>
                <Table.Td>{seeker.skills.map((skill) => `${skill.code} ${skill.level}`).join(', ')}</Table.Td>
                <Table.Td>
                  {commuteMode(seeker.commuteMode)} ≤ {seeker.maxCommuteMinutes}
                  {t.minutes}
                </Table.Td>
                <Table.Td>
                  {seeker.weeklyHours.min}–{seeker.weeklyHours.max}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{status(seeker.status)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {seekers.data ? (
        <Group>
          <Pagination total={Math.max(1, Math.ceil(seekers.data.total / 20))} value={page} onChange={setPage} getControlProps={(control) => paginationControlLabel(control, language)} />
          <Text size="sm" c="dimmed">{seekers.data.total}</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
