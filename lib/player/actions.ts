"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { fieldErrorsOf } from "@/lib/accounts/schemas";
import { deleteAccount } from "@/lib/accounts/service";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import { afterPlayerWrite } from "@/lib/player/cache";
import {
  allocateStatsSchema,
  awakeningSchema,
  deleteAccountSchema,
  notificationPrefsSchema,
  restPeriodSchema,
  signOutEverywhereSchema,
  updatePlayerSchema,
} from "@/lib/player/schemas";
import { getHunterName } from "@/lib/player/queries";
import {
  addRestPeriod,
  allocateStatPoints,
  bumpSessionVersion,
  changeJob,
  endRestPeriod,
  renamePlayer,
  setNotificationPrefs,
  starterDailies,
  updatePlayer,
} from "@/lib/player/service";
import { actionPlayer } from "@/lib/player/session";
import { revokeAllTokens } from "@/lib/tokens/service";

/** Parses or fails with one message per field; nested fields keep their path too ("starters.1.title"). */
function parse<T>(schema: z.ZodType<T>, raw: unknown): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = fieldErrorsOf(result.error);
  for (const issue of result.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
  throw new AppError("VALIDATION_FAILED", "Some fields need fixing", errors);
}

/** Awakening: name and zone confirmed, then the Job Change that creates the starter dailies and "The Awakened". */
export async function awaken(raw: unknown): Promise<ActionResult<{ job: string }>> {
  try {
    const input = parse(awakeningSchema, raw);
    const { playerId, now } = await actionPlayer();
    await renamePlayer(playerId, { hunterName: input.hunterName, timeZone: input.timeZone });
    // Stats are the job's own; the Hunter only edits the titles and difficulties.
    const starters = starterDailies(input.job).map((quest, i) => ({ ...quest, ...input.starters[i] }));
    await changeJob(playerId, input.job, now, starters);
    await afterPlayerWrite(playerId, now);
    // No revalidatePath here: it would re-render /awakening, which sends an awakened Hunter away before the
    // reward is shown. The dashboard is rendered per request anyway.
    return { ok: true, data: { job: input.job } };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Time zone, day start, leaderboard opt-out or equipped title: any subset. */
export async function updateSettings(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = parse(updatePlayerSchema, raw);
    const { playerId, now } = await actionPlayer();
    await updatePlayer(playerId, input);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/settings");
    revalidatePath("/achievements");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function addRest(raw: unknown): Promise<ActionResult<{ id: string; startDay: string; endDay: string }>> {
  try {
    const input = parse(restPeriodSchema, raw);
    const { playerId, now } = await actionPlayer();
    const period = await addRestPeriod(playerId, input, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/settings");
    return { ok: true, data: period };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Ends a rest period under way (it ends yesterday) or cancels one not started. */
export async function endRest(restPeriodId: unknown): Promise<ActionResult<{ status: "ENDED" | "CANCELLED" }>> {
  try {
    if (typeof restPeriodId !== "string" || restPeriodId.length > 64) {
      throw new AppError("NOT_FOUND", "Rest period not found");
    }
    const { playerId, now } = await actionPlayer();
    const ended = await endRestPeriod(playerId, restPeriodId, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/settings");
    revalidatePath("/dashboard");
    return { ok: true, data: { status: ended.status } };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function saveNotificationPrefs(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = parse(notificationPrefsSchema, raw);
    const { playerId } = await actionPlayer();
    await setNotificationPrefs(playerId, input);
    revalidatePath("/settings");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Ends every session of this account, this one included, and its tokens when asked: the client signs out next. */
export async function signOutEverywhere(raw: unknown): Promise<ActionResult<null>> {
  try {
    const { revokeTokens } = parse(signOutEverywhereSchema, raw);
    const { playerId } = await actionPlayer();
    await bumpSessionVersion(playerId);
    if (revokeTokens) await revokeAllTokens(playerId, new Date());
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Deletes the account once the Hunter has typed their name; the client signs out next. */
export async function deleteMyAccount(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = parse(deleteAccountSchema, raw);
    const { playerId, now } = await actionPlayer();
    const hunterName = await getHunterName(playerId);
    if (input.confirmName.trim() !== hunterName) {
      throw new AppError("VALIDATION_FAILED", "The name does not match", {
        confirmName: `Type ${hunterName} exactly to confirm`,
      });
    }
    await deleteAccount(playerId);
    await afterPlayerWrite(playerId, now);
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Spends stat points earned by levelling up, e.g. { STR: 1 }. */
export async function spendStatPoints(raw: unknown): Promise<ActionResult<null>> {
  try {
    const points = parse(allocateStatsSchema, raw);
    const { playerId, now } = await actionPlayer();
    await allocateStatPoints(playerId, points);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
