import { Alert, Anchor, Badge, Button, Card, Group, Loader, Pagination, Progress, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { complexes, type Schema } from '../../api/lists';
import { Breakdown } from '../../components/Breakdown';
import { GapSubsidyOf } from '../../components/GapSubsidy';
import { paginationControlLabel } from '../../components/paginationLabels';
import { ProblemAlert } from '../../components/ProblemAlert';
import { WhyNobody } from '../../components/WhyNobody';
import { useLoad } from '../../hooks';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { REFERRAL_TEXT } from '../../i18n/referrals';

const FINISHED = ['succeeded', 'failed'];
const PROPOSAL_STATUSES = ['proposed', 'referred', 'confirmed', 'rejected', 'superseded'] as const;
/** A national run proposes thousands: the page reads them a window at a time. */
const PAGE_SIZE = 30;

type ResultsFilter = { complexId: string | null; status: string | null };

/** One window of the run's results under the filters (the API pages both lists alike). */
function useResultsWindow(id: string, ready: boolean, filter: ResultsFilter, page: number) {
  return useLoad(
    async () =>
      ready
        ? must(
            api.GET('/api/v1/match-runs/{id}/proposals', {
              params: {
                path: { id },
                query: {
                  offset: (page - 1) * PAGE_SIZE,
                  limit: PAGE_SIZE,
                  ...(filter.complexId ? { complexId: filter.complexId } : {}),
                  ...(filter.status ? { status: filter.status } : {}),
                } as never,
              },
            }),
          )
        : undefined,
    [id, ready, filter.complexId, filter.status, page],
  );
}

/** One match run: its progress while it runs, then its proposals and the gaps nobody can fill. */
export function RunPage() {
  const { id = '' } = useParams();
  const { t, status, language } = useI18n();
  const run = useLoad(() => must(api.GET('/api/v1/match-runs/{id}', { params: { path: { id } } })), [id]);
  const finished = run.data && FINISHED.includes(run.data.status);
  useEffect(() => {
    if (!run.data || finished) return;
    const timer = setTimeout(() => void run.reload(), 1500);
    return () => clearTimeout(timer);
  }, [run.data, finished]);
  const ready = run.data?.status === 'succeeded';
  const [filter, setFilter] = useState<ResultsFilter>({ complexId: null, status: null });
  const [proposalPage, setProposalPage] = useState(1);
  const [unfilledPage, setUnfilledPage] = useState(1);
  const complexList = useLoad(() => complexes(), []);
  const proposals = useResultsWindow(id, ready, filter, proposalPage);
  // Each answer holds both lists: a second request only when the two lists are on different pages
  // (it reads, and access-logs, proposals nobody sees). A status filter leaves the unfilled out.
  const sharedWindow = unfilledPage === proposalPage;
  const otherWindow = useResultsWindow(id, ready && !filter.status && !sharedWindow, filter, unfilledPage);
  const unfilled = filter.status ? { data: undefined, error: undefined } : sharedWindow ? proposals : otherWindow;
  const changeFilter = (change: Partial<ResultsFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setProposalPage(1);
    setUnfilledPage(1);
  };
  const pager = (total: number, page: number, onChange: (page: number) => void) =>
    total > PAGE_SIZE ? (
      <Pagination total={Math.ceil(total / PAGE_SIZE)} value={page} onChange={onChange} getControlProps={(control) => paginationControlLabel(control, language)} />
    ) : null;
  const stats = run.data?.stats as { vacancies: number; seekers: number; filled: number } | null | undefined;

  return (
    <Stack>
      <Title order={2}>{t.runsTitle}</Title>
      <ProblemAlert error={run.error ?? proposals.error ?? unfilled.error ?? complexList.error} />
      {run.data ? (
        <Card withBorder>
          <Group>
            <Text fw={600}>{t.runStatus}</Text>
            <Badge data-testid="run-status">{status(run.data.status)}</Badge>
            {!finished ? <Loader size="xs" aria-label={t.loading} /> : null}
          </Group>
          {!finished ? <Progress value={run.data.status === 'running' ? 60 : 20} animated mt="xs" aria-label={t.runStatus} /> : null}
          {stats ? (
            <Text size="sm" mt="xs">
              {t.proposals} {stats.filled} / {t.vacancy} {stats.vacancies} · {t.navSeekers} {stats.seekers}
            </Text>
          ) : null}
          {run.data.error ? <Alert color="red">{run.data.error}</Alert> : null}
        </Card>
      ) : null}
      {ready ? (
        <Group align="flex-end">
          <Select
            label={t.complex}
            clearable
            placeholder={t.all}
            data={(complexList.data ?? []).map((complex) => ({ value: complex.id, label: complex.name }))}
            value={filter.complexId}
            onChange={(complexId) => changeFilter({ complexId })}
          />
          <Select
            label={t.status}
            clearable
            placeholder={t.all}
            data={PROPOSAL_STATUSES.map((value) => ({ value, label: status(value) }))}
            value={filter.status}
            onChange={(value) => changeFilter({ status: value })}
          />
        </Group>
      ) : null}
      {proposals.data ? (
        <>
          <Title order={3} size="h4">
            {t.proposals} ({proposals.data.totals.proposals})
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {proposals.data.proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} onDecided={() => void proposals.reload()} />
            ))}
          </SimpleGrid>
          {pager(proposals.data.totals.proposals, proposalPage, setProposalPage)}
        </>
      ) : null}
      {unfilled.data ? (
        <>
          <Title order={3} size="h4">
            {t.unfilled} ({unfilled.data.totals.unfilled})
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {unfilled.data.unfilled.map((gap) => (
              <Card key={gap.leaveGap.id} withBorder data-testid="unfilled">
                <Text fw={600}>
                  {gap.leaveGap.roleTitle} · {gap.leaveGap.firm.name}
                </Text>
                <Text size="sm" c="dimmed" mb={4}>
                  {formatPeriod(gap.leaveGap.period)}
                </Text>
                <WhyNobody diagnosis={gap} />
              </Card>
            ))}
          </SimpleGrid>
          {pager(unfilled.data.totals.unfilled, unfilledPage, setUnfilledPage)}
        </>
      ) : null}
    </Stack>
  );
}

