import { publicRoute } from "@/lib/api/route";
import { readJson } from "@/lib/http";
import { createTokenSchema } from "@/lib/tokens/schemas";
import { createToken } from "@/lib/tokens/service";

export const POST = publicRoute(async (request) => {
  const { email, password, name } = await readJson(request, createTokenSchema);
  return Response.json(await createToken(email, password, name), { status: 201 });
});
