import { Badge, Card, Group, Stack, Text } from '@mantine/core';
import type { components } from '../api/schema';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { REFERRAL_REASON_LABEL, REFERRAL_STATUS_LABEL, REFERRAL_TEXT } from '../i18n/referrals';

type Referral = components['schemas']['ReferralDetailResponse'];

/** A referral's header and its steps with their times (notes only arrive for coordinators). */
export function ReferralTimeline({ referral }: { referral: Referral }) {
  const { language } = useI18n();
  const words = REFERRAL_TEXT[language];
  return (
    <Card withBorder data-testid="referral">
      <Group justify="space-between" wrap="nowrap">
        <Text fw={600}>{referral.job.roleTitle}</Text>
        <Badge>{REFERRAL_STATUS_LABEL[language][referral.status]}</Badge>
      </Group>
      <Text size="sm">{referral.job.firmName}{referral.seeker?.displayName ? ` · ${referral.seeker.displayName}` : ''}</Text>
      <Text size="sm" c="dimmed">{formatDate(referral.job.placementStart)} – {formatDate(referral.job.placementEnd)}</Text>
      {referral.firmFlag?.flagged ? <Badge color="orange" mt={4}>{words.flagged} ({referral.firmFlag.uncodedDeclines})</Badge> : null}
      <Text fw={600} mt="sm">{words.timeline}</Text>
      <Stack gap={4}>
        {referral.steps.map((step, index) => (
          <Text size="sm" key={index} data-testid="referral-step">
            {formatDateTime(step.occurredAt)} · {REFERRAL_STATUS_LABEL[language][step.status]} · {words.actor[step.actorRole]}
            {step.reasonCode ? ` · ${REFERRAL_REASON_LABEL[language][step.reasonCode]}` : ''}
            {step.effectiveDate ? ` · ${formatDate(step.effectiveDate)}` : ''}
            {step.coordinatorNote ? ` · “${step.coordinatorNote}”` : ''}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
