import { Alert, Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ApiProblem, api, must } from '../api/client';
import type { components } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { ENDED_EARLY_CODES, FIRM_DECLINE_CODES, REFERRAL_REASON_LABEL, REFERRAL_TEXT, SEEKER_DECLINE_CODES, WITHDRAWAL_CODES } from '../i18n/referrals';
import { ProblemAlert } from './ProblemAlert';

type Referral = components['schemas']['ReferralDetailResponse'];
type Role = 'coordinator' | 'firm' | 'seeker';
const OPEN = ['offered', 'seeker_accepted', 'firm_interview'];

/** The answers the reader may give at the referral's current step; a coordinator records them on anyone's behalf. */
export function ReferralActions({ referral, role, onDone }: { referral: Referral; role: Role; onDone: (next: Referral) => void }) {
  const { language, fields } = useI18n();
  const words = REFERRAL_TEXT[language];
  const [reason, setReason] = useState('');
  const [withdrawal, setWithdrawal] = useState('');
  const [day, setDay] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>();
  const [refusedHire, setRefusedHire] = useState<string>();
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { id: referral.id } } };
  const withNote = <T extends object>(body: T) => (role === 'coordinator' && note.trim() ? { ...body, note } : body);

  async function send(call: () => Promise<Referral>, action?: 'hire') {
    setBusy(true);
    try {
      const next = await call();
      setError(undefined);
      setRefusedHire(undefined);
      setReason('');
      setWithdrawal('');
      setDay('');
      setNote('');
      onDone(next);
    } catch (caught) {
      setError(caught);
      setRefusedHire(action === 'hire' ? hireRefusalCode(caught) : undefined);
    } finally {
      setBusy(false);
    }
  }
  const seekerAnswer = (answer: 'accept' | 'decline') =>
    send(() => must(api.POST('/api/v1/referrals/{id}/seeker-answer', { ...path, body: withNote(answer === 'accept' ? { answer } : { answer, reasonCode: (reason || undefined) as never }) })));
  const firmAnswer = (answer: 'interview' | 'hire' | 'decline') =>
    send(() =>
      must(api.POST('/api/v1/referrals/{id}/firm-answer', {
        ...path,
        body: withNote(answer === 'hire' ? { answer, startDate: day } : answer === 'decline' ? { answer, ...(reason ? { reasonCode: reason as never } : {}) } : { answer }),
      })),
      answer === 'hire' ? 'hire' : undefined,
    );
  const outcome = (value: 'retained_30_days' | 'ended_early') =>
    send(() => must(api.POST('/api/v1/referrals/{id}/outcome', { ...path, body: withNote(value === 'ended_early' ? { outcome: value, endedOn: day, reasonCode: (reason || undefined) as never } : { outcome: value }) })));
  const withdraw = () => send(() => must(api.POST('/api/v1/referrals/{id}/withdraw', { ...path, body: withNote({ reasonCode: (withdrawal || undefined) as never }) })));

  const reasons = (codes: string[], optional: boolean) => (
    <NativeSelect
      label={words.reason}
      value={reason}
      onChange={(event) => setReason(event.currentTarget.value)}
      error={fields(error).reasonCode}
      data={[{ value: '', label: optional ? words.noReason : '—' }, ...codes.map((code) => ({ value: code, label: REFERRAL_REASON_LABEL[language][code] }))]}
    />
  );
  const seekerTurn = referral.status === 'offered' && role !== 'firm';
  const firmTurn = (referral.status === 'seeker_accepted' || referral.status === 'firm_interview') && role !== 'seeker';
  const placed = role === 'coordinator' && (referral.status === 'hired' || referral.status === 'retained_30_days');
  const withdrawable = role === 'coordinator' && OPEN.includes(referral.status);
  if (!seekerTurn && !firmTurn && !placed && !withdrawable) return null;

  return (
    <Stack gap="xs" mt="xs">
      <ProblemAlert error={error} />
      {refusedHire && role === 'coordinator' ? (
        <Alert color="yellow" data-testid="hire-refused">
          {words.hireRefused(refusedHire)}
        </Alert>
      ) : null}
      {seekerTurn ? (
        <>
          {reasons(SEEKER_DECLINE_CODES, false)}
          <Group>
            <Button onClick={() => seekerAnswer('accept')} loading={busy}>{words.accept}</Button>
            <Button color="red" variant="light" onClick={() => seekerAnswer('decline')} loading={busy}>{words.decline}</Button>
          </Group>
        </>
      ) : null}
      {firmTurn ? (
        <>
          <TextInput label={words.startDate} placeholder="2027-03-02" value={day} onChange={(event) => setDay(event.currentTarget.value)} error={fields(error).startDate} />
          {reasons(FIRM_DECLINE_CODES, true)}
          <Group>
            {referral.status === 'seeker_accepted' ? <Button variant="light" onClick={() => firmAnswer('interview')} loading={busy}>{words.interview}</Button> : null}
            <Button onClick={() => firmAnswer('hire')} loading={busy} disabled={!day}>{words.hire}</Button>
            <Button color="red" variant="light" onClick={() => firmAnswer('decline')} loading={busy}>{words.decline}</Button>
          </Group>
        </>
      ) : null}
      {placed ? (
        <>
          <TextInput label={words.endedOn} placeholder="2027-04-10" value={day} onChange={(event) => setDay(event.currentTarget.value)} error={fields(error).endedOn} />
          {reasons(ENDED_EARLY_CODES, false)}
          <Group>
            {referral.status === 'hired' ? <Button onClick={() => outcome('retained_30_days')} loading={busy}>{words.retained}</Button> : null}
            <Button color="red" variant="light" onClick={() => outcome('ended_early')} loading={busy} disabled={!day}>{words.endedEarly}</Button>
          </Group>
        </>
      ) : null}
      {withdrawable ? (
        <Group align="flex-end">
          <NativeSelect
            label={`${words.withdraw} ${words.reason}`}
            value={withdrawal}
            onChange={(event) => setWithdrawal(event.currentTarget.value)}
            data={[{ value: '', label: '—' }, ...WITHDRAWAL_CODES.map((code) => ({ value: code, label: REFERRAL_REASON_LABEL[language][code] }))]}
          />
          <Button color="gray" variant="light" onClick={withdraw} loading={busy} disabled={!withdrawal}>{words.withdraw}</Button>
        </Group>
      ) : null}
      {role === 'coordinator' ? <TextInput label={words.note} value={note} onChange={(event) => setNote(event.currentTarget.value)} error={fields(error).note} /> : null}
    </Stack>
  );
}

/**
 * The rule a refused hire broke (the seeker placed elsewhere, no longer free, the gap filled …):
 * the referral stays open, so the coordinator is told what to do next. Field errors and a
 * referral that moved meanwhile are not refusals of the hire itself.
 */
function hireRefusalCode(error: unknown): string | undefined {
  const problem = error instanceof ApiProblem ? error.problem : undefined;
  if (!problem || problem.status !== 409 || problem.code === 'referral.illegal_move') return undefined;
  return problem.code;
}
