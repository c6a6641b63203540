import "server-only";
import { db } from "@/lib/db";
import type { Source } from "@/lib/insights/budget";
import { PROMPT_VERSION } from "@/lib/insights/prompts";
import { dailyRisk, LIKELY_TO_SLIP, RISK_WINDOW_DAYS, type DailyRisk, type RiskReason } from "@/lib/insights/risk";
import { suggestions, type Suggestion } from "@/lib/insights/suggestions";
import { reasonText, slipMarker, suggestionText } from "@/lib/insights/voice";
import { playerStats } from "@/lib/player/stats";
import { questToday } from "@/lib/quests/today";
import { loadTallies, tallyOf } from "@/lib/check-ins/queries";
import { isRestDay, playerToday } from "@/lib/days/rules";
import type { DayOutcomeName, InsightCheckIn, InsightQuest, Tally } from "@/lib/insights/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_TALLY, addToTally, type DayTally } from "@/lib/quests/rules";
import type { Schedule } from "@/lib/quests/schemas";
import { addDays, dayKey, dayStartInstant, type DayKey } from "@/lib/time/rules";

const QUEST_COLUMNS = {
  id: true,
  title: true,
  kind: true,
  difficulty: true,
  stats: true,
  schedule: true,
  timesPerDay: true,
  positive: true,
  targetValue: true,
  targetUnit: true,
  targetDirection: true,
  reminderTime: true,
  createdDay: true,
  archivedAt: true,
  strength: true,
} satisfies Prisma.QuestSelect;

type QuestRow = Prisma.QuestGetPayload<{ select: typeof QUEST_COLUMNS }>;
type Clock = { timeZone: string; dayStartMinute: number };

function toInsightQuest(row: QuestRow, clock: Clock): InsightQuest {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    difficulty: row.difficulty,
    stats: row.stats,
    schedule: row.schedule as Schedule | null,
    timesPerDay: row.timesPerDay,
    positive: row.positive,
    target:
      row.targetValue !== null && row.targetUnit !== null
        ? { value: row.targetValue, unit: row.targetUnit, direction: row.targetDirection ?? "AT_LEAST" }
        : null,
    reminderTime: row.reminderTime,
    createdDay: row.createdDay,
    archivedDay: row.archivedAt && dayKey(row.archivedAt, clock.timeZone, clock.dayStartMinute),
    strength: row.strength,
  };
}

/** Minutes from the start of a System day, with each day's start computed once (DST days are 23 or 25 hours). */
function minuteReader(clock: Clock) {
  const starts = new Map<DayKey, number>();
  return (day: DayKey, at: Date) => {
    let start = starts.get(day);
    if (start === undefined) {
      start = dayStartInstant(day, clock.timeZone, clock.dayStartMinute).getTime();
      starts.set(day, start);
    }
    return Math.max(0, Math.floor((at.getTime() - start) / 60_000));
  };
}

type CheckInRow = { questId: string; dayKey: string; happenedAt: Date; value: number | null; source: string };

/** Check-ins as the rules read them; backfilled ones say nothing about the hour a quest is done. */
function timedCheckIns(rows: readonly CheckInRow[], clock: Clock): InsightCheckIn[] {
  const minuteOf = minuteReader(clock);
  return rows
    .filter((row) => row.source !== "BACKFILL")
    .map((row) => ({ questId: row.questId, day: row.dayKey, minute: minuteOf(row.dayKey, row.happenedAt) }));
}

function tallyFrom(rows: readonly CheckInRow[]): Tally {
  const tallies = new Map<string, DayTally>();
  for (const row of rows) {
    const key = `${row.questId}|${row.dayKey}`;
    tallies.set(key, addToTally(tallies.get(key) ?? EMPTY_TALLY, row.value));
  }
  return (questId, day) => tallies.get(`${questId}|${day}`) ?? EMPTY_TALLY;
}

const PLAYER_BUILD = {
  job: true,
  allocatedStr: true,
  allocatedAgi: true,
  allocatedVit: true,
  allocatedInt: true,
  allocatedPer: true,
} satisfies Prisma.PlayerSelect;

/**
 * The last few weeks of a Hunter's log, enough for today's at-risk dailies and the suggestions: one joined query
 * whatever the size of the history.
 */
