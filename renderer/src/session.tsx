import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Role } from '../../electron/core/roles';
import { api, call } from './api/client';

export interface SessionUser { id: number; username: string; name: string; roles: Role[] }
export interface Village { name: string; timeZone: string }

export type SessionState =
  | { status: 'checking' }
  | { status: 'out'; notice?: 'sessionEnded' }
  | { status: 'in'; user: SessionUser; village: Village; counterId: string; today: string };

interface Session {
  state: SessionState;
  login(username: string, pin: string): Promise<void>;
  logout(): Promise<void>;
  /** Re-reads today's date (the counter may stay open past midnight). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

async function whoAmI(): Promise<SessionState> {
  const me = await call('auth.me', {});
  return { status: 'in', user: me.user as SessionUser, village: me.village, counterId: me.counterId, today: me.today };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'checking' });

  useEffect(() => {
    const off = api.onSessionEnded(() => setState({ status: 'out', notice: 'sessionEnded' }));
    // In Electron the session lives in main, so a reload may still be signed in; in a browser only
    // a token kept in this tab's sessionStorage can be.
    if (api.transportKind() === 'ipc' || api.hasToken()) {
      whoAmI().then(setState, () => setState({ status: 'out' }));
    } else {
      setState({ status: 'out' });
    }
    return off;
  }, []);

  const login = useCallback(async (username: string, pin: string) => {
    await call('auth.login', { username, pin });
    setState(await whoAmI());
  }, []);

  const logout = useCallback(async () => {
    try {
      await call('auth.logout', {});
    } catch {
      // An older server has no auth.logout; forgetting the token is enough to sign out here.
    }
    api.clearToken();
    setState({ status: 'out' });
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await whoAmI();
      setState((prev) => (prev.status === 'in' && next.status === 'in' && prev.today === next.today && prev.village.name === next.village.name ? prev : next));
    } catch {
      /* a lost session is handled by onSessionEnded */
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, refresh }), [state, login, logout, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** For pages behind login: the signed-in state, never 'checking' or 'out'. */
export function useSignedIn() {
  const { state, refresh } = useSession();
  if (state.status !== 'in') throw new Error('useSignedIn while signed out');
  return { ...state, refresh };
}

export const hasRole = (user: SessionUser, ...roles: Role[]): boolean =>
  user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
