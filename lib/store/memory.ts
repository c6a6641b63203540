import type { BoardRead, LimitResult, LimitRule, RankedEntry, Store, StoreWrite } from "@/lib/store/types";

/**
 * The in-process store: the embedded default when no Upstash endpoint is configured, and the sign-in limiter's
 * fallback when Redis is down. Per process, so on serverless it only limits what one instance sees.
 */
export class MemoryStore implements Store {
  readonly kind = "memory" as const;
  private readonly values = new Map<string, { value: string; expires: number }>();
  private readonly sets = new Map<string, Map<string, number>>();
  private readonly windows = new Map<string, { start: number; current: number; previous: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  async ping() {}

  async get(key: string) {
    const entry = this.values.get(key);
    if (!entry || entry.expires <= this.clock()) return null;
    return entry.value;
  }

  async set(key: string, value: string, ttlSeconds: number) {
    this.values.set(key, { value, expires: this.clock() + ttlSeconds * 1000 });
  }

  async setIfUnchanged(key: string, expected: string | null, value: string, ttlSeconds: number) {
    if ((await this.get(key)) !== expected) return false;
    await this.set(key, value, ttlSeconds);
    return true;
  }

  async del(...keys: string[]) {
    for (const key of keys) this.values.delete(key);
  }

  async incr(key: string, ttlSeconds: number) {
    const count = Number((await this.get(key)) ?? 0) + 1;
    this.values.set(key, { value: String(count), expires: this.clock() + ttlSeconds * 1000 });
    return count;
  }

  async zset(key: string, entries: readonly RankedEntry[]) {
    const set = this.sets.get(key) ?? new Map<string, number>();
    for (const { member, score } of entries) set.set(member, score);
    this.sets.set(key, set);
  }

  async apply(writes: readonly StoreWrite[]) {
    for (const write of writes) {
      if (write.op === "del") await this.del(write.key);
      else if (write.op === "set") await this.set(write.key, write.value, write.ttlSeconds);
      else if (write.op === "zrem") this.sets.get(write.key)?.delete(write.member);
      else await this.zset(write.key, write.entries);
    }
  }

  private ranked(key: string): RankedEntry[] {
    // Redis orders equal scores by member, descending, for ZREVRANGE.
    return [...(this.sets.get(key) ?? new Map<string, number>())]
      .map(([member, score]) => ({ member, score }))
      .sort((a, b) => b.score - a.score || (a.member < b.member ? 1 : -1));
  }

  async zrevrank(key: string, member: string) {
    const index = this.ranked(key).findIndex((entry) => entry.member === member);
    return index === -1 ? null : index;
  }

  async zcard(key: string) {
    return this.sets.get(key)?.size ?? 0;
  }

  async ztop(key: string, limit: number) {
    return this.ranked(key).slice(0, limit);
  }

  async zread(key: string, member: string, limit: number, marker: string): Promise<BoardRead> {
    const [top, rank, total] = await Promise.all([this.ztop(key, limit), this.zrevrank(key, member), this.zcard(key)]);
    return { top, rank, total, marked: this.sets.get(key)?.has(marker) ?? false };
  }

  async claim(key: string, ttlSeconds: number) {
    if ((await this.get(key)) !== null) return false;
    await this.set(key, "1", ttlSeconds);
    return true;
  }

  /** The same sliding window as @upstash/ratelimit: the previous window counts in proportion to its overlap. */
  async limit(name: string, identifier: string, rule: LimitRule): Promise<LimitResult> {
    const windowMs = rule.windowSeconds * 1000;
    const now = this.clock();
    const start = Math.floor(now / windowMs) * windowMs;
    const key = `${name}:${identifier}`;
    let window = this.windows.get(key);
    if (!window || window.start !== start) {
      const previous = window && window.start === start - windowMs ? window.current : 0;
      window = { start, current: 0, previous };
      this.windows.set(key, window);
    }
    const weight = 1 - (now - start) / windowMs;
    const used = Math.floor(window.previous * weight) + window.current;
    const success = used < rule.limit;
    if (success) window.current += 1;
    return {
      success,
      limit: rule.limit,
      remaining: Math.max(0, rule.limit - used - (success ? 1 : 0)),
      reset: start + windowMs,
    };
  }

  async forgetLimit(name: string, identifier: string) {
    this.windows.delete(`${name}:${identifier}`);
  }
}
