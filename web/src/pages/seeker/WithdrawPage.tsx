import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../../session/session';

/** Withdrawal, with what erasure means, asked twice. */
export function WithdrawPage() {
  const { t, language } = useI18n();
  const { user, logout } = useSession();
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);

  async function withdraw() {
    try {
      await must(api.DELETE('/api/v1/seekers/{id}', { params: { path: { id: user!.seekerId! } } }));
      setDone(true);
      await logout();
    } catch (caught) {
      setError(caught);
    }
  }
  return (
    <Stack maw={560}>
      <Title order={2}>{t.withdrawTitle}</Title>
      <Alert color="yellow">{t.withdrawExplain}</Alert>
      <ProblemAlert error={error} />
      {done ? <Text role="status">{t.withdrawn}</Text> : null}
      {!sure ? (
        <Button color="red" variant="light" onClick={() => setSure(true)} style={{ alignSelf: 'flex-start' }}>
          {t.withdrawButton}
        </Button>
      ) : (
        <Button color="red" onClick={withdraw} style={{ alignSelf: 'flex-start' }}>
          {language === 'ko' ? '정말 탈퇴합니다' : 'Yes, withdraw'}
        </Button>
      )}
    </Stack>
  );
}
