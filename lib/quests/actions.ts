"use server";
import { z } from "zod";
import { playerAction } from "@/lib/api/action";
import {
  checklistItemParamsSchema,
  checklistItemSchema,
  createQuestSchema,
  questOrderSchema,
  updateQuestFieldsSchema,
} from "@/lib/quests/schemas";
import {
  archiveQuest,
  createQuest,
  reorderQuests,
  restoreQuest,
  setChecklistItem,
  updateQuest,
} from "@/lib/quests/service";
import { idSchema } from "@/lib/validation";

export const createQuestAction = playerAction(
  createQuestSchema,
  async (input, { playerId, now }) => ({ id: (await createQuest(playerId, input, now)).id }),
  { revalidate: ["/dashboard", "/quests"] },
);

export const updateQuestAction = playerAction(
  updateQuestFieldsSchema.extend({ id: idSchema }),
  async ({ id, ...changes }, { playerId }) => ({ id: (await updateQuest(playerId, id, changes)).id }),
  { revalidate: (_input, quest) => ["/dashboard", `/quests/${quest.id}`] },
);

export const archiveQuestAction = playerAction(
  z.strictObject({ id: idSchema }),
  async ({ id }, { playerId, now }) => {
    await archiveQuest(playerId, id, now);
    return null;
  },
  { revalidate: ["/dashboard"] },
);

/** Ticks or unticks one checklist item of a to-do. */
export const setChecklistItemAction = playerAction(
  checklistItemParamsSchema.extend(checklistItemSchema.shape),
  async ({ id, index, done }, { playerId }) => {
    await setChecklistItem(playerId, id, index, done);
    return null;
  },
  { revalidate: ["/dashboard"] },
);

export const restoreQuestAction = playerAction(
  z.strictObject({ id: idSchema }),
  async ({ id }, { playerId }) => {
    await restoreQuest(playerId, id);
    return null;
  },
  { revalidate: ["/quests", "/dashboard"] },
);

/** The Hunter's order of their quests (the dashboard follows it). */
export const reorderQuestsAction = playerAction(
  questOrderSchema,
  async ({ ids }, { playerId }) => {
    await reorderQuests(playerId, ids);
    return null;
  },
  { revalidate: ["/quests", "/dashboard"] },
);
