import { z } from 'zod';
import { handler } from '../../handler.js';
import { idNoProblem } from '../../rules/id-number.js';
import { groupRoster } from '../../rules/roster.js';
import { cardNo, id, requiredText, text, year } from '../../validation.js';
import { createHousehold, getHousehold, listHouseholds, saveMember, updateHousehold } from './households.js';
import { importRoster, previewRoster } from './import.js';
import { householdNotice, itemUse, noticeByHousehold } from './notice-query.js';
import { readRoster, RosterFileError, rosterWorkbook } from './roster-xlsx.js';
import { searchHouseholds } from './search.js';

const idNo = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((s, zctx) => {
    const problem = s === '' ? null : idNoProblem(s);
    if (problem) zctx.addIssue({ code: 'custom', message: problem });
  });
const phone = z
  .string()
  .trim()
  .regex(/^[0-9+\- ]{0,20}$/, '电话号码格式有误');

/**
 * The workbook param, read before any transaction opens (parsing is the slow, async part) and grouped
 * into households; a file that is not a roster becomes an input issue.
 */
async function readRosterParam(p: { xlsxBase64: string }, zctx: z.RefinementCtx): Promise<ReturnType<typeof groupRoster>> {
  try {
    const { rows } = await readRoster(Buffer.from(p.xlsxBase64, 'base64'));
    return groupRoster(rows);
  } catch (e) {
    const known = e instanceof RosterFileError;
    zctx.addIssue({
      code: 'custom',
      message: known ? e.message : '无法读取该文件，请上传 Excel 工作簿 (.xlsx)',
      path: ['xlsxBase64'],
      ...(known && e.reason ? { params: { reason: e.reason } } : {}),
    });
    return z.NEVER;
  }
}

const member = z.strictObject({
  name: requiredText(32),
  relation: text(16).optional(),
  idNo: idNo.optional(),
  partyMember: z.boolean().optional(),
});

const readers = ['shopkeeper', 'clerk', 'reviewer', 'provider', 'viewer'] as const;
const office = ['clerk', 'reviewer', 'viewer'] as const;

/** ~15 MB of base64 is a roster of tens of thousands of rows; anything larger is not a roster. */
const xlsxBase64 = z
  .string()
  .max(20_000_000, '文件太大')
  .regex(/^[A-Za-z0-9+/=\s]*$/, '文件内容应为 base64');

export const householdHandlers = {
  'households.create': handler({
    access: ['clerk'],
    write: true,
    input: z.strictObject({
      headName: requiredText(32),
      cardNo: cardNo.optional(),
      group: text(32).optional(),
      phone: phone.optional(),
      members: z.array(member).max(30).optional(),
    }),
    run: (ctx, p) => {
      const { household, account } = createHousehold(ctx, p);
      return { ...household, account };
    },
    audit: (p, r) => `新建农户 ${r.cardNo} ${p.headName}`,
  }),
  'households.update': handler({
    access: ['clerk'],
    write: true,
    input: z.strictObject({ id, headName: requiredText(32).optional(), cardNo: cardNo.optional(), group: text(32).optional(), phone: phone.optional() }),
    run: updateHousehold,
    audit: (_p, r) => `修改农户 ${r.household.cardNo} ${r.household.headName}`,
  }),
  'households.saveMember': handler({
    access: ['clerk'],
    write: true,
    input: member.extend({ householdId: id, id: id.optional(), active: z.boolean().optional() }),
    run: saveMember,
    audit: (p, r) => `${p.id ? '修改' : '添加'}成员 ${r.household.cardNo} ${p.name}`,
  }),
  'households.search': handler({
    access: readers,
    input: z.strictObject({ q: requiredText(32), limit: z.number().int().min(1).max(100).optional() }),
    run: (ctx, p) => ({ items: searchHouseholds(ctx.db, p.q, p.limit ?? 20, ctx.year, ctx.now) }),
  }),
  'households.get': handler({
    access: readers,
    input: z.strictObject({ id, year: year.optional() }),
    run: (ctx, p) => {
      const yr = p.year ?? ctx.year;
      return {
        ...getHousehold(ctx.db, p.id, yr, ctx.now),
        notice: householdNotice(ctx.db, p.id, yr, ctx.now, ctx.village.timeZone),
        itemUse: itemUse(ctx.db, p.id, yr),
      };
    },
  }),
  'households.list': handler({
    access: office,
    input: z
      .strictObject({
        q: text(32).optional(),
        group: text(32).optional(),
        year: year.optional(),
        offset: z.number().int().min(0).optional(),
        limit: z.number().int().min(1).max(2000).optional(),
      })
      .optional()
      .default({}),
    run: (ctx, p) => {
      const yr = p.year ?? ctx.year;
      const list = listHouseholds(ctx.db, p, yr, ctx.now);
      const notice = noticeByHousehold(ctx.db, yr, ctx.now, ctx.village.timeZone);
      return { ...list, items: list.items.map((h) => ({ ...h, notice: notice.get(h.id) ?? null })) };
    },
  }),
  'households.importPreview': handler({
    access: ['clerk'],
    input: z.strictObject({ xlsxBase64 }).transform(readRosterParam),
    run: (ctx, p) => previewRoster(ctx.db, p.households, p.errors, p.examples),
  }),
  'households.import': handler({
    access: ['clerk'],
    write: true,
    input: z
      .strictObject({
        xlsxBase64,
        planId: z
          .string()
          .regex(/^[0-9a-f]{16}$/, '预览编号有误')
          .optional(),
      })
      .transform(async (p, zctx) => ({ ...(await readRosterParam(p, zctx)), planId: p.planId })),
    run: (ctx, p) => importRoster(ctx, p.households, p.errors, p.examples, p.planId),
    audit: (_p, r) => (r.errors.length ? `导入花名册失败：${r.errors.length} 行有错，未导入` : `导入花名册：新建 ${r.created} 户，更新 ${r.updated} 户`),
  }),
  'households.export': handler({
    access: office,
    input: z
      .strictObject({ group: text(32).optional() })
      .optional()
      .default({}),
    run: async (ctx, p) => ({ xlsxBase64: await rosterWorkbook(ctx.db, p.group), fileName: `农户花名册${p.group ? `-${p.group}` : ''}-${ctx.today}.xlsx` }),
  }),
  'households.template': handler({
    access: office,
    input: z.strictObject({}).optional(),
    run: async (ctx) => ({ xlsxBase64: await rosterWorkbook(ctx.db, undefined, { template: true }), fileName: '农户花名册导入模板.xlsx' }),
  }),
};
