import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { updateQuestSchema } from "@/lib/quests/schemas";
import { getQuest, withToday } from "@/lib/quests/queries";
import { archiveQuest, updateQuest } from "@/lib/quests/service";
import type { QuestDto } from "@/lib/quests/rules";

type Params = { id: string };

async function reply(playerId: string, quest: QuestDto, now: Date) {
  const [view] = await withToday(playerId, [quest], now);
  return Response.json({ quest: view });
}

export const GET = playerRoute<Params>(async ({ playerId, params, now }) =>
  reply(playerId, await getQuest(playerId, params.id), now),
);

export const PATCH = playerRoute<Params>(async ({ request, playerId, params, now }) => {
  const input = await readJson(request, updateQuestSchema);
  return reply(playerId, await updateQuest(playerId, params.id, input, now), now);
});

/** Archives: the quest's history stays. */
export const DELETE = playerRoute<Params>(async ({ playerId, params, now }) =>
  reply(playerId, await archiveQuest(playerId, params.id, now), now),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT };
