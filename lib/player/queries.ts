import "server-only";
import { db, rawColumns, rawSql, rowColumns } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma, type Rank } from "@/lib/generated/prisma/client";
import { talliesOf, tallyGroups, type TallyGroup } from "@/lib/quests/tallies";
import { notificationPrefsOf } from "@/lib/player/schemas";
import { playerStatus, statusWindow, type PlayerStatus, type StatusSource } from "@/lib/player/rules";
import { nextJobChangeDay } from "@/lib/progression/rules";
import { QUEST_ORDER_SQL, QUEST_SCALARS, questColumns } from "@/lib/quests/queries";
import { addDays, dayKey, playerToday, localDay, weekStart, type DayKey } from "@/lib/time/rules";

/** How many of a quest's latest check-ins the status window lists for undo (counts come from the tallies). */
const UNDOABLE_SHOWN = 10;

/** The Player columns the status window reads. */
const PLAYER_KEYS = [
  "timeZone",
  "dayStartMinute",
  "hunterName",
  "job",
  "awakenedAt",
  "equippedTitle",
  "aiOptIn",
  "level",
  "xp",
  "rank",
  "gold",
  "heldXp",
  "heldGold",
  "streak",
  "shields",
  "createdAt",
  "lastSettledDay",
  "allocatedStr",
  "allocatedAgi",
  "allocatedVit",
  "allocatedInt",
  "allocatedPer",
];
/** PLAYER_KEYS of Player `p`, raw (enums as text). */
const STATUS_PLAYER_COLUMNS = rawColumns("p", PLAYER_KEYS, { job: "text", rank: "text" });