export async function loadRecent(playerId: string, now: Date) {
  // Every zone's today is within a day of UTC's; the window reaches back past the Monday four weeks before it.
  const since = addDays(dayKey(now, "UTC", 0), -(RISK_WINDOW_DAYS + 9));
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      ...PLAYER_BUILD,
      timeZone: true,
      dayStartMinute: true,
      lastSettledDay: true,
      createdAt: true,
      aiOptIn: true,
      restPeriods: { where: { endDay: { gte: since } }, select: { startDay: true, endDay: true } },
      settlements: { where: { dayKey: { gte: since }, outcome: "REST" }, select: { dayKey: true } },
      quests: {
        where: { archivedAt: null, kind: { not: "PENALTY" } },
        orderBy: { createdAt: "asc" },
        select: {
          ...QUEST_COLUMNS,
          checkIns: {
            where: { dayKey: { gte: since }, undo: null },
            select: { questId: true, dayKey: true, happenedAt: true, value: true, source: true },
          },
        },
      },
      // The flavour names the model gave in the latest report it wrote.
      reports: {
        where: { source: "openai" },
        orderBy: { week: "desc" },
        take: 1,
        select: { renames: true, promptVersion: true },
      },
    },
  });
  const today = playerToday(player, now);
  const rows = player.quests.flatMap((q) => q.checkIns);
  const restDays = new Set(player.settlements.map((s) => s.dayKey));
  for (let day = since; day <= today; day = addDays(day, 1)) if (isRestDay(player.restPeriods, day)) restDays.add(day);
  return {
    player,
    today,
    nowMinute: Math.max(
      0,
      Math.floor((now.getTime() - dayStartInstant(today, player.timeZone, player.dayStartMinute).getTime()) / 60_000),
    ),
    quests: player.quests.map((q) => toInsightQuest(q, player)),
    tally: tallyFrom(rows),
    checkIns: timedCheckIns(rows, player),
    restDays: restDays as ReadonlySet<DayKey>,
    latestRenames: player.reports[0] ?? null,
  };
}

export type RecentLog = Awaited<ReturnType<typeof loadRecent>>;

/**
 * Everything one ISO week's facts are computed from: the player's quests (archived ones too) with the week's
 * check-ins, the settlements and Survival Quests of the week, the days that froze strength, the week's ledger sums
 * and the whole log's daily tallies (strength is recomputed from the first day). Three queries.
 */
export async function loadWeek(playerId: string, week: string, monday: DayKey) {
  const sunday = addDays(monday, 6);
  const [player, tallies, ledger] = await Promise.all([
    db.player.findUniqueOrThrow({
      where: { id: playerId },
      select: {
        ...PLAYER_BUILD,
        timeZone: true,
        dayStartMinute: true,
        lastSettledDay: true,
        settlements: {
          where: { OR: [{ dayKey: { gte: monday, lte: sunday } }, { outcome: { in: ["REST", "SHIELDED"] } }] },
          select: { dayKey: true, outcome: true, streakAfter: true },
        },
        penalties: { where: { openedDay: { gte: monday, lte: sunday } }, select: { status: true } },
        quests: {
          where: { createdDay: { lte: sunday } },
          orderBy: { createdAt: "asc" },
          select: {
            ...QUEST_COLUMNS,
            checkIns: {
              where: { dayKey: { gte: monday, lte: sunday }, undo: null },
              select: { questId: true, dayKey: true, happenedAt: true, value: true, source: true },
            },
          },
        },
        reports: { where: { week } },
        achievements: { where: { achievementId: "know-thyself" }, select: { achievementId: true } },
      },
    }),
    loadTallies(db, { playerId, dayKey: { lte: sunday } }),
    db.ledgerEntry.aggregate({
      where: { playerId, dayKey: { gte: monday, lte: sunday }, reason: { not: "SHOP" } },
      _sum: { xp: true, gold: true },
    }),
  ]);
  const inWeek = player.settlements.filter((s) => s.dayKey >= monday && s.dayKey <= sunday);
  return {
    player,
    quests: player.quests.map((q) => toInsightQuest(q, player)),
    tally: ((questId, day) => tallyOf(tallies, questId, day)) as Tally,
    checkIns: timedCheckIns(
      player.quests.flatMap((q) => q.checkIns),
      player,
    ),
    frozenDays: new Set(
      player.settlements.filter((s) => s.outcome === "REST" || s.outcome === "SHIELDED").map((s) => s.dayKey),
    ) as ReadonlySet<DayKey>,
    settlements: inWeek.map((s) => ({
      day: s.dayKey,
      outcome: s.outcome as DayOutcomeName,
      streakAfter: s.streakAfter,
    })),
    ledger: { xp: ledger._sum.xp ?? 0, gold: ledger._sum.gold ?? 0 },
    penalties: player.penalties,
    stored: player.reports[0] ?? null,
    reportRead: player.achievements.length > 0,
  };
}

