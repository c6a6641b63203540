import { publicRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { enforceSignInLimits } from "@/lib/rate-limit/service";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { createToken } from "@/lib/tokens/service";

export const POST = publicRoute(async (request) => {
  const { email, password, name } = await readJson(request, createTokenSchema);
  await enforceSignInLimits(request.headers, email);
  return Response.json(await createToken(email, password, name), { status: 201 });
});
