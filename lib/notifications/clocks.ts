import "server-only";
import { testClockOffsets } from "@/lib/clock";

/** The tick's instant and, under TEST_CLOCK, each shifted player's offset from it. */
export type Clocks = { now: Date; offsets: Map<string, number> };

export async function readClocks(now: Date): Promise<Clocks> {
  return { now, offsets: await testClockOffsets() };
}

/** A player's now, as lib/clock.ts now(playerId) would read it. */
export function playerNow(clocks: Clocks, playerId: string): Date {
  return new Date(clocks.now.getTime() + (clocks.offsets.get(playerId) ?? 0));
}

/** An instant on a player's clock as a real one: what a delivery's TTL and expiry compare with. */
export function onRealClock(clocks: Clocks, playerId: string, instant: Date): Date {
  return new Date(instant.getTime() - (clocks.offsets.get(playerId) ?? 0));
}

/**
 * A where clause judged on each player's own clock: `where(at)` with `at` the player's now. Without shifted clocks
 * it is the clause itself, so an index on its instant column serves it; with them, one branch per shifted player,
 * named by `key` (the player id column: playerId, or id on Player itself).
 */
export function onPlayerClock<W extends object, K extends string = "playerId">(
  clocks: Clocks,
  where: (at: Date) => W,
  key: K = "playerId" as K,
): W | { OR: (W & Record<K, string | { notIn: string[] }>)[] } {
  if (clocks.offsets.size === 0) return where(clocks.now);
  const shifted = [...clocks.offsets.keys()];
  const branch = (at: Date, player: string | { notIn: string[] }) =>
    ({ ...where(at), [key]: player }) as W & Record<K, string | { notIn: string[] }>;
  return {
    OR: [
      branch(clocks.now, { notIn: shifted }),
      ...shifted.map((playerId) => branch(playerNow(clocks, playerId), playerId)),
    ],
  };
}
