import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { CircuitBreaker, type BreakerState } from "@/lib/store/breaker";
import { GuardedStore } from "@/lib/store/guarded";
import { MemoryStore } from "@/lib/store/memory";
import type { Store } from "@/lib/store/types";
import { UpstashStore } from "@/lib/store/upstash";

/** The breaker's rules (docs/operations.md "When Redis stumbles"). */
export const BREAKER = { failures: 3, coolDownMs: 5_000 } as const;

/**
 * Process-wide state lives on globalThis: Next builds separate module graphs for pages, route handlers and
 * Server Actions, so a module-level variable would give each its own in-process store (a write through the API
 * would not clear the cache a page reads) and its own Upstash client and limiters.
 */
type Connection = { store: Store; lastWarning: number };
type Recovery = () => Promise<unknown>;
const shared = globalThis as unknown as {
  systemStore?: { fallback: MemoryStore; connections: Map<string, Connection>; recoveries: Map<string, Recovery> };
};
const state = (shared.systemStore ??= { fallback: new MemoryStore(), connections: new Map(), recoveries: new Map() });
// A process that kept the state from before recoveries existed (dev reloads).
state.recoveries ??= new Map();

const STATE_VALUE: Record<BreakerState, number> = { closed: 0, "half-open": 1, open: 2 };

/** One warning per breaker transition, and the state as a gauge next to the transitions counter. */
function onTransition(from: BreakerState, to: BreakerState, cause: string): void {
  metrics().redisBreakerTransitions.inc({ to });
  metrics().redisBreakerState.set(STATE_VALUE[to]);
  const detail =
    to === "open" ? `Redis skipped for ${BREAKER.coolDownMs / 1000} s` : to === "closed" ? "Redis back" : "";
  logger().warn({ from, to, cause }, `Redis circuit breaker ${from} -> ${to} (${cause})${detail ? `: ${detail}` : ""}`);
}

function onRecovered(): void {
  for (const [name, recover] of state.recoveries) {
    recover().catch((error: unknown) => logger().warn({ err: error }, `Redis recovery "${name}" failed`));
  }
}

/** Work to run each time Redis answers again after failing (once per name, whichever module graph registers it). */
export function onRedisRecovered(name: string, recover: Recovery): void {
  state.recoveries.set(name, recover);
}

function guarded(store: UpstashStore): Store {
  return new GuardedStore(
    store,
    new CircuitBreaker({ ...BREAKER, probe: () => store.ping(), onTransition, onRecovered }),
  );
}

/** The store for the configuration in force, made once per process (a changed configuration gets its own). */
function connection(): Connection {
  const e = env();
  const url = e.UPSTASH_REDIS_REST_URL ?? e.KV_REST_API_URL;
  const token = e.UPSTASH_REDIS_REST_TOKEN ?? e.KV_REST_API_TOKEN;
  const key = url && token ? [url, token, e.REDIS_PREFIX, e.REDIS_TIMEOUT_MS].join("|") : "memory";
  let found = state.connections.get(key);
  if (!found) {
    const store =
      url && token ? guarded(new UpstashStore(url, token, e.REDIS_PREFIX, e.REDIS_TIMEOUT_MS)) : state.fallback;
    found = { store, lastWarning: 0 };
    state.connections.set(key, found);
  }
  return found;
}

/** Upstash (behind the circuit breaker) when configured (Upstash's or Vercel KV's variable names), otherwise the
 * in-process store. */
export function getStore(): Store {
  return connection().store;
}

/** The in-process store, for limits that must hold even while Redis is away (sign-in). */
export function localStore(): Store {
  return state.fallback;
}

const WARN_EVERY_MS = 60_000;

/** Logs that Redis is failing at most once a minute, so an outage does not flood the logs. */
export function warnRedisDown(error: unknown, now = Date.now()): void {
  metrics().redisFallbacks.inc();
  // The breaker said so when it opened. By name: the breaker on globalThis may come from another module graph.
  if (error instanceof Error && error.name === "RedisUnavailableError") return;
  const current = connection();
  if (now - current.lastWarning < WARN_EVERY_MS) return;
  current.lastWarning = now;
  logger().warn(
    { err: error instanceof Error ? error : new Error(String(error)) },
    "Redis is unavailable, degrading (cache bypassed, SQL leaderboards, local sign-in limits)",
  );
}

/** Runs a Redis call; when Redis fails or is slow, warns and returns `otherwise` instead. */
export async function orElse<T>(call: () => Promise<T>, otherwise: T | (() => Promise<T>)): Promise<T> {
  try {
    return await call();
  } catch (error) {
    warnRedisDown(error);
    return typeof otherwise === "function" ? (otherwise as () => Promise<T>)() : otherwise;
  }
}