/** A suggestion with the words that go with it (the model's, or the built-in voice's). */
export type Recommendation = Suggestion & { text: string };

function currentStats(log: RecentLog) {
  return playerStats(
    log.player,
    log.quests.filter((q) => q.kind === "DAILY" || q.kind === "HABIT"),
  );
}

export function recommendationsOf(log: RecentLog): Recommendation[] {
  const list = suggestions({
    today: log.today,
    quests: log.quests,
    stats: currentStats(log),
    tally: log.tally,
    restDays: log.restDays,
  });
  return list.map((suggestion) => ({ ...suggestion, text: suggestionText(suggestion) }));
}

/** The model's flavour names from the latest report it wrote, for the Hunter's active quests. */
function modelRenames(log: RecentLog): Recommendation[] {
  const stored = log.latestRenames;
  if (!log.player.aiOptIn || !stored || stored.promptVersion !== PROMPT_VERSION) return [];
  const renames = stored.renames as { title: string; flavour: string }[];
  return renames.flatMap(({ title, flavour }) => {
    const quest = log.quests.find((q) => q.title === title);
    if (!quest) return [];
    const suggestion: Suggestion = {
      id: `rename-${quest.id}`,
      kind: "RENAME",
      questId: quest.id,
      title: quest.title,
      change: { title: flavour },
    };
    return [{ ...suggestion, text: suggestionText(suggestion) }];
  });
}

/** GET /api/v1/insights/suggestions and the status window: drafts, easier variants and renames. */
export async function getSuggestions(playerId: string, now: Date) {
  const log = await loadRecent(playerId, now);
  const builtin = recommendationsOf(log);
  const renames = modelRenames(log);
  if (renames.length === 0) return { suggestions: builtin, source: "builtin" as Source };
  return { suggestions: [...builtin.filter((s) => s.kind !== "RENAME"), ...renames], source: "openai" as Source };
}

export type RiskView = DailyRisk & { reasons: (RiskReason & { text: string })[]; marker: string | null };

/** GET /api/v1/insights/at-risk and the dashboard: today's open dailies, riskiest first. */
export async function getAtRisk(playerId: string, now: Date) {
  const log = await loadRecent(playerId, now);
  const resting = log.restDays.has(log.today);
  const dailies: RiskView[] = log.quests
    .filter((quest) => {
      if (quest.kind !== "DAILY" || quest.createdDay > log.today || quest.target?.direction === "AT_MOST") return false;
      const state = questToday({ ...quest, dueDay: null, checklist: null, completedAt: null }, log.today, {
        tally: log.tally(quest.id, log.today),
        week: (day) => log.tally(quest.id, day),
        resting,
      });
      return state.dueToday && !state.completeToday;
    })
    .map((quest) => {
      const risk = dailyRisk({
        today: log.today,
        nowMinute: log.nowMinute,
        dayStartMinute: log.player.dayStartMinute,
        quest,
        tally: log.tally,
        checkIns: log.checkIns.filter((c) => c.questId === quest.id),
        restDays: log.restDays,
      });
      return {
        ...risk,
        reasons: risk.reasons.map((reason) => ({ ...reason, text: reasonText(reason) })),
        marker: risk.risk >= LIKELY_TO_SLIP ? slipMarker(risk) : null,
      };
    })
    .sort((a, b) => b.risk - a.risk);
  return { day: log.today, dailies, source: "builtin" as Source };
}
