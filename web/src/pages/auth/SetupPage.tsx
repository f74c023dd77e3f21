import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useSession, type User } from '../../session/session';
import { AuthFrame } from './AuthFrame';

/** First run: the database has no coordinator yet (contract: POST /api/v1/auth/setup). */
export function SetupPage() {
  const { t, fields } = useI18n();
  const { signedIn } = useSession();
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const fieldErrors = fields(error);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { user } = await must(api.POST('/api/v1/auth/setup', { body: form }));
      signedIn(user as User);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }
  const set = (key: keyof typeof form) => (event: { currentTarget: { value: string } }) =>
    setForm({ ...form, [key]: event.currentTarget.value });

  return (
    <AuthFrame title={t.setupTitle}>
      <Text size="sm" mb="md">
        {t.setupIntro}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t.displayName} required value={form.displayName} onChange={set('displayName')} error={fieldErrors.displayName} />
          <TextInput label={t.email} type="email" autoComplete="username" required value={form.email} onChange={set('email')} error={fieldErrors.email} />
          <PasswordInput label={t.password} description={t.passwordHint} autoComplete="new-password" required value={form.password} onChange={set('password')} error={fieldErrors.password} />
          <ProblemAlert error={error} />
          <Button type="submit" loading={busy}>
            {t.setupButton}
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
