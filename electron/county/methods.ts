import type pg from 'pg';
import { z } from 'zod';
import { AppError } from '../core/errors.js';
import { villageDate } from '../core/rules/village-date.js';
import { levelOf, parentOf, within } from './areas.js';
import { addUser, assertReads, countyRoles, login, logout, type CountyRole, type CountyUser } from './auth.js';
import { issueVillageCode } from './pairing.js';
import { dashboard, progressReport, villagerPage } from './queries.js';
import { reportWorkbook } from './report-xlsx.js';

export interface CountyCtx {
  pool: pg.Pool;
  user: CountyUser | null;
  token?: string;
  now: Date;
}

interface MethodDef<S extends z.ZodType, R> {
  access: 'public' | 'any' | readonly CountyRole[];
  input: S;
  run: (ctx: CountyCtx, p: z.output<S>) => Promise<R>;
}
const method = <S extends z.ZodType, R>(d: MethodDef<S, R>) => d;

const areaCode = z.string().regex(/^\d{12}$/, '区划代码应为12位数字 (12-digit area code)');
const year = z.number().int().min(2000).max(2100);
const admin = ['county_admin'] as const;

async function audit(ctx: CountyCtx, name: string, summary: string) {
  await ctx.pool.query('INSERT INTO audit (at, user_id, method, summary) VALUES ($1, $2, $3, $4)', [ctx.now, ctx.user?.id ?? null, name, summary]);
}

