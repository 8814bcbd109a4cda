import type { z } from 'zod';
import type { Ctx } from './context.js';
import type { Access } from './roles.js';

export interface HandlerDef<S extends z.ZodType, R> {
  access: Access;
  input: S;
  /** Runs inside one IMMEDIATE transaction together with its audit row; run must then be synchronous. */
  write?: boolean;
  /** One line for the audit log; never include PINs. */
  audit?: (params: z.output<S>, result: R) => string;
  run: (ctx: Ctx, params: z.output<S>) => R;
}

export function handler<S extends z.ZodType, R>(def: HandlerDef<S, R>): HandlerDef<S, R> {
  return def;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyHandler = HandlerDef<z.ZodType, any>;
