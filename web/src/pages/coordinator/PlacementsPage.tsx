import { Badge, Button, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client';
import type { Schema } from '../../api/lists';
import { DownloadButtons, activeFilters } from '../../components/DownloadButtons';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

export function PlacementsPage() {
  const { t, status } = useI18n();
  const [placementStatus, setPlacementStatus] = useState<string | null>('confirmed');
  const placements = useLoad(
    () => must(api.GET('/api/v1/placements', { params: { query: { pageSize: 100, ...(placementStatus ? { status: placementStatus } : {}) } as never } })),
    [placementStatus],
  );
  return (
    <Stack>
      <Title order={2}>{t.placementsTitle}</Title>
      <Select label={t.status} clearable placeholder={t.all} w={200} data={['confirmed', 'cancelled'].map((s) => ({ value: s, label: status(s) }))} value={placementStatus} onChange={setPlacementStatus} />
      <DownloadButtons path="/api/v1/placements/export" query={activeFilters({ status: placementStatus })} label={t.exportList} />
      <ProblemAlert error={placements.error} />
      <ScrollRegion minWidth={720}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.roleTitle}</Table.Th>
              <Table.Th>{t.firm}</Table.Th>
              <Table.Th>{t.displayName}</Table.Th>
              <Table.Th>{t.placementPeriod}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
              <Table.Th>{t.cancelPlacement}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.data?.items.map((placement) => <PlacementRow key={placement.id} placement={placement} onChanged={() => void placements.reload()} />)}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}

const PUBLIC_REASONS = ['leave_changed', 'firm_request', 'seeker_request', 'other'] as const;
type PublicReason = (typeof PUBLIC_REASONS)[number];
const PUBLIC_REASON_LABEL: Record<'ko' | 'en', Record<PublicReason, string>> = {
  ko: { leave_changed: '휴가 일정 변경', firm_request: '기업 요청', seeker_request: '구직자 요청', other: '기타' },
  en: { leave_changed: 'Leave changed', firm_request: 'Firm asked', seeker_request: 'Seeker asked', other: 'Other' },
};

function PlacementRow({ placement, onChanged }: { placement: Schema<'PlacementResponse'>; onChanged(): void }) {
  const { t, status, language } = useI18n();
  const [reason, setReason] = useState('');
  const [publicReason, setPublicReason] = useState<PublicReason>('leave_changed');
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<unknown>();
  async function cancel() {
    try {
      await must(api.POST('/api/v1/placements/{id}/cancel', { params: { path: { id: placement.id } }, body: { reason, publicReason } }));
      onChanged();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Table.Tr>
      <Table.Td>{placement.job?.roleTitle}</Table.Td>
      <Table.Td>{placement.job?.firmName}</Table.Td>
      <Table.Td>{placement.contact?.displayName}</Table.Td>
      <Table.Td>{formatPeriod(placement.period)}</Table.Td>
      <Table.Td>
        <Badge variant="light">{status(placement.status)}</Badge>
      </Table.Td>
      <Table.Td>
        {placement.status === 'confirmed' ? (
          open ? (
            <Group gap="xs" wrap="nowrap">
              <Select
                aria-label={language === 'ko' ? '공개 사유' : 'Reason shown to firm and seeker'}
                size="xs"
                w={150}
                allowDeselect={false}
                data={PUBLIC_REASONS.map((value) => ({ value, label: PUBLIC_REASON_LABEL[language][value] }))}
                value={publicReason}
                onChange={(value) => setPublicReason((value ?? 'other') as PublicReason)}
              />
              <TextInput aria-label={t.cancelReason} placeholder={t.cancelReason} size="xs" value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              <Button size="xs" color="red" disabled={!reason.trim()} onClick={cancel}>
                {t.cancelPlacement}
              </Button>
            </Group>
          ) : (
            <Button size="xs" variant="subtle" color="red" onClick={() => setOpen(true)}>
              {t.cancelPlacement}
            </Button>
          )
        ) : null}
        <ProblemAlert error={error} />
      </Table.Td>
    </Table.Tr>
  );
}
