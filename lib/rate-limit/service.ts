import "server-only";
import { createHash } from "node:crypto";
import { env, onVercel } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { clientAddress, PLAYER_LIMITS, waitText, WHEN_REDIS_IS_DOWN, type LimitName } from "@/lib/rate-limit/rules";
import { getStore, localStore, warnRedisDown } from "@/lib/redis";
import type { LimitResult } from "@/lib/store/types";

/** Identifiers that are personal data (emails) are hashed before they become Redis keys. */
export function anonymise(value: string): string {
  return createHash("sha256").update(value.trim().toLowerCase()).digest("hex").slice(0, 32);
}

/**
 * The caller's address, from headers a client cannot forge: on Vercel the platform's own (it overwrites
 * X-Real-IP and X-Vercel-Forwarded-For), self-hosted the X-Forwarded-For chain read from the right past
 * TRUSTED_PROXY_COUNT proxies.
 */
export function clientIp(headers: Headers): string {
  if (onVercel()) {
    return headers.get("x-real-ip") || headers.get("x-vercel-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  }
  return clientAddress(headers.get("x-forwarded-for"), env().TRUSTED_PROXY_COUNT);
}

export function rateLimitHeaders(result: LimitResult, now = Date.now()): Record<string, string> {
  return {
    "Retry-After": String(Math.max(1, Math.ceil((result.reset - now) / 1000))),
    "X-RateLimit-Limit": String(result.limit),
    "X-RateLimit-Remaining": String(result.remaining),
    "X-RateLimit-Reset": String(Math.ceil(result.reset / 1000)),
  };
}

/** Counts one hit against a limit and throws RATE_LIMITED (429 with Retry-After) when it is used up. */
export async function enforceLimit(name: LimitName, identifier: string): Promise<void> {
  const rule = env().RATE_LIMITS[name];
  let result: LimitResult | null;
  try {
    result = await getStore().limit(name, identifier, rule);
  } catch (error) {
    warnRedisDown(error);
    result = WHEN_REDIS_IS_DOWN[name] === "local" ? await localStore().limit(name, identifier, rule) : null;
  }
  if (result && !result.success) {
    throw new AppError(
      "RATE_LIMITED",
      `Too many attempts. Try again in ${waitText(result.reset - Date.now())}.`,
      undefined,
      rateLimitHeaders(result),
    );
  }
}

/** Drops a deleted player's counters (throws when Redis cannot be reached). */
export async function forgetPlayerLimits(playerId: string): Promise<void> {
  const store = getStore();
  await Promise.all(PLAYER_LIMITS.map((name) => store.forgetLimit(name, playerId, env().RATE_LIMITS[name])));
}

/** Sign-in, from the form or for a token: 10 a minute per IP and 5 a minute per email. */
export async function enforceSignInLimits(headers: Headers, email: string): Promise<void> {
  await enforceLimit("signInIp", clientIp(headers));
  await enforceLimit("signInEmail", anonymise(email));
}
