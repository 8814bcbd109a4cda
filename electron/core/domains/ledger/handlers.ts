import { z } from 'zod';
import { handler } from '../../handler.js';
import { id, year } from '../../validation.js';
import { requireHousehold } from '../households/households.js';
import { ledgerWorkbook } from './export.js';
import { ledgerRows, ledgerYears } from './ledger.js';

export type { LedgerItem, LedgerRow } from './ledger.js';

const readers = ['shopkeeper', 'clerk', 'reviewer', 'viewer'] as const;

export const ledgerHandlers = {
  'ledger.list': handler({
    access: readers,
    input: z.strictObject({ householdId: id, year }),
    run(ctx, p) {
      requireHousehold(ctx.db, p.householdId);
      return { items: ledgerRows(ctx.db, p.householdId, p.year, ctx.now, ctx.village.timeZone), years: ledgerYears(ctx.db, p.householdId) };
    },
  }),
  'ledger.export': handler({
    access: ['clerk', 'reviewer', 'viewer'],
    input: z.strictObject({ year, householdId: id.optional() }),
    async run(ctx, p) {
      if (p.householdId !== undefined) requireHousehold(ctx.db, p.householdId);
      return ledgerWorkbook(ctx, p.year, p.householdId);
    },
  }),
};
