import { playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { markInboxRead } from "@/lib/notifications/inbox";
import { markReadSchema } from "@/lib/notifications/schemas";

/** Marks inbox items read: `{"ids": [...]}` or `{"all": true}`. */
export const POST = playerRoute(async ({ request, playerId, now }) =>
  Response.json(await markInboxRead(playerId, await readJson(request, markReadSchema), now)),
);
