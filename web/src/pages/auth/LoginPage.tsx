import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiProblem, api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useSession, type User } from '../../session/session';
import { AuthFrame } from './AuthFrame';

export function LoginPage() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const retryAfter = error instanceof ApiProblem ? error.problem.retryAfterSeconds : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { user } = await must(api.POST('/api/v1/auth/login', { body: { email, password } }));
      signedIn(user as User);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t.loginTitle}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t.email} type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <PasswordInput label={t.password} autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
          <ProblemAlert error={error} />
          {retryAfter ? (
            <Text size="sm" role="status">
              {retryAfter}
              {t.retryIn}
            </Text>
          ) : null}
          <Button type="submit" loading={busy}>
            {t.login}
          </Button>
          <Text size="sm">
            {t.noAccount}{' '}
            <Anchor component={Link} to="/signup">
              {t.signup}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthFrame>
  );
}
