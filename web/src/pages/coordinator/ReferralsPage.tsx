import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useLoad } from '../../hooks';
import { formatDateTime } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { REFERRAL_STATUS_LABEL, REFERRAL_TEXT } from '../../i18n/referrals';

/** Every referral, newest move first, with the firm flag. */
export function ReferralsPage() {
  const { language, t } = useI18n();
  const words = REFERRAL_TEXT[language];
  const [status, setStatus] = useState('');
  const list = useLoad(() => must(api.GET('/api/v1/referrals', { params: { query: { pageSize: 100, ...(status ? { status: status as never } : {}) } } })), [status]);
  return (
    <Stack>
      <Title order={2}>{words.referrals}</Title>
      <NativeSelect
        maw={240}
        value={status}
        onChange={(event) => setStatus(event.currentTarget.value)}
        data={[{ value: '', label: t.all }, ...Object.entries(REFERRAL_STATUS_LABEL[language]).map(([value, label]) => ({ value, label }))]}
      />
      <ProblemAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Tbody>
            {list.data?.items.map((referral) => (
              <Table.Tr key={referral.id} data-testid="referral-row">
                <Table.Td>
                  <Anchor component={Link} to={`/referrals/${referral.id}`}>{referral.seeker?.displayName ?? '—'}</Anchor>
                </Table.Td>
                <Table.Td>{referral.job.roleTitle} · {referral.job.firmName}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    <Badge variant="light">{REFERRAL_STATUS_LABEL[language][referral.status]}</Badge>
                    {referral.firmFlag?.flagged ? <Badge color="orange">{words.flagged}</Badge> : null}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(referral.statusChangedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
