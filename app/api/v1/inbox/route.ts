import { playerRoute } from "@/lib/api/handlers";
import { readInbox } from "@/lib/notifications/inbox";

/** Level-ups, passed Rank Trials and achievements, newest first, with the unread count the bell shows. */
export const GET = playerRoute(async ({ playerId }) => Response.json(await readInbox(playerId)));
