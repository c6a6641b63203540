"use server";
import { playerAction } from "@/lib/api/action";
import { draftQuest } from "@/lib/insights/drafts";
import { draftRequestSchema } from "@/lib/insights/schemas";

/** "Describe your quest": a sentence read into a draft for the new-quest form; nothing is saved. */
export const draftQuestAction = playerAction(draftRequestSchema, ({ text }, { playerId, now }) =>
  draftQuest(playerId, text, now),
);
