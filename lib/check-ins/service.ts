import "server-only";
import { unlockAchievements, type Unlocked } from "@/lib/achievements/service";
import { isEarlyCheckIn } from "@/lib/achievements/rules";
import type { CheckInInput } from "@/lib/check-ins/schemas";
import { newId, sqlTransaction, type Sql } from "@/lib/db";
import { canBackfill } from "@/lib/days/rules";
import { AppError } from "@/lib/errors";
import { Prisma, type CheckIn, type CheckInSource, type Penalty, type Quest } from "@/lib/generated/prisma/client";
import { lockPlayer, openRankTrialIfDue, post, type PlayerState } from "@/lib/ledger/service";
import { metrics } from "@/lib/metrics/registry";
import { awardXp, badHabitPenaltyXp, clampBadHabitLoss, goldFor } from "@/lib/progression/rules";
import { countsTowardPenalty } from "@/lib/penalties/rules";
import { closePenaltyCleared } from "@/lib/penalties/service";
import {
  addToTally,
  checkInAward,
  completesQuest,
  HABIT_AWARDED_TAPS_PER_DAY,
  isCompleteWith,
  isScheduledOn,
  questShape,
  type DayTally,
  type QuestShape,
} from "@/lib/quests/rules";
import { questColumns } from "@/lib/quests/queries";
import { restateStrength } from "@/lib/quests/strength";
import { playerToday, type DayKey, localDay } from "@/lib/time/rules";

/** How far ahead of the server's clock a device's clock may run. */
const CLOCK_SKEW_MS = 5 * 60_000;

export type Award = {
  xp: number;
  gold: number;
  /** Recorded but not credited while the Penalty Zone is open. */
  held: boolean;
  /** Why a check-in that was recorded earned nothing (null when it awarded or cost XP). */
  unawarded: string | null;
  levelUp: { from: number; to: number } | null;
  achievements: Unlocked[];
  penalty: { progress: number; required: number; cleared: boolean } | null;
};

export type CheckInBody = {
  checkIn: {
    id: string;
    questId: string;
    dayKey: DayKey;
    happenedAt: string;
    source: CheckInSource;
    value: number | null;
    note: string | null;
  };
  award: Award;
  /** The quest's day after this check-in: counted check-ins, the total of their values, and whether it is complete. */
  day: { checkIns: number; total: number; target: number | null; complete: boolean };
  player: { level: number; xp: number; gold: number; heldXp: number; heldGold: number; rank: string; streak: number };
};

export type CheckInReply = { status: 200 | 201; body: CheckInBody };

const NO_AWARD: Award = {
  xp: 0,
  gold: 0,
  held: false,
  unawarded: null,
  levelUp: null,
  achievements: [],
  penalty: null,
};

/** Every column of Quest, for the check-in's read of its quest. */
const QUEST_COLUMNS = questColumns();

/** What a check-in under an idempotency key keeps to answer that key again. */
type KeyedCheckIn = Pick<CheckIn, "response" | "questId" | "value" | "happenedAt" | "source">;

/** The player's open Survival Quest, as the award reads it. */
type OpenPenalty = Pick<Penalty, "id" | "questId" | "openedAt" | "progress" | "required">;

/** What the award needs that a caller may already have read after taking the player's lock. */
type ReadUnderLock = { penalty: OpenPenalty | null; unlocked: ReadonlySet<string> };

/**
 * What a check-in reads once the player's lock is ours, in one statement: the check-in already made under this key
 * (if any), the quest (null unless it is the player's and not archived), the check-ins counted on its `day` so far
 * (an undone one has its CheckInUndo row), and what the award would otherwise read in statements of its own: the
 * open Survival Quest still running at `now` and the achievements unlocked. Under READ COMMITTED only a statement
 * begun after the lock sees what the transaction we waited for committed, such as a first send of this very key.
 */
