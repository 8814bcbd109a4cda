import { networkInterfaces } from 'node:os';
import { z } from 'zod';
import type { DB } from '../../db/connection.js';
import { stamp } from '../core/change-watch.js';
import { stmt } from '../core/statements.js';

/**
 * Which names a browser may use to reach this server. A page on another site can make the office's
 * browser resolve its own name to 127.0.0.1 (DNS rebinding); its requests then carry that name as
 * Host, and only an allow-list of our own names tells them apart.
 *
 * The allow-list is: localhost, 127.0.0.1 and [::1]; the address the server is bound to (or, bound to
 * every interface, this machine's own addresses); and the names in the office's `office.lan` setting.
 */
export const lanSettingKey = 'office.lan';

const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+|[0-9a-f:]+)$/, 'host name');

/**
 * The `office.lan` settings row, as the office's LAN-listening settings screen writes it:
 * enabled: the office listens on the LAN; host: the address it binds to ('0.0.0.0' for every
 * interface); port; names: further names or addresses counters and phones use to reach it
 * (a hostname such as `cunwei-pc`, or a fixed address).
 */
export const lanSetting = z.object({
  enabled: z.boolean(),
  host: hostName,
  port: z.number().int().min(1).max(65_535),
  names: z.array(hostName).max(20).default([]),
});
export type LanSetting = z.output<typeof lanSetting>;

const lanRow = (db: DB) => (stmt(db, 'SELECT value FROM settings WHERE key = ?').get(lanSettingKey) as { value: string } | undefined)?.value;

function parseLanSetting(value: string | undefined): LanSetting | null {
  if (value === undefined) return null;
  try {
    const parsed = lanSetting.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The setting, or null when it is absent or unreadable: then only the built-in names are allowed. */
export const readLanSetting = (db: DB): LanSetting | null => parseLanSetting(lanRow(db));

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];
const wildcard = new Set(['0.0.0.0', '::', '[::]', '']);

/** An address as it appears in a Host header: IPv6 in brackets, lower case. */
export function asHostName(address: string): string {
  const a = address.toLowerCase();
  return a.includes(':') && !a.startsWith('[') ? `[${a}]` : a;
}

function ownAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((i) => asHostName(i.address.replace(/%.*$/, ''))));
}

/** Every host name (without port) the server answers to. */
export function allowedHostNames(bindAddress: string, lan: LanSetting | null): Set<string> {
  const names = new Set(loopbackNames);
  const bind = [bindAddress, ...(lan?.enabled ? [lan.host] : [])];
  for (const b of bind) {
    if (wildcard.has(b)) for (const a of ownAddresses()) names.add(a);
    else names.add(asHostName(b));
  }
  if (lan?.enabled) for (const n of lan.names) names.add(asHostName(n));
  return names;
}

/** `name[:port]` from a Host header or an origin's authority; the port defaults to 80 (plain http). */
export function splitHost(authority: string): { name: string; port: number } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(authority.trim());
  if (!m) return null;
  return { name: m[1].toLowerCase().replace(/\.$/, ''), port: m[2] === undefined ? 80 : Number(m[2]) };
}

export function hostAllowed(hostHeader: string | undefined, allowed: Set<string>, port: number): boolean {
  const h = hostHeader ? splitHost(hostHeader) : null;
  return h !== null && h.port === port && allowed.has(h.name);
}

/** A browser's Origin must be this server itself: http, an allowed name, our port. */
export function originAllowed(origin: string, allowed: Set<string>, port: number): boolean {
  const m = /^http:\/\/([^/?#@]+)$/i.exec(origin.trim());
  return m !== null && hostAllowed(m[1], allowed, port);
}

/**
 * The allow-list as the server uses it on every request: rebuilt when the settings row or the bind
 * address changes, and every 10 s when bound to every interface (a DHCP lease may change our address).
 */
export class HostAllowList {
  private key = '';
  private names = new Set<string>();
  private builtAt = 0;
  private db: DB | null = null;
  private settingsStamp: string | null = null;
  private bindAddress = '';

  current(db: DB, bindAddress: string, now = Date.now()): Set<string> {
    // Nothing written to settings since the last look (change-watch.ts): the row is what it was.
    const seen = stamp(db, 'settings');
    const fresh = seen !== null && seen === this.settingsStamp && db === this.db && bindAddress === this.bindAddress;
    if (fresh && now - this.builtAt <= 10_000) return this.names;
    const raw = lanRow(db) ?? '';
    const key = `${bindAddress}|${raw}`;
    if (key !== this.key || now - this.builtAt > 10_000) {
      this.names = allowedHostNames(bindAddress, parseLanSetting(raw || undefined));
      this.key = key;
      this.builtAt = now;
    }
    this.db = db;
    this.settingsStamp = seen;
    this.bindAddress = bindAddress;
    return this.names;
  }
}
