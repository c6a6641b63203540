import { noSuchRoute, publicRoute } from "@/lib/api/handlers";
import { publicVapidKey } from "@/lib/notifications/subscriptions";

/** The VAPID public key browsers subscribe with; null when this deployment sends no push. Read at run time, so one
 * image serves deployments with different keys. */
export const GET = publicRoute(async () => Response.json({ publicKey: publicVapidKey() }));

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as POST, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
