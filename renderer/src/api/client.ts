import type { Method, Params, Result } from '@shared/app-contract';
import { ApiError, endsSession, type ClientErrorCode } from './errors';

export type { Method, Params, Result };

export type Reply = { result: unknown } | { error: { code: string; message: string; reason?: string; details?: unknown } };

/** How a call reaches the core: IPC in Electron, HTTP in a browser. */
export interface Transport {
  readonly kind: 'ipc' | 'http';
  send(method: string, params: unknown, token: string | null): Promise<Reply>;
}

export interface TokenStore {
  get(): string | null;
  set(token: string | null): void;
}

interface PosBridge {
  call(method: string, params?: unknown): Promise<Reply>;
}

declare global {
  interface Window {
    pos?: PosBridge;
  }
}

export function ipcTransport(bridge: PosBridge): Transport {
  return { kind: 'ipc', send: (method, params) => bridge.call(method, params) };
}

export function httpTransport(base = '/api/', fetchFn: typeof fetch = (...a) => fetch(...a)): Transport {
  return {
    kind: 'http',
    async send(method, params, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetchFn(base + method, { method: 'POST', headers, body: JSON.stringify(params ?? {}) });
      const text = await res.text();
      try {
        return JSON.parse(text) as Reply;
      } catch {
        return { error: { code: 'INTERNAL', message: `服务器返回了无法识别的内容 (HTTP ${res.status})` } };
      }
    },
  };
}

export function sessionTokenStore(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined, key = 'pos.token'): TokenStore {
  let memory: string | null = null;
  return {
    get: () => (storage ? storage.getItem(key) : memory),
    set(token) {
      if (!storage) memory = token;
      else if (token) storage.setItem(key, token);
      else storage.removeItem(key);
    },
  };
}

export interface ClientOptions {
  transport: () => Transport;
  tokens: TokenStore;
}

/** The one typed client. Every page goes through call(); nothing else talks to the core. */
export function createClient(opts: ClientOptions) {
  const listeners = new Set<(err: ApiError) => void>();

  async function call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    const transport = opts.transport();
    let reply: Reply;
    try {
      reply = await transport.send(method, params, transport.kind === 'http' ? opts.tokens.get() : null);
    } catch (e) {
      throw new ApiError('NETWORK', '连不上积分超市服务 (cannot reach the server)', { cause: e instanceof Error ? e.message : String(e) });
    }
    if (!reply || typeof reply !== 'object') throw new ApiError('INTERNAL', '服务器没有回应 (empty reply)');
    if ('error' in reply && reply.error) {
      const { code, message, reason, details } = reply.error;
      const err = new ApiError(code as ClientErrorCode, message, details, reason);
      if (endsSession(method, code, reason)) {
        opts.tokens.set(null);
        for (const l of listeners) l(err);
      }
      throw err;
    }
    const result = (reply as { result: unknown }).result;
    // setup.complete signs the new admin in, as auth.login does (a counter's setup gives no token).
    if ((method === 'auth.login' || method === 'setup.complete') && transport.kind === 'http') {
      const token = (result as { token?: string } | null)?.token;
      if (token) opts.tokens.set(token);
    }
    if (method === 'auth.logout') opts.tokens.set(null);
    return result as Result<M>;
  }

  /** A file the server streams to a signed-in caller (GET, token in the header as for calls), such as a backup. */
  async function fetchFile(path: string): Promise<Blob> {
    const token = opts.tokens.get();
    let res: Response;
    try {
      res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    } catch (e) {
      throw new ApiError('NETWORK', '连不上积分超市服务 (cannot reach the server)', { cause: e instanceof Error ? e.message : String(e) });
    }
    if (res.ok) return res.blob();
    const reply = (await res.json().catch(() => null)) as Extract<Reply, { error: unknown }> | null;
    const err = reply?.error ?? { code: 'INTERNAL', message: `HTTP ${res.status}` };
    throw new ApiError(err.code as ClientErrorCode, err.message, err.details, err.reason);
  }

  return {
    call,
    fetchFile,
    /** Called when the session has ended (expired or revoked token): the app returns to login. */
    onSessionEnded(listener: (err: ApiError) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    hasToken: () => opts.tokens.get() !== null,
    clearToken: () => opts.tokens.set(null),
    transportKind: () => opts.transport().kind,
  };
}

const storage = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
let http: Transport | null = null;

export const api = createClient({
  // Decided per call: the Electron preload defines window.pos before any page script runs.
  transport: () => {
    if (typeof window !== 'undefined' && window.pos && typeof window.pos.call === 'function') return ipcTransport(window.pos);
    return (http ??= httpTransport());
  },
  tokens: sessionTokenStore(storage),
});

export const call = api.call;