/** The county server's API: the village's envelope and error codes, a route table of its own (the handlers are async, on PostgreSQL). */
export const countyMethods = {
  'county.login': method({
    access: 'public',
    input: z.strictObject({ username: z.string().min(1).max(40), pin: z.string().max(64) }),
    run: (ctx, p) => login(ctx.pool, p.username, p.pin, ctx.now),
  }),
  'county.me': method({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: async (ctx) => ({ user: ctx.user!, today: villageDate(ctx.now, 'Asia/Shanghai') }),
  }),
  'county.logout': method({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: async (ctx) => {
      if (ctx.token) await logout(ctx.pool, ctx.token);
      return { loggedOut: true as const };
    },
  }),
  'county.areas.list': method({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: async (ctx) => {
      const rows = (await ctx.pool.query('SELECT code, level, parent, name FROM areas ORDER BY code')).rows as {
        code: string;
        level: string;
        parent: string | null;
        name: string;
      }[];
      // A town viewer sees its town, its villages, and the county it belongs to (for the breadcrumb), nothing beside.
      return { areas: rows.filter((a) => within(a.code, ctx.user!.areaCode) || within(ctx.user!.areaCode, a.code)) };
    },
  }),
  'county.areas.add': method({
    access: admin,
    input: z.strictObject({ code: areaCode, name: z.string().trim().min(1).max(40) }),
    run: async (ctx, p) => {
      const level = levelOf(p.code);
      if (level !== 'town' && level !== 'village') throw new AppError('INVALID_INPUT', '只能登记乡镇（前9位+000）或村（12位）(register a town or a village)');
      if (!within(p.code, ctx.user!.areaCode)) throw new AppError('FORBIDDEN', '该代码不属于本县 (code outside this county)', { reason: 'outside_area' });
      const parent = parentOf(p.code)!;
      if (!(await ctx.pool.query('SELECT 1 FROM areas WHERE code = $1', [parent])).rowCount) {
        throw new AppError('NOT_FOUND', `请先登记上级 ${parent} (register the parent first)`, { parent });
      }
      try {
        await ctx.pool.query('INSERT INTO areas (code, level, parent, name, created_at) VALUES ($1, $2, $3, $4, $5)', [p.code, level, parent, p.name, ctx.now]);
      } catch (e) {
        if ((e as { code?: string }).code === '23505') throw new AppError('CONFLICT', `代码 ${p.code} 已登记 (already registered)`);
        throw e;
      }
      await audit(ctx, 'county.areas.add', `登记${level === 'town' ? '乡镇' : '村'} ${p.code} ${p.name}`);
      return { code: p.code, level, parent, name: p.name };
    },
  }),
  'county.users.add': method({
    access: admin,
    input: z.strictObject({
      username: z.string().trim().min(1).max(40),
      name: z.string().trim().min(1).max(40),
      pin: z.string().regex(/^\d{4,12}$/, 'PIN 为4-12位数字'),
      role: z.enum(countyRoles),
      areaCode,
    }),
    run: async (ctx, p) => {
      const id = await addUser(ctx.pool, p, ctx.now);
      await audit(ctx, 'county.users.add', `新增用户 ${p.username} (${p.role} ${p.areaCode})`);
      return { id, username: p.username, role: p.role, areaCode: p.areaCode };
    },
  }),
  'county.users.list': method({
    access: admin,
    input: z.strictObject({}).optional(),
    run: async (ctx) => ({
      users: (await ctx.pool.query('SELECT id, username, name, role, area_code AS "areaCode", active FROM users ORDER BY id')).rows,
    }),
  }),
  'county.villages.pairingCode': method({
    access: admin,
    input: z.strictObject({ villageCode: areaCode }),
    run: async (ctx, p) => {
      const r = await issueVillageCode(ctx.pool, p.villageCode, ctx.user!.id, ctx.now);
      await audit(ctx, 'county.villages.pairingCode', `为 ${p.villageCode} 生成配对码`);
      return r;
    },
  }),
  'county.conflicts': method({
    access: admin,
    input: z.strictObject({ villageCode: areaCode.optional(), limit: z.number().int().min(1).max(1000).default(200) }).default({ limit: 200 }),
    run: async (ctx, p) => ({
      conflicts: (
        await ctx.pool.query(
          `SELECT id, village_code AS "villageCode", uuid, type, reason, detail, at FROM conflicts
        WHERE ($1::text IS NULL OR village_code = $1) ORDER BY id DESC LIMIT $2`,
          [p.villageCode ?? null, p.limit],
        )
      ).rows,
    }),
  }),
  'county.dashboard': method({
    access: 'any',
    input: z.strictObject({ areaCode, year }),
    run: async (ctx, p) => {
      assertReads(ctx.user!, p.areaCode);
      return dashboard(ctx.pool, p.areaCode, p.year);
    },
  }),
  'county.report': method({
    access: 'any',
    input: z.strictObject({ areaCode, period: z.enum(['jun', 'sep', 'dec']), year }),
    run: async (ctx, p) => {
      assertReads(ctx.user!, p.areaCode);
      return progressReport(ctx.pool, p.areaCode, p.period, p.year);
    },
  }),
  'county.reportExport': method({
    access: 'any',
    input: z.strictObject({ areaCode, period: z.enum(['jun', 'sep', 'dec']), year }),
    run: async (ctx, p) => {
      assertReads(ctx.user!, p.areaCode);
      return reportWorkbook(await progressReport(ctx.pool, p.areaCode, p.period, p.year));
    },
  }),
  'villager.page': method({
    access: 'public',
    input: z.strictObject({ token: z.string().max(80), year: year.optional() }),
    run: (ctx, p) => villagerPage(ctx.pool, p.token, p.year ?? Number(villageDate(ctx.now, 'Asia/Shanghai').slice(0, 4))),
  }),
};

export type CountyMethod = keyof typeof countyMethods;

/** Role check, then schema, then the method; every refusal is an AppError with the village's codes. */
export async function callCounty(ctx: Omit<CountyCtx, 'user'>, name: string, params: unknown, resolve: () => Promise<CountyUser>) {
  if (!Object.hasOwn(countyMethods, name)) throw new AppError('NOT_FOUND', `没有这个方法 (unknown method): ${name}`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const def = countyMethods[name as CountyMethod] as MethodDef<z.ZodType, any>;
  const user = def.access === 'public' ? null : await resolve();
  if (user && Array.isArray(def.access) && !def.access.includes(user.role)) {
    throw new AppError('FORBIDDEN', '当前用户无权执行此操作 (your role does not allow this)', { method: name });
  }
  const parsed = def.input.safeParse(params ?? undefined);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', `输入有误: ${parsed.error.issues[0]?.message ?? ''}`, {
      reason: 'invalid_params',
      issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), code: i.code })),
    });
  }
  return def.run({ ...ctx, user }, parsed.data);
}
