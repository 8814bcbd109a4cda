import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Role } from '@shared/core/roles';
import { api, call } from './api/client';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  roles: Role[];
}
export interface Village {
  name: string;
  timeZone: string;
}

/**
 * Why the login page is back: the session ran out or was ended elsewhere (sessionEnded), or this
 * counter has just paired with the village office, whose accounts sign in from now on (pairedWithOffice).
 */
export type SignedOutNotice = 'sessionEnded' | 'pairedWithOffice';

export type SessionState =
  | { status: 'checking' }
  | { status: 'out'; notice?: SignedOutNotice }
  | { status: 'in'; user: SessionUser; village: Village; counterId: string; today: string };

interface Session {
  state: SessionState;
  login(username: string, pin: string): Promise<void>;
  logout(notice?: SignedOutNotice): Promise<void>;
  /**
   * The session is about to end, and why: the login page then says so instead of 登录已过期, whichever
   * call finds the session gone first (pairing ends every local session once the office's accounts are in).
   */
  expectSessionEnd(notice: SignedOutNotice): void;
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
  const endNotice = useRef<SignedOutNotice>('sessionEnded');

  useEffect(() => {
    const off = api.onSessionEnded(() => setState({ status: 'out', notice: endNotice.current }));
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
    endNotice.current = 'sessionEnded';
    setState(await whoAmI());
  }, []);

  const logout = useCallback(async (notice?: SignedOutNotice) => {
    try {
      await call('auth.logout', {});
    } catch {
      // An older server has no auth.logout; forgetting the token is enough to sign out here.
    }
    api.clearToken();
    setState({ status: 'out', notice });
  }, []);

  const expectSessionEnd = useCallback((notice: SignedOutNotice) => {
    endNotice.current = notice;
  }, []);

  const refresh = useCallback(async () => {
    try {
      const next = await whoAmI();
      setState((prev) => (prev.status === 'in' && next.status === 'in' && prev.today === next.today && prev.village.name === next.village.name ? prev : next));
    } catch {
      /* a lost session is handled by onSessionEnded */
    }
  }, []);

  const value = useMemo(() => ({ state, login, logout, expectSessionEnd, refresh }), [state, login, logout, expectSessionEnd, refresh]);
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

export const hasRole = (user: SessionUser, ...roles: Role[]): boolean => user.roles.includes('admin') || roles.some((r) => user.roles.includes(r));
