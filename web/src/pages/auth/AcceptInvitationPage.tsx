import { Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { useSession, type User } from '../../session/session';
import { AuthFrame } from './AuthFrame';

/** The invitation link: shows who is invited, sets the password, signs in. */
export function AcceptInvitationPage() {
  const { token = '' } = useParams();
  const { t, language, fields } = useI18n();
  const { signedIn } = useSession();
  const preview = useLoad(() => must(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })), [token]);
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();

  async function accept(event: FormEvent) {
    event.preventDefault();
    try {
      const answer = await must(
        api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body: { password, ...(displayName ? { displayName } : {}) } }),
      );
      signedIn((answer as unknown as { user: User }).user);
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <AuthFrame title={language === 'ko' ? '초대 수락' : 'Accept the invitation'}>
      <ProblemAlert error={preview.error} />
      {preview.data ? (
        <form onSubmit={accept} noValidate>
          <Stack>
            <Text size="sm">
              {preview.data.email}
              {preview.data.firmName ? ` · ${preview.data.firmName}` : ''} · {formatDateTime(preview.data.expiresAt)}
              {language === 'ko' ? '까지 유효' : ''}
            </Text>
            <TextInput label={t.displayName} value={displayName} onChange={(e) => setDisplayName(e.currentTarget.value)} error={fields(error).displayName} />
            <PasswordInput label={t.password} description={t.passwordHint} autoComplete="new-password" required value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={fields(error).password} />
            <ProblemAlert error={error} />
            <Button type="submit">{language === 'ko' ? '비밀번호 정하고 시작하기' : 'Set password and start'}</Button>
          </Stack>
        </form>
      ) : null}
    </AuthFrame>
  );
}
