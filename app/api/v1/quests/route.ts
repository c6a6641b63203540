import { z } from "zod";
import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { parseWith, readJson, searchParamsOf } from "@/lib/http";
import { listQuests, withToday } from "@/lib/quests/queries";
import { createQuestSchema } from "@/lib/quests/schemas";
import { createQuest } from "@/lib/quests/service";

const listSchema = z.strictObject({ archived: z.enum(["true", "false"]).default("false") });

export const GET = playerRoute(async ({ request, playerId, now }) => {
  const { archived } = parseWith(listSchema, searchParamsOf(request));
  const quests = await listQuests(playerId, { includeArchived: archived === "true" });
  return Response.json({ quests: await withToday(playerId, quests, now) });
});

export const POST = playerRoute(async ({ request, playerId, now }) => {
  const input = await readJson(request, createQuestSchema);
  const [quest] = await withToday(playerId, [await createQuest(playerId, input, now)], now);
  return Response.json({ quest }, { status: 201 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