/** A timestamp inside JSON, as the UTC instant ("…Z") the reader turns back into a Date. */
const iso = (column: string) => Prisma.raw(`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);
const date = (value: string | null) => (value === null ? null : new Date(value));

/** Quest columns of the status read's rows, named apart from the player's. */
const STATUS_QUEST_COLUMNS = questColumns("quest.");

/**
 * One row per quest (one row with null quest columns for a Hunter without quests): the player's columns, their open
 * or just-closed Survival Quests, Rank Trials and rest periods as JSON, then the quest's columns ("quest.…"), its
 * latest check-ins and its tallies of the days the status window may read, as JSON.
 */
type StatusRow = Omit<StatusSource, "penalties" | "rankTrials" | "quests"> & {
  penalties: (Omit<StatusSource["penalties"][number], "deadline" | "closedAt"> & {
    deadline: string;
    closedAt: string | null;
  })[];
  rankTrials: { targetRank: Rank; passedAt: string | null }[];
  "quest.checkIns": { id: string; dayKey: DayKey; happenedAt: string }[];
  "quest.tallies": TallyGroup[];
} & Record<`quest.${string}`, unknown>;

/** A status row's quest with its latest check-ins, or null on a Hunter without quests. */
function questOf(row: StatusRow): StatusSource["quests"][number] | null {
  if (row["quest.id"] === null) return null;
  const quest = rowColumns(row, QUEST_SCALARS, "quest.") as Omit<StatusSource["quests"][number], "checkIns">;
  const checkIns = row["quest.checkIns"].map((c) => ({ ...c, happenedAt: new Date(c.happenedAt) }));
  return { ...quest, checkIns };
}

/**
 * The status window: everything the dashboard and GET /api/v1/player show, in one raw statement whatever the size
 * of the player's history (running totals live on Player; this week's check-ins are counted per quest and day in
 * SQL): the player with their open or just-closed Survival Quest, Rank Trials and rest periods and each quest with
 * its latest check-ins of the last few days (today's are the ones an undo can take back) and its tallies. The
 * statement runs before the player's clock is known, so it counts the days any zone's window may cover (from the
 * Monday before the day two UTC days back through tomorrow in UTC: at most ten days) and the window's own days are
 * kept here. Raw (rawSql) rather than the ORM's nested read, which cost 1.3 ms of CPU (#16) on every status read
 * that misses the cache (the dashboard's check-in, its page); one statement rather than two saves a round trip.
 */
export async function getPlayerStatus(playerId: string, now: Date): Promise<PlayerStatus> {
  const utcToday = dayKey(now, "UTC", 0);
  // Every zone's yesterday is at most 2 UTC days back (UTC-12 with the day starting up to 5h59 late), and its
  // today at most one day ahead (UTC+14).
  const recent = addDays(utcToday, -2);
  const dayAgo = new Date(now.getTime() - 24 * 3_600_000);
  const rows = await rawSql.$queryRaw<StatusRow[]>`
    SELECT h.*, ${STATUS_QUEST_COLUMNS}, COALESCE(l."checkIns", '[]') AS "quest.checkIns",
      COALESCE(t."tallies", '[]') AS "quest.tallies"
    FROM (
      SELECT ${STATUS_PLAYER_COLUMNS},
        (SELECT COALESCE(json_agg(x ORDER BY x."openedAt" DESC), '[]') FROM (
          SELECT e."id", e."questId", e."status"::text AS "status", e."progress", e."required",
            ${iso('e."deadline"')} AS "deadline", ${iso('e."closedAt"')} AS "closedAt", e."fineXp", e."fineGold",
            e."returnedXp", e."returnedGold", e."openedAt", json_build_object('title', t."title") AS "quest"
          FROM "Penalty" e JOIN "Quest" t ON t."id" = e."questId"
          WHERE e."playerId" = p."id" AND (e."status" = 'OPEN' OR e."closedAt" >= ${dayAgo})
          ORDER BY e."openedAt" DESC LIMIT 2) x) AS "penalties",
        (SELECT COALESCE(json_agg(x ORDER BY x."openedAt" DESC), '[]') FROM (
          SELECT r."targetRank"::text AS "targetRank", ${iso('r."passedAt"')} AS "passedAt", r."openedAt"
          FROM "RankTrial" r WHERE r."playerId" = p."id" AND (r."passedAt" IS NULL OR r."passedAt" >= ${dayAgo})
          ORDER BY r."openedAt" DESC LIMIT 2) x) AS "rankTrials",
        -- Rest periods that may cover today or yesterday.
        (SELECT COALESCE(json_agg(x ORDER BY x."startDay"), '[]') FROM (
          SELECT s."id", s."startDay", s."endDay" FROM "RestPeriod" s
          WHERE s."playerId" = p."id" AND s."endDay" >= ${recent}) x) AS "restPeriods"
      FROM "Player" p WHERE p."id" = ${playerId}
    ) h
    LEFT JOIN "Quest" q ON q."playerId" = ${playerId} AND q."archivedAt" IS NULL
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('id', c."id", 'dayKey', c."dayKey", 'happenedAt', ${iso('c."happenedAt"')})
        ORDER BY c."happenedAt" DESC, c."id" DESC) AS "checkIns"
      FROM (
        SELECT c."id", c."dayKey", c."happenedAt" FROM "CheckIn" c
        WHERE c."questId" = q."id" AND c."dayKey" >= ${recent}
          AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
        ORDER BY c."happenedAt" DESC, c."id" DESC LIMIT ${UNDOABLE_SHOWN}) c
    ) l ON TRUE
    LEFT JOIN LATERAL (
      SELECT json_agg(g) AS "tallies"
      FROM (${tallyGroups(Prisma.sql`c."questId" = q."id"`, weekStart(recent), addDays(utcToday, 1))}) g
    ) t ON TRUE
    ORDER BY ${QUEST_ORDER_SQL}`;
  const [row] = rows;
  if (!row) throw new AppError("NOT_FOUND", "Player not found");
  const player: StatusSource = {
    ...(rowColumns(row, [...PLAYER_KEYS, "restPeriods"]) as Omit<StatusSource, "penalties" | "rankTrials" | "quests">),
    penalties: row.penalties.map((p) => ({ ...p, deadline: new Date(p.deadline), closedAt: date(p.closedAt) })),
    rankTrials: row.rankTrials.map((r) => ({ ...r, passedAt: date(r.passedAt) })),
    quests: rows.flatMap((r) => questOf(r) ?? []),
  };
  const { since, today } = statusWindow(player, now);
  const groups = rows.flatMap((r) => r["quest.tallies"]);
  return playerStatus(player, talliesOf(groups.filter((g) => since <= g.dayKey && g.dayKey <= today)), now);
}

/** The player's clock settings, for turning a chosen day into an instant inside it. */
export async function getPlayerClock(playerId: string) {
  return db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { timeZone: true, dayStartMinute: true, lastSettledDay: true },
  });
}

/** What the settings screen edits, with the rest periods that have not ended yet. */
export async function getPlayerSettings(playerId: string, today: string) {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      hunterName: true,
      timeZone: true,
      dayStartMinute: true,
      leaderboardOptOut: true,
      aiOptIn: true,
      notificationPrefs: true,
      job: true,
      jobChangedAt: true,
      restPeriods: {
        where: { endDay: { gte: today } },
        orderBy: { startDay: "asc" },
        select: { id: true, startDay: true, endDay: true },
      },
    },
  });
  const { jobChangedAt, ...rest } = player;
  return {
    ...rest,
    notificationPrefs: notificationPrefsOf(player.notificationPrefs),
    /** The day the job may change again; null: it may today. */
    nextJobChange: nextJobChangeDay(jobChangedAt && localDay(jobChangedAt, player), today),
  };
}

export type PlayerSettings = Awaited<ReturnType<typeof getPlayerSettings>>;

export async function getHunterName(playerId: string): Promise<string> {
  const player = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { hunterName: true } });
  return player.hunterName;
}

/** The rest periods that have not ended by the Hunter's today, soonest first. */
export async function listRestPeriods(playerId: string, now: Date) {
  const player = await getPlayerClock(playerId);
  return db.restPeriod.findMany({
    where: { playerId, endDay: { gte: playerToday(player, now) } },
    orderBy: { startDay: "asc" },
    select: { id: true, startDay: true, endDay: true },
  });
}
