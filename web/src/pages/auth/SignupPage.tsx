import { Anchor, Button, Checkbox, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EMPTY_PROFILE, SeekerFields, profileBody, type SeekerProfile } from '../../components/SeekerFields';
import { useI18n } from '../../i18n/i18n';
import { useSession, type User } from '../../session/session';
import { AuthFrame } from './AuthFrame';

/** Seeker self sign-up with the PIPA consent (contract: POST /api/v1/auth/signup). */
export function SignupPage() {
  const { t, fields } = useI18n();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [consent, setConsent] = useState(false);
  const [profile, setProfile] = useState<SeekerProfile>(EMPTY_PROFILE);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const allErrors = fields(error);
  const seekerErrors = Object.fromEntries(Object.entries(allErrors).map(([field, message]) => [field.replace(/^seeker\./, ''), message]));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const seeker = { ...profileBody(profile), email, certifications: [], blockedFirmIds: [], availability: [], consent };
      const { user } = await must(api.POST('/api/v1/auth/signup', { body: { email, password, seeker } as never }));
      signedIn(user as User);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t.signup}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={allErrors.email} />
          <PasswordInput label={t.password} description={t.passwordHint} autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={allErrors.password} />
          <SeekerFields value={profile} onChange={setProfile} errors={seekerErrors} />
          <Checkbox label={t.consent} checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} error={seekerErrors.consent} />
          <ProblemAlert error={error} />
          <Button type="submit" loading={busy} disabled={!consent}>
            {t.signup}
          </Button>
          <Text size="sm">
            <Anchor component={Link} to="/login">
              {t.login}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
