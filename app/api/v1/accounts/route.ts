import { z } from "zod";
import { createAccount } from "@/lib/accounts/service";
import { publicRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { clientIp, enforceLimit } from "@/lib/rate-limit/service";

export const POST = publicRoute(async (request) => {
  await enforceLimit("signUpIp", clientIp(request.headers));
  // createAccount validates the fields itself, so a bad sign-up gets the same messages as the form.
  const account = await createAccount(await readJson(request, z.unknown()));
  return Response.json({ player: { id: account.playerId, hunterName: account.hunterName } }, { status: 201 });
});
