import { publicRoute } from "@/lib/api/handlers";
import { publicVapidKey } from "@/lib/notifications/subscriptions";

/** The VAPID public key browsers subscribe with; null when this deployment sends no push. Read at run time, so one
 * image serves deployments with different keys. */
export const GET = publicRoute(async () => Response.json({ publicKey: publicVapidKey() }));
