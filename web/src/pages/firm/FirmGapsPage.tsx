import { Alert, Badge, Button, Stack, Table, Title } from '@mantine/core';
import { Link, useLocation } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDate, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

export function FirmGapsPage() {
  const { t, leaveType, status } = useI18n();
  const firmId = useSession().user!.firmId!;
  const posted = (useLocation().state as { posted?: boolean } | null)?.posted;
  const gaps = useLoad(() => must(api.GET('/api/v1/firms/{firmId}/leave-gaps', { params: { path: { firmId }, query: { pageSize: 100 } as never } })), [firmId]);
  return (
    <Stack>
      <Title order={2}>{t.navMyGaps}</Title>
      {posted ? <Alert color="green" role="status">{t.gapPosted}</Alert> : null}
      <Button component={Link} to="/firm/gaps/new" style={{ alignSelf: 'flex-start' }}>
        {t.navNewGap}
      </Button>
      <ProblemAlert error={gaps.error} />
      <ScrollRegion minWidth={600}>
        <Table striped data-testid="firm-gaps">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t.roleTitle}</Table.Th>
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
                <Table.Td>{gap.roleTitle}</Table.Td>
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
    </Stack>
  );
}