async function readUnderLock(
  tx: Sql,
  playerId: string,
  questId: string,
  idempotencyKey: string,
  day: DayKey,
  now: Date,
): Promise<{ keyed: KeyedCheckIn | null; quest: Quest | null; before: DayTally; known: ReadUnderLock }> {
  const [row] = await tx.$queryRaw<
    (Quest & { count: number; total: number; unlocked: string[] } & {
      [K in keyof KeyedCheckIn as `keyed_${K}`]: KeyedCheckIn[K];
    } & { [K in keyof OpenPenalty as `penalty_${K}`]: OpenPenalty[K] | null })[]
  >`
    SELECT ${QUEST_COLUMNS}, t."count", t."total", k."response" AS "keyed_response", k."questId" AS "keyed_questId",
      k."value" AS "keyed_value", k."happenedAt" AS "keyed_happenedAt", k."source"::text AS "keyed_source",
      z."id" AS "penalty_id", z."questId" AS "penalty_questId", z."openedAt" AS "penalty_openedAt",
      z."progress" AS "penalty_progress", z."required" AS "penalty_required",
      ARRAY(SELECT a."achievementId" FROM "AchievementUnlock" a WHERE a."playerId" = ${playerId}) AS "unlocked"
    FROM (SELECT 1) AS "one"
    LEFT JOIN "Quest" q ON q."id" = ${questId} AND q."playerId" = ${playerId} AND q."archivedAt" IS NULL
    LEFT JOIN "CheckIn" k ON k."playerId" = ${playerId} AND k."idempotencyKey" = ${idempotencyKey}
    CROSS JOIN LATERAL (
      SELECT COUNT(*)::int AS "count", COALESCE(SUM(c."value"), 0)::float8 AS "total" FROM "CheckIn" c
      WHERE c."questId" = ${questId} AND c."dayKey" = ${day}
        AND NOT EXISTS (SELECT 1 FROM "CheckInUndo" u WHERE u."checkInId" = c."id")
    ) AS t
    LEFT JOIN LATERAL (${openPenaltyOf(playerId, now)}) AS z ON TRUE`;
  const {
    count,
    total,
    unlocked,
    penalty_id: penaltyId,
    penalty_questId: penaltyQuestId,
    penalty_openedAt: openedAt,
    penalty_progress: progress,
    penalty_required: required,
    keyed_response: response,
    keyed_questId: keyedQuestId,
    keyed_value: value,
    keyed_happenedAt: happenedAt,
    keyed_source: source,
    ...quest
  } = row!;
  return {
    keyed: response === null ? null : { response, questId: keyedQuestId, value, happenedAt, source },
    quest: quest.id === null ? null : quest,
    before: { count, total },
    known: {
      penalty:
        penaltyId === null
          ? null
          : { id: penaltyId, questId: penaltyQuestId!, openedAt: openedAt!, progress: progress!, required: required! },
      unlocked: new Set(unlocked),
    },
  };
}

/** The player's Survival Quest still open at `now` (at most one is open). */
function openPenaltyOf(playerId: string, now: Date): Prisma.Sql {
  return Prisma.sql`
    SELECT "id", "questId", "openedAt", "progress", "required" FROM "Penalty"
    WHERE "playerId" = ${playerId} AND "status" = 'OPEN' AND "deadline" > ${now} LIMIT 1`;
}

/** What the player is told when a recorded check-in earns nothing. */
function unawardedReason(quest: QuestShape, before: DayTally, day: DayKey): string {
  if (quest.kind === "HABIT") {
    return `Habit XP is paid for ${HABIT_AWARDED_TAPS_PER_DAY} taps a day: this one is recorded without XP.`;
  }
  if (quest.target?.direction === "AT_MOST") return "A limit is judged when the day is settled: XP comes then.";
  if (quest.target && !isCompleteWith(quest, before)) return "XP comes when the day's total reaches the target.";
  if (quest.kind === "DAILY" && !isScheduledOn(quest.schedule, day)) {
    return "Not due today: extra credit pays once a day, and it does not clear the day.";
  }
  return "Already complete today: recorded without XP.";
}

/**
 * The reply already given under this key (`existing`: the check-in made with it), or null for a new key. A key
 * names one request: sent again for another quest, value or time it is refused rather than replayed (docs/rules.md
 * "Yesterday, backfill, undo"). The note is left out: it can be edited after the check-in.
 */
function replayOf(existing: KeyedCheckIn | null, questId: string, input: CheckInInput): CheckInReply | null {
  if (!existing) return null;
  const sameTime = input.happenedAt
    ? existing.source !== "LIVE" && existing.happenedAt.getTime() === Date.parse(input.happenedAt)
    : existing.source === "LIVE";
  if (existing.questId !== questId || existing.value !== (input.value ?? null) || !sameTime) {
    throw new AppError("VALIDATION_FAILED", "This idempotency key was already used for a different request", {
      idempotencyKey: "Already used for another check-in: send a new key",
    });
  }
  return { status: 200, body: JSON.parse(existing.response) as CheckInBody };
}

function playerSummary(player: PlayerState): CheckInBody["player"] {
  const { level, xp, gold, heldXp, heldGold, rank, streak } = player;
  return { level, xp, gold, heldXp, heldGold, rank, streak };
}

