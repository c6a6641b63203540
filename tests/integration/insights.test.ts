// The System speaks with no API key (the default): reports, at-risk dailies, suggestions and quest drafts from the
// built-in voice, through the services and the real route handlers, on a log the game itself wrote.
import { describe, expect, it } from "vitest";
import { GET as atRiskRoute } from "@/app/api/v1/insights/at-risk/route";
import { GET as reportRoute } from "@/app/api/v1/insights/report/route";
import { GET as suggestionsRoute } from "@/app/api/v1/insights/suggestions/route";
import { PATCH as playerPatch } from "@/app/api/v1/player/route";
import { POST as draftRoute } from "@/app/api/v1/quests/draft/route";
import { POST as createQuestRoute } from "@/app/api/v1/quests/route";
import { deleteAccount } from "@/lib/accounts/service";
import { db } from "@/lib/db";
import { exportPlayer } from "@/lib/export/queries";
import { getAtRisk, loadRecent, loadReportLog } from "@/lib/insights/queries";
import type { InsightCheckIn } from "@/lib/insights/rules";
import { getReport, prepareReport } from "@/lib/insights/service";
import { readQuestSentence } from "@/lib/insights/sentence";
import { addDays, dayKey } from "@/lib/time/rules";
import { makeHunterWithHistory } from "@/tests/support/insights";
import { checkInAt, makePlayer, makeQuest } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

let queries = 0;
db.$on("query", () => void (queries += 1));

/** W08 and W09 of 2040 (Mondays 02-20 and 02-27); Meditate skipped on Thursdays; the Monday after. */
const MONDAY_AFTER = new Date("2040-03-05T09:00:00Z");
function hunter() {
  return makeHunterWithHistory({
    firstDay: "2040-02-20",
    days: 14,
    quests: [
      { title: "Read 20 pages", overrides: { stats: ["INT"], target: { value: 20, unit: "pages" } } },
      { title: "Meditate", overrides: { stats: ["PER"] } },
    ],
    skip: (day, index) => index === 1 && new Date(`${day}T00:00:00Z`).getUTCDay() === 4,
  });
}

