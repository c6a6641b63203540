import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { metrics } from "@/lib/metrics/registry";
import { MemoryStore } from "@/lib/store/memory";
import type { Store } from "@/lib/store/types";
import { UpstashStore } from "@/lib/store/upstash";

/**
 * Process-wide state lives on globalThis: Next builds separate module graphs for pages, route handlers and
 * Server Actions, so a module-level variable would give each its own in-process store (a write through the API
 * would not clear the cache a page reads) and its own Upstash client and limiters.
 */
type Connection = { store: Store; lastWarning: number };
const shared = globalThis as unknown as {
  systemStore?: { fallback: MemoryStore; connections: Map<string, Connection> };
};
const state = (shared.systemStore ??= { fallback: new MemoryStore(), connections: new Map() });

/** The store for the configuration in force, made once per process (a changed configuration gets its own). */
function connection(): Connection {
  const e = env();
  const url = e.UPSTASH_REDIS_REST_URL ?? e.KV_REST_API_URL;
  const token = e.UPSTASH_REDIS_REST_TOKEN ?? e.KV_REST_API_TOKEN;
  const key = url && token ? [url, token, e.REDIS_PREFIX, e.REDIS_TIMEOUT_MS].join("|") : "memory";
  let found = state.connections.get(key);
  if (!found) {
    const store = url && token ? new UpstashStore(url, token, e.REDIS_PREFIX, e.REDIS_TIMEOUT_MS) : state.fallback;
    found = { store, lastWarning: 0 };
    state.connections.set(key, found);
  }
  return found;
}

/** Upstash when configured (Upstash's or Vercel KV's variable names), otherwise the in-process store. */
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
