import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

// N=2^14 keeps a login near 30 ms on an old counter PC while making a stolen table slow to brute-force.
const N = 16384,
  r = 8,
  p = 1,
  keyLen = 32;

export function hashPin(pin: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(pin, salt, keyLen, { N, r, p });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export function verifyPin(pin: string, stored: string): boolean {
  const [scheme, n, rr, pp, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(rr), p: Number(pp) });
  return timingSafeEqual(actual, expected);
}

/**
 * A hash no PIN matches (made from a random string, then discarded). A sign-in for an unknown,
 * inactive or locked account checks against it, or the account's own hash, so every refusal costs
 * the same scrypt as a wrong PIN: timing does not tell which usernames exist.
 */
export const decoyHash = 'scrypt$16384$8$1$ptPm9fPVcAc2gms9KtZeCw==$Y2zu8RzvzKMdodjFtBQgXmxkS2LYxqOw41tU0hVGUOc=';
