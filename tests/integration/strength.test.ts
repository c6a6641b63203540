import { describe, expect, it } from "vitest";
import { settlePlayer } from "@/lib/days/service";
import { db } from "@/lib/db";
import { getPlayerStatus } from "@/lib/player/queries";
import { addRestPeriod } from "@/lib/player/service";
import { getStrengthSeries } from "@/lib/quests/queries";
import { checkInAt, daySettlements, makePlayer, makeQuest, playerTotals, utc } from "@/tests/support/factories";

// March 2040: Monday the 5th to Sunday the 11th, Monday the 12th to Sunday the 18th.
const MON = "2040-03-05";
const TUE = "2040-03-06";
const WED = "2040-03-07";
const THU = "2040-03-08";

describe("habit strength, rest and rank trials", () => {
  it("makes rest days REST: no shield spent, streak and strength frozen", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    await addRestPeriod(playerId, { startDay: TUE, endDay: THU }, utc(MON, "11:00"));
    await checkInAt(playerId, quest.id, utc("2040-03-09", "10:00"));

    await settlePlayer(playerId, utc("2040-03-10", "04:00"));

    const rows = await daySettlements(playerId);
    expect(rows.map((r) => [r.dayKey, r.outcome, r.streakAfter, r.shieldsAfter])).toEqual([
      [MON, "CLEARED", 1, 1],
      [TUE, "REST", 1, 1],
      [WED, "REST", 1, 1],
      [THU, "REST", 1, 1],
      ["2040-03-09", "CLEARED", 2, 1],
    ]);
    const { series } = await getStrengthSeries(playerId, quest.id, MON, "2040-03-09");
    const [monday, ...rest] = series.map((s) => s.strength);
    expect(rest.slice(0, 3)).toEqual([monday, monday, monday]);
    expect(rest[3]).toBeGreaterThan(monday!);
    expect((await db.quest.findUniqueOrThrow({ where: { id: quest.id } })).strength).toBeCloseTo(rest[3]!, 12);
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "safe-zone" } })).toBe(1);
  });

  it("advances each daily's stored strength on settled days exactly as strengthSeries recomputes it", async () => {
    const { playerId } = await makePlayer();
    const quests = {
      everyDay: await makeQuest(playerId),
      weekly: await makeQuest(playerId, { schedule: { type: "TIMES_PER_WEEK", n: 3 } }),
      weekdays: await makeQuest(playerId, { schedule: { type: "WEEKDAYS", days: [1, 3, 5] } }),
      everyOther: await makeQuest(playerId, { schedule: { type: "EVERY_N_DAYS", n: 2, anchor: MON } }),
    };
    // Two weeks of check-ins: day of March → quests done. Misses make shielded (frozen) and failed days.
    const done: Record<number, (keyof typeof quests)[]> = {
      5: ["everyDay", "weekly", "weekdays", "everyOther"],
      6: ["everyDay", "weekly"],
      7: ["weekdays", "everyOther"],
      8: ["everyDay", "weekly"],
      9: ["everyDay", "weekdays", "everyOther"],
      10: ["everyDay"],
      12: ["everyDay", "weekly", "weekdays"],
      13: ["everyDay", "everyOther"],
      14: ["everyDay", "weekly", "weekdays"],
      15: ["everyDay", "everyOther"],
      16: ["weekly"],
      17: ["everyDay", "weekly", "everyOther"],
      18: ["everyDay"],
    };
    for (let day = 5; day <= 18; day++) {
      const key = `2040-03-${String(day).padStart(2, "0")}`;
      for (const name of done[day] ?? []) await checkInAt(playerId, quests[name].id, utc(key, "10:00"));
      // The first week is settled day by day, the second in one go after it.
      if (day <= 11) await settlePlayer(playerId, utc(`2040-03-${String(day + 1).padStart(2, "0")}`, "04:00"));
    }
    await settlePlayer(playerId, utc("2040-03-19", "04:00"));
    expect((await playerTotals(playerId)).lastSettledDay).toBe("2040-03-18");
    expect(new Set((await daySettlements(playerId)).map((s) => s.outcome))).toEqual(
      new Set(["CLEARED", "SHIELDED", "FAILED"]),
    );

    for (const quest of Object.values(quests)) {
      const { series } = await getStrengthSeries(playerId, quest.id, MON, "2040-03-18");
      expect(series).toHaveLength(14);
      const stored = await db.quest.findUniqueOrThrow({ where: { id: quest.id } });
      expect(stored.strengthDay).toBe("2040-03-18");
      expect(stored.strength).toBeGreaterThan(0);
      expect(stored.strength).toBeCloseTo(series.at(-1)!.strength, 12);
    }
  });

  it("fixes a daily's stored strength with a backfill, as strengthSeries recomputes it", async () => {
    const { playerId } = await makePlayer();
    const quest = await makeQuest(playerId);
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    await settlePlayer(playerId, utc(THU, "04:00")); // Tuesday shielded, Wednesday failed
    const missed = await db.quest.findUniqueOrThrow({ where: { id: quest.id } });

    await checkInAt(playerId, quest.id, utc(THU, "05:00"), { happenedAt: `${WED}T20:00:00Z` });

    const strengthAfterBackfill = async (through: string) => {
      const { series } = await getStrengthSeries(playerId, quest.id, MON, through);
      const stored = await db.quest.findUniqueOrThrow({ where: { id: quest.id } });
      expect(stored.strengthDay).toBe(through);
      expect(stored.strength).toBeCloseTo(series.at(-1)!.strength, 12);
      return stored.strength;
    };
    expect(await strengthAfterBackfill(WED)).toBeGreaterThan(missed.strength);
    // And the rollovers after it carry on from the fixed strength.
    await checkInAt(playerId, quest.id, utc(THU, "10:00"));
    await settlePlayer(playerId, utc("2040-03-09", "04:00"));
    await strengthAfterBackfill(THU);
  });

  /** A level-9 Hunter with three dailies of the given strengths, pushed to level 10 by Monday's check-ins. */
  async function levelTenHunter(strengths: number[]) {
    const { playerId } = await makePlayer();
    // 8,050 XP set directly: earning it would take 80 check-ins and is not what is under test.
    await db.player.update({ where: { id: playerId }, data: { xp: 8_050, level: 9 } });
    const dailies = [];
    for (const strength of strengths) {
      const quest = await makeQuest(playerId);
      // Quest strength set up directly (as if earned before Monday), with the state the rollover advances from.
      await db.quest.update({
        where: { id: quest.id },
        data: { strength, strengthState: { score: strength, slots: [1], carried: 0 }, strengthDay: "2040-03-04" },
      });
      dailies.push(quest);
    }
    const first = await checkInAt(playerId, dailies[0]!.id, utc(MON, "10:00"));
    expect(first.body.award.levelUp).toEqual({ from: 9, to: 10 });
    expect(await db.rankTrial.findMany({ where: { playerId } })).toMatchObject([{ targetRank: "D", passedAt: null }]);
    for (const quest of dailies.slice(1)) await checkInAt(playerId, quest.id, utc(MON, "10:05"));
    return playerId;
  }

  it("opens the D-Rank Trial at level 10 and passes it at the next rollover with 3 dailies at strength ≥ 0.5", async () => {
    const playerId = await levelTenHunter([0.55, 0.6, 0.7]);
    expect((await playerTotals(playerId)).rank).toBe("E");

    expect(await settlePlayer(playerId, utc(TUE, "04:00"))).toMatchObject({ promotedTo: "D" });
    expect((await playerTotals(playerId)).rank).toBe("D");
    const trial = await db.rankTrial.findFirstOrThrow({ where: { playerId } });
    expect(trial.passedAt).toEqual(utc(TUE, "04:00"));
    expect(await db.achievementUnlock.count({ where: { playerId, achievementId: "rank-d" } })).toBe(1);
    // The status window announces the promotion for a day, and shows no open trial.
    const status = await getPlayerStatus(playerId, utc(TUE, "09:00"));
    expect(status).toMatchObject({
      rank: "D",
      rankTrial: null,
      promotion: { rank: "D", at: utc(TUE, "04:00").toISOString() },
    });
    expect(
      (await getPlayerStatus(playerId, new Date(utc(TUE, "04:00").getTime() + 25 * 3_600_000))).promotion,
    ).toBeNull();
  });

  it("keeps the Rank Trial open while fewer than 3 dailies are at strength ≥ 0.5", async () => {
    const playerId = await levelTenHunter([0.3, 0.6, 0.7]);
    expect(await settlePlayer(playerId, utc(TUE, "04:00"))).toMatchObject({ promotedTo: null });
    expect((await playerTotals(playerId)).rank).toBe("E");
    expect((await db.rankTrial.findFirstOrThrow({ where: { playerId } })).passedAt).toBeNull();
  });

  it("never opens a Rank Trial below level 10", async () => {
    const { playerId } = await makePlayer();
    await db.player.update({ where: { id: playerId }, data: { xp: 7_900, level: 9 } });
    const quest = await makeQuest(playerId, { kind: "HABIT", difficulty: "EASY" });
    await checkInAt(playerId, quest.id, utc(MON, "10:00"));
    expect((await playerTotals(playerId)).level).toBe(9);
    expect(await db.rankTrial.count({ where: { playerId } })).toBe(0);
  });
});
