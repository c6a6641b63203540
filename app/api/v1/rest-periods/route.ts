import { playerRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { restPeriodSchema } from "@/lib/player/schemas";
import { addRestPeriod } from "@/lib/player/service";

export const POST = playerRoute(async ({ request, playerId, now }) =>
  Response.json(
    { restPeriod: await addRestPeriod(playerId, await readJson(request, restPeriodSchema), now) },
    { status: 201 },
  ),
);
