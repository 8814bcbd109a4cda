import { z } from 'zod';
import { handler } from '../../handler.js';
import { username } from '../../validation.js';
import { checkPin } from './users.js';
import { createSession } from './sessions.js';

export const authHandlers = {
  'auth.login': handler({
    access: 'public',
    input: z.strictObject({ username, pin: z.string().max(64) }),
    run(ctx, p) {
      const user = checkPin(ctx, p.username, p.pin, '');
      const { token, expiresAt } = createSession(ctx.db, user.id, ctx.now);
      return { token, expiresAt, user };
    },
  }),
  'auth.me': handler({
    access: 'any',
    input: z.strictObject({}).optional(),
    run: (ctx) => ({ user: ctx.me, village: ctx.village, counterId: ctx.counter.counterId, today: ctx.today }),
  }),
};

