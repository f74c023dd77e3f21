import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, must } from '../api/client';

/** The signed-in account (contract: GET /api/v1/auth/me). */
export interface User {
  id: string;
  email: string;
  role: 'coordinator' | 'firm' | 'seeker';
  displayName: string;
  firmId: string | null;
  seekerId: string | null;
}

interface Session {
  /** undefined while loading; null when nobody is signed in. */
  user: User | null | undefined;
  needsFirstCoordinator: boolean;
  signedIn(user: User): void;
  logout(): Promise<void>;
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [needsFirstCoordinator, setNeedsFirstCoordinator] = useState(false);

  const refresh = useCallback(async () => {
    try {
      const { user: me } = await must(api.GET('/api/v1/auth/me'));
      setUser(me as User);
      return;
    } catch {
      // Not signed in (401), or the service is down: either way the sign-in page follows.
    }
    try {
      const setup = await must(api.GET('/api/v1/auth/setup'));
      setNeedsFirstCoordinator(setup.needsFirstCoordinator);
    } catch {
      setNeedsFirstCoordinator(false);
    }
    // Only now: the first render without a user must already know whether to ask for setup.
    setUser(null);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await must(api.POST('/api/v1/auth/logout'));
    } finally {
      setUser(null);
    }
  }, []);

  const signedIn = useCallback((next: User) => {
    setNeedsFirstCoordinator(false);
    setUser(next);
  }, []);

  return (
    <SessionContext.Provider value={{ user, needsFirstCoordinator, signedIn, logout, refresh }}>{children}</SessionContext.Provider>
  );
}

export function useSession(): Session {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
