/**
 * A circuit breaker around Redis. Closed: calls go through. After `failures` consecutive failures or timeouts it
 * opens: for `coolDownMs` every call is refused at once (the caller takes its fallback without paying for a
 * request). The first call after the cool-down starts a single background probe and is itself refused (half-open:
 * nobody waits on the probe); the probe's success closes the breaker, its failure opens it for another cool-down.
 *
 * Hand-written rather than cockatiel's: there, half-open callers wait for the probe (on a frozen Redis, every
 * request would wait its timeout), the clock is Date.now, and its current major needs Node 22.
 */
export type BreakerState = "closed" | "open" | "half-open";

export type BreakerOptions = {
  failures: number;
  coolDownMs: number;
  /** A request to Redis that succeeds when it is back (a PING). */
  probe: () => Promise<unknown>;
  clock?: () => number;
  /** Told once per state change, with what caused it. */
  onTransition?: (from: BreakerState, to: BreakerState, cause: string) => void;
  /** Told when Redis answers again after failing: the breaker closed, or a call succeeded after failures that
   * were too few to open it. */
  onRecovered?: () => void;
};

export class RedisUnavailableError extends Error {
  override name = "RedisUnavailableError";
  constructor() {
    super("Redis is skipped while the circuit breaker is open");
  }
}

export class CircuitBreaker {
  private current: BreakerState = "closed";
  private consecutiveFailures = 0;
  private openedAt = 0;
  /** Bumped on every transition: a call that started in an earlier state cannot move the breaker. */
  private generation = 0;
  private readonly clock: () => number;

  constructor(private readonly options: BreakerOptions) {
    this.clock = options.clock ?? Date.now;
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Runs `call` while closed; otherwise throws RedisUnavailableError at once. */
  async run<T>(call: () => Promise<T>): Promise<T> {
    if (this.current !== "closed") {
      if (this.current === "open" && this.clock() - this.openedAt >= this.options.coolDownMs) this.probe();
      throw new RedisUnavailableError();
    }
    const generation = this.generation;
    try {
      const result = await call();
      if (generation === this.generation && this.consecutiveFailures > 0) {
        this.consecutiveFailures = 0;
        this.options.onRecovered?.();
      }
      return result;
    } catch (error) {
      if (generation === this.generation && ++this.consecutiveFailures >= this.options.failures) {
        this.move("open", describe(error));
      }
      throw error;
    }
  }

  private probe(): void {
    this.move("half-open", "cool-down over, probing");
    const generation = this.generation;
    this.options.probe().then(
      () => generation === this.generation && this.move("closed", "probe answered"),
      (error: unknown) => generation === this.generation && this.move("open", `probe failed: ${describe(error)}`),
    );
  }

  private move(to: BreakerState, cause: string): void {
    const from = this.current;
    this.current = to;
    this.generation += 1;
    this.consecutiveFailures = 0;
    if (to === "open") this.openedAt = this.clock();
    this.options.onTransition?.(from, to, cause);
    if (to === "closed") this.options.onRecovered?.();
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
