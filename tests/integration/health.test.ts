import { describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { checkHealth } from "@/lib/health/service";

describe("checkHealth", () => {
  it("is ok when the database answers and no cache is configured", async () => {
    expect(await checkHealth(db, null)).toEqual({ status: "ok", database: "ok", cache: "not-configured" });
  });

  it("is down when the database is unreachable", async () => {
    const unreachable = createPrismaClient("postgresql://postgres@127.0.0.1:1/nothing", 1);
    try {
      expect(await checkHealth(unreachable, null)).toEqual({
        status: "down",
        database: "down",
        cache: "not-configured",
      });
    } finally {
      await unreachable.$disconnect();
    }
  });
});
