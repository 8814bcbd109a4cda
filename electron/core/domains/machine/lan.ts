import { z } from 'zod';
import type { DB } from '../../../../db/connection.js';
import type { LanSettings } from '../../context.js';
import { getSetting } from '../../settings.js';

export const lanKey = 'office.lan';

/** Off until an admin turns it on; 5180 is the port counters are told to use by default. */
export const defaultLan: LanSettings = { enabled: false, host: '', port: 5180 };

export const lanInput = z
  .strictObject({
    enabled: z.boolean(),
    host: z.ipv4("请选择本机的一个 IPv4 地址 (choose one of this machine's IPv4 addresses)").or(z.literal('')),
    port: z.number().int().min(1024, '端口应在 1024-65535 之间').max(65535, '端口应在 1024-65535 之间'),
  })
  .refine((l) => !l.enabled || l.host !== '', { message: '开启局域网访问时须选择网卡地址 (choose an address to listen on)', path: ['host'] });

/**
 * The office's LAN listening as stored (settings row `office.lan`). The HTTP edge reads it too: the
 * address it listens on is one of the Host names a request may carry.
 */
export function lanSettings(db: DB): LanSettings {
  const parsed = lanInput.safeParse(getSetting<unknown>(db, lanKey, defaultLan));
  return parsed.success ? parsed.data : defaultLan;
}

/** The address counters and phones type in. */
export const lanUrl = (lan: LanSettings): string | null => (lan.enabled && lan.host ? `http://${lan.host}:${lan.port}` : null);
