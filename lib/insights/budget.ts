import "server-only";
import { env } from "@/lib/env";
import { getStore, orElse } from "@/lib/redis";
import type { DayKey } from "@/lib/time/rules";

export type Source = "builtin" | "openai";

/** Whether a model call may be made: "unknown" when Redis cannot count (then none is made). */
export type Budget = "ok" | "spent" | "unknown";

/** Counts one model call against the Hunter's budget for their System day (AI_DAILY_BUDGET), in Redis. */
export async function spendBudget(playerId: string, today: DayKey): Promise<Budget> {
  // The day's key outlives the day by a day, whatever the zone.
  const count = await orElse(() => getStore().incr(`ai:budget:${playerId}:${today}`, 2 * 86_400), null);
  if (count === null) return "unknown";
  return count <= env().AI_DAILY_BUDGET ? "ok" : "spent";
}

/** Says which feature fell back to the built-in voice, and why; never who or what they wrote. */
export function logFallback(what: string, reason: string): void {
  console.warn(`[insights] ${what}: the built-in voice answered (${reason})`);
}
