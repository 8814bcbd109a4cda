import type { z } from 'zod';
import type { countyMethods } from '@shared/county/methods';
import { httpTransport, sessionTokenStore } from '../api/client';
import { ApiError, type ClientErrorCode } from '../api/errors';

/** The county server's methods (electron/county/methods.ts), typed as the village's client is. */
type CountyMethods = typeof countyMethods;
export type CountyMethod = keyof CountyMethods;
export type CountyParams<M extends CountyMethod> = z.input<CountyMethods[M]['input']>;
export type CountyResult<M extends CountyMethod> = Awaited<ReturnType<CountyMethods[M]['run']>>;

const storage = typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
const tokens = sessionTokenStore(storage, 'county.token');
const transport = httpTransport();
const ended = new Set<() => void>();

/** The one way the county pages reach the server: POST /api/<method> with this tab's token. */
export async function countyCall<M extends CountyMethod>(method: M, params: CountyParams<M>): Promise<CountyResult<M>> {
  let reply;
  try {
    reply = await transport.send(method, params, tokens.get());
  } catch (e) {
    throw new ApiError('NETWORK', '连不上县级服务 (cannot reach the county server)', { cause: e instanceof Error ? e.message : String(e) });
  }
  if ('error' in reply && reply.error) {
    const { code, message, reason, details } = reply.error;
    const err = new ApiError(code as ClientErrorCode, message, details, reason);
    // A refused sign-in is the form's business; any other UNAUTHENTICATED means the session is gone.
    if (code === 'UNAUTHENTICATED' && method !== 'county.login') {
      tokens.set(null);
      for (const l of ended) l();
    }
    throw err;
  }
  const result = (reply as { result: unknown }).result as CountyResult<M>;
  if (method === 'county.login') tokens.set((result as { token: string }).token);
  if (method === 'county.logout') tokens.set(null);
  return result;
}

export const countySession = {
  hasToken: () => tokens.get() !== null,
  clear: () => tokens.set(null),
  onEnded(listener: () => void): () => void {
    ended.add(listener);
    return () => ended.delete(listener);
  },
};
