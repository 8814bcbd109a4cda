import { z } from 'zod';
import { handler } from '../../handler.js';
import { writeAudit } from '../../audit.js';
import { AppError } from '../../errors.js';
import { pin, username } from '../../validation.js';
import { hashPin } from './pin-hash.js';
import { checkPin } from './users.js';
import { createSession, endSession, endUserSessions, purgeExpiredSessions } from './sessions.js';

export const authHandlers = {
  'auth.login': handler({
    access: 'public',
    input: z.strictObject({ username, pin: z.string().max(64) }),
    run(ctx, p) {
      const user = checkPin(ctx, p.username, p.pin, '');
      // Sign-in is not a dispatcher write (a failed one must still count towards the lockout), so it audits itself.
      const { token, expiresAt } = ctx.db
        .transaction(() => {
          purgeExpiredSessions(ctx.db, ctx.now);
          writeAudit(ctx.db, ctx.nowIso, user.id, 'auth.login', `登录 signed in: ${user.username}`);
          return createSession(ctx.db, user.id, ctx.now);
        })
        .immediate();
      return { token, expiresAt, user };
    },
  }),
  'auth.me': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => ({ user: ctx.me, village: ctx.village, counterId: ctx.counter.counterId, today: ctx.today }),
  }),
  'auth.logout': handler({
    access: 'any',
    write: true,
    input: z.strictObject({}).optional(),
    run(ctx) {
      if (ctx.sessionToken) endSession(ctx.db, ctx.sessionToken);
      return { loggedOut: true as const };
    },
    audit: () => '退出登录 (signed out)',
  }),
  'auth.changePin': handler({
    access: 'any',
    write: true,
    input: z.strictObject({ oldPin: z.string().max(64), newPin: pin }),
    run(ctx, p) {
      // The old PIN is checked like a login, so guessing it here counts towards the same lockout. It is
      // refused as FORBIDDEN, not UNAUTHENTICATED: the caller's own session is fine and must stay open.
      try {
        checkPin(ctx, ctx.me.username, p.oldPin, '原 ');
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'UNAUTHENTICATED') throw e;
        const reason = e.reason === 'locked_out' ? 'old_pin_locked' : 'old_pin_wrong';
        const refusal = new AppError('FORBIDDEN', e.message.replace('原 用户名或 PIN 错误', '原 PIN 错误'), { ...e.details, reason });
        refusal.afterRollback = e.afterRollback;
        throw refusal;
      }
      if (p.newPin === p.oldPin) throw new AppError('INVALID_INPUT', '新 PIN 不能与原 PIN 相同 (new PIN equals the old one)', { reason: 'new_pin_same' });
      ctx.db.prepare('UPDATE users SET pin_hash = ? WHERE id = ?').run(hashPin(p.newPin), ctx.me.id);
      // Whoever may have watched the old PIN loses any session they opened with it; this one stays.
      endUserSessions(ctx.db, ctx.me.id, ctx.sessionToken);
      return { changed: true as const };
    },
    audit: () => '修改本人 PIN (changed own PIN)',
  }),
};
