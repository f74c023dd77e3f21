import { Badge, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { api, must } from '../../api/client';
import { ProblemAlert } from '../../components/ProblemAlert';
import { notifyInboxChanged } from '../../components/InboxBell';
import { useLoad } from '../../hooks';
import { useI18n } from '../../i18n/i18n';

/** Every role's in-app inbox: newest first, unread marked, one tap to mark read (phones: 360 px). */
export function InboxPage() {
  const { t, language } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const inbox = useLoad(
    () => must(api.GET('/api/v1/me/notifications', { params: { query: { pageSize: 50, ...(unreadOnly ? { unread: 'true' as const } : {}) } } })),
    [unreadOnly],
  );
  const [error, setError] = useState<unknown>();

  async function act(call: () => Promise<unknown>) {
    try {
      await call();
      await inbox.reload();
      notifyInboxChanged();
    } catch (caught) {
      setError(caught);
    }
  }

  const unread = inbox.data?.unreadCount ?? 0;
  return (
    <Stack maw={720}>
      <Group justify="space-between" wrap="wrap">
        <Title order={2}>
          {t.navInbox} {unread > 0 ? <Badge ml="xs">{unread}</Badge> : null}
        </Title>
        <Button size="compact-sm" variant="light" disabled={unread === 0} onClick={() => act(() => must(api.POST('/api/v1/me/notifications/read-all')))}>
          {t.inboxMarkAllRead}
        </Button>
      </Group>
      <Switch label={t.inboxOnlyUnread} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} />
      <ProblemAlert error={inbox.error ?? error} />
      {inbox.data?.items.length === 0 ? <Text c="dimmed">{t.inboxEmpty}</Text> : null}
      {inbox.data?.items.map((item) => (
        <Card key={item.id} withBorder padding="sm" bg={item.readAt ? undefined : 'var(--mantine-color-blue-0)'} aria-label={item.subject}>
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text fw={item.readAt ? 400 : 700}>{item.subject}</Text>
            {item.readAt ? null : <Badge size="sm" variant="light">{t.inboxUnread}</Badge>}
          </Group>
          <Text size="xs" c="dimmed">
            {new Date(item.createdAt).toLocaleString(language === 'ko' ? 'ko-KR' : 'en-GB', { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })}
          </Text>
          <Text size="sm" mt={4} style={{ whiteSpace: 'pre-line' }}>
            {item.body}
          </Text>
          {item.readAt ? null : (
            <Button
              mt="xs"
              size="compact-sm"
              variant="subtle"
              style={{ alignSelf: 'flex-start' }}
              onClick={() => act(() => must(api.POST('/api/v1/me/notifications/{id}/read', { params: { path: { id: item.id } } })))}
            >
              {t.inboxMarkRead}
            </Button>
          )}
        </Card>
      ))}
    </Stack>
  );
}
