import "server-only";
import { achievementsUnlockedBy, recordSpecialEvent } from "@/lib/achievements/service";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Prisma, Quest } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { fieldErrorsOf } from "@/lib/validation";
import { questColumns, reminderTimesOf, targetColumns, toQuestDto, type QuestDto } from "@/lib/quests/rules";
import { checkTarget, type CreateQuestInput, type UpdateQuestInput } from "@/lib/quests/schemas";
import { localDay, nextLocalTime } from "@/lib/time/rules";

/** When an active quest next reminds its Hunter: the index the notification tick reads. */
export function nextReminderAt(
  quest: { reminderTimes: string[]; archived: boolean; kind: Quest["kind"] },
  timeZone: string,
  now: Date,
): Date | null {
  if (quest.archived || quest.kind === "PENALTY") return null;
  return nextLocalTime(quest.reminderTimes, timeZone, now);
}

/** Moves every active reminder of a Hunter to their new time zone (their clock settings changed). */
export async function rescheduleReminders(playerId: string, timeZone: string, now: Date): Promise<void> {
  const quests = await db.quest.findMany({
    where: { playerId, archivedAt: null, NOT: { reminderTimes: { isEmpty: true } } },
    select: { id: true, kind: true, reminderTimes: true },
  });
  await db.$transaction(
    quests.map((quest) =>
      db.quest.update({
        where: { id: quest.id },
        data: { nextReminderAt: nextReminderAt({ ...quest, archived: false }, timeZone, now) },
      }),
    ),
  );
}

/**
 * A quest of the Hunter's own. The first one an awakened Hunter makes unlocks "Quest Giver" (the Awakening's
 * starter dailies are the System's); whether it is still locked rides on the player read, so a Hunter who has it
 * pays nothing more.
 */
export async function createQuest(playerId: string, input: CreateQuestInput, now: Date): Promise<QuestDto> {
  const unlockedBy = achievementsUnlockedBy("QUEST_CREATED");
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      timeZone: true,
      dayStartMinute: true,
      awakenedAt: true,
      achievements: { where: { achievementId: { in: unlockedBy } }, select: { achievementId: true } },
    },
  });
  const columns = questColumns(input);
  const quest = await db.quest.create({
    data: {
      ...columns,
      nextReminderAt: nextReminderAt({ ...columns, archived: false }, player.timeZone, now),
      playerId,
      createdDay: localDay(now, player),
    },
  });
  if (player.awakenedAt && player.achievements.length < unlockedBy.length) {
    await recordSpecialEvent(playerId, "QUEST_CREATED", quest.createdDay);
  }
  return toQuestDto(quest);
}

async function ownQuest(playerId: string, questId: string): Promise<Quest> {
  const quest = await db.quest.findFirst({ where: { id: questId, playerId } });
  if (!quest) throw new AppError("NOT_FOUND", "Quest not found");
  return quest;
}

const KIND_FIELDS: Partial<Record<keyof UpdateQuestInput, Quest["kind"]>> = {
  schedule: "DAILY",
  positive: "HABIT",
  dueDay: "ONE_TIME",
  checklist: "ONE_TIME",
};

