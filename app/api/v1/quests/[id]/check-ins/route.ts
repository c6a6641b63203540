import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { checkInSchema } from "@/lib/check-ins/schemas";
import { checkIn } from "@/lib/check-ins/service";
import { readJson } from "@/lib/http";

export const POST = playerRoute<{ id: string }>(async ({ request, playerId, params, now }) => {
  const input = await readJson(request, checkInSchema);
  const reply = await checkIn(playerId, params.id, input, now);
  return Response.json(reply.body, { status: reply.status });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
