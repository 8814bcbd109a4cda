/** The server's notion of "now". Tests and --test-clock fix it; everything else reads the wall clock. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export class FixedClock implements Clock {
  constructor(private instant: Date) {}
  now(): Date {
    return new Date(this.instant.getTime());
  }
  set(instant: Date): void {
    this.instant = new Date(instant.getTime());
  }
}

/** A clock that follows the wall clock until set, then stays fixed: what --test-clock serves. */
export class SettableClock implements Clock {
  private fixed: Date | null = null;
  now(): Date {
    return this.fixed ? new Date(this.fixed.getTime()) : new Date();
  }
  set(instant: Date): void {
    this.fixed = new Date(instant.getTime());
  }
}