export async function updateQuest(
  playerId: string,
  questId: string,
  input: UpdateQuestInput,
  now: Date,
): Promise<QuestDto> {
  const quest = await ownQuest(playerId, questId);
  if (quest.kind === "PENALTY") throw new AppError("CONFLICT", "The System's Survival Quest cannot be edited");
  for (const [field, kind] of Object.entries(KIND_FIELDS)) {
    if (input[field as keyof UpdateQuestInput] !== undefined && kind !== quest.kind) {
      throw new AppError("VALIDATION_FAILED", "The request is invalid", {
        [field]: `Only ${kind} quests have ${field}`,
      });
    }
  }
  // The target rules read the quest as it will be: the change over what it is.
  const merged = { target: input.target ?? toQuestDto(quest).target, schedule: input.schedule ?? quest.schedule };
  const checked = z
    .unknown()
    .superRefine((value, ctx) => checkTarget(quest.kind, value as Record<string, unknown>, ctx))
    .safeParse(merged);
  if (!checked.success) {
    throw new AppError("VALIDATION_FAILED", "The request is invalid", fieldErrorsOf(checked.error));
  }
  const { target, checklist, schedule, reminderTime, reminderTimes, ...fields } = input;
  const times = reminderTimesOf({ reminderTime, reminderTimes });
  const data: Prisma.QuestUpdateInput = {
    ...fields,
    ...targetColumns(target),
    ...(schedule && { schedule }),
    ...(checklist && { checklist }),
    ...(times && { reminderTimes: times }),
  };
  if (times) {
    const { timeZone } = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { timeZone: true } });
    const archived = quest.archivedAt !== null;
    data.nextReminderAt = nextReminderAt({ kind: quest.kind, reminderTimes: times, archived }, timeZone, now);
  }
  return toQuestDto(await db.quest.update({ where: { id: quest.id }, data }));
}

/** Archiving keeps the quest's history; it just stops being due. Archiving twice changes nothing. */
export async function archiveQuest(playerId: string, questId: string, now: Date): Promise<QuestDto> {
  const quest = await ownQuest(playerId, questId);
  if (quest.kind === "PENALTY") throw new AppError("CONFLICT", "The System's Survival Quest cannot be archived");
  if (quest.archivedAt) return toQuestDto(quest);
  return toQuestDto(
    await db.quest.update({ where: { id: quest.id }, data: { archivedAt: now, nextReminderAt: null } }),
  );
}

/**
 * Brings an archived quest back: it is due again from today (its history never left), after the quests the Hunter
 * ordered (docs/rules.md "Quests").
 */
export async function restoreQuest(playerId: string, questId: string, now: Date): Promise<QuestDto> {
  const quest = await ownQuest(playerId, questId);
  if (quest.kind === "PENALTY") throw new AppError("CONFLICT", "The System's Survival Quest cannot be restored");
  if (!quest.archivedAt) return toQuestDto(quest);
  // Its reminders come back with it, from their next time on.
  const { timeZone } = await db.player.findUniqueOrThrow({ where: { id: playerId }, select: { timeZone: true } });
  const nextAt = nextReminderAt({ ...quest, archived: false }, timeZone, now);
  return toQuestDto(
    await db.quest.update({
      where: { id: quest.id },
      data: { archivedAt: null, nextReminderAt: nextAt, position: null },
    }),
  );
}

/**
 * The Hunter's order: the quests named take places 0, 1, 2… in one statement. A name that is not one of the
 * player's quests is a 404 and nothing moves.
 */
export async function reorderQuests(playerId: string, ids: readonly string[]): Promise<void> {
  await db.$transaction(async (tx) => {
    const moved = await tx.$executeRaw`
      UPDATE "Quest" AS q SET "position" = o.ord - 1
      FROM unnest(${ids}::text[]) WITH ORDINALITY AS o(id, ord)
      WHERE q."id" = o.id AND q."playerId" = ${playerId}`;
    if (moved !== ids.length) throw new AppError("NOT_FOUND", "Quest not found");
  });
}

/** Ticks or unticks one item of a to-do's checklist. */
export async function setChecklistItem(
  playerId: string,
  questId: string,
  index: number,
  done: boolean,
): Promise<QuestDto> {
  const quest = await ownQuest(playerId, questId);
  const items = toQuestDto(quest).checklist ?? [];
  const item = items[index];
  if (!item) throw new AppError("NOT_FOUND", "That checklist item does not exist");
  const checklist = items.map((entry, i) => (i === index ? { ...entry, done } : entry));
  return toQuestDto(await db.quest.update({ where: { id: quest.id }, data: { checklist } }));
}
