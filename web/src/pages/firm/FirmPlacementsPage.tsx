import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { api, must } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** The firm's placements; the substitute's contact appears once the placement is confirmed. */
export function FirmPlacementsPage() {
  const { t, status } = useI18n();
  const placements = useLoad(() => must(api.GET('/api/v1/placements', { params: { query: { pageSize: 100 } as never } })), []);
  return (
    <Stack>
      <Title order={2}>{t.placementsTitle}</Title>
      <ProblemAlert error={placements.error} />
      {placements.data?.items.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
      <ScrollRegion minWidth={600}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.roleTitle}</Table.Th>
              <Table.Th>{t.placementPeriod}</Table.Th>
              <Table.Th>{t.contact}</Table.Th>
              <Table.Th>{t.status}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.data?.items.map((placement) => (
              <Table.Tr key={placement.id}>
                <Table.Td>{placement.job?.roleTitle}</Table.Td>
                <Table.Td>{formatPeriod(placement.period)}</Table.Td>
                <Table.Td>
                  {placement.contact ? `${placement.contact.displayName} · ${placement.contact.phone}${placement.contact.email ? ` · ${placement.contact.email}` : ''}` : t.contactAfterConfirm}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{status(placement.status)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollRegion>
    </Stack>
  );
}
