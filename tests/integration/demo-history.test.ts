import { describe, expect, it } from "vitest";
import { createAccount } from "@/lib/accounts/service";
import { getHistoryGroups } from "@/lib/days/queries";
import { db } from "@/lib/db";
import { getPlayerStatus } from "@/lib/player/queries";
import { DEMO_DAYS, playDemoHistory } from "@/prisma/demo-history";
import { makeSignUp, utc } from "@/tests/support/factories";

describe("the demo Hunter's three weeks", () => {
  it("are alive: awakened, streaks, a shielded day, a Penalty Zone survived, a Rank Trial under way", async () => {
    const { playerId } = await createAccount(makeSignUp());
    const now = utc("2040-06-22", "10:00");
    await playDemoHistory(playerId, now);

    const player = await db.player.findUniqueOrThrow({ where: { id: playerId } });
    expect(player).toMatchObject({ job: "ASSASSIN", lastSettledDay: "2040-06-21" });
    expect(player.awakenedAt).not.toBeNull();
    const outcomes = await db.daySettlement.groupBy({ by: ["outcome"], where: { playerId }, _count: { _all: true } });
    const count = (outcome: string) => outcomes.find((o) => o.outcome === outcome)?._count._all ?? 0;
    expect(count("CLEARED") + count("SHIELDED") + count("FAILED")).toBe(DEMO_DAYS);
    expect(count("SHIELDED")).toBeGreaterThanOrEqual(1);
    expect(await db.penalty.count({ where: { playerId, status: "CLEARED" } })).toBe(1);
    expect(await db.penalty.count({ where: { playerId, status: { not: "CLEARED" } } })).toBe(0);
    expect(await db.rankTrial.count({ where: { playerId, passedAt: null } })).toBe(1);

    const status = await getPlayerStatus(playerId, now);
    expect(status.streak).toBeGreaterThan(3);
    expect(status.level).toBeGreaterThanOrEqual(10);
    expect(status.statPoints.available).toBeGreaterThan(0);
    expect(status.stats.AGI).toBeGreaterThan(status.stats.STR);
    expect(status.quests.filter((q) => q.kind === "DAILY" && q.dueToday && !q.completeToday)).toHaveLength(3);
  });

  it("were recorded as they were played: seeded today, none of it reads as recorded later", async () => {
    const { playerId } = await createAccount(makeSignUp());
    // Weeks before the real clock, as the seed plays them before "now".
    const now = utc("2025-06-22", "10:00");
    await playDemoHistory(playerId, now);
    const status = await getPlayerStatus(playerId, now);
    const history = await getHistoryGroups(playerId, "2025-06-01", "2025-06-22", status);
    const groups = history.flatMap((day) => day.checkIns);
    expect(groups.length).toBeGreaterThan(DEMO_DAYS);
    expect(groups.filter((group) => group.later || group.source !== "LIVE")).toEqual([]);
  });
});
