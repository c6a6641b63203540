/** What the app asks of Redis: a small interface served by Upstash, or in-process when none is configured. */
export type RankedEntry = { member: string; score: number };
export type LimitResult = { success: boolean; limit: number; remaining: number; reset: number };
export type LimitRule = { limit: number; windowSeconds: number };
/** One read of a board: its top entries, a member's 0-based rank, its size, and whether `marker` is in it. */
export type BoardRead = { top: RankedEntry[]; rank: number | null; total: number; marked: boolean };

/** One write of `Store.apply`. */
export type StoreWrite =
  | { op: "del"; key: string }
  | { op: "set"; key: string; value: string; ttlSeconds: number }
  | { op: "zset"; key: string; entries: readonly RankedEntry[] }
  | { op: "zrem"; key: string; member: string };

export interface Store {
  readonly kind: "upstash" | "memory";
  ping(): Promise<void>;
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** SET with a TTL only while `key` still holds `expected` (null: absent), checked and written atomically; true
   * when it was written. */
  setIfUnchanged(key: string, expected: string | null, value: string, ttlSeconds: number): Promise<boolean>;
  del(...keys: string[]): Promise<void>;
  /** Adds one to the counter at `key` (which then lives `ttlSeconds`) and returns the new count. */
  incr(key: string, ttlSeconds: number): Promise<number>;
  /** Sorted sets: the leaderboards. Scores are set absolutely, so repeating an update is harmless. */
  zset(key: string, entries: readonly RankedEntry[]): Promise<void>;
  /** 0-based, highest score first; null when absent. */
  zrevrank(key: string, member: string): Promise<number | null>;
  zcard(key: string): Promise<number>;
  ztop(key: string, limit: number): Promise<RankedEntry[]>;
  /** ztop, zrevrank, zcard and whether `marker` is a member, in one round trip. */
  zread(key: string, member: string, limit: number, marker: string): Promise<BoardRead>;
  /** Several writes in one round trip (a pipeline), in order: what one game write tells Redis. */
  apply(writes: readonly StoreWrite[]): Promise<void>;
  /** SET NX with a TTL: true for the one caller that got the key. */
  claim(key: string, ttlSeconds: number): Promise<boolean>;
  /** Sliding-window rate limit: one hit for `identifier` under `name`. */
  limit(name: string, identifier: string, rule: LimitRule): Promise<LimitResult>;
  /** Drops what `limit` keeps for `identifier` (a deleted account's counters). */
  forgetLimit(name: string, identifier: string, rule: LimitRule): Promise<void>;
}
