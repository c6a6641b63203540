"use server";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { AppError, toActionFailure, type ActionResult } from "@/lib/errors";
import type { FieldErrors } from "@/lib/accounts/schemas";
import { afterPlayerWrite } from "@/lib/player/cache";
import { actionPlayer } from "@/lib/player/session";
import {
  checklistItemParamsSchema,
  checklistItemSchema,
  createQuestSchema,
  updateQuestSchema,
} from "@/lib/quests/schemas";
import { archiveQuest, createQuest, setChecklistItem, updateQuest } from "@/lib/quests/service";

const checklistToggleSchema = checklistItemParamsSchema.extend(checklistItemSchema.shape);

/** zod issues → one message per field; nested paths keep their full name ("schedule.n", "target.unit"). */
function questFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.filter((p) => typeof p !== "number" || issue.path[0] === "checklist");
    const key = path.slice(0, 2).map(String).join(".") || "form";
    errors[key] ??= issue.message;
    errors[String(issue.path[0] ?? "form")] ??= issue.message;
  }
  return errors;
}

function invalid(error: z.ZodError): never {
  throw new AppError("VALIDATION_FAILED", "Some fields need fixing", questFieldErrors(error));
}

export async function createQuestAction(raw: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    const input = createQuestSchema.safeParse(raw);
    if (!input.success) invalid(input.error);
    const { playerId, now } = await actionPlayer();
    const quest = await createQuest(playerId, input.data, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: { id: quest.id } };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function updateQuestAction(questId: unknown, raw: unknown): Promise<ActionResult<{ id: string }>> {
  try {
    if (typeof questId !== "string" || questId.length > 64) throw new AppError("NOT_FOUND", "Quest not found");
    const input = updateQuestSchema.safeParse(raw);
    if (!input.success) invalid(input.error);
    const { playerId, now } = await actionPlayer();
    const quest = await updateQuest(playerId, questId, input.data);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    revalidatePath(`/quests/${quest.id}`);
    return { ok: true, data: { id: quest.id } };
  } catch (error) {
    return toActionFailure(error);
  }
}

export async function archiveQuestAction(questId: unknown): Promise<ActionResult<null>> {
  try {
    if (typeof questId !== "string" || questId.length > 64) throw new AppError("NOT_FOUND", "Quest not found");
    const { playerId, now } = await actionPlayer();
    await archiveQuest(playerId, questId, now);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Ticks or unticks one checklist item of a to-do. */
export async function setChecklistItemAction(raw: unknown): Promise<ActionResult<null>> {
  try {
    const input = checklistToggleSchema.safeParse(raw);
    if (!input.success) invalid(input.error);
    const { playerId, now } = await actionPlayer();
    await setChecklistItem(playerId, input.data.id, input.data.index, input.data.done);
    await afterPlayerWrite(playerId, now);
    revalidatePath("/dashboard");
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
