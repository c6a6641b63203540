import "server-only";
import { env } from "@/lib/env";
import { MemoryStore } from "@/lib/store/memory";
import type { Store } from "@/lib/store/types";
import { UpstashStore } from "@/lib/store/upstash";

/**
 * Process-wide state lives on globalThis: Next builds separate module graphs for pages, route handlers and
 * Server Actions, so a module-level variable would give each its own in-process store (a write through the API
 * would not clear the cache a page reads) and its own Upstash client and limiters.
 */
const shared = globalThis as unknown as {
  systemStore?: { store?: Store; fallback: MemoryStore; lastWarning: number };
};
const state = (shared.systemStore ??= { fallback: new MemoryStore(), lastWarning: 0 });

/** Upstash when configured (Upstash's or Vercel KV's variable names), otherwise the in-process store. */
export function getStore(): Store {
  if (!state.store) {
    const e = env();
    const url = e.UPSTASH_REDIS_REST_URL ?? e.KV_REST_API_URL;
    const token = e.UPSTASH_REDIS_REST_TOKEN ?? e.KV_REST_API_TOKEN;
    state.store = url && token ? new UpstashStore(url, token, e.REDIS_PREFIX, e.REDIS_TIMEOUT_MS) : state.fallback;
  }
  return state.store;
}

/** The in-process store, for limits that must hold even while Redis is away (sign-in). */
export function localStore(): Store {
  return state.fallback;
}

const WARN_EVERY_MS = 60_000;

/** Logs that Redis is failing at most once a minute, so an outage does not flood the logs. */
export function warnRedisDown(error: unknown, now = Date.now()): void {
  if (now - state.lastWarning < WARN_EVERY_MS) return;
  state.lastWarning = now;
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.warn(`[redis] unavailable, degrading (cache bypassed, SQL leaderboards, local sign-in limits): ${reason}`);
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
