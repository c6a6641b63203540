import { describe, expect, it } from "vitest";
import { CircuitBreaker, RedisUnavailableError, type BreakerState } from "@/lib/store/breaker";

function setup(probe: () => Promise<unknown> = async () => "PONG") {
  let now = 1_000;
  const transitions: string[] = [];
  let recoveries = 0;
  let probes = 0;
  const breaker = new CircuitBreaker({
    failures: 3,
    coolDownMs: 5_000,
    clock: () => now,
    probe: () => ((probes += 1), probe()),
    onTransition: (from: BreakerState, to: BreakerState) => transitions.push(`${from}->${to}`),
    onRecovered: () => void (recoveries += 1),
  });
  return {
    breaker,
    transitions,
    advance: (ms: number) => void (now += ms),
    probes: () => probes,
    recoveries: () => recoveries,
  };
}

const fail = () => Promise.reject(new Error("ECONNREFUSED"));
const ok = () => Promise.resolve("value");
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the Redis circuit breaker", () => {
  it("stays closed through fewer consecutive failures than the threshold, a success resetting the count", async () => {
    const { breaker, transitions, recoveries } = setup();
    for (let round = 0; round < 3; round++) {
      await expect(breaker.run(fail)).rejects.toThrow("ECONNREFUSED");
      await expect(breaker.run(fail)).rejects.toThrow("ECONNREFUSED");
      await expect(breaker.run(ok)).resolves.toBe("value");
    }
    expect(breaker.state).toBe("closed");
    expect(transitions).toEqual([]);
    expect(recoveries()).toBe(3);
  });

  it("opens on the third consecutive failure and then refuses every call without making it", async () => {
    const { breaker, transitions, advance, probes } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow("ECONNREFUSED");
    expect(breaker.state).toBe("open");
    let made = 0;
    advance(4_999);
    await expect(breaker.run(async () => (made += 1))).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(made).toBe(0);
    expect(probes()).toBe(0);
    expect(transitions).toEqual(["closed->open"]);
  });

  it("after the cool-down probes once in the background, refusing callers meanwhile, and closes when it answers", async () => {
    let answer!: () => void;
    const { breaker, transitions, advance, probes, recoveries } = setup(
      () => new Promise<void>((resolve) => (answer = resolve)),
    );
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(5_000);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(breaker.state).toBe("half-open");
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(probes()).toBe(1);
    answer();
    await settle();
    expect(breaker.state).toBe("closed");
    await expect(breaker.run(ok)).resolves.toBe("value");
    expect(transitions).toEqual(["closed->open", "open->half-open", "half-open->closed"]);
    expect(recoveries()).toBe(1);
  });

  it("opens for another cool-down when the probe fails", async () => {
    const { breaker, transitions, advance, probes } = setup(fail);
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    advance(5_000);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(RedisUnavailableError);
    await settle();
    expect(breaker.state).toBe("open");
    advance(4_000);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(probes()).toBe(1);
    advance(1_000);
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(probes()).toBe(2);
    await settle();
    expect(transitions).toEqual([
      "closed->open",
      "open->half-open",
      "half-open->open",
      "open->half-open",
      "half-open->open",
    ]);
  });

  it("ignores calls that were already in flight when the state changed", async () => {
    const { breaker, transitions } = setup();
    let release!: () => void;
    const slow = breaker.run(() => new Promise<string>((resolve) => (release = () => resolve("late"))));
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    release();
    await expect(slow).resolves.toBe("late");
    expect(breaker.state).toBe("open");
    expect(transitions).toEqual(["closed->open"]);
  });
});
