import { describe, expect, it } from 'vitest';
import { createLoadQueue } from './load-queue';

/** Lets queued work start (a load already in flight when the next is asked for). */
const tick = () => new Promise((ok) => setTimeout(ok, 0));

/** A load that writes `value` into the page's state once `release` is called. */
function gate(state: string[], value: string) {
  let release!: () => void;
  const opened = new Promise<void>((ok) => (release = ok));
  return {
    release,
    run: async () => {
      await opened;
      state.push(value);
    },
  };
}

describe('createLoadQueue', () => {
  it('a slow earlier load lands before a later one, never after it', async () => {
    const state: string[] = [];
    const enqueue = createLoadQueue();
    const slow = gate(state, 'before the save');
    const fast = gate(state, 'after the save');
    const first = enqueue(slow.run);
    await tick();
    const second = enqueue(fast.run);
    fast.release(); // the later load's answer is in first…
    slow.release();
    await Promise.all([first, second]);
    expect(state).toEqual(['before the save', 'after the save']); // …yet the page ends on it
  });

  it('skips a load still waiting when a newer one is asked for; its caller waits for the newer one', async () => {
    const state: string[] = [];
    const enqueue = createLoadQueue();
    const running = gate(state, 'a');
    const waiting = gate(state, 'b');
    const newest = gate(state, 'c');
    enqueue(running.run);
    await tick();
    let waitingDone = false;
    const skipped = enqueue(waiting.run).then(() => (waitingDone = true));
    const last = enqueue(newest.run);
    running.release();
    waiting.release();
    await tick();
    expect(waitingDone).toBe(false); // the newest load has not landed yet
    newest.release();
    await Promise.all([skipped, last]);
    expect(state).toEqual(['a', 'c']);
  });

  it('of loads asked for together, only the last runs, and every caller resolves after it', async () => {
    const state: string[] = [];
    const enqueue = createLoadQueue();
    const loads = ['x', 'y', 'z'].map((v) => gate(state, v));
    const calls = loads.map((g) => enqueue(g.run));
    loads.forEach((g) => g.release());
    await Promise.all(calls);
    expect(state).toEqual(['z']);
  });

  it('loads asked for one after another all run', async () => {
    const state: string[] = [];
    const enqueue = createLoadQueue();
    for (const v of ['1', '2', '3']) {
      const g = gate(state, v);
      g.release();
      await enqueue(g.run);
    }
    expect(state).toEqual(['1', '2', '3']);
  });
});
