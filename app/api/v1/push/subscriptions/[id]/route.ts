import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { unsubscribe } from "@/lib/notifications/subscriptions";

/** Forgets one of the Hunter's devices (the settings list), by id. */
export const DELETE = playerRoute<{ id: string }>(async ({ playerId, params }) => {
  await unsubscribe(playerId, { id: params.id });
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH };
