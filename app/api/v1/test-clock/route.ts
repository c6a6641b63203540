import { z } from "zod";
import { authenticate } from "@/lib/auth/player";
import { noSuchRoute, publicRoute } from "@/lib/api/handlers";
import { resetTestClock, setTestClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { readJson } from "@/lib/http";
import { afterPlayerWrite } from "@/lib/player/cache";

const bodySchema = z.strictObject({ now: z.iso.datetime({ offset: true }) });

// End-to-end tests only: without TEST_CLOCK=1 this route does not exist.
function requireSwitch() {
  if (!env().TEST_CLOCK) throw new AppError("NOT_FOUND", "Not found");
}

export const PUT = publicRoute(async (request) => {
  requireSwitch();
  const { playerId } = await authenticate(request);
  const { now } = await readJson(request, bodySchema);
  await setTestClock(playerId, new Date(now));
  // The cached status belongs to the old clock, which may be ahead of the new one.
  await afterPlayerWrite(playerId, new Date(now));
  return Response.json({ now: new Date(now).toISOString() });
});

export const DELETE = publicRoute(async (request) => {
  requireSwitch();
  const { playerId } = await authenticate(request);
  await resetTestClock(playerId);
  await afterPlayerWrite(playerId, new Date());
  return new Response(null, { status: 204 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as POST, noSuchRoute as PATCH };
