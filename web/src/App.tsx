import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { ReferralPage } from './pages/coordinator/ReferralPage';
import { ReferralsPage } from './pages/coordinator/ReferralsPage';
import { FirmReferralsPage } from './pages/firm/FirmReferralsPage';
import { ReferralOffersPage } from './pages/seeker/ReferralOffersPage';
import { Layout } from './components/Layout';
import { useI18n } from './i18n/i18n';
import { AcceptInvitationPage } from './pages/auth/AcceptInvitationPage';
import { LoginPage } from './pages/auth/LoginPage';
import { SetupPage } from './pages/auth/SetupPage';
import { SignupPage } from './pages/auth/SignupPage';
import { InboxPage } from './pages/inbox/InboxPage';
import { DashboardPage } from './pages/coordinator/DashboardPage';
import { GapPage } from './pages/coordinator/GapPage';
import { GapsPage } from './pages/coordinator/GapsPage';
import { FirmsPage } from './pages/coordinator/FirmsPage';
import { ImportsPage } from './pages/coordinator/ImportsPage';
import { InvitationsPage } from './pages/coordinator/InvitationsPage';
import { MatchPage } from './pages/coordinator/MatchPage';
import { NewSeekerPage } from './pages/coordinator/NewSeekerPage';
import { OutreachPage } from './pages/coordinator/OutreachPage';
import { PlacementsPage } from './pages/coordinator/PlacementsPage';
import { ReportsPage } from './pages/coordinator/ReportsPage';
import { RunPage } from './pages/coordinator/RunPage';
import { RunsPage } from './pages/coordinator/RunsPage';
import { SeekersPage } from './pages/coordinator/SeekersPage';
import { FirmGapsPage } from './pages/firm/FirmGapsPage';
import { FirmPlacementsPage } from './pages/firm/FirmPlacementsPage';
import { NewGapPage } from './pages/firm/NewGapPage';
import { AvailabilityPage } from './pages/seeker/AvailabilityPage';
import { MyPlacementsPage } from './pages/seeker/MyPlacementsPage';
import { ProfilePage } from './pages/seeker/ProfilePage';
import { WithdrawPage } from './pages/seeker/WithdrawPage';
import { useSession, type User } from './session/session';

export const HOME: Record<User['role'], string> = { coordinator: '/', firm: '/firm/gaps', seeker: '/me' };

/** A page for one role: anyone else is sent to their own home (the API refuses their data anyway). */
function For({ role, children }: { role: User['role']; children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (user.role !== role) return <Navigate to={HOME[user.role]} replace state={{ refused: location.pathname }} />;
  return <Layout>{children}</Layout>;
}

export function App() {
  const { user, needsFirstCoordinator } = useSession();
  const { t } = useI18n();
  if (user === undefined) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t.loading} />
      </Center>
    );
  }
  const signedOutHome = needsFirstCoordinator ? '/setup' : '/login';
  return (
    <Routes>
      <Route path="/setup" element={user ? <Navigate to={HOME[user.role]} replace /> : <SetupPage />} />
      <Route path="/login" element={user ? <Navigate to={HOME[user.role]} replace /> : <LoginPage />} />
      <Route path="/signup" element={user ? <Navigate to={HOME[user.role]} replace /> : <SignupPage />} />
      <Route path="/invite/:token" element={user ? <Navigate to={HOME[user.role]} replace /> : <AcceptInvitationPage />} />
      <Route path="/invitations" element={<For role="coordinator"><InvitationsPage /></For>} />
      <Route path="/" element={user ? <For role="coordinator"><DashboardPage /></For> : <Navigate to={signedOutHome} replace />} />
      <Route path="/gaps" element={<For role="coordinator"><GapsPage /></For>} />
      <Route path="/gaps/:id" element={<For role="coordinator"><GapPage /></For>} />
      <Route path="/seekers" element={<For role="coordinator"><SeekersPage /></For>} />
      <Route path="/seekers/new" element={<For role="coordinator"><NewSeekerPage /></For>} />
      <Route path="/firms" element={<For role="coordinator"><FirmsPage /></For>} />
      <Route path="/match" element={<For role="coordinator"><MatchPage /></For>} />
      <Route path="/runs" element={<For role="coordinator"><RunsPage /></For>} />
      <Route path="/runs/:id" element={<For role="coordinator"><RunPage /></For>} />
      <Route path="/placements" element={<For role="coordinator"><PlacementsPage /></For>} />
      <Route path="/outreach" element={<For role="coordinator"><OutreachPage /></For>} />
      <Route path="/imports" element={<For role="coordinator"><ImportsPage /></For>} />
      <Route path="/reports" element={<For role="coordinator"><ReportsPage /></For>} />
      <Route path="/referrals" element={<For role="coordinator"><ReferralsPage /></For>} />
      <Route path="/referrals/:id" element={<For role="coordinator"><ReferralPage /></For>} />
      <Route path="/firm/referrals" element={<For role="firm"><FirmReferralsPage /></For>} />
      <Route path="/me/offers" element={<For role="seeker"><ReferralOffersPage /></For>} />
      <Route path="/firm/gaps" element={<For role="firm"><FirmGapsPage /></For>} />
      <Route path="/firm/gaps/new" element={<For role="firm"><NewGapPage /></For>} />
      <Route path="/firm/placements" element={<For role="firm"><FirmPlacementsPage /></For>} />
      <Route path="/me" element={<For role="seeker"><ProfilePage /></For>} />
      <Route path="/me/availability" element={<For role="seeker"><AvailabilityPage /></For>} />
      <Route path="/me/placements" element={<For role="seeker"><MyPlacementsPage /></For>} />
      <Route path="/me/withdraw" element={<For role="seeker"><WithdrawPage /></For>} />
      <Route path="/inbox" element={user ? <Layout><InboxPage /></Layout> : <Navigate to={signedOutHome} replace />} />
      <Route path="*" element={<Navigate to={user ? HOME[user.role] : signedOutHome} replace />} />
    </Routes>
  );
}
