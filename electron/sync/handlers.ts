import { z } from 'zod';
import type { Ctx } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { handler } from '../core/handler.js';
import { stmt } from '../core/statements.js';
import { requiredText, text, requiredNoteText } from '../core/validation.js';
import { getSetting, putSetting } from '../core/settings.js';
import { normalizeOfficeUrl, type SyncLink } from './counter.js';
import { type RefusedEvent, createPairingCode, listConflicts, listTerminals, openConflictCount, resolveConflict, revokeTerminal } from './office.js';

/** What the header's status chip shows, whatever the role. */
export interface SyncStatus {
  role: 'all' | 'office' | 'counter';
  paired: boolean;
  online: boolean;
  /** Events written here and not yet acknowledged by the office. */
  pending: number;
  lastPushAt: string | null;
  lastPullAt: string | null;
  /** Open conflicts: all of them at the office; this counter's, as of its last pull, at a counter. */
  conflicts: number | null;
  /**
   * At a counter: what the office refused of this counter's events (its checks failed), as of the
   * last pull, newest first; null before the first pull and elsewhere.
   */
  refused: { count: number; items: RefusedEvent[] } | null;
  pullProgress: { done: number; total: number } | null;
  officeUrl?: string | null;
  terminalId?: string | null;
  counterId?: string;
  lastError?: string | null;
  revoked?: boolean;
  needsUpgrade?: boolean;
  /** At the office: paired terminals not revoked. */
  terminals?: number;
}

function requireOffice(ctx: Ctx): void {
  if (ctx.deps.role !== 'office') {
    throw new AppError('FORBIDDEN', '本机不是村委会主机；请以 --role office 启动 (this machine is not the village office)', {
      reason: 'office_only',
      role: ctx.deps.role ?? 'all',
    });
  }
}

function officeStatus(ctx: Ctx): SyncStatus {
  const t = stmt(ctx.db, `SELECT COUNT(*) AS n, SUM(revoked_at IS NULL) AS active, MAX(last_seen_at) AS seen FROM sync_terminals`).get() as {
    n: number;
    active: number | null;
    seen: string | null;
  };
  return {
    role: 'office',
    paired: true,
    online: true,
    pending: 0,
    lastPushAt: t.seen,
    lastPullAt: null,
    conflicts: openConflictCount(ctx.db),
    refused: null,
    pullProgress: null,
    terminals: t.active ?? 0,
  };
}

/** The status chip's data; every role answers, so the UI asks without knowing the role. */
function status(ctx: Ctx): SyncStatus {
  if (ctx.deps.role === 'counter' && ctx.deps.sync) return ctx.deps.sync.status() as SyncStatus;
  if (ctx.deps.role === 'office') return officeStatus(ctx);
  return {
    role: ctx.deps.role ?? 'all',
    paired: false,
    online: true,
    pending: 0,
    lastPushAt: null,
    lastPullAt: null,
    conflicts: 0,
    refused: null,
    pullProgress: null,
  };
}

const terminalId = z.string().regex(/^T[0-9a-f]{12}$/, '终端编号无效');

export const syncHandlers = {
  'sync.status': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => status(ctx),
  }),
  'sync.now': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: async (ctx): Promise<SyncStatus> => (ctx.deps.role === 'counter' && ctx.deps.sync ? ((await ctx.deps.sync.syncNow()) as SyncStatus) : status(ctx)),
  }),
  'sync.pair': handler({
    access: ['admin'],
    input: z.strictObject({
      officeUrl: requiredText(200),
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, '配对码应为 8 位字母数字，如 K7QM-3XPA'),
    }),
    run: async (ctx, p) => {
      if (!ctx.deps.sync)
        throw new AppError('FORBIDDEN', '只有以柜台模式（--role counter）运行的电脑才能配对 (only a counter pairs)', { reason: 'counter_only' });
      const r = await ctx.deps.sync.pair(p.officeUrl, p.code, { userId: ctx.me.id, at: ctx.nowIso });
      // The caller stays signed in while the first pull runs, so the screen can show its progress.
      return { ...r, signInAgainAfterFirstPull: true as const };
    },
  }),
  'sync.setOffice': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ officeUrl: requiredText(200) }),
    run: (ctx, p) => {
      const link = getSetting<SyncLink | null>(ctx.db, 'sync.link', null);
      if (ctx.deps.role !== 'counter' || !link) throw new AppError('CONFLICT', '本机未与村委会配对 (not paired)', { reason: 'not_paired' });
      // Only where to reach the office changes; who this counter is (terminal, key) stays.
      const next = { ...link, officeUrl: normalizeOfficeUrl(p.officeUrl) };
      putSetting(ctx.db, 'sync.link', next);
      return { officeUrl: next.officeUrl, terminalId: next.terminalId };
    },
    audit: (_p, r) => `村委会地址改为 ${r.officeUrl}`,
  }),
  'sync.pairingCode': handler({
    access: ['admin'],
    write: true,
    input: z
      .strictObject({
        counterId: z
          .string()
          .regex(/^C\d{2}$/, '柜台编号应如 C02')
          .optional(),
        name: text(32).optional(),
      })
      .optional(),
    run: (ctx, p) => {
      requireOffice(ctx);
      return createPairingCode(ctx.db, { counterId: p?.counterId, name: p?.name, userId: ctx.me.id, now: ctx.now });
    },
    audit: (_p, r) => `生成配对码：柜台 ${r.counterId}（${r.name}），${r.expiresAt} 前有效`,
  }),
  'sync.terminals': handler({
    access: ['admin', 'viewer'],
    input: z.strictObject({}).optional(),
    run: (ctx) => {
      requireOffice(ctx);
      return { items: listTerminals(ctx.db) };
    },
  }),
  'sync.revoke': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ terminalId, reason: requiredNoteText(200) }),
    run: (ctx, p) => {
      requireOffice(ctx);
      return revokeTerminal(ctx.db, { terminalId: p.terminalId, reason: p.reason, userId: ctx.me.id, now: ctx.now });
    },
    audit: (p, r) => `停用终端 ${p.terminalId}（柜台 ${r.counterId}）：${p.reason}`,
  }),
  'sync.conflicts': handler({
    access: ['admin', 'shopkeeper', 'viewer'],
    input: z.strictObject({ open: z.boolean().optional(), limit: z.number().int().min(1).max(500).optional() }).optional(),
    run: (ctx, p) => {
      requireOffice(ctx);
      return { items: listConflicts(ctx.db, { open: p?.open, limit: p?.limit ?? 100 }), open: openConflictCount(ctx.db) };
    },
  }),
  'sync.resolveConflict': handler({
    access: ['admin'],
    write: true,
    input: z.strictObject({ id: z.number().int().positive(), resolution: requiredNoteText(200) }),
    run: (ctx, p) => {
      requireOffice(ctx);
      return resolveConflict(ctx.db, { id: p.id, resolution: p.resolution, userId: ctx.me.id, now: ctx.now });
    },
    audit: (p) => `处理同步冲突 #${p.id}：${p.resolution}`,
  }),
};
