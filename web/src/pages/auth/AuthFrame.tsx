import { Button, Container, Group, Paper, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';

/** The frame of the signed-out pages: the name, the language switch, one card. */
export function AuthFrame({ title, children }: { title: string; children: ReactNode }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <Container size={420} py="xl" component="main">
      <Group justify="space-between" mb="md">
        <div>
          <Text fw={700} size="xl">
            {t.appName}
          </Text>
          <Text size="sm" c="dimmed">
            {t.appTagline}
          </Text>
        </div>
        <Button variant="subtle" size="compact-sm" onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')}>
          {t.language}
        </Button>
      </Group>
      <Paper withBorder shadow="sm" p="lg" radius="md">
        <Title order={1} size="h3" mb="md">
          {title}
        </Title>
        {children}
      </Paper>
    </Container>
  );
}
