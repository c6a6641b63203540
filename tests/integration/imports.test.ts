import initSqlJs from "sql.js";
import { describe, expect, it } from "vitest";
import { PATCH as patchCheckIn } from "@/app/api/v1/check-ins/[id]/route";
import { POST as postChunk } from "@/app/api/v1/imports/[id]/chunks/route";
import { POST as postImport } from "@/app/api/v1/imports/route";
import { noteSchema } from "@/lib/check-ins/schemas";
import { undoCheckIn } from "@/lib/check-ins/undo";
import { settlePlayer } from "@/lib/days/service";
import { db } from "@/lib/db";
import { exportCheckInsCsv, exportPlayer } from "@/lib/export/queries";
import { getHistory } from "@/lib/days/queries";
import { parseImportFile } from "@/lib/imports/parse";
import { chunkPlan } from "@/lib/imports/rules";
import { IMPORT_LIMITS, importChunkSchema, startImportSchema, type ImportPlan } from "@/lib/imports/schemas";
import { addImportChunk, commitImport, rollBackImport, startImport } from "@/lib/imports/service";
import { parseSystemExport } from "@/lib/imports/the-system";
import { addRestPeriod } from "@/lib/player/service";
import { getStrengthSeries } from "@/lib/quests/queries";
import { addDays } from "@/lib/time/rules";
import { daysEnding, loopCsvZip, loopDb } from "@/tests/support/import-fixtures";
import {
  checkInAt,
  EPOCH,
  expectAppError,
  ledgerSum,
  makePlayer,
  makeQuest,
  playerTotals,
  utc,
} from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

const parse = (bytes: Uint8Array) => parseImportFile(bytes, { loopStat: "STR", loadSql: () => initSqlJs() });

/** What the upload screen does: start, every chunk (each through the schema, as the route parses it), commit. */
async function runImport(playerId: string, plan: ImportPlan, now: Date, key = `test-${crypto.randomUUID()}`) {
  await startImport(playerId, startImportSchema.parse({ id: key, source: plan.source, report: plan.report }));
  for (const chunk of chunkPlan(plan)) await addImportChunk(playerId, key, importChunkSchema.parse(chunk), now);
  return { key, committed: await commitImport(playerId, key, now) };
}

const importedQuests = (playerId: string) =>
  db.quest.findMany({ where: { playerId, importId: { not: null } }, orderBy: { importRef: "asc" } });

