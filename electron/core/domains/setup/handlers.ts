import { z } from 'zod';
import type { Ctx, MachineRole } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { writeAudit } from '../../audit.js';
import { defaultVillage, getSetting, putSetting, type VillageSettings } from '../../settings.js';
import { requiredText, username } from '../../validation.js';
import { pinMessages, pinProblem } from '../../rules/pin-strength.js';
import { villageCodeMessages, villageCodeProblem } from '../../rules/village-code.js';
import { insertUser } from '../auth/bootstrap.js';
import { createSession } from '../auth/sessions.js';
import { calendarInput, calendarSummary, saveCalendar } from '../calendar/handlers.js';
import { printerConfigInput, printerSettingKey } from '../printer/config.js';
import { markSetUp, setupNeeded, storedRole } from './state.js';

export const roleNames: Record<MachineRole, string> = { all: '单机', office: '村委会', counter: '收银台' };

const villageCode = z
  .string()
  .trim()
  .superRefine((code, c) => {
    const problem = villageCodeProblem(code);
    if (problem) c.addIssue({ code: 'custom', message: villageCodeMessages[problem], params: { reason: `village_code_${problem}` } });
  });

const adminPin = z.string().superRefine((pin, c) => {
  const problem = pinProblem(pin);
  if (problem) c.addIssue({ code: 'custom', message: pinMessages[problem], params: { reason: `pin_${problem}` } });
});

const village = z.strictObject({ name: requiredText(32), code: villageCode, town: requiredText(32), county: requiredText(32) });
const admin = z.strictObject({ name: requiredText(32), username, pin: adminPin });

const setupInput = z.discriminatedUnion('role', [
  z.strictObject({ role: z.enum(['all', 'office']), village, admin, printer: printerConfigInput.optional(), calendar: calendarInput.optional() }),
  // A counter takes its village, users and calendar from the office it pairs with.
  z.strictObject({
    role: z.literal('counter'),
    office: z.strictObject({
      url: requiredText(200),
      code: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, '配对码应为 8 位字母数字，如 K7QM-3XPA'),
    }),
    printer: printerConfigInput.optional(),
  }),
]);

const alreadySetUp = () => new AppError('CONFLICT', '本机已完成首次设置 (this machine is already set up)', { reason: 'already_set_up' });

/**
 * The wizard's steps for a role, in order. A counter has no account of its own until the office's
 * arrive, so its printer is set after the first sign-in (打印机设置), and its calendar is the office's.
 */
export function setupSteps(role: MachineRole): string[] {
  return role === 'counter' ? ['role', 'office', 'done'] : ['role', 'village', 'admin', 'printer', 'calendar', 'done'];
}

/** The role the wizard may choose: the command line's --role, when given, decides. */
function checkRole(ctx: Ctx, role: MachineRole): void {
  const fixed = ctx.deps.machine?.fixedRole ?? null;
  if (fixed && fixed !== role) {
    throw new AppError('CONFLICT', `本机以 --role ${fixed} 启动，不能设置为${roleNames[role]} (the command line fixes the role)`, {
      reason: 'role_fixed',
      role: fixed,
    });
  }
  if (!ctx.deps.machine && role !== (ctx.deps.role ?? 'all')) {
    throw new AppError('CONFLICT', '本机不能在运行时切换角色 (this host cannot switch roles)', { reason: 'role_fixed', role: ctx.deps.role ?? 'all' });
  }
}

type SetupParams = z.output<typeof setupInput>;

