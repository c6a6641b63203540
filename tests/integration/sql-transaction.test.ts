// lib/db.ts sqlTransaction and rawSql: the check-in's transaction and the hot reads on plain node-postgres. They must
// read and write exactly as Prisma does (timestamps as UTC instants whatever the process's zone), keep the
// transaction's contract (all or nothing, bounded waits) and report their statements to the same query listeners
// the cost tests count with.
import { afterEach, describe, expect, it } from "vitest";
import { checkIn } from "@/lib/check-ins/service";
import { db, newId, rawSql, sqlTransaction } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/errors";
import { EPOCH, makePlayer, makeQuest } from "@/tests/support/factories";

const zone = process.env.TZ;
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

const events: string[] = [];
db.$on("query", (event) => events.push(event.query));

describe("newId", () => {
  it("makes unique cuid-like ids that sort in the order they were made, many within one millisecond", () => {
    const ids = Array.from({ length: 2_000 }, () => newId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^c[a-z0-9]{24}$/);
  });
});

describe("sqlTransaction", () => {
  it("writes and reads a timestamp as the UTC instant Prisma does, in a process whose zone is not UTC", async () => {
    // node-postgres alone would write 03:00 (New York's wall clock) into the timestamp column and read it back as
    // New York's 08:00.
    process.env.TZ = "America/New_York";
    const player = await makePlayer();
    const quest = await makeQuest(player.playerId, { kind: "HABIT", stats: ["STR"] }, EPOCH);
    const reply = await checkIn(player.playerId, quest.id, { idempotencyKey: "utc-1" }, EPOCH);
    expect(reply.body.checkIn.happenedAt).toBe(EPOCH.toISOString());

    const stored = await db.checkIn.findUniqueOrThrow({ where: { id: reply.body.checkIn.id } });
    expect(stored.happenedAt.toISOString()).toBe(EPOCH.toISOString());
    const [read] = await sqlTransaction(
      (tx) => tx.$queryRaw<{ happenedAt: Date }[]>`SELECT "happenedAt" FROM "CheckIn" WHERE "id" = ${stored.id}`,
    );
    expect(read!.happenedAt.toISOString()).toBe(EPOCH.toISOString());
  });

  it("commits all of the work or none of it", async () => {
    const player = await makePlayer();
    const failed = sqlTransaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Player" SET "gold" = 999 WHERE "id" = ${player.playerId}`;
      throw new Error("the work failed after its first write");
    });
    await expect(failed).rejects.toThrow("the work failed after its first write");
    expect((await db.player.findUniqueOrThrow({ where: { id: player.playerId } })).gold).toBe(0);

    await sqlTransaction((tx) => tx.$executeRaw`UPDATE "Player" SET "gold" = 7 WHERE "id" = ${player.playerId}`);
    expect((await db.player.findUniqueOrThrow({ where: { id: player.playerId } })).gold).toBe(7);
  });

  it("tells db.$on('query') listeners its statements and COMMIT or ROLLBACK, and leaves BEGIN out as Prisma does", async () => {
    const first = events.length;
    await sqlTransaction((tx) => tx.$queryRaw`SELECT 1 AS "one"`);
    expect(events.slice(first)).toEqual(['SELECT 1 AS "one"', "COMMIT"]);

    const second = events.length;
    await expect(
      sqlTransaction(async (tx) => {
        await tx.$queryRaw`SELECT 2 AS "two"`;
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect(events.slice(second)).toEqual(['SELECT 2 AS "two"', "ROLLBACK"]);
  });

  it("gives up after maxWait when every connection is taken, as the database being out of reach", async () => {
    const { pool } = db;
    const taken = await Promise.all(Array.from({ length: pool.options.max ?? 10 }, () => pool.connect()));
    try {
      const error = await sqlTransaction((tx) => tx.$queryRaw`SELECT 1`, { maxWait: 100, timeout: 1_000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Error);
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      for (const connection of taken) connection.release();
    }
    // The connection that arrived too late went back: the pool still serves.
    await expect(sqlTransaction((tx) => tx.$queryRaw`SELECT 1`)).resolves.toBeDefined();
  });

  it("refuses a statement after the transaction's timeout and rolls back", async () => {
    const player = await makePlayer();
    const slow = sqlTransaction(
      async (tx) => {
        await tx.$executeRaw`UPDATE "Player" SET "gold" = 5 WHERE "id" = ${player.playerId}`;
        await new Promise((resolve) => setTimeout(resolve, 120));
        await tx.$queryRaw`SELECT 1`;
      },
      { maxWait: 1_000, timeout: 50 },
    );
    await expect(slow).rejects.toThrow("Transaction expired after 50 ms");
    expect((await db.player.findUniqueOrThrow({ where: { id: player.playerId } })).gold).toBe(0);
  });
});

describe("rawSql", () => {
  it("reads and writes a timestamp as the UTC instant Prisma does, in a process whose zone is not UTC", async () => {
    process.env.TZ = "America/New_York";
    const player = await makePlayer();
    await rawSql.$executeRaw`UPDATE "Player" SET "updatedAt" = ${EPOCH} WHERE "id" = ${player.playerId}`;
    const stored = await db.player.findUniqueOrThrow({ where: { id: player.playerId } });
    expect(stored.updatedAt.toISOString()).toBe(EPOCH.toISOString());
    const [read] = await rawSql.$queryRaw<{ updatedAt: Date }[]>`
      SELECT "updatedAt" FROM "Player" WHERE "id" = ${player.playerId}`;
    expect(read!.updatedAt.toISOString()).toBe(EPOCH.toISOString());
  });

  it("tells db.$on('query') listeners each statement, with no transaction around it", async () => {
    const first = events.length;
    await rawSql.$queryRaw`SELECT 3 AS "three"`;
    expect(events.slice(first)).toEqual(['SELECT 3 AS "three"']);
  });
});
