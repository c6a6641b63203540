import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { checkHealth } from "@/lib/health/service";
import { getStore } from "@/lib/redis";
import { MemoryStore } from "@/lib/store/memory";
import { UpstashStore } from "@/lib/store/upstash";

describe("checkHealth", () => {
  it("is ok when the database and the cache answer", async () => {
    const store = getStore();
    expect(store.kind).toBe(process.env.UPSTASH_REDIS_REST_URL ? "upstash" : "memory");
    expect(await checkHealth(db, store)).toEqual({
      status: "ok",
      database: "ok",
      cache: store.kind === "upstash" ? "ok" : "in-process",
    });
  });

  it("reports the in-process store when no Redis is configured", async () => {
    expect(await checkHealth(db, new MemoryStore())).toEqual({ status: "ok", database: "ok", cache: "in-process" });
  });

  it("is degraded, not down, when Redis is unreachable", async () => {
    const dead = new UpstashStore("http://127.0.0.1:1", "token", "x:");
    expect(await checkHealth(db, dead)).toEqual({ status: "degraded", database: "ok", cache: "down" });
  });

  it("is down when the database is unreachable", async () => {
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing", 1);
    try {
      expect(await checkHealth(unreachable, new MemoryStore())).toEqual({
        status: "down",
        database: "down",
        cache: "in-process",
      });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
