import "server-only";
import { env } from "@/lib/env";
import { syncLeaderboards } from "@/lib/leaderboard/service";
import { getPlayerStatus, type PlayerStatus } from "@/lib/player/queries";
import { getStore, orElse } from "@/lib/redis";
import { localDay } from "@/lib/time/rules";

const key = (playerId: string) => `status:${playerId}`;

/** Countdowns move with the clock, so they are recomputed on every read rather than cached. */
function withClock(status: PlayerStatus, now: Date): PlayerStatus {
  const secondsUntil = (iso: string) => Math.max(0, Math.round((Date.parse(iso) - now.getTime()) / 1000));
  return {
    ...status,
    secondsUntilReset: secondsUntil(status.resetsAt),
    penaltyZone: status.penaltyZone && {
      ...status.penaltyZone,
      secondsLeft: secondsUntil(status.penaltyZone.deadline),
    },
  };
}

/** The status window, from the per-player cache when it is still today's, else from Postgres (and cached). */
export async function cachedPlayerStatus(playerId: string, now: Date): Promise<PlayerStatus> {
  const ttl = env().STATUS_CACHE_SECONDS;
  if (ttl === 0) return getPlayerStatus(playerId, now);
  const store = getStore();
  const hit = await orElse(() => store.get(key(playerId)), null);
  if (hit) {
    const status = JSON.parse(hit) as PlayerStatus;
    // Still valid while its day is open (after moving west, the open day can be ahead of the local date).
    if (status.today >= localDay(now, status)) return withClock(status, now);
  }
  const status = await getPlayerStatus(playerId, now);
  await orElse(() => store.set(key(playerId), JSON.stringify(status), ttl), undefined);
  return status;
}

/** After a write commits: the cached status is dropped and the leaderboards take the new totals. */
export async function afterPlayerWrite(playerId: string, now: Date): Promise<void> {
  await orElse(() => getStore().del(key(playerId)), undefined);
  await syncLeaderboards(playerId, now);
}
