import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { playerToday } from "@/lib/time/rules";
import { logFallback, spendBudget, type Source } from "@/lib/insights/budget";
import { askModel, modelConfigured } from "@/lib/insights/openai";
import { DRAFT_INSTRUCTIONS, PROMPT_VERSION } from "@/lib/insights/prompts";
import { modelDraftSchema } from "@/lib/insights/schemas";
import { draftStatus, mergeModelDraft, readQuestSentence, type QuestDraft } from "@/lib/insights/sentence";
import { BUDGET_SPENT_NOTICE } from "@/lib/insights/voice";
import { getStore, orElse } from "@/lib/redis";

export type DraftView = {
  draft: QuestDraft;
  complete: boolean;
  missing: string[];
  source: Source;
  /** A System message, e.g. when the day's budget is spent. */
  notice?: string;
};

function draftView(draft: QuestDraft, source: Source, notice?: string): DraftView {
  return { draft, ...draftStatus(draft), source, ...(notice && { notice }) };
}

const DRAFT_CACHE_SECONDS = 86_400;

/**
 * POST /api/v1/quests/draft and "Describe your quest": the sentence read into a draft, never saved. The model reads
 * it for an opted-in Hunter (cached per day, sentence and prompt); the built-in reader otherwise, and whenever the
 * model's reading fails a check.
 */
export async function draftQuest(playerId: string, text: string, now: Date): Promise<DraftView> {
  const player = await db.player.findUniqueOrThrow({
    where: { id: playerId },
    select: { timeZone: true, dayStartMinute: true, lastSettledDay: true, aiOptIn: true },
  });
  const today = playerToday(player, now);
  const builtin = readQuestSentence(text, today);
  if (!player.aiOptIn || !modelConfigured()) return draftView(builtin, "builtin");

  const sentenceHash = createHash("sha256").update(text.trim().toLowerCase()).digest("hex").slice(0, 32);
  const key = `ai:draft:${playerId}:${today}:${sentenceHash}:${PROMPT_VERSION}`;
  const store = getStore();
  const cached = await orElse(() => store.get(key), null);
  if (cached) return draftView(JSON.parse(cached) as QuestDraft, "openai");

  const budget = await spendBudget(playerId, today);
  if (budget !== "ok") {
    logFallback("quest draft", budget === "spent" ? "budget spent" : "budget unknown");
    return draftView(builtin, "builtin", budget === "spent" ? BUDGET_SPENT_NOTICE : undefined);
  }
  const answer = await askModel({
    schema: modelDraftSchema,
    name: "quest_draft",
    instructions: DRAFT_INSTRUCTIONS,
    input: JSON.stringify({ sentence: text }),
    playerId,
    maxOutputTokens: 500,
  });
  const merged = answer.ok ? mergeModelDraft(answer.value, builtin, text, today) : null;
  // The model's reading must be at least as usable as the built-in one.
  if (!merged || (!draftStatus(merged).complete && draftStatus(builtin).complete)) {
    logFallback("quest draft", answer.ok ? "a number not in the sentence, or an unusable draft" : answer.reason);
    return draftView(builtin, "builtin");
  }
  await orElse(() => store.set(key, JSON.stringify(merged), DRAFT_CACHE_SECONDS), undefined);
  return draftView(merged, "openai");
}
