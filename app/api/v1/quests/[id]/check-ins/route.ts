import { playerRoute } from "@/lib/api/handlers";
import { checkInSchema } from "@/lib/check-ins/schemas";
import { checkIn } from "@/lib/check-ins/service";
import { readJson } from "@/lib/http";

export const POST = playerRoute<{ id: string }>(async ({ request, playerId, params, now }) => {
  const input = await readJson(request, checkInSchema);
  const reply = await checkIn(playerId, params.id, input, now);
  return Response.json(reply.body, { status: reply.status });
});
