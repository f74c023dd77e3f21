import { List, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n';
import { koreanNearMissDetail } from '@server/matching/near-miss-detail-ko';

interface Diagnosis {
  explanation: string[];
  excludedBy: Record<string, number>;
  nearMisses: { seeker: { displayName: string }; failed: string; detail: string }[];
}

/**
 * Why nobody can fill a gap: the service's explanation when it came in the console's language,
 * else composed here from the counts per rule; then the near misses.
 */
export function WhyNobody({ diagnosis }: { diagnosis: Diagnosis }) {
  const { t, rule, language } = useI18n();
  const inLanguage = language === 'en' || diagnosis.explanation.every((line) => /[가-힣]/.test(line));
  const counts = Object.entries(diagnosis.excludedBy).filter(([, count]) => count > 0);
  const lines = inLanguage
    ? diagnosis.explanation
    : ['모든 조건을 만족하는 구직자가 없습니다.', ...counts.map(([name, count]) => `${rule(name)}: ${count}명`)];
  return (
    <Stack gap={4} data-testid="why-nobody">
      <List size="sm">
        {lines.map((line) => (
          <List.Item key={line}>{line}</List.Item>
        ))}
      </List>
      {diagnosis.nearMisses.length > 0 ? (
        <>
          <Text size="sm" fw={600} mt={4}>
            {t.nearMisses}
          </Text>
          <List size="sm">
            {diagnosis.nearMisses.map((miss) => (
              <List.Item key={`${miss.seeker.displayName}-${miss.failed}`}>
                {miss.seeker.displayName}: {rule(miss.failed)} ({language === 'ko' ? koreanNearMissDetail(miss.detail) : miss.detail})
              </List.Item>
            ))}
          </List>
        </>
      ) : null}
    </Stack>
  );
}