describe("the weekly report, in the built-in voice", () => {
  it("reports the last completed week from the log, with recommendations, and costs a few queries", async () => {
    const { playerId } = await hunter();
    const before = queries;
    const report = await getReport(playerId, MONDAY_AFTER);
    const cost = queries - before;
    expect(report).toMatchObject({ week: "2040-W09", source: "builtin" });
    expect(report.facts.quests.map((q) => [q.title, q.completions, q.due, q.done])).toEqual([
      ["Read 20 pages", 7, 7, 7],
      ["Meditate", 6, 7, 6],
    ]);
    expect(report.facts.totals.completions).toBe(13);
    expect(report.facts.totals.xp).toBeGreaterThan(0);
    expect(report.facts.worstDay).toMatchObject({ weekday: "Thursday", done: 1, due: 2 });
    expect(report.facts.quests[0]!.usualHour).toBe(7);
    expect(report.text).toContain("You completed 13 quests");
    expect(report.weeks).toEqual(["2040-W10", "2040-W09", "2040-W08"]);
    expect(report.recommendations.map((r) => r.kind)).toContain("NEW_QUEST");
    // Three reads run together, plus the first read's unlock of "Know Thyself" (the lock, the unlock, its reward).
    expect(cost).toBeGreaterThan(3);
    expect(cost).toBeLessThanOrEqual(14);
    const again = queries;
    await getReport(playerId, MONDAY_AFTER, "2040-W08");
    expect(queries - again).toBe(3);
  });

  it("unlocks Know Thyself on the first read, once", async () => {
    const { playerId } = await hunter();
    const before = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { xp: true } });
    await getReport(playerId, MONDAY_AFTER);
    await getReport(playerId, MONDAY_AFTER, "2040-W08");
    const unlocks = await db.achievementUnlock.findMany({ where: { playerId, achievementId: "know-thyself" } });
    expect(unlocks).toHaveLength(1);
    const after = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { xp: true } });
    expect(after.xp).toBe(before.xp + 50);
  });

  it("reads this week for a Hunter in their first, and refuses weeks outside their days", async () => {
    const { playerId } = await makePlayer();
    const now = new Date("2040-03-07T12:00:00Z");
    expect((await getReport(playerId, now)).week).toBe("2040-W10");
    await expect(getReport(playerId, now, "2040-W09")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(getReport(playerId, now, "2040-W11")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("prepares nothing without a key (the tick's job is the model's)", async () => {
    const { playerId } = await hunter();
    await db.player.update({ where: { id: playerId }, data: { aiOptIn: true } });
    expect(await prepareReport(playerId, MONDAY_AFTER)).toBe("builtin");
    expect((await getReport(playerId, MONDAY_AFTER)).source).toBe("builtin");
  });
});

describe("at risk", () => {
  it("marks the daily the Hunter usually skips on this weekday as likely to slip", async () => {
    const { playerId, questIds } = await hunter();
    // Thursday 2040-03-08 at 10:00: Meditate was missed on the last two Thursdays of its life.
    const atRisk = await getAtRisk(playerId, new Date("2040-03-08T10:00:00Z"));
    expect(atRisk.day).toBe("2040-03-08");
    const meditate = atRisk.dailies.find((d) => d.questId === questIds[1]);
    expect(meditate).toMatchObject({ level: "high", marker: "likely to slip: missed 2 of the last 2 Thursdays" });
    const reading = atRisk.dailies.find((d) => d.questId === questIds[0])!;
    expect(reading.risk).toBeLessThan(meditate!.risk);
  });

  it("costs one query whatever the history", async () => {
    const { playerId } = await hunter();
    const before = queries;
    await getAtRisk(playerId, new Date("2040-03-08T10:00:00Z"));
    expect(queries - before).toBe(1);
  });

  it("reads a habit tapped hundreds of times a day as a few rows that stand for every tap", async () => {
    const { playerId, questIds } = await hunter();
    const habit = await makeQuest(playerId, { kind: "HABIT", title: "Drink water", stats: ["VIT"] }, MONDAY_AFTER);
    // 300 taps in one minute and 3 in another, on the day of the read.
    for (let i = 0; i < 300; i++) await checkInAt(playerId, habit.id, new Date(MONDAY_AFTER.getTime() + i * 100));
    for (let i = 0; i < 3; i++) await checkInAt(playerId, habit.id, new Date(MONDAY_AFTER.getTime() + 3_600_000));
    const now = new Date(MONDAY_AFTER.getTime() + 2 * 3_600_000);

    const recent = await loadRecent(playerId, now);
    // The report's loader groups them in its own statement (its tallies summed in SQL over the whole log).
    const { log } = await loadReportLog(playerId, now);
    const each = (checkIns: readonly InsightCheckIn[]) =>
      checkIns.flatMap((c) => Array<string>(c.count ?? 1).fill(`${c.questId} ${c.day} ${c.minute}`)).sort();
    expect(each(recent.checkIns)).toEqual(each(log.checkIns));
    expect(each(recent.checkIns).length).toBe(14 + 12 + 303);
    expect(recent.checkIns.length).toBeLessThan(14 + 12 + 3);
    expect(log.checkIns.length).toBe(recent.checkIns.length);
    // Both stand for the check-ins read one by one (the player's zone is UTC, their day starts at midnight).
    const rows = await db.checkIn.findMany({ where: { playerId, undo: null, source: { not: "BACKFILL" } } });
    const oneByOne = rows.map((c) => ({
      questId: c.questId,
      day: c.dayKey,
      minute: Math.floor((c.happenedAt.getTime() - new Date(`${c.dayKey}T00:00:00Z`).getTime()) / 60_000),
    }));
    expect(each(log.checkIns)).toEqual(each(oneByOne));
    for (const questId of [...questIds, habit.id]) {
      for (let day = "2040-02-20"; day <= recent.today; day = addDays(day, 1)) {
        expect(recent.tally(questId, day), `${questId} ${day}`).toEqual(log.tally(questId, day));
      }
    }
    expect(recent.tally(habit.id, recent.today)).toEqual({ count: 303, total: 0 });
  });
});

describe("routes", () => {
  it("answer with the usual auth and error shape", async () => {
    const player = await makePlayer({ createdAt: new Date(Date.now() - 20 * 86_400_000) });
    await makeQuest(player.playerId, { title: "Do laundry", stats: ["VIT"] }, new Date(Date.now() - 20 * 86_400_000));
    const token = await tokenFor(player);

    for (const route of [reportRoute, atRiskRoute, suggestionsRoute]) {
      // A session needs a request scope only Next provides: a bad token stands for any caller not signed in.
      const anonymous = await call(route, { path: "/api/v1/insights", token: "sys_not-a-token" });
      expect(anonymous.status).toBe(401);
      expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
    }
    const report = await call(reportRoute, { path: "/api/v1/insights/report", token });
    expect(report.status).toBe(200);
    expect(await report.json()).toMatchObject({ source: "builtin", facts: { complete: true } });
    const bad = await call(reportRoute, { path: "/api/v1/insights/report?week=2040-13", token });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues[0].path).toBe("week");
    expect((await call(reportRoute, { path: "/api/v1/insights/report?week=2001-W01", token })).status).toBe(404);

    const atRisk = await call(atRiskRoute, { path: "/api/v1/insights/at-risk", token });
    expect(await atRisk.json()).toMatchObject({ source: "builtin", dailies: [{ title: "Do laundry" }] });
    const suggestions = await (await call(suggestionsRoute, { path: "/api/v1/insights/suggestions", token })).json();
    expect(suggestions.suggestions).toContainEqual(
      expect.objectContaining({ kind: "RENAME", change: { title: "Purify the Shadow Armour" } }),
    );
  });

  it("drafts a quest from a sentence, saving nothing, and the draft creates it when posted", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const token = await tokenFor(player);
    const response = await call(draftRoute, {
      method: "POST",
      path: "/api/v1/quests/draft",
      token,
      body: { text: "meditate on weekdays at 7am" },
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ source: "builtin", complete: true, missing: [] });
    expect(body.draft).toEqual(readQuestSentence("meditate on weekdays at 7am", dayKey(new Date(), "UTC", 0)));
    expect(await db.quest.count({ where: { playerId: player.playerId } })).toBe(0);
    const created = await call(createQuestRoute, { method: "POST", path: "/api/v1/quests", token, body: body.draft });
    expect(created.status).toBe(201);
    expect((await created.json()).quest).toMatchObject({ title: "Meditate", reminderTime: "07:00" });

    const empty = await call(draftRoute, { method: "POST", path: "/api/v1/quests/draft", token, body: { text: " " } });
    expect(empty.status).toBe(422);
    const unknown = await call(draftRoute, {
      method: "POST",
      path: "/api/v1/quests/draft",
      token,
      body: { text: "x", y: 1 },
    });
    expect(unknown.status).toBe(422);
  });
});

