/**
 * Bounded concurrency: at most `max` jobs run at once, up to `queue` more wait in order, and
 * anything beyond that is refused at once (the server answers 503 with Retry-After).
 */

/** Returned by `acquire`: call `release` exactly once when the job is done. */
export interface Slot {
  release(): void;
}

interface Waiter {
  grant: (slot: Slot) => void;
  cancelled: boolean;
}

export class Limiter {
  private active = 0;
  private readonly waiting: Waiter[] = [];

  constructor(readonly max: number, readonly queue: number) {
    if (!(max >= 1)) throw new RangeError('maxConcurrent must be at least 1');
    if (!(queue >= 0)) throw new RangeError('the queue length must not be negative');
  }

  /** Jobs running now. */
  get running(): number {
    return this.active;
  }

  /** Jobs waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  /**
   * A slot now, a promise of one when the queue has room, or `undefined` when it is full.
   * `cancel()` withdraws a queued request (for example when its client timed out).
   */
  acquire(): { slot: Promise<Slot>; cancel: () => void } | undefined {
    if (this.active < this.max) {
      this.active++;
      return { slot: Promise.resolve(this.slot()), cancel: () => {} };
    }
    if (this.queued >= this.queue) return undefined;
    let waiter!: Waiter;
    const slot = new Promise<Slot>((resolve) => {
      waiter = { grant: resolve, cancelled: false };
    });
    this.waiting.push(waiter);
    return {
      slot,
      cancel: () => {
        waiter.cancelled = true;
        const i = this.waiting.indexOf(waiter);
        if (i >= 0) this.waiting.splice(i, 1);
      },
    };
  }

  private slot(): Slot {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.active--;
        this.next();
      },
    };
  }

  private next(): void {
    while (this.active < this.max && this.waiting.length > 0) {
      const w = this.waiting.shift()!;
      if (w.cancelled) continue;
      this.active++;
      w.grant(this.slot());
    }
  }
}
