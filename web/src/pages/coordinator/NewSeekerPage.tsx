import { Alert, Button, Checkbox, Group, Stack, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { DateField } from '../../components/DateField';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EMPTY_PROFILE, SeekerFields, profileBody, type SeekerProfile } from '../../components/SeekerFields';
import { useI18n } from '../../i18n/i18n';

/**
 * A coordinator registers a job seeker who came in or called (the seeker's consent, given on
 * paper or by phone, is confirmed by the coordinator); the seeker can be invited to an account later.
 */
export function NewSeekerPage() {
  const { t, fields } = useI18n();
  const [profile, setProfile] = useState<SeekerProfile>(EMPTY_PROFILE);
  const [availableFrom, setAvailableFrom] = useState<string | null>(null);
  const [availableUntil, setAvailableUntil] = useState<string | null>(null);
  const [consent, setConsent] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [registered, setRegistered] = useState<{ id: string; name: string }>();
  const fieldErrors = fields(error);

  async function register(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const availability = availableFrom && availableUntil ? [{ start: availableFrom, end: availableUntil }] : [];
      const body = { ...profileBody(profile), certifications: [], blockedFirmIds: [], availability, consent };
      const seeker = await must(api.POST('/api/v1/seekers', { body: body as never }));
      setRegistered({ id: seeker.id, name: profile.displayName });
      setProfile(EMPTY_PROFILE);
      setAvailableFrom(null);
      setAvailableUntil(null);
      setConsent(false);
      setError(undefined);
    } catch (caught) {
      setError(caught);
      setRegistered(undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={register} noValidate>
      <Stack maw={560}>
        <Title order={2}>{t.registerSeeker}</Title>
        <SeekerFields value={profile} onChange={setProfile} errors={fieldErrors} />
        <Group grow align="flex-start">
          <DateField label={t.availableFrom} value={availableFrom} onChange={setAvailableFrom} error={fieldErrors['availability.0.start'] ?? fieldErrors.availability} />
          <DateField label={t.availableUntil} value={availableUntil} onChange={setAvailableUntil} error={fieldErrors['availability.0.end']} />
        </Group>
        <Checkbox label={t.consentConfirmed} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={fieldErrors.consent} />
        <ProblemAlert error={error} />
        {registered ? (
          <Alert color="green" role="status">
            {registered.name} · {t.saved}{' '}
            <Link to="/invitations">{t.inviteToAccount}</Link>
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={busy} disabled={!consent}>
            {t.registerSeeker}
          </Button>
          <Button component={Link} to="/seekers" variant="subtle">
            {t.back}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
