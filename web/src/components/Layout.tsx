import { AppShell, Burger, Button, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/i18n';
import { InboxBell } from './InboxBell';
import type { Messages } from '../i18n/messages';
import { useSession, type User } from '../session/session';

const NAVIGATION: Record<User['role'], { to: string; label: keyof Messages }[]> = {
  coordinator: [
    { to: '/', label: 'navDashboard' },
    { to: '/gaps', label: 'navGaps' },
    { to: '/seekers', label: 'navSeekers' },
    { to: '/firms', label: 'navFirms' },
    { to: '/match', label: 'navMatch' },
    { to: '/runs', label: 'navRuns' },
    { to: '/referrals', label: 'navReferrals' },
    { to: '/placements', label: 'navPlacements' },
    { to: '/outreach', label: 'navOutreach' },
    { to: '/imports', label: 'navImports' },
    { to: '/reports', label: 'navReports' },
    { to: '/invitations', label: 'navInvitations' },
  ],
  firm: [
    { to: '/firm/gaps', label: 'navMyGaps' },
    { to: '/firm/gaps/new', label: 'navNewGap' },
    { to: '/firm/placements', label: 'navPlacements' },
    { to: '/firm/referrals', label: 'navReferrals' },
  ],
  seeker: [
    { to: '/me', label: 'navProfile' },
    { to: '/me/availability', label: 'navAvailability' },
    { to: '/me/offers', label: 'navOffers' },
    { to: '/me/placements', label: 'navMyPlacements' },
    { to: '/me/withdraw', label: 'navWithdraw' },
  ],
};

export function Layout({ children }: { children: ReactNode }) {
  const { user, logout } = useSession();
  const { t, language, setLanguage } = useI18n();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const navigate = useNavigate();
  if (!user) return null;
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="메뉴" />
            <Title order={1} size="h4">
              {t.appName}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              {t.appTagline}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <InboxBell />
            <Text size="sm" visibleFrom="sm">
              {user.displayName}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')} lang={language === 'ko' ? 'en' : 'ko'}>
              {t.language}
            </Button>
            <Button
              variant="light"
              size="compact-sm"
              onClick={async () => {
                await logout();
                navigate('/login');
              }}
            >
              {t.logout}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="주 메뉴">
        {NAVIGATION[user.role].map((item) => (
          <NavLink
            key={item.to}
            component={Link}
            to={item.to}
            label={t[item.label]}
            active={location.pathname === item.to || (item.to !== '/' && location.pathname.startsWith(`${item.to}/`) && !NAVIGATION[user.role].some((other) => other.to !== item.to && location.pathname.startsWith(other.to) && other.to.length > item.to.length))}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <main>{children}</main>
      </AppShell.Main>
    </AppShell>
  );
}
