import { z } from 'zod';
import { AppError } from '../../errors.js';
import { handler } from '../../handler.js';

/** Only served with --test-clock (the dispatcher hides it otherwise): e2e tests pin "now" across midnight and year ends. */
export const clockHandlers = {
  'clock.set': handler({
    access: 'public',
    input: z.strictObject({ now: z.iso.datetime({ offset: true }) }),
    run(ctx, p) {
      const clock = ctx.deps.clock as { set?: (d: Date) => void };
      if (!clock.set) throw new AppError('NOT_FOUND', '时钟不可设置 (clock is not settable)', { reason: 'clock_not_settable' });
      clock.set(new Date(p.now));
      return { now: new Date(p.now).toISOString() };
    },
  }),
};
