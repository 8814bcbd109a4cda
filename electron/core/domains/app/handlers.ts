import { z } from 'zod';
import { writeAudit } from '../../audit.js';
import type { Ctx, UpdateRuntime } from '../../context.js';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';
import { appVersion } from '../../../server/version.js';
import { aboutInfo } from './about.js';

const noArgs = z.strictObject({}).optional();

function updater(ctx: Ctx): UpdateRuntime {
  if (!ctx.deps.updates) throw new AppError('CONFLICT', '只有桌面版可以检查更新 (updates are checked by the desktop app only)', { reason: 'no_updater' });
  return ctx.deps.updates;
}

/** The 关于 page, and the desktop counter's updates from its office's feed (admins decide when). */
export const appHandlers = {
  'app.about': handler({
    access: 'any',
    input: noArgs,
    run: (ctx) => aboutInfo(ctx.deps, appVersion, ctx.me.roles.includes('admin')),
  }),
  'app.checkUpdate': handler({
    access: ['admin'],
    input: noArgs,
    run: (ctx) => updater(ctx).check(),
  }),
  'app.installUpdate': handler({
    access: ['admin'],
    input: noArgs,
    async run(ctx) {
      const runtime = updater(ctx);
      const found = runtime.status();
      if (found.state !== 'available' && found.state !== 'ready') {
        throw new AppError('CONFLICT', '没有可安装的新版本，请先检查更新 (no update to install; check first)', { reason: 'no_update' });
      }
      const latest = found.latest;
      const after = await runtime.install();
      // After the download, before the restart: the row says who updated this counter to what.
      if (after.state === 'ready') writeAudit(ctx.db, ctx.nowIso, ctx.me.id, 'app.installUpdate', `更新 ${after.current} → ${latest}`);
      return after;
    },
  }),
};
