import "server-only";
import { db } from "@/lib/db";
import type { Source } from "@/lib/insights/budget";
import { PROMPT_VERSION } from "@/lib/insights/prompts";
import { dailyRisk, LIKELY_TO_SLIP, RISK_WINDOW_DAYS, type DailyRisk, type RiskReason } from "@/lib/insights/risk";
import { suggestions, type Recommendation, type Suggestion } from "@/lib/insights/suggestions";
import { reasonText, slipMarker, suggestionText } from "@/lib/insights/voice";
import { playerStats } from "@/lib/progression/rules";
import { questToday } from "@/lib/quests/today";
import { isRestDay, playerToday } from "@/lib/time/rules";
import type { DayOutcomeName, InsightCheckIn, InsightQuest, Tally, WeekInput } from "@/lib/insights/rules";
import type { Prisma } from "@/lib/generated/prisma/client";
import { EMPTY_TALLY, addToTally, parseSchedule, type DayTally } from "@/lib/quests/rules";
import { addDays, dayKey, dayStartInstant, isoWeekOf, localDay, type DayKey } from "@/lib/time/rules";

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
  reminderTimes: true,
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
    schedule: parseSchedule(row.schedule),
    timesPerDay: row.timesPerDay,
    positive: row.positive,
    target:
      row.targetValue !== null && row.targetUnit !== null
        ? { value: row.targetValue, unit: row.targetUnit, direction: row.targetDirection ?? "AT_LEAST" }
        : null,
    // The earliest of its reminders: the one an "earlier reminder" suggestion moves.
    reminderTime: [...row.reminderTimes].sort()[0] ?? null,
    createdDay: row.createdDay,
    archivedDay: row.archivedAt && localDay(row.archivedAt, clock),
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

/** Every zone's today is within a day of UTC's: the recent window starts safely before the Monday four weeks back. */
function recentSince(now: Date): DayKey {
  return addDays(dayKey(now, "UTC", 0), -(RISK_WINDOW_DAYS + 9));
}

const CHECK_IN_COLUMNS = { questId: true, dayKey: true, happenedAt: true, value: true, source: true } as const;

/** What both loaders read of the player: clock, build, opt-in, rest and the check-ins from `since` on. */
function playerSelect(since: DayKey, quests: Prisma.QuestWhereInput) {
  return {
    ...PLAYER_BUILD,
    timeZone: true,
    dayStartMinute: true,
    lastSettledDay: true,
    createdAt: true,
    aiOptIn: true,
    restPeriods: { where: { endDay: { gte: since } }, select: { startDay: true, endDay: true } },
    quests: {
      where: { kind: { not: "PENALTY" }, ...quests },
      orderBy: { createdAt: "asc" },
      select: {
        ...QUEST_COLUMNS,
        checkIns: { where: { dayKey: { gte: since }, undo: null }, select: CHECK_IN_COLUMNS },
      },
    },
  } as const satisfies Prisma.PlayerSelect;
}

type PlayerRow = Prisma.PlayerGetPayload<{ select: ReturnType<typeof playerSelect> }>;

/** The recent log from a loaded player: today, the active quests, check-ins with their minutes, rest days. */
function recentLog(
  player: PlayerRow,
  now: Date,
  since: DayKey,
  extra: {
    tally?: Tally;
    restSettlements: readonly DayKey[];
    renames: { renames: unknown; promptVersion: number } | null;
  },
) {
  const today = playerToday(player, now);
  const active = player.quests.filter((q) => q.archivedAt === null);
  const rows = active.flatMap((q) => q.checkIns).filter((c) => c.dayKey >= since);
  const restDays = new Set(extra.restSettlements.filter((day) => day >= since));
  for (let day = since; day <= today; day = addDays(day, 1)) if (isRestDay(player.restPeriods, day)) restDays.add(day);
  const dayStart = dayStartInstant(today, player.timeZone, player.dayStartMinute).getTime();
  return {
    player,
    today,
    nowMinute: Math.max(0, Math.floor((now.getTime() - dayStart) / 60_000)),
    quests: active.map((q) => toInsightQuest(q, player)),
    tally: extra.tally ?? tallyFrom(rows),
    checkIns: timedCheckIns(rows, player),
    restDays: restDays as ReadonlySet<DayKey>,
    latestRenames: extra.renames,
  };
}

export type RecentLog = ReturnType<typeof recentLog>;

/**
 * The last few weeks of a Hunter's log, enough for today's at-risk dailies and the suggestions: one joined query
 * whatever the size of the history.
 */
export async function loadRecent(playerId: string, now: Date): Promise<RecentLog> {
  const since = recentSince(now);
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      ...playerSelect(since, { archivedAt: null }),
      settlements: { where: { dayKey: { gte: since }, outcome: "REST" }, select: { dayKey: true } },
      // The flavour names the model gave in the latest report it wrote.
      reports: {
        where: { source: "openai" },
        orderBy: { week: "desc" },
        take: 1,
        select: { renames: true, promptVersion: true },
      },
    },
  });
  return recentLog(player, now, since, {
    restSettlements: player.settlements.map((s) => s.dayKey),
    renames: player.reports[0] ?? null,
  });
}

/**
 * The whole log's counted check-ins per (quest, day), for strength recomputed from each quest's first day. Raw SQL:
 * on a year of history Prisma's groupBy costs about twice as long (npm run bench).
 */