function ProposalCard({ proposal, onDecided }: { proposal: Schema<'ProposalView'>; onDecided(): void }) {
  const { t, status, fields, language } = useI18n();
  const [subsidyOpen, setSubsidyOpen] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<string>();
  const [referralId, setReferralId] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      await must(api.POST('/api/v1/proposals/{id}/confirm', { params: { path: { id: proposal.id }, header: { 'Idempotency-Key': crypto.randomUUID() } as never } }));
      setMessage(t.confirmed);
      setError(undefined);
      onDecided();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  async function refer() {
    setBusy(true);
    try {
      const referral = await must(
        api.POST('/api/v1/proposals/{id}/referral', { params: { path: { id: proposal.id }, header: { 'Idempotency-Key': crypto.randomUUID() } as never }, body: {} }),
      );
      setMessage(REFERRAL_TEXT[language].referred);
      setReferralId(referral.id);
      setError(undefined);
      onDecided();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  async function reject() {
    setBusy(true);
    try {
      await must(api.POST('/api/v1/proposals/{id}/reject', { params: { path: { id: proposal.id } }, body: { reason } }));
      setMessage(t.rejected);
      setError(undefined);
      setRejecting(false);
      onDecided();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card withBorder data-testid="proposal">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{proposal.seeker.displayName}</Text>
        <Badge variant="light">{status(proposal.status)}</Badge>
      </Group>
      <Text size="sm">
        <Anchor component={Link} to={`/gaps/${proposal.leaveGap.id}`}>
          {proposal.leaveGap.roleTitle}
        </Anchor>{' '}
        · {proposal.leaveGap.firm.name}
      </Text>
      <Text size="sm" c="dimmed">
        {formatPeriod(proposal.leaveGap.period)} · {proposal.leaveGap.weeklyHours}
        {t.hoursPerWeek}
      </Text>
      <Text size="sm" mt={4}>
        {t.score} <strong>{proposal.score.toFixed(1)}</strong> · {t.commute} {Math.round(proposal.commuteMinutes)}
        {t.minutes}
      </Text>
      <details>
        <summary style={{ cursor: 'pointer', fontSize: 14 }}>{t.breakdown}</summary>
        <Breakdown breakdown={proposal.breakdown as unknown as Record<string, number>} />
      </details>
      <details onToggle={(event) => setSubsidyOpen(event.currentTarget.open)}>
        <summary style={{ cursor: 'pointer', fontSize: 14 }}>{language === 'ko' ? '업체가 받을 지원금' : "The firm's subsidy"}</summary>
        {subsidyOpen ? <GapSubsidyOf gapId={proposal.leaveGap.id} /> : null}
      </details>
      {proposal.alternatives.length > 0 ? (
        <Text size="xs" c="dimmed" mt={4}>
          {t.alternatives}: {proposal.alternatives.slice(0, 3).map((alternative) => `${alternative.seeker.displayName} ${alternative.score.toFixed(1)}`).join(', ')}
        </Text>
      ) : null}
      {proposal.reason ? (
        <Text size="sm" mt={4}>
          {t.rejectReason}: {proposal.reason}
        </Text>
      ) : null}
      <ProblemAlert error={error} />
      {message ? (
        <Text size="sm" role="status" fw={700}>
          {message}
          {referralId ? (
            <>
              {' '}
              <Anchor component={Link} to={`/referrals/${referralId}`}>→</Anchor>
            </>
          ) : null}
        </Text>
      ) : null}
      {proposal.status === 'proposed' ? (
        rejecting ? (
          <Stack gap="xs" mt="xs">
            <TextInput label={t.rejectReason} value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fields(error).reason} />
            <Group>
              <Button color="red" size="xs" onClick={reject} loading={busy} disabled={!reason.trim()}>
                {t.reject}
              </Button>
              <Button variant="subtle" size="xs" onClick={() => setRejecting(false)}>
                {t.cancel}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group mt="xs">
            <Button size="xs" onClick={confirm} loading={busy}>
              {t.confirm}
            </Button>
            <Button size="xs" variant="light" onClick={refer} loading={busy} data-testid="refer">
              {REFERRAL_TEXT[language].refer}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => setRejecting(true)}>
              {t.reject}
            </Button>
          </Group>
        )
      ) : null}
    </Card>
  );
}
