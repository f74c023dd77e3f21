import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiProblem, call } from '../api/client';

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
      const { user: me } = await call<{ user: User }>('GET', '/api/v1/auth/me');
      setUser(me);
      return;
    } catch (error) {
      if (!(error instanceof ApiProblem) || error.problem.status !== 401) {
        setUser(null);
      }
    }
    setUser(null);
    try {
      const setup = await call<{ needsFirstCoordinator: boolean }>('GET', '/api/v1/auth/setup');
      setNeedsFirstCoordinator(setup.needsFirstCoordinator);
    } catch {
      setNeedsFirstCoordinator(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const logout = useCallback(async () => {
    try {
      await call('POST', '/api/v1/auth/logout');
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
