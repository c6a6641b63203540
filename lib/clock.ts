import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * The one clock every service reads. Real time, except with TEST_CLOCK=1 (end-to-end tests only), where a
 * player's clock can be shifted through PUT /api/v1/test-clock so missed days and rollovers need no sleeping.
 */
export async function now(playerId?: string): Promise<Date> {
  const real = new Date();
  if (!env().TEST_CLOCK || !playerId) return real;
  const clock = await db.testClock.findUnique({ where: { playerId }, select: { offsetMs: true } });
  return clock ? new Date(real.getTime() + Number(clock.offsetMs)) : real;
}

export async function setTestClock(playerId: string, instant: Date): Promise<void> {
  const offsetMs = BigInt(instant.getTime() - Date.now());
  await db.testClock.upsert({ where: { playerId }, create: { playerId, offsetMs }, update: { offsetMs } });
}

export async function resetTestClock(playerId: string): Promise<void> {
  await db.testClock.deleteMany({ where: { playerId } });
}
