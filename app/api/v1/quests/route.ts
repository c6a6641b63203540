import { z } from "zod";
import { playerRoute } from "@/lib/api/route";
import { parseWith, readJson, searchParamsOf } from "@/lib/http";
import { createQuestSchema } from "@/lib/quests/schemas";
import { createQuest, listQuests } from "@/lib/quests/service";

const listSchema = z.strictObject({ archived: z.enum(["true", "false"]).default("false") });

export const GET = playerRoute(async ({ request, playerId }) => {
  const { archived } = parseWith(listSchema, searchParamsOf(request));
  return Response.json({ quests: await listQuests(playerId, { includeArchived: archived === "true" }) });
});

export const POST = playerRoute(async ({ request, playerId, now }) => {
  const input = await readJson(request, createQuestSchema);
  return Response.json({ quest: await createQuest(playerId, input, now) }, { status: 201 });
});
