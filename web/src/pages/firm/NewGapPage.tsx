import { Alert, Button, Checkbox, Group, List, NumberInput, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { deriveVacancy, leaveDays, leaveLawViolations, leaveLawWarnings, type LeaveTerms } from '@server/leave-gaps/leave-law';
import { LEAVE_TYPES, type LeaveType } from '@server/leave-gaps/leave-types';
import { estimateReplacementWorker, estimateWorkloadSharing, type SubsidyCase } from '@server/subsidies/subsidy';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SkillPicker, type Skill } from '../../components/SkillPicker';
import { SubsidyEstimate } from '../../components/SubsidyEstimate';
import { useLoad } from '../../hooks';
import { formatDate, formatWon } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { codeText } from '../../i18n/problems';
import { useSession } from '../../session/session';

const REASONS = ['both_parents', 'single_parent', 'disabled_child'] as const;
const REASON_LABEL: Record<string, string> = { both_parents: '부모 모두 사용', single_parent: '한부모', disabled_child: '장애 자녀' };

/**
 * A firm posts a leave gap. The leave-law rules the API enforces (src/leave-gaps/leave-law.ts,
 * imported as is) are checked as they type, and the derived vacancy is shown before saving.
 */
export function NewGapPage() {
  const { t, leaveType, language, fields, problem } = useI18n();
  const firmId = useSession().user!.firmId!;
  const navigate = useNavigate();
  const firm = useLoad(() => must(api.GET('/api/v1/firms/{id}', { params: { path: { id: firmId } } })), [firmId]);
  const [form, setForm] = useState({
    leaveType: 'maternity' as LeaveType,
    leaveStart: null as string | null,
    leaveEnd: null as string | null,
    handoverDays: 14,
    afterReturnDays: 0,
    multipleBirth: false,
    prematureBirth: false,
    extendedParentalReason: null as (typeof REASONS)[number] | null,
    roleTitle: '',
    weeklyHours: 40,
    reducedWeeklyHours: null as number | null,
    hourlyWage: 12000,
  });
  const [skills, setSkills] = useState<Skill[]>([]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => {
    setForm({ ...form, [key]: value });
    // The refusal was about the form as sent; once it changes, the live checks speak.
    setError(undefined);
  };

  const terms: LeaveTerms | null =
    form.leaveStart && form.leaveEnd
      ? {
          ...form,
          leaveStart: form.leaveStart,
          leaveEnd: form.leaveEnd,
          extendedParentalReason: form.leaveType === 'parental' ? form.extendedParentalReason : null,
          multipleBirth: form.leaveType === 'maternity' && form.multipleBirth,
          prematureBirth: form.leaveType === 'maternity' && form.prematureBirth,
          afterReturnDays: form.leaveType === 'parental' ? form.afterReturnDays : 0,
          birthDate: null,
          unusedParentalMonths: null,
          reducedWeeklyHours: form.leaveType === 'reduced_hours' ? form.reducedWeeklyHours : null,
        }
      : null;
  const violations = useMemo(() => (terms ? leaveLawViolations(terms) : []), [JSON.stringify(terms)]);
  const warnings = useMemo(() => (terms && violations.length === 0 ? leaveLawWarnings(terms) : []), [JSON.stringify(terms), violations.length]);
  const vacancy = terms && violations.length === 0 ? deriveVacancy(terms) : null;
  // The very estimate the API returns once the gap is posted (src/subsidies/subsidy.ts).
  const subsidyCase: SubsidyCase | null =
    terms && vacancy && firm.data
      ? {
          ...terms,
          vacancyWeeklyHours: vacancy.weeklyHours,
          firm: { prioritySupport: firm.data.prioritySupport, employeeCount: firm.data.employeeCount },
          employment: { start: vacancy.placementStart, end: vacancy.placementEnd },
        }
      : null;
  const serverFields = fields(error);
  const liveFields: Record<string, string> = {};
  for (const violation of violations) {
    const words = codeText(violation.code, language) ?? violation.message;
    const days = violation.code === 'leave_gap.maternity_too_long' && terms ? ` (${language === 'ko' ? '입력한 기간' : 'this one'}: ${leaveDays(terms.leaveStart, terms.leaveEnd)}${language === 'ko' ? '일' : ' days'})` : '';
    liveFields[violation.field] = words + days;
  }
  const fieldError = (field: string) => liveFields[field] ?? serverFields[field];

  async function submit() {
    setBusy(true);
    try {
      const body = {
        leaveType: form.leaveType,
        leaveStart: form.leaveStart ?? '',
        leaveEnd: form.leaveEnd ?? '',
        handoverDays: form.handoverDays,
        ...(form.leaveType === 'maternity' ? { multipleBirth: form.multipleBirth, prematureBirth: form.prematureBirth } : {}),
        ...(form.leaveType === 'parental' ? { afterReturnDays: form.afterReturnDays } : {}),
        ...(form.leaveType === 'parental' && form.extendedParentalReason ? { extendedParentalReason: form.extendedParentalReason } : {}),
        ...(form.leaveType === 'reduced_hours' ? { reducedWeeklyHours: form.reducedWeeklyHours ?? undefined } : {}),
        roleTitle: form.roleTitle,
        requiredSkills: skills.filter((skill) => skill.code),
        weeklyHours: form.weeklyHours,
        hourlyWage: form.hourlyWage,
      };
      await must(api.POST('/api/v1/firms/{firmId}/leave-gaps', { params: { path: { firmId } }, body: body as never }));
      navigate('/firm/gaps', { state: { posted: true } });
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={640}>
      <Title order={2}>{t.newGapTitle}</Title>
      {firm.data ? <Text c="dimmed">{firm.data.name}</Text> : null}
      <Select
        label={t.leaveType}
        data={LEAVE_TYPES.map((type) => ({ value: type, label: leaveType(type) }))}
        value={form.leaveType}
        onChange={(value) => set('leaveType', (value ?? 'maternity') as LeaveType)}
        allowDeselect={false}
      />
      <Group grow align="flex-start">
        <DateField label={t.leaveStart} required value={form.leaveStart} onChange={(value) => set('leaveStart', value)} error={fieldError('leaveStart')} />
        <DateField label={t.leaveEnd} required value={form.leaveEnd} onChange={(value) => set('leaveEnd', value)} error={fieldError('leaveEnd')} />
      </Group>
      {form.leaveType === 'maternity' ? (
        <Group>
          <Checkbox label={t.multipleBirth} checked={form.multipleBirth} onChange={(e) => set('multipleBirth', e.currentTarget.checked)} />
          <Checkbox label={language === 'ko' ? '미숙아 출산' : 'Premature birth'} checked={form.prematureBirth} onChange={(e) => set('prematureBirth', e.currentTarget.checked)} />
        </Group>
      ) : null}
      {form.leaveType === 'parental' ? (
        <NumberInput
          label={language === 'ko' ? '복귀 후 함께 근무 일수' : 'Days after return'}
          min={0}
          max={31}
          value={form.afterReturnDays}
          onChange={(n) => set('afterReturnDays', Number(n))}
          error={fieldError('afterReturnDays')}
        />
      ) : null}
      {form.leaveType === 'parental' ? (
        <Select
          label={t.extendedParentalReason}
          clearable
          data={REASONS.map((reason) => ({ value: reason, label: language === 'ko' ? REASON_LABEL[reason] : reason.replace('_', ' ') }))}
          value={form.extendedParentalReason}
          onChange={(value) => set('extendedParentalReason', value as (typeof REASONS)[number] | null)}
        />
      ) : null}
      <NumberInput label={t.handoverDays} min={0} max={60} value={form.handoverDays} onChange={(n) => set('handoverDays', Number(n))} error={fieldError('handoverDays')} />
      <TextInput label={t.roleTitle} required value={form.roleTitle} onChange={(e) => set('roleTitle', e.currentTarget.value)} error={fieldError('roleTitle')} />
      <SkillPicker label={t.requiredSkills} value={skills} onChange={setSkills} error={Object.entries(serverFields).find(([field]) => field.startsWith('requiredSkills'))?.[1]} />
      <Group grow align="flex-start">
        <NumberInput label={t.weeklyHours} min={1} max={52} value={form.weeklyHours} onChange={(n) => set('weeklyHours', Number(n))} error={fieldError('weeklyHours')} />
        {form.leaveType === 'reduced_hours' ? (
          <NumberInput label={t.reducedWeeklyHours} min={15} max={35} value={form.reducedWeeklyHours ?? ''} onChange={(n) => set('reducedWeeklyHours', n === '' ? null : Number(n))} error={fieldError('reducedWeeklyHours')} />
        ) : null}
      </Group>
      <NumberInput label={t.hourlyWage} suffix="원" thousandSeparator="," min={0} value={form.hourlyWage} onChange={(n) => set('hourlyWage', Number(n))} error={fieldError('hourlyWage')} />
      <Paper withBorder p="md" aria-live="polite" data-testid="derived">
        <Text fw={600} mb={4}>
          {t.derived}
        </Text>
        {vacancy ? (
          <List size="sm">
            <List.Item>
              {t.placementPeriod}: {formatDate(vacancy.placementStart)} ~ {formatDate(vacancy.placementEnd)}
            </List.Item>
            <List.Item>
              {t.weeklyHours}: {vacancy.weeklyHours}
              {t.hoursPerWeek}
            </List.Item>
            <List.Item>
              {t.hourlyWage}: {formatWon(form.hourlyWage)}
            </List.Item>
            {warnings.map((warning) => (
              <List.Item key={warning.code}>⚠ {codeText(warning.code, language) ?? warning.message}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {violations.length > 0 ? Object.values(liveFields).join(' ') : t.dateHint}
          </Text>
        )}
        {subsidyCase ? (
          <Stack gap="xs" mt="sm">
            <SubsidyEstimate estimate={estimateReplacementWorker(subsidyCase)} />
            <SubsidyEstimate estimate={estimateWorkloadSharing(subsidyCase)} note={language === 'ko' ? '대체인력을 못 구하면' : 'if nobody is placed'} />
          </Stack>
        ) : null}
      </Paper>
      {error ? (
        <Alert color="red" role="alert" data-testid="problem">
          {problem(error)}
          {Object.values(serverFields).length > 0 ? (
            <List size="sm" mt={4}>
              {Object.entries(serverFields).map(([field, message]) => (
                <List.Item key={field}>{message}</List.Item>
              ))}
            </List>
          ) : null}
        </Alert>
      ) : null}
      <ProblemAlert error={firm.error} />
      <Button onClick={submit} loading={busy} style={{ alignSelf: 'flex-start' }}>
        {t.postGap}
      </Button>
    </Stack>
  );
}
