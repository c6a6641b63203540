import { playerRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { updateQuestSchema } from "@/lib/quests/schemas";
import { archiveQuest, getQuest, updateQuest } from "@/lib/quests/service";

type Params = { id: string };

export const GET = playerRoute<Params>(async ({ playerId, params }) =>
  Response.json({ quest: await getQuest(playerId, params.id) }),
);

export const PATCH = playerRoute<Params>(async ({ request, playerId, params }) => {
  const input = await readJson(request, updateQuestSchema);
  return Response.json({ quest: await updateQuest(playerId, params.id, input) });
});

/** Archives: the quest's history stays. */
export const DELETE = playerRoute<Params>(async ({ playerId, params, now }) =>
  Response.json({ quest: await archiveQuest(playerId, params.id, now) }),
);
