import { z } from 'zod';
import { handler } from '../../handler.js';
import { cardNo, id, requiredText, text, year } from '../../validation.js';
import { createHousehold, getHousehold } from './households.js';
import { searchHouseholds } from './search.js';

const member = z.strictObject({
  name: requiredText(32),
  relation: text(16).optional(),
  idNo: z.string().regex(/^[0-9]{17}[0-9Xx]$|^$/, '身份证号应为 18 位').optional(),
  partyMember: z.boolean().optional(),
});

const readers = ['shopkeeper', 'clerk', 'reviewer', 'provider', 'viewer'] as const;

export const householdHandlers = {
  'households.create': handler({
    access: ['clerk'],
    write: true,
    input: z.strictObject({
      headName: requiredText(32),
      cardNo: cardNo.optional(),
      group: text(32).optional(),
      phone: z.string().regex(/^[0-9+\- ]{0,20}$/, '电话号码格式有误').optional(),
      members: z.array(member).max(30).optional(),
    }),
    run: (ctx, p) => {
      const { household, account } = createHousehold(ctx, p);
      return { ...household, account };
    },
    audit: (p, r) => `新建农户 ${r.cardNo} ${p.headName}`,
  }),
  'households.search': handler({
    access: readers,
    input: z.strictObject({ q: requiredText(32), limit: z.number().int().min(1).max(100).optional() }),
    run: (ctx, p) => ({ items: searchHouseholds(ctx.db, p.q, p.limit ?? 20, ctx.year) }),
  }),
  'households.get': handler({
    access: readers,
    input: z.strictObject({ id, year: year.optional() }),
    run: (ctx, p) => getHousehold(ctx.db, p.id, p.year ?? ctx.year),
  }),
};
