import { Button, Checkbox, Group, MultiSelect, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client';
import { allPages, complexes } from '../../api/lists';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';

/** Starts a match run for a scope: complexes, optionally only some gaps, optionally a horizon. */
export function MatchPage() {
  const { t, fields } = useI18n();
  const navigate = useNavigate();
  const lookups = useLoad(async () => {
    const [complexList, openGaps] = await Promise.all([
      complexes(),
      allPages((page) => must(api.GET('/api/v1/leave-gaps', { params: { query: { status: 'open', page, pageSize: 100 } as never } }))),
    ]);
    return { complexList, openGaps };
  }, []);
  const [complexIds, setComplexIds] = useState<string[]>([]);
  const [gapIds, setGapIds] = useState<string[]>([]);
  const [from, setFrom] = useState<string | null>(null);
  const [to, setTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = fields(error);

  async function start() {
    setBusy(true);
    try {
      const body = {
        ...(complexIds.length ? { complexIds } : {}),
        ...(gapIds.length ? { leaveGapIds: gapIds } : {}),
        ...(from && to ? { horizon: { from, to } } : {}),
      };
      const run = await must(api.POST('/api/v1/match-runs', { body: body as never }));
      navigate(`/runs/${run.id}`);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={640}>
      <Title order={2}>{t.matchTitle}</Title>
      <ProblemAlert error={lookups.error} />
      <Checkbox.Group label={t.complexes} value={complexIds} onChange={setComplexIds} error={fieldErrors.complexIds}>
        <Stack gap={6} mt={6}>
          {lookups.data?.complexList.map((complex) => (
            <Checkbox key={complex.id} value={complex.id} label={`${complex.name} (${complex.region})`} />
          ))}
        </Stack>
      </Checkbox.Group>
      <MultiSelect
        label={t.gapsScope}
        searchable
        clearable
        data={(lookups.data?.openGaps ?? []).map((gap) => ({ value: gap.id, label: `${gap.roleTitle} · ${gap.vacancy.placementStart}` }))}
        value={gapIds}
        onChange={setGapIds}
        error={fieldErrors.leaveGapIds}
      />
      <Group grow align="flex-start">
        <DateField label={t.horizonFrom} value={from} onChange={setFrom} error={fieldErrors['horizon.from']} />
        <DateField label={t.horizonTo} value={to} onChange={setTo} error={fieldErrors['horizon.to'] ?? fieldErrors.horizon} />
      </Group>
      <ProblemAlert error={error} />
      <Text size="sm" c="dimmed">
        {complexIds.length + gapIds.length === 0 ? '산업단지나 공백을 하나 이상 고르세요.' : ''}
      </Text>
      <Button onClick={start} loading={busy} disabled={complexIds.length + gapIds.length === 0} style={{ alignSelf: 'flex-start' }}>
        {t.startRun}
      </Button>
    </Stack>
  );
}
