/**
 * The System's own JSON export (GET /api/v1/export, lib/export/service.ts) read back: "restore from export" into
 * any account. Quests and their counted check-ins (with notes) come back as imported history; the days the export
 * froze strength (rest and shielded days, imported skips) come back as skips, so strength and quest streaks come out
 * the same. XP, gold, levels, achievements and the Survival Quests are the old account's and are not carried.
 */
import { z } from "zod";
import { ImportFileError } from "@/lib/imports/files";
import type { ImportPlan } from "@/lib/imports/schemas";
import { addDays, type DayKey } from "@/lib/time/rules";

const questSchema = z
  .object({
    id: z.string(),
    kind: z.enum(["DAILY", "HABIT", "ONE_TIME", "PENALTY"]),
    title: z.string(),
    notes: z.string().default(""),
    difficulty: z.enum(["EASY", "NORMAL", "HARD"]),
    stats: z.array(z.enum(["STR", "AGI", "VIT", "INT", "PER"])),
    schedule: z.unknown().nullable(),
    timesPerDay: z.number(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
    targetDirection: z.enum(["AT_LEAST", "AT_MOST"]).nullable(),
    /** Exports before several reminders a quest carry reminderTime, later ones reminderTimes. */
    reminderTimes: z.array(z.string()).optional(),
    reminderTime: z.string().nullish(),
    positive: z.boolean(),
    dueDay: z.string().nullable(),
    checklist: z.array(z.object({ text: z.string(), done: z.boolean() })).nullable(),
    createdDay: z.string(),
    historyFrom: z.string().nullish(),
    archivedAt: z.string().nullable(),
    skips: z.array(z.object({ dayKey: z.string() })).default([]),
  })
  .loose();

const exportSchema = z
  .object({
    format: z.literal("the-system-export"),
    version: z.literal(1),
    quests: z.array(questSchema),
    checkIns: z.array(
      z
        .object({
          questId: z.string(),
          dayKey: z.string(),
          happenedAt: z.string(),
          value: z.number().nullable(),
          note: z.string().nullish(),
          undo: z.unknown().nullable(),
        })
        .loose(),
    ),
    settlements: z.array(z.object({ dayKey: z.string(), outcome: z.string() }).loose()),
  })
  .loose();

export function isSystemExport(json: unknown): boolean {
  return typeof json === "object" && json !== null && (json as { format?: unknown }).format === "the-system-export";
}

export function parseSystemExport(json: unknown): ImportPlan {
  const parsed = exportSchema.safeParse(json);
  if (!parsed.success) throw new ImportFileError(422, "This JSON is not an export of the System this version reads.");
  const { quests, checkIns, settlements } = parsed.data;
  const plan: ImportPlan = {
    source: "THE_SYSTEM",
    format: "The System export (JSON)",
    quests: [],
    checkIns: [],
    skips: [],
    report: { skipped: [] },
    notes: {},
  };
  const frozen = settlements.filter((s) => s.outcome === "REST" || s.outcome === "SHIELDED").map((s) => s.dayKey);
  const refs = new Map<string, string>();
  let survival = 0;
  for (const quest of quests) {
    if (quest.kind === "PENALTY") {
      survival += 1;
      continue;
    }
    const ref = `s-${quest.id.replace(/[^\w.-]/g, "").slice(0, 38)}`;
    refs.set(quest.id, ref);
    const from: DayKey = quest.historyFrom ?? quest.createdDay;
    const archivedDay = quest.archivedAt ? quest.archivedAt.slice(0, 10) : null;
    plan.quests.push({
      ref,
      quest: {
        kind: quest.kind,
        title: quest.title,
        notes: quest.notes,
        difficulty: quest.difficulty,
        stats: quest.stats,
        ...(quest.kind === "DAILY" && { schedule: quest.schedule as never }),
        timesPerDay: quest.timesPerDay,
        ...(quest.targetValue !== null &&
          quest.targetUnit !== null && {
            target: {
              value: quest.targetValue,
              unit: quest.targetUnit,
              direction: quest.targetDirection ?? "AT_LEAST",
            },
          }),
        reminderTimes: quest.reminderTimes ?? (quest.reminderTime ? [quest.reminderTime] : []),
        ...(quest.kind === "HABIT" && { positive: quest.positive }),
        ...(quest.kind === "ONE_TIME" && { dueDay: quest.dueDay, checklist: quest.checklist ?? [] }),
      },
      archived: quest.archivedAt !== null,
      historyFrom: from,
    });
    if (quest.kind === "DAILY" || quest.kind === "HABIT") {
      // Rest and shielded days froze every daily and habit then (up to the day it was archived).
      const days = new Set([
        ...quest.skips.map((s) => s.dayKey),
        ...frozen.filter((day) => day >= from && (archivedDay === null || day < addDays(archivedDay, 1))),
      ]);
      for (const day of [...days].sort()) plan.skips.push({ quest: ref, day });
    }
  }
  const index = new Map<string, number>();
  let undone = 0;
  for (const c of checkIns) {
    const ref = refs.get(c.questId);
    if (!ref) continue;
    if (c.undo !== null && c.undo !== undefined) {
      undone += 1;
      continue;
    }
    const key = `${ref}|${c.dayKey}`;
    const n = index.get(key) ?? 0;
    index.set(key, n + 1);
    plan.checkIns.push({
      quest: ref,
      day: c.dayKey,
      index: n,
      at: c.happenedAt,
      ...(c.value !== null && { value: c.value }),
      ...(c.note && { note: c.note }),
    });
  }
  plan.report.skipped = [
    { what: "Survival Quests", count: survival, why: "the System issues its own" },
    { what: "undone check-ins", count: undone, why: "they never counted" },
    {
      what: "XP, gold, levels and achievements",
      count: 1,
      why: "earned in the other account: imported history awards none",
    },
  ].filter((s) => s.count > 0);
  return plan;
}
