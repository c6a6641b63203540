import "server-only";
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { leaderboardWrites } from "@/lib/leaderboard/service";
import { getPlayerStatus } from "@/lib/player/queries";
import type { PlayerStatus } from "@/lib/player/rules";
import { forgetPlayerLimits } from "@/lib/rate-limit/service";
import { getStore, onRedisRecovered, orElse } from "@/lib/redis";
import type { StoreWrite } from "@/lib/store/types";
import { localDay } from "@/lib/time/rules";

export const statusKey = (playerId: string) => `status:${playerId}`;

/** A cached status carries the player's cacheStamp when it was computed; a newer stamp makes it a miss. */
type Cached = { stamp: number; status: PlayerStatus };

/** Who reads the status: `cacheStamp` comes with the authenticating lookup; null skips the cache (a write, such as
 * the lazy rollover, just happened in this request and may have moved the stamp). */
export type StatusViewer = { playerId: string; now: Date; cacheStamp: number | null };

/**
 * What a write leaves in place of the cached status: a value of its own, so that a read which began before the write
 * (and may have computed the status from before it) cannot put its copy back (cachedPlayerStatus sets only over the
 * value it found). It lasts longer than any request does.
 */
const WRITE_MARK_SECONDS = 60;
const writeMark = () => `written:${randomUUID()}`;

function parseCached(hit: string | null): Cached | null {
  return hit?.startsWith("{") ? (JSON.parse(hit) as Cached) : null;
}

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

/**
 * While this process cannot reach Redis (down, slow, its breaker open): the statuses it computed, kept here a few
 * seconds for at most 1,000 Hunters, so a degraded read costs about what a cached one does. Checked like Redis's
 * copy: against the player's cacheStamp, which every write Redis cannot be told of moves (afterPlayerWrite), and
 * dropped by this process's own writes (docs/rules.md "When Redis is away").
 */
const localStatuses = new LRUCache<string, Cached>({ max: 1_000, ttl: 5_000 });

/** The status window, from the per-player cache when it is still today's and current, else from Postgres (and
 * cached). */
export async function cachedPlayerStatus({ playerId, now, cacheStamp }: StatusViewer): Promise<PlayerStatus> {
  const ttl = env().STATUS_CACHE_SECONDS;
  if (ttl === 0 || cacheStamp === null) return getPlayerStatus(playerId, now);
  const store = getStore();
  const read = await orElse(async () => ({ reached: true, hit: await store.get(statusKey(playerId)) }), {
    reached: false,
    hit: null,
  });
  const kept = read.reached ? parseCached(read.hit) : localStatuses.get(playerId);
  // Still valid while its day is open (after moving west, the open day can be ahead of the local date), and only
  // if no write since was left uncleared by an outage.
  if (kept && kept.stamp === cacheStamp && kept.status.today >= localDay(now, kept.status)) {
    return withClock(kept.status, now);
  }
  const status = await getPlayerStatus(playerId, now);
  const cached: Cached = { stamp: cacheStamp, status };
  // Only over what this read found: a write that committed meanwhile left its mark there, and the status computed
  // here may be from before it.
  if (read.reached) {
    await orElse(() => store.setIfUnchanged(statusKey(playerId), read.hit, JSON.stringify(cached), ttl), false);
  } else localStatuses.set(playerId, cached);
  return status;
}

/**
 * After a write commits: the cached status gives way to a write mark and the leaderboards take the new totals.
 * When Redis cannot be told (down, slow, or its breaker open), one statement in Postgres makes up for it: the
 * player's cacheStamp moves, so the status cached before the write is never served again, and the player is queued
 * for the Redis repair (repairRedis below) that brings the boards up to date, or forgets a deleted account, once
 * Redis is back.
 * True when Redis was told.
 */
export async function afterPlayerWrite(playerId: string, now: Date): Promise<boolean> {
  localStatuses.delete(playerId);
  const { writes, gone } = await leaderboardWrites(playerId, now);
  // The cached status and both boards in one round trip.
  const told = await orElse(async () => {
    const key = statusKey(playerId);
    // A deleted account leaves nothing behind; nobody reads its status again.
    const status: StoreWrite = gone
      ? { op: "del", key }
      : { op: "set", key, value: writeMark(), ttlSeconds: WRITE_MARK_SECONDS };
    await getStore().apply([status, ...writes]);
    return true;
  }, false);
  if (told && !gone) return true;
  // A deleted account leaves nothing in Redis: its rate-limit counters go too.
  if (told && (await orElse(() => forgetPlayerLimits(playerId).then(() => true), false))) return true;
  await markRedisBehind(playerId);
  return false;
}

export async function markRedisBehind(playerId: string): Promise<void> {
  await db.$executeRaw`
    WITH bumped AS (UPDATE "Player" SET "cacheStamp" = "cacheStamp" + 1 WHERE "id" = ${playerId})
    INSERT INTO "RedisRepair" ("playerId") VALUES (${playerId}) ON CONFLICT ("playerId") DO NOTHING`;
}

const REPAIR_BATCH = 100;

export type RepairRun = { repaired: number; remaining: boolean };

/**
 * Brings Redis up to date for the players whose writes it missed while unreachable (RedisRepair): their cached
 * status is dropped, their scores put on the boards (or taken off), and a deleted account's keys removed. Rows are
 * claimed with SKIP LOCKED, so processes draining at once share the work; a player whose repair fails is queued
 * again and the run stops there. Runs when a process's Redis breaker closes, and on every cron tick.
 */
export async function repairRedis(now: Date, budgetMs = 20_000): Promise<RepairRun> {
  const started = Date.now();
  let repaired = 0;
  for (;;) {
    const claimed = await db.$queryRaw<{ playerId: string }[]>`
      DELETE FROM "RedisRepair" WHERE "playerId" IN (
        SELECT "playerId" FROM "RedisRepair" ORDER BY "createdAt" LIMIT ${REPAIR_BATCH} FOR UPDATE SKIP LOCKED
      ) RETURNING "playerId"`;
    for (const [i, { playerId }] of claimed.entries()) {
      if (await afterPlayerWrite(playerId, now)) {
        repaired += 1;
        continue;
      }
      for (const rest of claimed.slice(i + 1)) await markRedisBehind(rest.playerId);
      return { repaired, remaining: true };
    }
    const remaining = claimed.length === REPAIR_BATCH;
    if (!remaining || Date.now() - started > budgetMs) return { repaired, remaining };
  }
}

onRedisRecovered("redis-repair", () => repairRedis(new Date()));
