import { Stack, Text } from '@mantine/core';
import { api, must } from '../api/client';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n/i18n';
import { ProblemAlert } from './ProblemAlert';
import { SubsidyEstimate, type Estimate } from './SubsidyEstimate';

/** The subsidies a gap earns its firm if filled, and the alternative if it stays unfilled. */
export function GapSubsidies({ subsidy, ifUnfilled }: { subsidy?: Estimate; ifUnfilled?: Estimate }) {
  const { language } = useI18n();
  if (!subsidy && !ifUnfilled) return null;
  return (
    <Stack gap="xs">
      {subsidy ? <SubsidyEstimate estimate={subsidy} /> : null}
      {ifUnfilled ? <SubsidyEstimate estimate={ifUnfilled} note={language === 'ko' ? '대체인력을 못 구하면' : 'if nobody is placed'} /> : null}
    </Stack>
  );
}

/** Loads one gap's subsidy estimates: shown where a coordinator confirms a proposal for it. */
export function GapSubsidyOf({ gapId }: { gapId: string }) {
  const { language } = useI18n();
  const gap = useLoad(() => must(api.GET('/api/v1/leave-gaps/{id}', { params: { path: { id: gapId } } })), [gapId]);
  if (gap.error) return <ProblemAlert error={gap.error} />;
  if (!gap.data) return <Text size="sm">{language === 'ko' ? '불러오는 중…' : 'Loading…'}</Text>;
  return <GapSubsidies subsidy={gap.data.subsidy as Estimate | undefined} ifUnfilled={gap.data.subsidyIfUnfilled as Estimate | undefined} />;
}