/** 单机 or 村委会: the village, its first admin (signed in at once), and optionally the printer and calendar, in one transaction. */
function setUpVillage(ctx: Ctx, p: Extract<SetupParams, { role: 'all' | 'office' }>) {
  const db = ctx.db;
  const done = db
    .transaction(() => {
      if (!setupNeeded(db)) throw alreadySetUp();
      const before = getSetting<VillageSettings>(db, 'village', defaultVillage);
      putSetting(db, 'village', { ...before, name: p.village.name, code: p.village.code, town: p.village.town, county: p.village.county });
      const id = insertUser(db, { username: p.admin.username, name: p.admin.name, pin: p.admin.pin, roles: ['admin'] }, ctx.now);
      if (p.printer) putSetting(db, printerSettingKey, p.printer);
      if (p.calendar) saveCalendar(db, p.calendar);
      markSetUp(db, { at: ctx.nowIso, role: p.role, by: id });
      const extras = [p.printer ? `打印机 ${printerLabel(p.printer)}` : '', p.calendar ? `兑换日 ${calendarSummary(p.calendar)}` : ''].filter(Boolean);
      writeAudit(
        db,
        ctx.nowIso,
        id,
        'setup.complete',
        `首次设置：本机为${roleNames[p.role]}；${p.village.county}${p.village.town}${p.village.name}（${p.village.code}）；管理员 ${p.admin.username} ${p.admin.name}${extras.length ? `；${extras.join('；')}` : ''}`,
      );
      writeAudit(db, ctx.nowIso, id, 'auth.login', `登录 signed in: ${p.admin.username}（首次设置 first-run setup）`);
      return { id, ...createSession(db, id, ctx.now) };
    })
    .immediate();
  if (ctx.deps.role !== p.role) ctx.deps.machine?.useRole(p.role);
  return {
    role: p.role,
    token: done.token,
    expiresAt: done.expiresAt,
    user: { id: done.id, username: p.admin.username, name: p.admin.name, roles: ['admin' as const] },
  };
}

/** 收银台: pairs with the office first (its users, roster and calendar then arrive by sync). */
async function setUpCounter(ctx: Ctx, p: Extract<SetupParams, { role: 'counter' }>) {
  const db = ctx.db;
  if (!setupNeeded(db)) throw alreadySetUp();
  const previous = ctx.deps.role ?? 'all';
  if (previous !== 'counter') ctx.deps.machine!.useRole('counter');
  let paired: { terminalId: string; counterId: string };
  try {
    if (!ctx.deps.sync) throw new AppError('CONFLICT', '本机无法以收银台运行 (no sync agent)', { reason: 'role_fixed' });
    paired = await ctx.deps.sync.pair(p.office.url, p.office.code, { userId: null, at: ctx.nowIso });
  } catch (e) {
    if (previous !== 'counter') ctx.deps.machine!.useRole(previous);
    throw e;
  }
  db.transaction(() => {
    if (p.printer) putSetting(db, printerSettingKey, p.printer);
    markSetUp(db, { at: ctx.nowIso, role: 'counter', by: null });
    writeAudit(
      db,
      ctx.nowIso,
      null,
      'setup.complete',
      `首次设置：本机为收银台，已与村委会配对（柜台 ${paired.counterId}，终端 ${paired.terminalId}）${p.printer ? `；打印机 ${printerLabel(p.printer)}` : ''}`,
    );
  }).immediate();
  return { role: 'counter' as const, ...paired };
}

/**
 * The first run: unauthenticated, and only while the database has never been set up (no users, no
 * setup record); everything else is refused until then (the dispatcher's setup gate).
 */
export const setupHandlers = {
  'setup.status': handler({
    access: 'public',
    input: z.strictObject({}).optional(),
    run: (ctx) => {
      const needed = setupNeeded(ctx.db);
      const role = ctx.deps.machine?.fixedRole ?? (needed ? (ctx.deps.role ?? 'all') : storedRole(ctx.db));
      const roleFixed = Boolean(ctx.deps.machine?.fixedRole) || !ctx.deps.machine;
      // The counter's wizard waits on this page until the office's accounts have arrived.
      const usersReady = Boolean(ctx.db.prepare("SELECT 1 FROM users WHERE active = 1 AND username NOT LIKE '~%' LIMIT 1").get());
      return needed
        ? { needed, role, roleFixed, usersReady, steps: setupSteps(role), roles: ['all', 'office', 'counter'] as MachineRole[] }
        : { needed, role: ctx.deps.role ?? role, roleFixed, usersReady, steps: [] as string[], roles: [] as MachineRole[] };
    },
  }),
  'setup.complete': handler({
    access: 'public',
    input: setupInput,
    run: async (ctx, p) => {
      if (!setupNeeded(ctx.db)) throw alreadySetUp();
      checkRole(ctx, p.role);
      return p.role === 'counter'
        ? { ...(await setUpCounter(ctx, p)), token: null, expiresAt: null, user: null }
        : { ...setUpVillage(ctx, p), terminalId: null, counterId: null };
    },
  }),
};

/** The printer as the audit names it: its address, or the OS printer's name. */
function printerLabel(p: { type: string; interface?: string; deviceName?: string }): string {
  return p.interface ?? p.deviceName ?? (p.type === 'browser' ? '浏览器打印' : p.type);
}
