import type { z } from 'zod';
import { Ctx, type CoreDeps } from './context.js';
import { AppError, type ApiErrorBody } from './errors.js';
import type { AnyHandler } from './handler.js';
import type { CoreHandlers } from './contract.js';
import { allows } from './roles.js';
import { resolveSession } from './domains/auth/sessions.js';
import { writeAudit } from './audit.js';
import { officeOnlyMessage, writeAllowed } from './ownership.js';
import { issueReason } from './validation.js';
import { codeOfReason, type ReasonOf } from './error-reasons.js';
import { setupNeeded } from './domains/setup/state.js';

export type Reply<T = unknown> = { result: T } | { error: ApiErrorBody };

const secretKeys = /pin|password|secret|token/i;

function auditSummary(params: unknown): string {
  const json = JSON.stringify(params, (k, v) => (secretKeys.test(k) ? '***' : v));
  return json.length > 500 ? `${json.slice(0, 497)}...` : json;
}

/** How the audit log marks a call that only repeated an earlier one (ctx.markReplay). */
const replayMark = '重复请求，未新增 (replayed request, nothing new)';

/**
 * Which fields failed and how, as zod's issue codes (too_small, invalid_type…) with their bounds: the
 * client words them itself, so zod's own text (Chinese here) never reaches an English screen.
 */
function zodDetails(err: z.ZodError) {
  const issues = err.issues.map((i) => {
    const bounds = i as { minimum?: unknown; maximum?: unknown };
    const reason = issueReason(i);
    return {
      path: i.path.join('.'),
      code: i.code,
      ...(typeof bounds.minimum === 'number' ? { minimum: bounds.minimum } : {}),
      ...(typeof bounds.maximum === 'number' ? { maximum: bounds.maximum } : {}),
      ...(reason ? { reason } : {}),
    };
  });
  // A refusal the schema itself names (control_character, too_many_rows) is the call's reason.
  // Only a declared reason is lifted: the client words reasons from the one list.
  const named = issues.find((i) => i.reason)?.reason;
  const reason = named !== undefined && codeOfReason(named) === 'INVALID_INPUT' ? (named as ReasonOf<'INVALID_INPUT'>) : 'invalid_params';
  return { reason, issues };
}

function toErrorBody(e: unknown): ApiErrorBody {
  if (e instanceof AppError) return e.toBody();
  const code = (e as { code?: string })?.code ?? '';
  // A UNIQUE index caught a race the handler's own check could not see.
  if (code === 'SQLITE_CONSTRAINT_UNIQUE') return { code: 'CONFLICT', message: '记录已存在 (already exists)', reason: 'duplicate_record' };
  console.error('[core] unexpected error', e);
  return { code: 'INTERNAL', message: '内部错误，操作未完成 (internal error; nothing was changed)', reason: 'internal' };
}

export type HandlerMap = Readonly<Record<string, AnyHandler>>;

/**
 * The one entry point for every transport: IPC and HTTP are thin adapters over call(). The handler
 * map is given by whoever assembles the app (electron/app-contract.ts: core's methods and sync's).
 */
export function createDispatcher<H extends HandlerMap>(deps: CoreDeps, handlers: H) {
  function lookup(method: string): AnyHandler | undefined {
    if (!Object.hasOwn(handlers, method)) return undefined;
    if (method === 'clock.set' && !deps.testClock) return undefined;
    return handlers[method];
  }

  // Once set up, a database stays set up (a restore needs an admin in the backup), so this is read until true.
  let setUp = false;
  function requireSetUp(method: string): void {
    if (setUp || method.startsWith('setup.')) return;
    setUp = !setupNeeded(deps.db);
    if (!setUp) throw new AppError('UNAUTHENTICATED', '本机尚未完成首次设置，请先完成设置向导 (finish the first-run setup first)', { reason: 'setup_needed' });
  }

  // better-sqlite3 builds four wrapped functions for each db.transaction(): built once per handle
  // (a restore swaps deps.db), not once per call.
  let txHandle: CoreDeps['db'] | null = null;
  let writeTx: ((work: () => unknown) => unknown) | null = null;
  function inWriteTx<T>(work: () => T): T {
    if (txHandle !== deps.db || !writeTx) {
      txHandle = deps.db;
      writeTx = deps.db.transaction((w: () => unknown) => w()).immediate;
    }
    return writeTx(work) as T;
  }

  async function call(method: string, params: unknown, token?: string): Promise<Reply> {
    try {
      const def = lookup(method);
      if (!def) throw new AppError('NOT_FOUND', `没有这个方法 (unknown method): ${method}`, { reason: 'unknown_method', method });
      requireSetUp(method);
      const user = def.access === 'public' ? null : resolveSession(deps.db, token, deps.clock.now());
      if (user && !allows(def.access, user.roles)) {
        throw new AppError('FORBIDDEN', '当前用户无权执行此操作 (your role does not allow this)', { reason: 'role_not_allowed', method });
      }
      if (def.write && !writeAllowed(deps.role, method)) throw new AppError('FORBIDDEN', officeOnlyMessage, { reason: 'office_only', method });
      // Async so a schema may read an uploaded file (an Excel roster) before the write transaction opens.
      const parsed = await def.input.safeParseAsync(params ?? undefined);
      if (!parsed.success) {
        throw new AppError('INVALID_INPUT', `输入有误: ${parsed.error.issues[0]?.message ?? ''}`, zodDetails(parsed.error));
      }
      const ctx = new Ctx(deps, user, user ? token : undefined);
      if (!def.write) return { result: await def.run(ctx, parsed.data) };
      return {
        result: inWriteTx(() => {
          const result = def.run(ctx, parsed.data);
          if (result instanceof Promise) throw new Error(`write handler ${method} must be synchronous`);
          // A replay (same requestId) wrote nothing new: its row says so rather than claim the write again.
          const summary = ctx.replayOf !== null ? `${replayMark}: ${ctx.replayOf}` : def.audit ? def.audit(parsed.data, result) : auditSummary(parsed.data);
          // Notes (such as the supervisor who authorised the call) go after the summary's cut so they are never lost.
          writeAudit(deps.db, ctx.nowIso, user?.id ?? null, method, summary, ctx.auditNotes);
          return result;
        }),
      };
    } catch (e) {
      if (e instanceof AppError && e.afterRollback) inWriteTx(e.afterRollback);
      return { error: toErrorBody(e) };
    }
  }

  /** Typed form for in-process callers (tests, demo seeding, Electron main). */
  async function invoke<M extends keyof H & string>(method: M, params: z.input<H[M]['input']>, token?: string): Promise<Awaited<ReturnType<H[M]['run']>>> {
    const reply = await call(method, params, token);
    if ('error' in reply) throw AppError.fromBody(reply.error);
    return reply.result as Awaited<ReturnType<H[M]['run']>>;
  }

  return { call, invoke, deps };
}

export type Dispatcher<H extends HandlerMap = CoreHandlers> = ReturnType<typeof createDispatcher<H>>;
