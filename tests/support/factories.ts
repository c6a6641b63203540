import { randomBytes, randomUUID } from "node:crypto";
import type { SignUpInput } from "@/lib/accounts/schemas";
import { createAccount } from "@/lib/accounts/service";
import { checkIn, type CheckInReply } from "@/lib/check-ins/service";
import type { CheckInInput } from "@/lib/check-ins/schemas";
import { db } from "@/lib/db";
import { AppError, type ErrorCode } from "@/lib/errors";
import type { LedgerReason } from "@/lib/generated/prisma/client";
import { createQuestSchema, type CreateQuestInput } from "@/lib/quests/schemas";
import { createQuest } from "@/lib/quests/service";
import type { QuestDto } from "@/lib/quests/rules";

/** A unique, valid sign-up; override any field. */
export function makeSignUp(overrides: Partial<SignUpInput> = {}): SignUpInput {
  const id = randomBytes(4).toString("hex");
  return {
    email: `hunter-${id}@example.com`,
    password: "correct-horse-battery",
    hunterName: `Hunter ${id}`,
    timeZone: "Europe/London",
    ...overrides,
  };
}

/**
 * Game tests run on fixed instants years ahead of the real clock, so the cron backstop (which settles every
 * player at real time) never touches a player another test is driving.
 */
export const EPOCH = new Date("2040-03-05T08:00:00Z"); // a Monday

/** An instant on a UTC day: `utc("2040-03-05", "10:30")`. */
export function utc(day: string, time = "12:00"): Date {
  return new Date(`${day}T${time}:00Z`);
}

export type TestPlayer = { userId: string; playerId: string; email: string; hunterName: string };

/** A fresh Hunter through the real sign-up, created at `createdAt` (their first System day). */
export async function makePlayer(
  options: { createdAt?: Date; timeZone?: string; dayStartMinute?: number } = {},
): Promise<TestPlayer> {
  const account = await createAccount(makeSignUp({ timeZone: options.timeZone ?? "UTC" }));
  await db.player.update({
    where: { id: account.playerId },
    data: { createdAt: options.createdAt ?? EPOCH, dayStartMinute: options.dayStartMinute ?? 0 },
  });
  return account;
}

/** A quest created through the service at `now`: a NORMAL every-day DAILY tagged STR unless overridden. */
export function makeQuest(
  playerId: string,
  overrides: Partial<Record<keyof CreateQuestInput, unknown>> = {},
  now: Date = EPOCH,
): Promise<QuestDto> {
  const input = createQuestSchema.parse({
    kind: "DAILY",
    title: `Quest ${randomBytes(3).toString("hex")}`,
    difficulty: "NORMAL",
    stats: ["STR"],
    ...overrides,
  });
  return createQuest(playerId, input, now);
}

/** A check-in with a fresh idempotency key, sent at `now`. */
export function checkInAt(
  playerId: string,
  questId: string,
  now: Date,
  input: Partial<CheckInInput> = {},
): Promise<CheckInReply> {
  return checkIn(playerId, questId, { idempotencyKey: randomUUID(), ...input }, now);
}

/** The AppError a promise rejects with (anything else fails the test). */
export async function rejection(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Rejects unless the promise fails with an AppError of this code. */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode): Promise<AppError> {
  const error = await rejection(promise);
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  return error;
}

/** Sums of a player's ledger entries, optionally of some reasons only. */
export async function ledgerSum(playerId: string, reasons?: LedgerReason[]) {
  const { _sum, _count } = await db.ledgerEntry.aggregate({
    where: { playerId, ...(reasons && { reason: { in: reasons } }) },
    _sum: { xp: true, gold: true, heldXp: true, heldGold: true, statPoints: true },
    _count: { _all: true },
  });
  return {
    entries: _count._all,
    xp: _sum.xp ?? 0,
    gold: _sum.gold ?? 0,
    heldXp: _sum.heldXp ?? 0,
    heldGold: _sum.heldGold ?? 0,
    statPoints: _sum.statPoints ?? 0,
  };
}

/** The Player columns game tests compare. */
export function playerTotals(playerId: string) {
  return db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: {
      xp: true,
      gold: true,
      heldXp: true,
      heldGold: true,
      level: true,
      rank: true,
      streak: true,
      shields: true,
      totalCheckIns: true,
      lastSettledDay: true,
    },
  });
}

/** A player's settled days, oldest first. */
export function daySettlements(playerId: string) {
  return db.daySettlement.findMany({
    where: { playerId },
    orderBy: { dayKey: "asc" },
    select: { dayKey: true, outcome: true, streakAfter: true, shieldsAfter: true, penaltyId: true, settledAt: true },
  });
}