describe("Loop import into an account", () => {
  const days = daysEnding("2040-03-04", 40);
  const habits = [
    {
      name: "Meditate",
      entries: days.map((day, i) => ({
        day,
        value: i % 5 === 4 ? 3 : i % 3 === 2 ? 1 : 2,
        note: i === 0 ? "first" : "",
      })),
    },
    {
      name: "Read",
      numerical: { unit: "pages", target: 10 },
      entries: days.map((day, i) => ({ day, value: 4000 * (i % 4) })),
    },
  ];

  it("writes the history as IMPORT check-ins with notes, computes strength, and awards nothing", async () => {
    const { playerId } = await makePlayer({ createdAt: EPOCH });
    const quest = await makeQuest(playerId, { title: "Own daily" });
    const now = utc("2040-03-05", "12:00");
    const plan = await parse(loopCsvZip(habits));
    const { key, committed } = await runImport(playerId, plan, now);
    expect(committed).toMatchObject({ status: "COMMITTED", quests: 2, checkIns: plan.checkIns.length });

    const [meditate, read] = await importedQuests(playerId);
    expect(meditate).toMatchObject({
      title: "Meditate",
      historyFrom: days[0],
      createdDay: "2040-03-05",
      archivedAt: null,
    });
    const rows = await db.checkIn.findMany({ where: { questId: meditate!.id }, orderBy: { dayKey: "asc" } });
    expect(rows.every((r) => r.source === "IMPORT")).toBe(true);
    expect(rows[0]).toMatchObject({ dayKey: days[0], note: "first" });
    // No XP, no gold, no counters, no achievements, no Survival Quest.
    expect(await ledgerSum(playerId)).toMatchObject({ entries: 0, xp: 0 });
    expect(await playerTotals(playerId)).toMatchObject({ xp: 0, gold: 0, totalCheckIns: 0, streak: 0 });
    expect(await db.achievementUnlock.count({ where: { playerId } })).toBe(0);
    // Strength: computed through the day before the Hunter's first day, exactly as the series recomputes it.
    for (const q of [meditate!, read!]) {
      const { series } = await getStrengthSeries(playerId, q.id, days[0]!, "2040-03-04");
      expect(series[0]!.day).toBe(q.historyFrom);
      expect(q.strengthDay).toBe("2040-03-04");
      expect(q.strength).toBeGreaterThan(0.2);
      expect(q.strength).toBeCloseTo(series.at(-1)!.strength, 12);
    }
    // Skipped days froze Meditate's strength.
    const { series } = await getStrengthSeries(playerId, meditate!.id, days[0]!, "2040-03-04");
    expect(series[4]!.strength).toBe(series[3]!.strength);

    // The first settlement judges the player's own daily only: the import day is a grace day for imported ones.
    await checkInAt(playerId, quest.id, utc("2040-03-05", "13:00"));
    await settlePlayer(playerId, utc("2040-03-06", "04:00"));
    expect(await db.daySettlement.findMany({ where: { playerId }, select: { outcome: true } })).toEqual([
      { outcome: "CLEARED" },
    ]);
    // The same file again (same id) adds nothing; its chunks retried add nothing either.
    expect((await startImport(playerId, startImportSchema.parse({ id: key, source: "LOOP" }))).status).toBe(200);
    await expectAppError(addImportChunk(playerId, key, importChunkSchema.parse(chunkPlan(plan)[0]), now), "CONFLICT");
    expect(await db.checkIn.count({ where: { playerId, source: "IMPORT" } })).toBe(plan.checkIns.length);
  });

  it("keeps a retried chunk from counting twice, and commits once", async () => {
    const { playerId } = await makePlayer({ createdAt: EPOCH });
    const now = utc("2040-03-05", "12:00");
    const plan = await parse(await loopDb(habits));
    const key = "retried-import-1";
    await startImport(playerId, startImportSchema.parse({ id: key, source: "LOOP" }));
    const chunks = chunkPlan(plan).map((c) => importChunkSchema.parse(c));
    for (const chunk of chunks) await addImportChunk(playerId, key, chunk, now);
    const again = await addImportChunk(playerId, key, chunks.at(-1)!, now);
    expect(again.added).toEqual({ quests: 0, checkIns: 0, skips: 0 });
    expect(again.totals.checkIns).toBe(plan.checkIns.length);
    const first = await commitImport(playerId, key, now);
    expect(await commitImport(playerId, key, now)).toEqual(first);
    expect(await db.checkIn.count({ where: { playerId } })).toBe(plan.checkIns.length);
  });

  it("never opens a Penalty Zone: an import while yesterday is still open is not judged on yesterday", async () => {
    const { playerId } = await makePlayer({ createdAt: EPOCH });
    await settlePlayer(playerId, utc("2040-03-07", "04:00")); // settles the 5th and 6th (nothing due: neutral)
    // 01:00 on the 8th: the 7th is still in its grace window. Loop's history stops on the 5th.
    const now = utc("2040-03-08", "01:00");
    const plan = await parse(loopCsvZip([habits[0]!].map((h) => ({ ...h, entries: h.entries.slice(0, 10) }))));
    await runImport(playerId, { ...plan, checkIns: plan.checkIns.filter((c) => c.day <= "2040-03-05") }, now);
    await settlePlayer(playerId, utc("2040-03-08", "04:00"));
    const seventh = await db.daySettlement.findUniqueOrThrow({
      where: { playerId_dayKey: { playerId, dayKey: "2040-03-07" } },
    });
    expect(seventh.outcome).toBe("NEUTRAL");
    expect(await db.penalty.count({ where: { playerId } })).toBe(0);
    const [quest] = await importedQuests(playerId);
    // Its strength went on through the 7th at that settlement, as the series has it.
    expect(quest!.strengthDay).toBe("2040-03-07");
    const { series } = await getStrengthSeries(playerId, quest!.id, days[0]!, "2040-03-07");
    expect(quest!.strength).toBeCloseTo(series.at(-1)!.strength, 12);
  });

  it("rolls back in one step, and refuses once its quests were played", async () => {
    const { playerId } = await makePlayer({ createdAt: EPOCH });
    const now = utc("2040-03-05", "12:00");
    const plan = await parse(loopCsvZip(habits));
    const { key } = await runImport(playerId, plan, now);
    const rolled = await rollBackImport(playerId, key, now);
    expect(rolled.status).toBe("ROLLED_BACK");
    expect(await db.quest.count({ where: { playerId } })).toBe(0);
    expect(await db.checkIn.count({ where: { playerId } })).toBe(0);
    expect(await db.questSkip.count({ where: { quest: { playerId } } })).toBe(0);
    expect(await rollBackImport(playerId, key, now)).toEqual(rolled);

    // Started again (same id), committed, then played: rolling back would unbalance the ledger.
    await runImport(playerId, plan, now, key);
    const [meditate] = await importedQuests(playerId);
    await checkInAt(playerId, meditate!.id, utc("2040-03-05", "13:00"));
    const error = await expectAppError(rollBackImport(playerId, key, now), "CONFLICT");
    expect(error.message).toContain("archive those quests instead");
    await expectAppError(rollBackImport((await makePlayer()).playerId, key, now), "NOT_FOUND");
  });

  it("refuses an import past its caps with a 413 that names the cap, and bad rows with a 422", async () => {
    const player = await makePlayer({ createdAt: EPOCH });
    const token = await tokenFor(player);
    const id = "capped-import-1";
    expect((await call(postImport, { method: "POST", token, body: { id, source: "LOOP" } })).status).toBe(201);
    const quests = Array.from({ length: IMPORT_LIMITS.questsPerImport + 1 }, (_, i) => ({
      ref: `q${i}`,
      quest: { kind: "HABIT", title: `Habit ${i}`, difficulty: "EASY", stats: ["STR"] },
    }));
    const send = (body: unknown) => call(postChunk, { method: "POST", token, body, params: { id } });
    expect((await send({ quests: quests.slice(0, 600) })).status).toBe(200);
    const over = await send({ quests: quests.slice(600) });
    expect(over.status).toBe(413);
    expect((await over.json()).error.message).toBe("An import holds at most 1,000 quests; this one would hold 1,001");
    expect(await db.quest.count({ where: { playerId: player.playerId } })).toBe(600);

    const bad = await send({
      checkIns: [
        { quest: "nope", day: "2040-03-01" },
        { quest: "q1", day: "2041-01-01" },
      ],
    });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.issues).toEqual([
      { path: "checkIns.0.quest", message: 'No quest "nope" in this import (send quests first)' },
      { path: "checkIns.1.day", message: "After today" },
    ]);
    const other = await makePlayer();
    const notYours = await call(postChunk, { method: "POST", token: await tokenFor(other), body: {}, params: { id } });
    expect(notYours.status).toBe(404);
  });
});

