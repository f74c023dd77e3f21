import { Anchor, Badge, Stack, Table, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

export function RunsPage() {
  const { t, status } = useI18n();
  const runs = useLoad(() => must(api.GET('/api/v1/match-runs', { params: { query: { pageSize: 50 } } })), []);
  return (
    <Stack>
      <Title order={2}>{t.runsTitle}</Title>
      <ProblemAlert error={runs.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t.runStatus}</Table.Th>
            <Table.Th>{t.proposals}</Table.Th>
            <Table.Th>{t.viewResults}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.data?.items.map((run) => (
            <Table.Tr key={run.id}>
              <Table.Td>
                <Badge variant="light">{status(run.status)}</Badge>
              </Table.Td>
              <Table.Td>{(run.stats as { filled?: number; vacancies?: number } | null)?.filled ?? '–'} / {(run.stats as { vacancies?: number } | null)?.vacancies ?? '–'}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/runs/${run.id}`}>
                  {formatDateTime(run.timings.queuedAt)}
                </Anchor>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
