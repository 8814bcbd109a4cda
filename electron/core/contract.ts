import type { z } from 'zod';
import { auditHandlers } from './domains/audit/handlers.js';
import { authHandlers } from './domains/auth/handlers.js';
import { awardHandlers } from './domains/awards/handlers.js';
import { boardHandlers } from './domains/boards/handlers.js';
import { bulkHandlers } from './domains/bulk/handlers.js';
import { backupHandlers } from './domains/backup/handlers.js';
import { calendarHandlers } from './domains/calendar/handlers.js';
import { catalogHandlers } from './domains/catalog/handlers.js';
import { clockHandlers } from './domains/clock/handlers.js';
import { householdHandlers } from './domains/households/handlers.js';
import { ledgerHandlers } from './domains/ledger/handlers.js';
import { officeHandlers } from './domains/office/handlers.js';
import { pointHandlers } from './domains/points/handlers.js';
import { printerHandlers } from './domains/printer/handlers.js';
import { redemptionHandlers } from './domains/redemptions/handlers.js';
import { reportHandlers } from './domains/reports/handlers.js';
import { ruleHandlers } from './domains/rules/handlers.js';
import { stockHandlers } from './domains/stock/handlers.js';
import { stockReportHandlers } from './domains/stock-reports/handlers.js';
import { userHandlers } from './domains/users/handlers.js';
import { dayHandlers } from './domains/day/handlers.js';
import { syncHandlers } from '../sync/handlers.js';
import { countyVillageHandlers } from '../county/village/handlers.js';

/** Every method of the API, by domain. The renderer's client is typed against this one map. */
export const handlers = {
  ...authHandlers,
  ...householdHandlers,
  ...ruleHandlers,
  ...pointHandlers,
  ...catalogHandlers,
  ...stockHandlers,
  ...stockReportHandlers,
  ...calendarHandlers,
  ...redemptionHandlers,
  ...ledgerHandlers,
  ...officeHandlers,
  ...clockHandlers,
  ...printerHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...backupHandlers,
  ...boardHandlers,
  ...awardHandlers,
  ...reportHandlers,
  ...bulkHandlers,
  ...dayHandlers,
  ...syncHandlers,
  ...countyVillageHandlers,
};

export type Handlers = typeof handlers;
export type Method = keyof Handlers;
export type Params<M extends Method> = z.input<Handlers[M]['input']>;
export type Result<M extends Method> = Awaited<ReturnType<Handlers[M]['run']>>;
