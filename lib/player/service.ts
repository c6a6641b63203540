import "server-only";
import { hunterNameKey } from "@/lib/accounts/names";
import { ACHIEVEMENTS } from "@/lib/achievements/catalogue";
import { unlockAchievements } from "@/lib/achievements/service";
import { db, TX_OPTIONS } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { lockPlayer } from "@/lib/ledger/service";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationPrefs, UpdatePlayerInput } from "@/lib/player/schemas";
import {
  allocatedPoints,
  JOBS,
  nextJobChangeDay,
  statPointsEarned,
  type Job,
  type Stat,
} from "@/lib/progression/rules";
import { rescheduleReminders } from "@/lib/quests/service";
import { addDays, daysBetween, playerToday, localDay } from "@/lib/time/rules";

export async function updatePlayer(playerId: string, input: UpdatePlayerInput, now: Date): Promise<void> {
  if (input.equippedTitle) {
    const achievement = ACHIEVEMENTS.find((a) => a.id === input.equippedTitle && a.title);
    const unlocked = achievement
      ? await db.achievementUnlock.findUnique({
          where: { playerId_achievementId: { playerId, achievementId: achievement.id } },
        })
      : null;
    if (!unlocked) {
      throw new AppError("VALIDATION_FAILED", "That title is not yours to equip", {
        equippedTitle: "Unlock its achievement first",
      });
    }
  }
  // Only today's day key moves with a new zone or day start: settled days stay settled (lastSettledDay).
  const { leaderboardOptOut: hidden, hunterName } = input;
  const data = {
    ...input,
    ...(hunterName !== undefined && { hunterNameKey: hunterNameKey(hunterName) }),
    // Opting in to AI asks the next tick for a weekly report.
    ...(input.aiOptIn && { nextReportAt: null }),
  };
  try {
    await db.$transaction([
      db.player.update({ where: { id: playerId }, data }),
      // The weekly board's scores follow the opt-out in the same transaction (lib/leaderboard/queries.ts).
      ...(hidden === undefined
        ? []
        : [db.weeklyScore.updateMany({ where: { playerId, hidden: !hidden }, data: { hidden } })]),
    ]);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "That hunter name is taken", { hunterName: "That hunter name is taken" });
    }
    throw error;
  }
  if (input.timeZone) await rescheduleReminders(playerId, input.timeZone, now);
}

const COLUMN: Record<Stat, "allocatedStr" | "allocatedAgi" | "allocatedVit" | "allocatedInt" | "allocatedPer"> = {
  STR: "allocatedStr",
  AGI: "allocatedAgi",
  VIT: "allocatedVit",
  INT: "allocatedInt",
  PER: "allocatedPer",
};

/** Spends stat points earned by levelling up (3 a level) on the chosen stats. */
export async function allocateStatPoints(playerId: string, points: Partial<Record<Stat, number>>): Promise<void> {
  await db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const spent = Object.values(allocatedPoints(player)).reduce((a, b) => a + b, 0);
    const wanted = Object.values(points).reduce((a, b) => a + (b ?? 0), 0);
    const available = statPointsEarned(player.level) - spent;
    if (wanted > available) {
      throw new AppError("CONFLICT", `Only ${available} stat point${available === 1 ? "" : "s"} available`);
    }
    const data = Object.fromEntries(
      Object.entries(points).map(([stat, n]) => [COLUMN[stat as Stat], { increment: n ?? 0 }]),
    );
    await tx.player.update({ where: { id: playerId }, data });
  }, TX_OPTIONS);
}

const STARTER_DAILIES: Record<Job, { title: string; difficulty: "EASY" | "NORMAL" | "HARD"; stats: Stat[] }[]> = {
  TANK: [
    { title: "100 push-ups", difficulty: "HARD", stats: ["STR"] },
    { title: "Drink 2 litres of water", difficulty: "EASY", stats: ["VIT"] },
    { title: "Sleep before midnight", difficulty: "NORMAL", stats: ["VIT"] },
  ],
  MAGE: [
    { title: "Read 20 pages", difficulty: "NORMAL", stats: ["INT"] },
    { title: "Meditate 10 minutes", difficulty: "EASY", stats: ["PER"] },
    { title: "Study 45 minutes", difficulty: "HARD", stats: ["INT"] },
  ],
  ASSASSIN: [
    { title: "Run 3 km", difficulty: "HARD", stats: ["AGI"] },
    { title: "Stretch 10 minutes", difficulty: "EASY", stats: ["AGI"] },
    { title: "Plan tomorrow", difficulty: "NORMAL", stats: ["PER"] },
  ],
};

export function starterDailies(job: Job) {
  return STARTER_DAILIES[job];
}

/**
 * Job Change: at Awakening it also completes the Awakening (starter dailies, "The Awakened"); afterwards it may
 * change once per 30 days. The job's +5 to its two stats comes from the job itself (lib/player/stats).
 */