describe("privacy and data rights", () => {
  it("keeps AI off until the Hunter opts in through PATCH /api/v1/player", async () => {
    const player = await makePlayer({ createdAt: new Date() });
    const token = await tokenFor(player);
    expect((await db.player.findUniqueOrThrow({ where: { id: player.playerId } })).aiOptIn).toBe(false);
    const response = await call(playerPatch, {
      method: "PATCH",
      path: "/api/v1/player",
      token,
      body: { aiOptIn: true },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ aiOptIn: true });
    const row = await db.player.findUniqueOrThrow({ where: { id: player.playerId } });
    expect(row).toMatchObject({ aiOptIn: true, nextReportAt: null });
    const invalid = await call(playerPatch, {
      method: "PATCH",
      path: "/api/v1/player",
      token,
      body: { aiOptIn: "yes" },
    });
    expect(invalid.status).toBe(422);
  });

  it("exports stored reports and deletes them with the account", async () => {
    const { playerId } = await hunter();
    await db.player.update({ where: { id: playerId }, data: { aiOptIn: true } });
    await prepareReport(playerId, MONDAY_AFTER);
    const data = await exportPlayer(playerId, MONDAY_AFTER);
    expect(data.systemReports.map((r) => r.week)).toEqual(["2040-W09"]);
    expect(data.systemReports[0]!.text).toContain("You completed");
    await deleteAccount(playerId);
    expect(await db.systemReport.count({ where: { playerId } })).toBe(0);
  });

  it("answers 404 for nothing of another Hunter's: each reads only their own", async () => {
    const mine = await hunter();
    const theirs = await makePlayer({ createdAt: new Date("2040-02-20T00:00:00Z") });
    await makeQuest(theirs.playerId, { title: "Their secret quest" }, new Date("2040-02-20T00:00:00Z"));
    const report = await getReport(mine.playerId, MONDAY_AFTER);
    expect(JSON.stringify(report)).not.toContain("Their secret quest");
  });
});
