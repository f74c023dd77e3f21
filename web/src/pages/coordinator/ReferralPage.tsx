import { Stack, Title } from '@mantine/core';
import { useParams } from 'react-router-dom';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { ReferralActions } from '../../components/ReferralActions';
import { ReferralTimeline } from '../../components/ReferralTimeline';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';
import { REFERRAL_TEXT } from '../../i18n/referrals';

/** One referral: its timeline, and every answer recorded on the seeker's or the firm's behalf. */
export function ReferralPage() {
  const { id } = useParams();
  const { language } = useI18n();
  const referral = useLoad(() => must(api.GET('/api/v1/referrals/{id}', { params: { path: { id: id! } } })), [id]);
  return (
    <Stack maw={720}>
      <Title order={2}>{REFERRAL_TEXT[language].referrals}</Title>
      <ProblemAlert error={referral.error} />
      {referral.data ? (
        <>
          <ReferralTimeline referral={referral.data} />
          <ReferralActions referral={referral.data} role="coordinator" onDone={() => referral.reload()} />
        </>
      ) : null}
    </Stack>
  );
}
