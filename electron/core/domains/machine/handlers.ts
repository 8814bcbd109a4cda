import { z } from 'zod';
import type { Ctx, MachineRole, MachineRuntime } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { writeAudit } from '../../audit.js';
import { getSetting, isReplica, putSetting } from '../../settings.js';
import { roleNames } from '../setup/handlers.js';
import { roleKey } from '../setup/state.js';
import { lanInput, lanKey, lanSettings, lanUrl } from './lan.js';
import { historyHeld, ledgerTables } from '../../events/feed.js';

/**
 * A machine holding any of these cannot become a counter: pairing makes it a replica of its office
 * and drops its roster and catalog, and a counter with history cannot pair at all.
 */
const historyTables = [...ledgerTables, 'households', 'catalog_items'];

function runtime(ctx: Ctx): MachineRuntime {
  const m = ctx.deps.machine;
  if (!m) throw new AppError('CONFLICT', '本机不能在运行时修改这些设置 (this host cannot change them at run time)', { reason: 'role_fixed' });
  return m;
}

const link = (ctx: Ctx) => getSetting<{ officeUrl: string; terminalId: string; counterId: string } | null>(ctx.db, 'sync.link', null);

/** Audited outside the dispatcher's write transaction: these handlers first act on the host (bind a port, stop an agent). */
function audited(ctx: Ctx, method: string, summary: string, write: () => void): void {
  ctx.db
    .transaction(() => {
      write();
      writeAudit(ctx.db, ctx.nowIso, ctx.me.id, method, summary);
    })
    .immediate();
}

function machineView(ctx: Ctx) {
  const m = ctx.deps.machine;
  const role = ctx.deps.role ?? 'all';
  const l = link(ctx);
  const lan = lanSettings(ctx.db);
  return {
    role,
    roleFixed: m?.fixedRole ?? (m ? null : role),
    paired: l !== null,
    officeUrl: l?.officeUrl ?? null,
    terminalId: l?.terminalId ?? null,
    counterId: ctx.counter.counterId,
    replica: isReplica(ctx.db),
    lan,
    lanUrl: lanUrl(lan),
    lanStatus: m?.lanStatus() ?? { listening: false, url: null, error: null },
    interfaces: m?.interfaces() ?? [],
  };
}

/** Why this machine cannot take a role now, or null. */
function roleChangeRefusal(ctx: Ctx, to: MachineRole): AppError | null {
  const from = ctx.deps.role ?? 'all';
  const m = ctx.deps.machine;
  if (m?.fixedRole)
    return new AppError('CONFLICT', `本机以 --role ${m.fixedRole} 启动，角色由启动参数决定 (the command line fixes the role)`, {
      reason: 'role_fixed',
      role: m.fixedRole,
    });
  if (from === 'counter' && isReplica(ctx.db)) {
    return new AppError('CONFLICT', "这台收银台的数据来自村委会，不能改作单机或村委会 (a counter that has paired holds the office's data)", {
      reason: 'replica',
    });
  }
  if (to === 'counter') {
    const used = historyHeld(ctx.db, historyTables);
    if (used.length) {
      return new AppError('CONFLICT', '本机已有兑换、积分或库存记录，不能改作收银台 (a machine with history cannot become a counter)', {
        reason: 'has_history',
        tables: used,
      });
    }
  }
  return null;
}

/** The settings screen's machine part: role and pairing, LAN listening. Admin only; every change audited. */
export const machineHandlers = {
  'machine.get': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    run: (ctx) => machineView(ctx),
  }),
  'machine.interfaces': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    run: (ctx) => ({ items: ctx.deps.machine?.interfaces() ?? [] }),
  }),
  'machine.setRole': handler({
    access: ['admin'],
    input: z.strictObject({ role: z.enum(['all', 'office', 'counter']) }),
    run: (ctx, p) => {
      const m = runtime(ctx);
      const from = ctx.deps.role ?? 'all';
      if (from === p.role) return machineView(ctx);
      const refusal = roleChangeRefusal(ctx, p.role);
      if (refusal) throw refusal;
      audited(ctx, 'machine.setRole', `本机角色：${roleNames[from]} → ${roleNames[p.role]}`, () => putSetting(ctx.db, roleKey, p.role));
      m.useRole(p.role);
      return machineView(ctx);
    },
  }),
  'machine.setLan': handler({
    access: ['admin'],
    input: lanInput,
    run: async (ctx, p) => {
      const m = runtime(ctx);
      if (p.enabled && ctx.deps.role === 'counter') {
        throw new AppError('CONFLICT', '收银台不开放局域网访问，只有村委会或单机可以 (a counter does not listen on the LAN)', { reason: 'counter_no_lan' });
      }
      if (p.enabled && !m.interfaces().some((i) => i.address === p.host)) {
        throw new AppError('INVALID_INPUT', `本机没有地址 ${p.host} (no such address on this machine)`, { reason: 'unknown_interface', host: p.host });
      }
      const before = lanSettings(ctx.db);
      await m.applyLan(p);
      try {
        audited(ctx, 'machine.setLan', p.enabled ? `局域网访问：开启 ${lanUrl(p)}` : '局域网访问：关闭', () => putSetting(ctx.db, lanKey, p));
      } catch (e) {
        await m.applyLan(before);
        throw e;
      }
      return machineView(ctx);
    },
  }),
  'sync.unpair': handler({
    access: ['admin'],
    input: z.strictObject({}).optional(),
    run: (ctx) => {
      const m = runtime(ctx);
      if (ctx.deps.role !== 'counter' || !link(ctx)) throw new AppError('CONFLICT', '本机未与村委会配对 (not paired)', { reason: 'not_paired' });
      const officeUrl = link(ctx)!.officeUrl;
      // Nested: the link goes and the audit row is written in one transaction.
      ctx.db
        .transaction(() => {
          const r = m.unpair();
          writeAudit(ctx.db, ctx.nowIso, ctx.me.id, 'sync.unpair', `解除与村委会 ${officeUrl} 的配对（终端 ${r.terminalId}，柜台 ${r.counterId}）`);
        })
        .immediate();
      return machineView(ctx);
    },
  }),
};
