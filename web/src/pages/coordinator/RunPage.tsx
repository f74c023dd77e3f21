import { Alert, Anchor, Badge, Button, Card, Group, Loader, Progress, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import type { Schema } from '../../api/lists';
import { Breakdown } from '../../components/Breakdown';
import { GapSubsidyOf } from '../../components/GapSubsidy';
import { ProblemAlert } from '../../components/ProblemAlert';
import { WhyNobody } from '../../components/WhyNobody';
import { useLoad } from '../../hooks';
import { formatPeriod } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { REFERRAL_TEXT } from '../../i18n/referrals';

const FINISHED = ['succeeded', 'failed'];

/** One match run: its progress while it runs, then its proposals and the gaps nobody can fill. */
export function RunPage() {
  const { id = '' } = useParams();
  const { t, status } = useI18n();
  const run = useLoad(() => must(api.GET('/api/v1/match-runs/{id}', { params: { path: { id } } })), [id]);
  const finished = run.data && FINISHED.includes(run.data.status);
  useEffect(() => {
    if (!run.data || finished) return;
    const timer = setTimeout(() => void run.reload(), 1500);
    return () => clearTimeout(timer);
  }, [run.data, finished]);
  const results = useLoad(
    async () => (run.data?.status === 'succeeded' ? must(api.GET('/api/v1/match-runs/{id}/proposals', { params: { path: { id } } })) : undefined),
    [id, run.data?.status],
  );
  const stats = run.data?.stats as { vacancies: number; seekers: number; filled: number } | null | undefined;

  return (
    <Stack>
      <Title order={2}>{t.runsTitle}</Title>
      <ProblemAlert error={run.error ?? results.error} />
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
      {results.data ? (
        <>
          <Title order={3} size="h4">
            {t.proposals} ({results.data.proposals.length})
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
            {results.data.proposals.map((proposal) => (
              <ProposalCard key={proposal.id} proposal={proposal} onDecided={() => void results.reload()} />
            ))}
          </SimpleGrid>
          <Title order={3} size="h4">
            {t.unfilled} ({results.data.unfilled.length})
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {results.data.unfilled.map((gap) => (
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
