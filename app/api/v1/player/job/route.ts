import { playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { jobChangeSchema } from "@/lib/player/schemas";
import { changeJob } from "@/lib/player/service";

/** Job Change; the first one completes the Awakening. */
export const POST = playerRoute(async ({ request, playerId, now }) => {
  const { job } = await readJson(request, jobChangeSchema);
  return Response.json(await changeJob(playerId, job, now));
});