/** The day a check-in counts for: today when it is live, else the player's day at `happenedAt`. */
function checkInDay(player: PlayerState, happenedAt: Date, live: boolean, now: Date): DayKey {
  return live ? playerToday(player, now) : localDay(happenedAt, player);
}

/**
 * Whether a check-in on `day` (checkInDay's) may be made, and whether it is live, offline (an unsettled past day) or
 * a backfill.
 */
function placeCheckIn(
  player: PlayerState,
  quest: Pick<Quest, "createdDay">,
  day: DayKey,
  happenedAt: Date,
  live: boolean,
  now: Date,
): CheckInSource {
  if (happenedAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new AppError("VALIDATION_FAILED", "happenedAt is in the future", { happenedAt: "Must not be in the future" });
  }
  const today = playerToday(player, now);
  if (day < quest.createdDay) {
    throw new AppError("VALIDATION_FAILED", "The quest did not exist yet", {
      happenedAt: "Before the quest was created",
    });
  }
  const settled = player.lastSettledDay !== null && day <= player.lastSettledDay;
  if (!settled) return live ? "LIVE" : "OFFLINE";
  if (!canBackfill(day, today)) {
    throw new AppError("VALIDATION_FAILED", "Backfill reaches 7 days back at most", {
      happenedAt: "More than 7 days ago",
    });
  }
  return "BACKFILL";
}

/**
 * Records "I did quest Q" and awards what the rules say. The same request under the same idempotency key always
 * yields the same reply (201 the first time, 200 with the original body after), however many times and however
 * concurrently it is sent; the key sent with a different request is a 422.
 */
export async function checkIn(
  playerId: string,
  questId: string,
  input: CheckInInput,
  now: Date,
): Promise<CheckInReply> {
  const reply = await recordCheckIn(playerId, questId, input, now);
  const { questsCompleted, checkInReplays } = metrics();
  (reply.status === 201 ? questsCompleted : checkInReplays).inc();
  return reply;
}

async function recordCheckIn(playerId: string, questId: string, input: CheckInInput, now: Date): Promise<CheckInReply> {
  // Every check-in, a retry too, first takes the player's lock: two sends of one key (a retry racing its first
  // send) run one after the other, and the second finds the first's check-in and answers with its reply. Every
  // statement is raw SQL on a plain node-postgres transaction (lib/db.ts sqlTransaction): the tap is the hot path.
  return sqlTransaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const happenedAt = input.happenedAt ? new Date(input.happenedAt) : now;
    const live = !input.happenedAt;
    const day = checkInDay(player, happenedAt, live, now);
    // A retry (the same key again) is answered before anything is judged: as it was the first time.
    const { keyed, quest, before, known } = await readUnderLock(tx, playerId, questId, input.idempotencyKey, day, now);
    const earlier = replayOf(keyed, questId, input);
    if (earlier) return earlier;
    if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
    if (quest.kind === "PENALTY") {
      throw new AppError("CONFLICT", "A Survival Quest is cleared by completing your other quests in time");
    }
    if (quest.kind === "ONE_TIME" && quest.completedAt)
      throw new AppError("CONFLICT", "This quest is already complete");
    if (quest.targetValue !== null && input.value === undefined) {
      throw new AppError("VALIDATION_FAILED", `Say how much: this quest counts ${quest.targetUnit}`, {
        value: `How many ${quest.targetUnit}?`,
      });
    }
    const source = placeCheckIn(player, quest, day, happenedAt, live, now);

    const created = { id: newId(), value: input.value ?? null, note: input.note ?? null };
    // Recorded at the request's clock, as everything else it judges (the test clock and the demo's played weeks too).
    await tx.$executeRaw`
      INSERT INTO "CheckIn" ("id", "playerId", "questId", "dayKey", "happenedAt", "recordedAt", "source",
        "idempotencyKey", "value", "note", "response")
      VALUES (${created.id}, ${playerId}, ${questId}, ${day}, ${happenedAt}, ${now}, ${source}::"CheckInSource",
        ${input.idempotencyKey}, ${created.value}, ${created.note}, '')`;
    if (quest.kind === "ONE_TIME") {
      await tx.$executeRaw`
        UPDATE "Quest" SET "completedAt" = ${happenedAt}, "updatedAt" = ${new Date()} WHERE "id" = ${questId}`;
    }
    if (source === "BACKFILL") await restateStrength(tx, quest);
    const placed = { id: created.id, dayKey: day, happenedAt, value: created.value };
    const award = source === "BACKFILL" ? NO_AWARD : await awardCheckIn(tx, player, quest, placed, before, now, known);
    const after = addToTally(before, created.value);
    const body: CheckInBody = {
      checkIn: {
        id: created.id,
        questId,
        dayKey: day,
        happenedAt: happenedAt.toISOString(),
        source,
        value: created.value,
        note: created.note,
      },
      award,
      day: {
        checkIns: after.count,
        total: after.total,
        target: quest.targetValue,
        complete: isCompleteWith(questShape(quest), after),
      },
      player: playerSummary(player),
    };
    // Written once, inside the transaction that creates the row: the reply a retry will get.
    await tx.$executeRaw`UPDATE "CheckIn" SET "response" = ${JSON.stringify(body)} WHERE "id" = ${created.id}`;
    return { status: 201 as const, body };
  });
}