async function historyTallies(playerId: string): Promise<Map<string, DayTally>> {
  const rows = await db.$queryRaw<{ questId: string; dayKey: string; count: number; total: number | null }[]>`
    SELECT c."questId", c."dayKey", count(*)::int AS count, sum(c."value")::float8 AS total
    FROM "CheckIn" c LEFT JOIN "CheckInUndo" u ON u."checkInId" = c."id"
    WHERE c."playerId" = ${playerId} AND u."checkInId" IS NULL
    GROUP BY c."questId", c."dayKey"`;
  return new Map(rows.map((r) => [`${r.questId}|${r.dayKey}`, { count: r.count, total: r.total ?? 0 }]));
}

/**
 * Everything a weekly report needs, in three queries run together whatever the size of the history: the player
 * with all their quests and the check-ins, settlements, Survival Quests and stored reports from the earlier of the
 * recent window and `from` (the asked week's Monday), the whole log's daily tallies (strength is recomputed from each
 * quest's first day) and the ledger's daily sums since then. The recent log (suggestions) comes from the same rows.
 */
export async function loadReportLog(playerId: string, now: Date, from?: DayKey) {
  const recent = recentSince(now);
  const since = from && from < recent ? from : recent;
  const [player, tallies, ledger] = await Promise.all([
    db.player.findUniqueOrThrow({
      where: { id: playerId },
      select: {
        ...playerSelect(since, {}),
        settlements: {
          where: { OR: [{ dayKey: { gte: since } }, { outcome: { in: ["REST", "SHIELDED"] } }] },
          select: { dayKey: true, outcome: true, streakAfter: true },
        },
        penalties: { where: { openedDay: { gte: since } }, select: { openedDay: true, status: true } },
        reports: { where: { week: { gte: isoWeekOf(since) } }, orderBy: { week: "desc" } },
        achievements: { where: { achievementId: "know-thyself" }, select: { achievementId: true } },
      },
    }),
    historyTallies(playerId),
    db.ledgerEntry.groupBy({
      by: ["dayKey"],
      where: { playerId, dayKey: { gte: since }, reason: { not: "SHOP" } },
      _sum: { xp: true, gold: true },
    }),
  ]);
  const tally: Tally = (questId, day) => tallies.get(`${questId}|${day}`) ?? EMPTY_TALLY;
  const latestModelReport = player.reports.find((r) => r.source === "openai") ?? null;
  const log = recentLog(player, now, recent, {
    tally,
    restSettlements: player.settlements.filter((s) => s.outcome === "REST").map((s) => s.dayKey),
    renames: latestModelReport,
  });
  const checkIns = timedCheckIns(
    player.quests.flatMap((q) => q.checkIns),
    player,
  );

  /** The rules' input for one week of the loaded span. */
  function weekInput(week: string, monday: DayKey): WeekInput {
    const sunday = addDays(monday, 6);
    const inWeek = (day: DayKey) => day >= monday && day <= sunday;
    const ledgerDays = ledger.filter((l) => inWeek(l.dayKey));
    return {
      week,
      monday,
      today: log.today,
      lastSettledDay: player.lastSettledDay,
      dayStartMinute: player.dayStartMinute,
      player,
      quests: player.quests.filter((q) => q.createdDay <= sunday).map((q) => toInsightQuest(q, player)),
      tally,
      checkIns: checkIns.filter((c) => inWeek(c.day)),
      frozenDays: new Set(
        player.settlements.filter((s) => s.outcome === "REST" || s.outcome === "SHIELDED").map((s) => s.dayKey),
      ),
      settlements: player.settlements
        .filter((s) => inWeek(s.dayKey))
        .map((s) => ({ day: s.dayKey, outcome: s.outcome as DayOutcomeName, streakAfter: s.streakAfter })),
      ledger: {
        xp: ledgerDays.reduce((sum, l) => sum + (l._sum.xp ?? 0), 0),
        gold: ledgerDays.reduce((sum, l) => sum + (l._sum.gold ?? 0), 0),
      },
      penalties: player.penalties.filter((p) => inWeek(p.openedDay)),
    };
  }

  return {
    log,
    weekInput,
    storedReport: (week: string) => player.reports.find((r) => r.week === week) ?? null,
    reportRead: player.achievements.length > 0,
  };
}

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

function suggestionsOf(log: RecentLog) {
  const builtin = recommendationsOf(log);
  const renames = modelRenames(log);
  if (renames.length === 0) return { suggestions: builtin, source: "builtin" as Source };
  return { suggestions: [...builtin.filter((s) => s.kind !== "RENAME"), ...renames], source: "openai" as Source };
}

/** GET /api/v1/insights/suggestions: drafts, easier variants and renames. */
export async function getSuggestions(playerId: string, now: Date) {
  return suggestionsOf(await loadRecent(playerId, now));
}

export type RiskView = DailyRisk & { reasons: (RiskReason & { text: string })[]; marker: string | null };

/** Today's open dailies with their risk, riskiest first. */
function riskViews(log: RecentLog): RiskView[] {
  const resting = log.restDays.has(log.today);
  return log.quests
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
}

/** GET /api/v1/insights/at-risk: today's open dailies, riskiest first. */
export async function getAtRisk(playerId: string, now: Date) {
  const log = await loadRecent(playerId, now);
  return { day: log.today, dailies: riskViews(log), source: "builtin" as Source };
}

/**
 * What the dashboard shows of the System's insights, from one read of the log: the "likely to slip" marker of each
 * open daily that earns one, and the suggestions for the status window.
 */
export async function getTodayInsights(playerId: string, now: Date) {
  const log = await loadRecent(playerId, now);
  const markers: Record<string, string> = {};
  for (const risk of riskViews(log)) if (risk.marker) markers[risk.questId] = risk.marker;
  return { markers, ...suggestionsOf(log) };
}
