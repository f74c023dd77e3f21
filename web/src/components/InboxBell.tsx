import { ActionIcon, Indicator } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, must } from '../api/client';
import { useI18n } from '../i18n/i18n';

const POLL_MS = 30_000;
const CHANGED = 'chaeum:inbox-changed';

/** Tells the bell to count again now (after marking read). */
export function notifyInboxChanged(): void {
  window.dispatchEvent(new Event(CHANGED));
}

/** The header's bell: links to the inbox, shows the unread count, polls it every half minute. */
export function InboxBell() {
  const { t } = useI18n();
  const [unread, setUnread] = useState(0);
  const count = useCallback(async () => {
    try {
      setUnread((await must(api.GET('/api/v1/me/notifications/unread-count'))).unreadCount);
    } catch {
      // The bell is a hint: a failed count keeps the last one; the inbox page shows errors.
    }
  }, []);
  useEffect(() => {
    void count();
    const timer = setInterval(count, POLL_MS);
    window.addEventListener(CHANGED, count);
    return () => {
      clearInterval(timer);
      window.removeEventListener(CHANGED, count);
    };
  }, [count]);
  const label = unread > 0 ? `${t.navInbox} (${t.inboxUnread} ${unread})` : t.navInbox;
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} offset={4}>
      <ActionIcon component={Link} to="/inbox" variant="subtle" size="lg" aria-label={label} title={label}>
        <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
          <path d="M13.73 21a2 2 0 0 1-3.46 0" />
        </svg>
      </ActionIcon>
    </Indicator>
  );
}
