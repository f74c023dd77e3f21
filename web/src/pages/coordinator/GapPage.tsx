import { Badge, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { Breakdown } from '../../components/Breakdown';
import { GapSubsidies } from '../../components/GapSubsidy';
import type { Estimate } from '../../components/SubsidyEstimate';
import { ScrollRegion } from '../../components/ScrollRegion';
import { ProblemAlert } from '../../components/ProblemAlert';
import { WhyNobody } from '../../components/WhyNobody';
import { useLoad } from '../../hooks';
import { formatDate, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** One gap: its derived vacancy and the live ranking of who could fill it today. */
export function GapPage() {
  const { id = '' } = useParams();
  const { t, leaveType, status } = useI18n();
  const gap = useLoad(() => must(api.GET('/api/v1/leave-gaps/{id}', { params: { path: { id } } })), [id]);
  const candidates = useLoad(() => must(api.GET('/api/v1/leave-gaps/{id}/candidates', { params: { path: { id }, query: { limit: 10 } } })), [id]);
  const data = gap.data;
  return (
    <Stack>
      <ProblemAlert error={gap.error} />
      {data ? (
        <>
          <Group>
            <Title order={2}>{data.roleTitle}</Title>
            <Badge variant="light">{status(data.status)}</Badge>
          </Group>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t.vacancy}
              </Title>
              <List size="sm">
                <List.Item>
                  {t.leaveType}: {leaveType(data.leaveType)}
                </List.Item>
                <List.Item>
                  {t.leavePeriod}: {formatDate(data.leaveStart)} ~ {formatDate(data.leaveEnd)}
                </List.Item>
                <List.Item>
                  {t.placementPeriod}: {formatDate(data.vacancy.placementStart)} ~ {formatDate(data.vacancy.placementEnd)}
                </List.Item>
                <List.Item>
                  {t.weeklyHours}: {data.vacancy.weeklyHours}
                  {t.hoursPerWeek}
                </List.Item>
                <List.Item>
                  {t.hourlyWage}: {formatWon(data.hourlyWage)}
                </List.Item>
                <List.Item>
                  {t.requiredSkills}: {data.requiredSkills.map((skill) => `${skill.code} ${skill.level}`).join(', ') || t.none}
                </List.Item>
              </List>
              <Stack mt="sm">
                <GapSubsidies subsidy={data.subsidy as Estimate | undefined} ifUnfilled={data.subsidyIfUnfilled as Estimate | undefined} />
              </Stack>
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t.candidates}
              </Title>
              <ProblemAlert error={candidates.error} />
              {candidates.data && candidates.data.candidates.length === 0 ? <WhyNobody diagnosis={candidates.data} /> : null}
              {candidates.data && candidates.data.candidates.length > 0 ? (
                <ScrollRegion minWidth={360}>
                  <Table>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t.displayName}</Table.Th>
                        <Table.Th>{t.score}</Table.Th>
                        <Table.Th>{t.commute}</Table.Th>
                        <Table.Th>{t.breakdown}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {candidates.data.candidates.map((candidate) => (
                        <Table.Tr key={candidate.seeker.id}>
                          <Table.Td>{candidate.seeker.displayName}</Table.Td>
                          <Table.Td>{candidate.score.toFixed(1)}</Table.Td>
                          <Table.Td>
                            {Math.round(candidate.commuteMinutes)}
                            {t.minutes}
                          </Table.Td>
                          <Table.Td>
                            <Breakdown breakdown={candidate.breakdown as Record<string, number>} />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollRegion>
              ) : null}
              {!candidates.data && !candidates.error ? <Text c="dimmed">{t.loading}</Text> : null}
            </Card>
          </SimpleGrid>
        </>
      ) : null}
    </Stack>
  );
}
