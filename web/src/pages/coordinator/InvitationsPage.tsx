import { Alert, Button, Code, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { firms, type Schema } from '../../api/lists';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';

/** A coordinator invites firm staff (for a firm) or a registered seeker: a one-time link valid 72 hours. */
export function InvitationsPage() {
  const { t, language, fields } = useI18n();
  const firmList = useLoad(firms, []);
  const [role, setRole] = useState<'firm' | 'seeker'>('firm');
  const [email, setEmail] = useState('');
  const [firmId, setFirmId] = useState<string | null>(null);
  const [seekerQuery, setSeekerQuery] = useState('');
  const [seekerId, setSeekerId] = useState<string | null>(null);
  const seekers = useLoad(
    async () => (role === 'seeker' ? must(api.GET('/api/v1/seekers', { params: { query: { pageSize: 20, ...(seekerQuery ? { q: seekerQuery } : {}) } as never } })) : undefined),
    [role, seekerQuery],
  );
  const [invitation, setInvitation] = useState<Schema<'InvitationResponse'>>();
  const [error, setError] = useState<unknown>();
  const fieldErrors = fields(error);

  async function invite() {
    try {
      const body = role === 'firm' ? { email, role, firmId: firmId ?? undefined } : { email, role, seekerId: seekerId ?? undefined };
      setInvitation(await must(api.POST('/api/v1/invitations', { body: body as never })));
      setError(undefined);
    } catch (caught) {
      setError(caught);
    }
  }
  const link = invitation ? `${window.location.origin}${invitation.acceptPath}` : '';

  return (
    <Stack maw={560}>
      <Title order={2}>{t.navInvitations}</Title>
      <Select
        label={language === 'ko' ? '초대할 사람' : 'Invite'}
        data={[
          { value: 'firm', label: language === 'ko' ? '기업 담당자' : 'Firm staff' },
          { value: 'seeker', label: language === 'ko' ? '등록된 구직자' : 'Registered seeker' },
        ]}
        value={role}
        onChange={(value) => setRole((value ?? 'firm') as 'firm' | 'seeker')}
        allowDeselect={false}
      />
      <TextInput label={t.email} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={fieldErrors.email} />
      {role === 'firm' ? (
        <Select
          label={t.firm}
          searchable
          data={(firmList.data ?? []).map((firm) => ({ value: firm.id, label: firm.name }))}
          value={firmId}
          onChange={setFirmId}
          error={fieldErrors.firmId}
        />
      ) : (
        <Select
          label={t.navSeekers}
          searchable
          searchValue={seekerQuery}
          onSearchChange={setSeekerQuery}
          filter={({ options }) => options}
          data={(seekers.data?.items ?? []).map((seeker) => ({ value: seeker.id, label: `${seeker.displayName ?? ''} ${seeker.phone ?? ''}` }))}
          value={seekerId}
          onChange={setSeekerId}
          error={fieldErrors.seekerId}
        />
      )}
      <ProblemAlert error={error ?? firmList.error} />
      <Button onClick={invite} disabled={!email || (role === 'firm' ? !firmId : !seekerId)} style={{ alignSelf: 'flex-start' }}>
        {language === 'ko' ? '초대 링크 만들기' : 'Create invitation link'}
      </Button>
      {invitation ? (
        <Alert color="green" role="status">
          <Text size="sm">
            {language === 'ko' ? '이 링크를 초대받는 분께 보내세요. 한 번만 쓸 수 있고, 다음 시각까지 유효합니다:' : 'Send this one-time link; it is valid until'}{' '}
            {formatDateTime(invitation.expiresAt)}
          </Text>
          <Code block mt="xs" data-testid="invitation-link">
            {link}
          </Code>
        </Alert>
      ) : null}
    </Stack>
  );
}
