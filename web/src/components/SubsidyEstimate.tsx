import { Badge, Group, List, Text } from '@mantine/core';
import { formatWon } from '../i18n/format';
import { useI18n } from '../i18n/i18n';
import { ERROR_MESSAGES } from '@server/common/messages/error-messages';

/** What both the API's `subsidy` and the pure estimate in src/subsidies/subsidy.ts hand over. */
export interface Estimate {
  scheme: 'replacement_worker' | 'workload_sharing';
  eligible: boolean;
  reasons: { code: string; message: string }[];
  months: { month: string; amount: number }[];
  total: number;
}

const SCHEME: Record<Estimate['scheme'], { ko: string; en: string }> = {
  replacement_worker: { ko: '대체인력 지원금', en: 'Replacement-worker subsidy' },
  workload_sharing: { ko: '업무분담 지원금', en: 'Workload-sharing subsidy' },
};

/** `2026-03` as Koreans write a month: `2026. 3.` */
function formatMonth(month: string): string {
  const [year, number] = month.split('-');
  return `${year}. ${Number(number)}.`;
}

/** One subsidy estimate: eligible or why not, the total, and the months it covers. */
export function SubsidyEstimate({ estimate, note }: { estimate: Estimate; note?: string }) {
  const { language } = useI18n();
  const ko = language === 'ko';
  const months = estimate.months.filter((month) => month.amount > 0);
  return (
    <div data-testid={`subsidy-${estimate.scheme}`}>
      <Group gap="xs">
        <Text fw={600} size="sm">
          {SCHEME[estimate.scheme][language]}
          {note ? ` (${note})` : ''}
        </Text>
        {/* The theme's own colours: light green and gray fail WCAG contrast (axe checks every page). */}
        <Badge variant={estimate.eligible ? 'light' : 'outline'} color={estimate.eligible ? undefined : 'dark'}>
          {estimate.eligible ? (ko ? '지원 대상' : 'eligible') : ko ? '지원 대상 아님' : 'not eligible'}
        </Badge>
      </Group>
      {estimate.eligible ? (
        <Text size="sm">
          {ko ? '예상 합계' : 'Estimated total'} <strong>{formatWon(estimate.total)}</strong>
          {months.length > 0
            ? ` · ${formatMonth(months[0].month)} ~ ${formatMonth(months[months.length - 1].month)} (${months.length}${ko ? '개월' : ' months'})`
            : ''}
        </Text>
      ) : (
        <List size="sm">
          {estimate.reasons.map((reason) => (
            <List.Item key={reason.code}>{ERROR_MESSAGES[reason.code]?.[language] ?? reason.message}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}
