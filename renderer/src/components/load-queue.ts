/**
 * A page's loads, one after another: a slow earlier load can never land after a later one and put
 * back what a save has just changed. A load still waiting when a newer one is asked for is skipped
 * (the newer one reads everything it would), and its caller's promise waits for the newer one.
 * `run` must not throw (usePageLoad turns failures into the page's banner).
 */
export function createLoadQueue() {
  let tail: Promise<void> = Promise.resolve();
  let latest = 0;
  return (run: () => Promise<void>): Promise<void> => {
    const ticket = ++latest;
    const mine = tail.then(() => (ticket === latest ? run() : undefined));
    tail = mine;
    return mine.then(() => tail);
  };
}