describe("restore from the System's own export", () => {
  it("brings back quests, check-ins with notes, strength series and quest streaks", async () => {
    const a = await makePlayer({ createdAt: EPOCH });
    const quests = {
      daily: await makeQuest(a.playerId, { title: "Train" }),
      weekly: await makeQuest(a.playerId, { title: "Swim", schedule: { type: "TIMES_PER_WEEK", n: 3 } }),
      habit: await makeQuest(a.playerId, { kind: "HABIT", title: "Water", positive: true }),
      pages: await makeQuest(a.playerId, { title: "Read", target: { value: 10, unit: "pages" } }),
      todo: await makeQuest(a.playerId, { kind: "ONE_TIME", title: "Taxes" }),
    };
    const first = "2040-03-05";
    await addRestPeriod(a.playerId, { startDay: "2040-03-20", endDay: "2040-03-22" }, utc(first, "09:00"));
    for (let i = 0; i < 60; i++) {
      const day = addDays(first, i);
      const at = utc(day, "10:00");
      if (i % 4 !== 3)
        await checkInAt(a.playerId, quests.daily.id, at, i % 10 === 0 ? { note: `day ${i} <b>ok</b>` } : {});
      if (i % 2 === 0) await checkInAt(a.playerId, quests.weekly.id, at);
      for (let t = 0; t < i % 3; t++) await checkInAt(a.playerId, quests.habit.id, at);
      await checkInAt(a.playerId, quests.pages.id, at, { value: 6 + (i % 7) });
      if (i === 30) await checkInAt(a.playerId, quests.todo.id, at);
      if (i === 40) {
        const wrong = await checkInAt(a.playerId, quests.habit.id, at);
        await undoCheckIn(a.playerId, wrong.body.checkIn.id, utc(day, "11:00"));
      }
      if (i % 7 === 6) await settlePlayer(a.playerId, utc(addDays(day, 1), "04:00"));
    }
    const restoreDay = addDays(first, 60);
    await settlePlayer(a.playerId, utc(restoreDay, "04:00"));
    const exported = JSON.parse(JSON.stringify(await exportPlayer(a.playerId, utc(restoreDay, "05:00"))));
    expect(exported.settlements.some((s: { outcome: string }) => s.outcome === "REST")).toBe(true);

    const b = await makePlayer({ createdAt: utc(restoreDay, "06:00") });
    await runImport(b.playerId, parseSystemExport(exported), utc(restoreDay, "07:00"));

    const load = async (playerId: string) =>
      db.quest.findMany({
        where: { playerId, kind: { not: "PENALTY" } },
        orderBy: { title: "asc" },
        include: { checkIns: { where: { undo: null }, orderBy: [{ dayKey: "asc" }, { happenedAt: "asc" }] } },
      });
    const [before, after] = [await load(a.playerId), await load(b.playerId)];
    const shape = (q: (typeof before)[number]) => ({
      kind: q.kind,
      title: q.title,
      schedule: q.schedule,
      timesPerDay: q.timesPerDay,
      targetValue: q.targetValue,
      targetUnit: q.targetUnit,
      positive: q.positive,
      stats: q.stats,
      done: q.completedAt !== null,
      checkIns: q.checkIns.map((c) => [c.dayKey, c.value, c.note, c.happenedAt.toISOString()]),
    });
    expect(after.map(shape)).toEqual(before.map(shape));
    const last = addDays(restoreDay, -1);
    for (const [i, quest] of before.entries()) {
      if (quest.kind !== "DAILY" && quest.kind !== "HABIT") continue;
      const [was, is] = await Promise.all([
        getStrengthSeries(a.playerId, quest.id, first, last),
        getStrengthSeries(b.playerId, after[i]!.id, first, last),
      ]);
      expect(is.series).toHaveLength(60);
      expect(is).toEqual(was);
      expect(after[i]!.strength).toBeCloseTo(quest.strength, 12);
    }
    expect(await ledgerSum(b.playerId)).toMatchObject({ entries: 0 });
  }, 120_000);
});

