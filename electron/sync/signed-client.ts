import { signRequest } from './signing.js';

/**
 * A signed POST to a peer that answers in the app's envelope ({result} or {error}): what a paired
 * machine sends upward (a counter to its office, a village office to the county). Network trouble
 * and unreadable answers become status 0, so callers back off and retry; a refusal keeps its code,
 * message and details (reason), so callers act on the reason.
 */
export class PeerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export interface SignedPeer {
  baseUrl: string;
  terminalId: string;
  secret: string;
}

/** peerName names the other side in messages (村委会, 县里). */
export async function postSigned<T>(peer: SignedPeer, path: string, payload: unknown, timeoutMs: number, peerName: string): Promise<T> {
  const url = new URL(path, peer.baseUrl);
  const body = JSON.stringify(payload);
  const headers = {
    'content-type': 'application/json',
    ...signRequest({ terminalId: peer.terminalId, secret: peer.secret, method: 'POST', path: url.pathname, body }),
  };
  return postJson<T>(url, headers, body, timeoutMs, peerName);
}

export async function postJson<T>(url: URL, headers: Record<string, string>, body: string, timeoutMs: number, peerName: string): Promise<T> {
  let res: Response;
  let text: string;
  try {
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs) });
    text = await res.text();
  } catch (e) {
    throw new PeerError(0, 'OFFICE_UNREACHABLE', `连不上${peerName} (${(e as Error).name === 'TimeoutError' ? '超时' : '网络中断'})`);
  }
  let json: { result?: T; error?: { code: string; message: string; reason?: string; details?: Record<string, unknown> } };
  try {
    json = JSON.parse(text);
  } catch {
    throw new PeerError(0, 'OFFICE_UNREACHABLE', `${peerName}回复不完整 (HTTP ${res.status})`);
  }
  // The reason travels beside the code; the agent reads it with the details.
  if (json.error) throw new PeerError(res.status, json.error.code, json.error.message, { ...json.error.details, reason: json.error.reason });
  if (!res.ok || json.result === undefined) throw new PeerError(0, 'OFFICE_UNREACHABLE', `${peerName}回复异常 (HTTP ${res.status})`);
  return json.result;
}
