/**
 * A redemption's idempotency key: 32 hex characters (within the server's 8–64 [A-Za-z0-9_-]).
 * crypto.randomUUID exists only in secure contexts, and a counter on the LAN may load the UI over
 * plain http from the office PC, so this uses getRandomValues, which every context has.
 */
export function newRequestId(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
