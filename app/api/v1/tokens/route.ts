import { noSuchRoute, playerRoute, publicRoute } from "@/lib/api/handlers";
import { readJson } from "@/lib/http";
import { enforceSignInLimits } from "@/lib/rate-limit/service";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { listTokens } from "@/lib/tokens/queries";
import { createToken, revokeAllTokens } from "@/lib/tokens/service";

export const POST = publicRoute(async (request) => {
  const { email, password, name, expiresInDays } = await readJson(request, createTokenSchema);
  await enforceSignInLimits(request.headers, email);
  return Response.json(await createToken(email, password, name, expiresInDays), { status: 201 });
});

/** The caller's tokens that still work: never the tokens themselves, only their names and dates. */
export const GET = playerRoute(async ({ playerId }) =>
  Response.json({ tokens: await listTokens(playerId, new Date()) }),
);

/** Revokes every token, the caller's own included when it is one. */
export const DELETE = playerRoute(async ({ playerId }) =>
  Response.json({ revoked: await revokeAllTokens(playerId, new Date()) }),
);

// Methods this path does not serve: the one error shape (lib/api/handlers.ts noSuchRoute), not an empty 405.
export { noSuchRoute as PUT, noSuchRoute as PATCH };
