import { noSuchRoute, playerRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { pushSubscriptionSchema, unsubscribeSchema } from "@/lib/notifications/schemas";
import { listDevices } from "@/lib/notifications/queries";
import { subscribe, unsubscribe } from "@/lib/notifications/subscriptions";

/** The Hunter's devices that receive reminders. */
export const GET = playerRoute(async ({ playerId }) => Response.json({ devices: await listDevices(playerId) }));

/** Stores this browser's PushSubscription.toJSON() (201), or refreshes it when already known (200). */
export const POST = playerRoute(async ({ request, playerId, now }) => {
  const input = await readJson(request, pushSubscriptionSchema);
  const { device, created } = await subscribe(playerId, input, request.headers.get("user-agent"), now);
  return Response.json({ device }, { status: created ? 201 : 200 });
});

/** Forgets this browser's subscription, named by its endpoint. */
export const DELETE = playerRoute(async ({ request, playerId }) => {
  await unsubscribe(playerId, await readJson(request, unsubscribeSchema));
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as PUT, noSuchRoute as PATCH };
