import "server-only";
import { db, rawColumns, rawSql, rowColumns } from "@/lib/db";
import { AppError } from "@/lib/errors";
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
import { EMPTY_TALLY, parseSchedule, type DayTally } from "@/lib/quests/rules";
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

/**
 * Counted check-ins of a quest on a day that happened in one minute (`at`, its first instant): `count` of them, their
 * values summing to `total`. The recent log reads them grouped so (#16: its rows do not grow with taps).
 */
type CheckInGroup = { questId: string; dayKey: DayKey; at: Date; backfill: boolean; count: number; total: number };

/** Check-ins as the rules read them; backfilled ones say nothing about the hour a quest is done. */
function timedCheckIns(groups: readonly CheckInGroup[], clock: Clock): InsightCheckIn[] {
  const minuteOf = minuteReader(clock);
  return groups
    .filter((group) => !group.backfill)
    .map((group) => ({
      questId: group.questId,
      day: group.dayKey,
      minute: minuteOf(group.dayKey, group.at),
      count: group.count,
    }));
}

function tallyFrom(groups: readonly Omit<CheckInGroup, "at" | "backfill">[]): Tally {
  const tallies = new Map<string, DayTally>();
  for (const group of groups) {
    const key = `${group.questId}|${group.dayKey}`;
    const tally = tallies.get(key) ?? EMPTY_TALLY;
    tallies.set(key, { count: tally.count + group.count, total: tally.total + group.total });
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

/** The player's own columns the recent log reads: clock, build, opt-in. */
const PLAYER_COLUMNS = {
  ...PLAYER_BUILD,
  timeZone: true,
  dayStartMinute: true,
  lastSettledDay: true,
  createdAt: true,
  aiOptIn: true,
} as const satisfies Prisma.PlayerSelect;

/** What the report's loader reads of the player: its columns, rest from `since` on and every quest. */
function playerSelect(since: DayKey) {
  return {
    ...PLAYER_COLUMNS,
    restPeriods: { where: { endDay: { gte: since } }, select: { startDay: true, endDay: true } },
    quests: { where: { kind: { not: "PENALTY" } }, orderBy: { createdAt: "asc" }, select: QUEST_COLUMNS },
  } as const satisfies Prisma.PlayerSelect;
}

/** What the recent log reads of the player: the report's loaded row, or loadRecent's. */
type RecentPlayer = Prisma.PlayerGetPayload<{ select: ReturnType<typeof playerSelect> }>;

/** The recent log from a loaded player: today, the active quests, check-ins with their minutes, rest days. */
function recentLog(
  player: RecentPlayer,
  checkIns: readonly CheckInGroup[],
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
  const activeIds = new Set(active.map((q) => q.id));
  const groups = checkIns.filter((c) => c.dayKey >= since && activeIds.has(c.questId));
  const restDays = new Set(extra.restSettlements.filter((day) => day >= since));
  for (let day = since; day <= today; day = addDays(day, 1)) if (isRestDay(player.restPeriods, day)) restDays.add(day);
  const dayStart = dayStartInstant(today, player.timeZone, player.dayStartMinute).getTime();
  return {
    player,
    today,
    nowMinute: Math.max(0, Math.floor((now.getTime() - dayStart) / 60_000)),
    quests: active.map((q) => toInsightQuest(q, player)),
    tally: extra.tally ?? tallyFrom(groups),
    checkIns: timedCheckIns(groups, player),
    restDays: restDays as ReadonlySet<DayKey>,
    latestRenames: extra.renames,
  };
}

export type RecentLog = ReturnType<typeof recentLog>;

/** PLAYER_COLUMNS of Player `p`, raw (the job as text). */
const RECENT_PLAYER_COLUMNS = rawColumns("p", Object.keys(PLAYER_COLUMNS), { job: "text" });
/** QUEST_COLUMNS of Quest `q`, raw, named apart from the player's ("quest.…"). */
const RECENT_QUEST_COLUMNS = rawColumns(
  "q",
  Object.keys(QUEST_COLUMNS),
  { kind: "text", difficulty: "text", stats: "text[]", targetDirection: "text" },
  "quest.",
);

/** One row per active quest (one with null quest columns for a Hunter without any), the player's columns on each. */
type RecentRow = {
  restPeriods: RecentPlayer["restPeriods"];
  restSettlements: DayKey[];
  renames: { renames: unknown; promptVersion: number } | null;
  checkIns: { dayKey: DayKey; atMs: number; backfill: boolean; count: number; total: number }[];
} & Record<`quest.${string}`, unknown>;

/**
 * The last few weeks of a Hunter's log, enough for today's at-risk dailies and the suggestions: one raw statement
 * whatever the size of the history or the number of taps. Each quest's check-ins come grouped by day and minute
 * (count and sum of values), so a habit tapped thousands of times a day is still a few rows (#16); the rules read
 * the groups as the check-ins they stand for.
 */
export async function loadRecent(playerId: string, now: Date): Promise<RecentLog> {
  const since = recentSince(now);
  const rows = await rawSql.$queryRaw<RecentRow[]>`
    SELECT h.*, ${RECENT_QUEST_COLUMNS}, COALESCE(g."checkIns", '[]') AS "checkIns"
    FROM (
      SELECT ${RECENT_PLAYER_COLUMNS},
        (SELECT COALESCE(json_agg(json_build_object('startDay', r."startDay", 'endDay', r."endDay")), '[]')
          FROM "RestPeriod" r WHERE r."playerId" = p."id" AND r."endDay" >= ${since}) AS "restPeriods",
        (SELECT COALESCE(json_agg(s."dayKey"), '[]') FROM "DaySettlement" s
          WHERE s."playerId" = p."id" AND s."dayKey" >= ${since} AND s."outcome" = 'REST') AS "restSettlements",
        -- The flavour names the model gave in the latest report it wrote.
        (SELECT json_build_object('renames', x."renames", 'promptVersion', x."promptVersion") FROM "SystemReport" x
          WHERE x."playerId" = p."id" AND x."source" = 'openai' ORDER BY x."week" DESC LIMIT 1) AS "renames"
      FROM "Player" p WHERE p."id" = ${playerId}
    ) h
    LEFT JOIN "Quest" q ON q."playerId" = ${playerId} AND q."archivedAt" IS NULL AND q."kind" <> 'PENALTY'
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('dayKey', c."dayKey", 'atMs', c."atMs", 'backfill', c."backfill",
        'count', c."count", 'total', c."total")) AS "checkIns"
      FROM (
        SELECT c."dayKey", c."source" = 'BACKFILL' AS "backfill",
          (extract(epoch FROM date_trunc('minute', c."happenedAt")) * 1000)::float8 AS "atMs",
          count(*)::int AS "count", COALESCE(sum(c."value"), 0)::float8 AS "total"
        FROM "CheckIn" c
        WHERE c."questId" = q."id" AND c."dayKey" >= ${since}
          AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
        GROUP BY 1, 2, 3
      ) c
    ) g ON TRUE
    ORDER BY q."createdAt" ASC`;
  const [row] = rows;
  if (!row) throw new AppError("NOT_FOUND", "Player not found");
  const quests = rows.flatMap((r) =>
    r["quest.id"] === null ? [] : [rowColumns(r, Object.keys(QUEST_COLUMNS), "quest.") as QuestRow],
  );
  const checkIns = rows.flatMap((r) =>
    r.checkIns.map(({ atMs, ...group }) => ({ ...group, questId: r["quest.id"] as string, at: new Date(atMs) })),
  );
  const player = { ...rowColumns(row, Object.keys(PLAYER_COLUMNS)), restPeriods: row.restPeriods, quests };
  return recentLog(player as RecentPlayer, checkIns, now, since, {
    restSettlements: row.restSettlements,
    renames: row.renames,
  });
}

/** A row of the report's history read: a day's check-ins of a quest, or of one minute of it from `since` on. */
type HistoryRow = Omit<CheckInGroup, "at"> & { at: Date | null };

/**
 * The whole log's counted check-ins per (quest, day), for strength recomputed from each quest's first day, with the
 * days from `since` on grouped further by minute and by backfill, as the recent log reads them: one raw statement whose
 * rows grow with days and minutes, never with taps (#16). Raw SQL: on a year of history Prisma's groupBy costs about
 * twice as long (npm run bench).
 */
async function historyGroups(playerId: string, since: DayKey) {
  const rows = await db.$queryRaw<HistoryRow[]>`
    SELECT c."questId", c."dayKey",
      CASE WHEN c."dayKey" >= ${since} THEN date_trunc('minute', c."happenedAt") END AS "at",
      c."dayKey" >= ${since} AND c."source" = 'BACKFILL' AS "backfill",
      count(*)::int AS "count", COALESCE(sum(c."value"), 0)::float8 AS "total"
    FROM "CheckIn" c LEFT JOIN "CheckInUndo" u ON u."checkInId" = c."id"
    WHERE c."playerId" = ${playerId} AND u."checkInId" IS NULL
    GROUP BY 1, 2, 3, 4`;
  return { tally: tallyFrom(rows), recent: rows.filter((row): row is CheckInGroup => row.at !== null) };
}

/**
 * Everything a weekly report needs, in three queries run together whatever the size of the history: the player
 * with all their quests and the settlements, Survival Quests and stored reports from the earlier of the recent window
 * and `from` (the asked week's Monday), the whole log's daily tallies (strength is recomputed from each quest's first
 * day) with that span's check-ins grouped by minute, and the ledger's daily sums since then. The recent log
 * (suggestions) comes from the same rows.
 */
export async function loadReportLog(playerId: string, now: Date, from?: DayKey) {
  const recent = recentSince(now);
  const since = from && from < recent ? from : recent;
  const [player, history, ledger] = await Promise.all([
    db.player.findUniqueOrThrow({
      where: { id: playerId },
      select: {
        ...playerSelect(since),
        settlements: {
          where: { OR: [{ dayKey: { gte: since } }, { outcome: { in: ["REST", "SHIELDED"] } }] },
          select: { dayKey: true, outcome: true, streakAfter: true },
        },
        penalties: { where: { openedDay: { gte: since } }, select: { openedDay: true, status: true } },
        reports: { where: { week: { gte: isoWeekOf(since) } }, orderBy: { week: "desc" } },
        achievements: { where: { achievementId: "know-thyself" }, select: { achievementId: true } },
      },
    }),
    historyGroups(playerId, since),
    db.ledgerEntry.groupBy({
      by: ["dayKey"],
      where: { playerId, dayKey: { gte: since }, reason: { not: "SHOP" } },
      _sum: { xp: true, gold: true },
    }),
  ]);
  const { tally } = history;
  const latestModelReport = player.reports.find((r) => r.source === "openai") ?? null;
  const questIds = new Set(player.quests.map((q) => q.id));
  const checkIns = history.recent.filter((group) => questIds.has(group.questId));
  const log = recentLog(player, checkIns, now, recent, {
    tally,
    restSettlements: player.settlements.filter((s) => s.outcome === "REST").map((s) => s.dayKey),
    renames: latestModelReport,
  });
  const timed = timedCheckIns(checkIns, player);

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
      checkIns: timed.filter((c) => inWeek(c.day)),
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