describe("notes on check-ins", () => {
  it("are kept, edited, cleared, shown in history and exports, and limited to 500 characters", async () => {
    const player = await makePlayer({ createdAt: EPOCH });
    const quest = await makeQuest(player.playerId, { title: "Run" });
    const reply = await checkInAt(player.playerId, quest.id, utc("2040-03-05", "09:00"), {
      note: noteSchema.parse("  felt <great>  "),
    });
    expect(reply.body.checkIn.note).toBe("felt <great>");
    const token = await tokenFor(player);
    const id = reply.body.checkIn.id;
    const patch = (body: unknown, who = token) =>
      call(patchCheckIn, { method: "PATCH", token: who, body, params: { id } });
    expect(await (await patch({ note: "=1+1 legs heavy" })).json()).toEqual({ checkInId: id, note: "=1+1 legs heavy" });
    const [day] = await getHistory(player.playerId, "2040-03-05", "2040-03-05");
    expect(day!.checkIns[0]!.note).toBe("=1+1 legs heavy");
    expect((await exportCheckInsCsv(player.playerId)).split("\r\n")[1]).toMatch(/,'=1\+1 legs heavy$/);

    const long = await patch({ note: "x".repeat(501) });
    expect(long.status).toBe(422);
    expect((await long.json()).error.issues).toEqual([
      { path: "note", message: "A note holds at most 500 characters" },
    ]);
    const stranger = await tokenFor(await makePlayer());
    expect((await patch({ note: "mine now" }, stranger)).status).toBe(404);
    expect(await (await patch({ note: null })).json()).toEqual({ checkInId: id, note: null });
    expect((await db.checkIn.findUniqueOrThrow({ where: { id } })).note).toBeNull();
  });
});