type Placed = { id: string; dayKey: DayKey; happenedAt: Date; value: number | null };

/**
 * The XP, gold and consequences of one check-in, judged against the quest's day before it (`before`). Also used
 * when an undo leaves a later check-in of the same day deserving the award. `known`: what the caller already read
 * after taking the player's lock (else read here).
 */
export async function awardCheckIn(
  tx: Sql,
  player: PlayerState,
  quest: Quest,
  checkIn: Placed,
  before: DayTally,
  now: Date,
  known?: ReadUnderLock,
): Promise<Award> {
  const shape = questShape(quest);
  const verdict = checkInAward(shape, before, checkIn.value, checkIn.dayKey);
  if (verdict === "BAD_HABIT") {
    const loss = clampBadHabitLoss(player.xp, badHabitPenaltyXp(quest.difficulty));
    if (loss > 0)
      await post(tx, player, { reason: "BAD_HABIT", dayKey: checkIn.dayKey, xp: -loss, checkInId: checkIn.id });
    return { ...NO_AWARD, xp: -loss };
  }
  if (verdict === "NONE") return { ...NO_AWARD, unawarded: unawardedReason(shape, before, checkIn.dayKey) };

  const xp = awardXp(quest.difficulty, player.streak);
  const gold = goldFor(xp);
  const penalty = known
    ? known.penalty
    : ((await tx.$queryRaw<OpenPenalty[]>(openPenaltyOf(player.id, now)))[0] ?? null);
  // Counted before posting: the posting writes the player's row with them.
  player.totalCheckIns += 1;
  player.earlyCheckIns += isEarlyCheckIn(checkIn.happenedAt, player.timeZone) ? 1 : 0;
  const levelBefore = player.level;
  let penaltyState: Award["penalty"] = null;
  const specials: "PENALTY_CLEARED"[] = [];
  if (penalty) {
    const counts = countsTowardPenalty(quest, completesQuest(shape, before, checkIn.value), penalty.openedAt);
    await post(tx, player, {
      reason: "PENALTY_HOLD",
      dayKey: checkIn.dayKey,
      heldXp: xp,
      heldGold: gold,
      checkInId: checkIn.id,
      penaltyId: penalty.id,
      // Undo reads this back: only a hold that moved the Survival Quest's progress takes a step off it.
      ...(counts && { detail: PENALTY_PROGRESS }),
    });
    const progress = penalty.progress + (counts ? 1 : 0);
    const cleared = progress >= penalty.required;
    if (cleared) {
      await closePenaltyCleared(tx, player, penalty, progress, checkIn.dayKey, now);
      specials.push("PENALTY_CLEARED");
    } else if (counts) {
      await tx.$executeRaw`UPDATE "Penalty" SET "progress" = ${progress} WHERE "id" = ${penalty.id}`;
    }
    penaltyState = { progress, required: penalty.required, cleared };
  } else {
    await post(tx, player, { reason: "AWARD", dayKey: checkIn.dayKey, xp, gold, checkInId: checkIn.id });
  }
  const achievements = await unlockAchievements(tx, player, {
    dayKey: checkIn.dayKey,
    specials,
    unlocked: known?.unlocked,
  });
  await openRankTrialIfDue(tx, player, now);
  return {
    xp,
    gold,
    held: penalty !== null && !penaltyState?.cleared,
    unawarded: null,
    levelUp: player.level > levelBefore ? { from: levelBefore, to: player.level } : null,
    achievements,
    penalty: penaltyState,
  };
}

/** The detail of a PENALTY_HOLD entry whose check-in moved the Survival Quest's progress. */
export const PENALTY_PROGRESS = "penalty-progress";
