import { Anchor, Badge, Group, Pagination, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { complexes, firms } from '../../api/lists';
import { DownloadButtons, activeFilters } from '../../components/DownloadButtons';
import { ScrollRegion } from '../../components/ScrollRegion';
import { paginationControlLabel } from '../../components/paginationLabels';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDate, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

const LEAVE_TYPES = ['maternity', 'parental', 'reduced_hours', 'spouse_maternity', 'infertility_treatment', 'other'] as const;

export function GapsPage() {
  const { t, leaveType, status, language } = useI18n();
  const [q, setQ] = useState('');
  const [complexId, setComplexId] = useState<string | null>(null);
  const [gapStatus, setGapStatus] = useState<string | null>('open');
  const [type, setType] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  // One request when the typing pauses, not one per keystroke.
  const [query] = useDebouncedValue(q.trim(), 300);
  const lookups = useLoad(async () => {
    const [complexList, firmList] = await Promise.all([complexes(), firms()]);
    return { complexList, firmName: new Map(firmList.map((firm) => [firm.id, firm.name])) };
  }, []);
  const gaps = useLoad(
    () =>
      must(
        api.GET('/api/v1/leave-gaps', {
          params: {
            query: {
              page,
              pageSize: 20,
              ...(query ? { q: query } : {}),
              ...(complexId ? { complexId } : {}),
              ...(gapStatus ? { status: gapStatus } : {}),
              ...(type ? { leaveType: type } : {}),
            } as never,
          },
        }),
      ),
    [query, complexId, gapStatus, type, page],
  );
  return (
    <Stack>
      <Title order={2}>{t.gapsTitle}</Title>
      <Group align="flex-end">
        <TextInput label={t.search} placeholder={t.searchPlaceholder} value={q} onChange={(e) => { setQ(e.currentTarget.value); setPage(1); }} w={280} />
        <Select label={t.complex} clearable placeholder={t.all} data={(lookups.data?.complexList ?? []).map((c) => ({ value: c.id, label: c.name }))} value={complexId} onChange={(v) => { setComplexId(v); setPage(1); }} />
        <Select label={t.status} clearable placeholder={t.all} data={['open', 'filled', 'cancelled'].map((s) => ({ value: s, label: status(s) }))} value={gapStatus} onChange={(v) => { setGapStatus(v); setPage(1); }} />
        <Select label={t.leaveType} clearable placeholder={t.all} data={LEAVE_TYPES.map((l) => ({ value: l, label: leaveType(l) }))} value={type} onChange={(v) => { setType(v); setPage(1); }} />
      </Group>
      <DownloadButtons path="/api/v1/leave-gaps/export" query={activeFilters({ q: query, complexId, status: gapStatus, leaveType: type })} label={t.exportList} />
      <ProblemAlert error={gaps.error ?? lookups.error} />
      <ScrollRegion minWidth={720}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.roleTitle}</Table.Th>
              <Table.Th>{t.firm}</Table.Th>
              <Table.Th>{t.leaveType}</Table.Th>
              <Table.Th>{t.placementPeriod}</Table.Th>
              <Table.Th>{t.weeklyHours}</Table.Th>
              <Table.Th>{t.hourlyWage}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {gaps.data?.items.map((gap) => (
              <Table.Tr key={gap.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/gaps/${gap.id}`}>
                    {gap.roleTitle}
                  </Anchor>
                </Table.Td>
                <Table.Td>{lookups.data?.firmName.get(gap.firmId)}</Table.Td>
                <Table.Td>{leaveType(gap.leaveType)}</Table.Td>
                <Table.Td>
                  {formatDate(gap.vacancy.placementStart)} ~ {formatDate(gap.vacancy.placementEnd)}
                </Table.Td>
                <Table.Td>{gap.vacancy.weeklyHours}</Table.Td>
                <Table.Td>{formatWon(gap.hourlyWage)}</Table.Td>
                <Table.Td>
                  <Badge variant="light">{status(gap.status)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
      {gaps.data ? (
        <Group>
          <Pagination total={Math.max(1, Math.ceil(gaps.data.total / 20))} value={page} onChange={setPage} getControlProps={(control) => paginationControlLabel(control, language)} />
          <Text size="sm" c="dimmed">{gaps.data.total}</Text>
        </Group>
      ) : null}
    </Stack>
  );
}
