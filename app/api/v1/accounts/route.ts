import { z } from "zod";
import { signUp } from "@/lib/accounts/sign-up";
import { noSuchRoute, publicRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { clientIp, enforceLimit } from "@/lib/rate-limit/service";

export const POST = publicRoute(async (request) => {
  // createAccount validates the fields itself, so a bad sign-up gets the same messages as the form, and the
  // limit counts only sign-ups that pass validation.
  const reply = await signUp(await readJson(request, z.unknown()), {
    limit: () => enforceLimit("signUpIp", clientIp(request.headers)),
  });
  // With mail configured, every valid sign-up gets the same 202 (lib/accounts/sign-up.ts); without, a 201.
  if (reply.status === "CONFIRM_EMAIL") return Response.json(reply, { status: 202 });
  const { account } = reply;
  return Response.json({ player: { id: account.playerId, hunterName: account.hunterName } }, { status: 201 });
});

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as GET, noSuchRoute as PUT, noSuchRoute as PATCH, noSuchRoute as DELETE };
