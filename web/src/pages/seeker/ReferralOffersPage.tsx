import { Stack, Text, Title } from '@mantine/core';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReferralActions } from '../../components/ReferralActions';
import { ReferralTimeline } from '../../components/ReferralTimeline';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { REFERRAL_TEXT } from '../../i18n/referrals';
import { ReferralDetails } from '../../components/ReferralDetails';

/** 받은 제안: the jobs the Talent Bank offered the seeker, to accept or decline with a reason. */
export function ReferralOffersPage() {
  const { language, t } = useI18n();
  const list = useLoad(() => must(api.GET('/api/v1/referrals', { params: { query: { pageSize: 50 } } })), []);
  return (
    <Stack maw={640}>
      <Title order={2}>{REFERRAL_TEXT[language].offers}</Title>
      <ProblemAlert error={list.error} />
      {list.data?.items.length === 0 ? <Text c="dimmed">{t.none}</Text> : null}
      {list.data?.items.map((item) => (
        <ReferralDetails key={item.id} id={item.id}>
          {(referral, reload) => (
            <>
              <ReferralTimeline referral={referral} />
              <ReferralActions referral={referral} role="seeker" onDone={reload} />
            </>
          )}
        </ReferralDetails>
      ))}
    </Stack>
  );
}
