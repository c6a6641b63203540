import { describe, expect, it } from "vitest";
import { MemoryStore } from "@/lib/store/memory";

function storeAt(start = 1_000_000) {
  const clock = { now: start };
  return { store: new MemoryStore(() => clock.now), clock };
}

describe("MemoryStore (the embedded default and the sign-in fallback)", () => {
  it("expires values after their TTL", async () => {
    const { store, clock } = storeAt();
    await store.set("k", "v", 10);
    expect(await store.get("k")).toBe("v");
    clock.now += 10_000;
    expect(await store.get("k")).toBeNull();
  });

  it("applies several writes in order, as one pipeline does", async () => {
    const { store } = storeAt();
    await store.set("status", "cached", 60);
    await store.zset("board", [{ member: "old", score: 1 }]);
    await store.apply([
      { op: "del", key: "status" },
      { op: "zset", key: "board", entries: [{ member: "amy", score: 5 }] },
      { op: "zrem", key: "board", member: "old" },
      { op: "zset", key: "board", entries: [{ member: "amy", score: 7 }] },
    ]);
    expect(await store.get("status")).toBeNull();
    expect(await store.ztop("board", 10)).toEqual([{ member: "amy", score: 7 }]);
  });

  it("sets only over the value it was told to expect, as the compare-and-set script does", async () => {
    const { store, clock } = storeAt();
    expect(await store.setIfUnchanged("k", null, "first", 10)).toBe(true);
    expect(await store.setIfUnchanged("k", null, "second", 10)).toBe(false);
    expect(await store.setIfUnchanged("k", "other", "second", 10)).toBe(false);
    expect(await store.get("k")).toBe("first");
    expect(await store.setIfUnchanged("k", "first", "second", 10)).toBe(true);
    expect(await store.get("k")).toBe("second");
    clock.now += 10_000;
    expect(await store.setIfUnchanged("k", null, "third", 10)).toBe(true);
    await store.apply([{ op: "set", key: "k", value: "mark", ttlSeconds: 5 }]);
    expect(await store.get("k")).toBe("mark");
    clock.now += 5_000;
    expect(await store.get("k")).toBeNull();
  });

  it("counts up and forgets the count after its TTL, as INCR with EXPIRE does", async () => {
    const { store, clock } = storeAt();
    expect(await store.incr("c", 10)).toBe(1);
    expect(await store.incr("c", 10)).toBe(2);
    clock.now += 10_000;
    expect(await store.incr("c", 10)).toBe(1);
  });

  it("ranks sorted-set members highest first, ties by member descending as Redis does", async () => {
    const { store } = storeAt();
    await store.zset("b", [
      { member: "amy", score: 5 },
      { member: "bob", score: 9 },
      { member: "cat", score: 5 },
    ]);
    await store.zset("b", [{ member: "amy", score: 7 }]);
    expect(await store.ztop("b", 10)).toEqual([
      { member: "bob", score: 9 },
      { member: "amy", score: 7 },
      { member: "cat", score: 5 },
    ]);
    expect(await store.zrevrank("b", "cat")).toBe(2);
    await store.apply([{ op: "zrem", key: "b", member: "bob" }]);
    expect(await store.zrevrank("b", "bob")).toBeNull();
    expect(await store.zcard("b")).toBe(2);
  });

  it("limits with a sliding window: the previous window counts in proportion to its overlap", async () => {
    const { store, clock } = storeAt(60_000 * 100);
    const rule = { limit: 4, windowSeconds: 60 };
    const hits = async (n: number) => {
      const results = [];
      for (let i = 0; i < n; i++) results.push((await store.limit("t", "me", rule)).success);
      return results;
    };
    expect(await hits(5)).toEqual([true, true, true, true, false]);
    clock.now += 60_000 + 15_000; // a quarter into the next window: 3 of the previous 4 still count
    expect(await hits(2)).toEqual([true, false]);
    const result = await store.limit("t", "someone-else", rule);
    expect(result).toEqual({ success: true, limit: 4, remaining: 3, reset: 60_000 * 102 });
  });
});
