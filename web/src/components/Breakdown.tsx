import { Group, Progress, Stack, Text } from '@mantine/core';
import { useI18n } from '../i18n/i18n';

/** The parts a score is made of, in the console's language. */
export function Breakdown({ breakdown }: { breakdown: Record<string, number> }) {
  const { scorePart, t } = useI18n();
  const parts = Object.entries(breakdown);
  const largest = Math.max(1, ...parts.map(([, value]) => value));
  return (
    <Stack gap={4} aria-label={t.breakdown}>
      {parts.map(([part, value]) => (
        <Group key={part} gap="xs" wrap="nowrap">
          <Text size="sm" w={90}>
            {scorePart(part)}
          </Text>
          <Progress value={(100 * Math.max(0, value)) / largest} w={120} aria-hidden />
          <Text size="sm" ff="monospace">
            {value.toFixed(1)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