export async function changeJob(
  playerId: string,
  job: Job,
  now: Date,
  starters: ReadonlyArray<{ title: string; difficulty: "EASY" | "NORMAL" | "HARD"; stats: Stat[] }> = STARTER_DAILIES[
    job
  ],
): Promise<{ job: Job; awakened: boolean }> {
  return db.$transaction(async (tx) => {
    const player = await lockPlayer(tx, playerId);
    const today = localDay(now, player);
    const awakening = player.awakenedAt === null;
    if (!awakening) {
      const next = nextJobChangeDay(player.jobChangedAt && localDay(player.jobChangedAt, player), today);
      if (next) throw new AppError("CONFLICT", `Your job can change again on ${next}`);
    }
    await tx.player.update({
      where: { id: playerId },
      data: { job, jobChangedAt: now, ...(awakening && { awakenedAt: now }) },
    });
    player.job = job;
    if (awakening) {
      await tx.quest.createMany({
        data: starters.map((q) => ({
          ...q,
          playerId,
          kind: "DAILY" as const,
          schedule: { type: "EVERY_DAY" },
          createdDay: today,
          notes: `Starter quest of the ${JOBS[job].name}.`,
        })),
      });
    }
    await unlockAchievements(tx, player, {
      dayKey: today,
      specials: awakening ? ["AWAKENING_COMPLETED"] : ["JOB_CHANGED"],
    });
    return { job, awakened: awakening };
  }, TX_OPTIONS);
}

/** A Safe Zone: no daily is due, no shield is used and strength freezes on these days. */
export async function addRestPeriod(playerId: string, range: { startDay: string; endDay: string }, now: Date) {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { timeZone: true, dayStartMinute: true, lastSettledDay: true },
  });
  const today = localDay(now, player);
  if (range.endDay < range.startDay)
    throw new AppError("VALIDATION_FAILED", "The rest period ends before it starts", {
      endDay: "Must not be before startDay",
    });
  if (range.startDay < today)
    throw new AppError("VALIDATION_FAILED", "Rest periods start today or later", {
      startDay: "Must be today or later",
    });
  if (daysBetween(range.startDay, range.endDay) > 60)
    throw new AppError("VALIDATION_FAILED", "A rest period lasts 60 days at most", {
      endDay: "At most 60 days after startDay",
    });
  const overlapping = await db.restPeriod.findFirst({
    where: { playerId, startDay: { lte: range.endDay }, endDay: { gte: range.startDay } },
    select: { startDay: true, endDay: true },
  });
  if (overlapping) {
    throw new AppError(
      "CONFLICT",
      `That overlaps your rest period ${overlapping.startDay} to ${overlapping.endDay}: end or change it first`,
      { startDay: "Overlaps another rest period" },
    );
  }
  const row = await db.restPeriod.create({ data: { playerId, ...range } });
  return { id: row.id, startDay: row.startDay, endDay: row.endDay };
}

/**
 * Ends a rest period early or cancels it: one that has not started is removed; one under way ends yesterday
 * (the days already rested stay rested, as settled days never change), so from today dailies are due again.
 */
export async function endRestPeriod(playerId: string, restPeriodId: string, now: Date) {
  const [rest, player] = await Promise.all([
    db.restPeriod.findFirst({ where: { id: restPeriodId, playerId } }),
    db.player.findUniqueOrThrow({
      where: { id: playerId },
      select: { timeZone: true, dayStartMinute: true, lastSettledDay: true },
    }),
  ]);
  if (!rest) throw new AppError("NOT_FOUND", "Rest period not found");
  const today = playerToday(player, now);
  if (rest.endDay < today) throw new AppError("CONFLICT", "That rest period is over already");
  if (rest.startDay >= today) {
    await db.restPeriod.delete({ where: { id: rest.id } });
    return { id: rest.id, startDay: rest.startDay, endDay: rest.endDay, status: "CANCELLED" as const };
  }
  const ended = await db.restPeriod.update({ where: { id: rest.id }, data: { endDay: addDays(today, -1) } });
  return { id: ended.id, startDay: ended.startDay, endDay: ended.endDay, status: "ENDED" as const };
}

/** A new hunter name (unique regardless of case) and/or time zone, as confirmed at Awakening or in settings. */
export async function setNotificationPrefs(playerId: string, prefs: NotificationPrefs): Promise<void> {
  await db.player.update({ where: { id: playerId }, data: { notificationPrefs: prefs } });
}

/**
 * Sign out everywhere: every JWT issued before this carries an older version and has no session row any more, so
 * it is refused from now on. Personal access tokens are separate credentials (lib/tokens/service.ts).
 */
export async function bumpSessionVersion(playerId: string): Promise<void> {
  const player = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { userId: true } });
  await db.$transaction([
    db.user.update({ where: { id: player.userId }, data: { sessionVersion: { increment: 1 } } }),
    db.session.deleteMany({ where: { userId: player.userId } }),
  ]);
}
