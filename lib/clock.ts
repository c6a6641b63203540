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

/**
 * Every shifted player clock, in ms (empty unless TEST_CLOCK=1): a job over many players, such as the notification
 * tick, judges each one by their own clock as now(playerId) would, with one query.
 */
export async function testClockOffsets(): Promise<Map<string, number>> {
  if (!env().TEST_CLOCK) return new Map();
  const clocks = await db.testClock.findMany({ select: { playerId: true, offsetMs: true } });
  return new Map(clocks.map((clock) => [clock.playerId, Number(clock.offsetMs)]));
}
