import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { createToken } from "@/lib/tokens/service";
import type { TestPlayer } from "@/tests/support/factories";

type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

/** Calls a route handler with a real Request, as Next.js would. */
export function call<P = Record<string, never>>(
  handler: Handler<P>,
  options: { method?: string; path?: string; token?: string; body?: unknown; ip?: string; params?: P } = {},
): Promise<Response> {
  const headers = new Headers({ "content-type": "application/json", "x-forwarded-for": options.ip ?? randomIp() });
  if (options.token) headers.set("authorization", `Bearer ${options.token}`);
  const request = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? "GET",
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return handler(request, { params: Promise.resolve(options.params ?? ({} as P)) });
}

/** A documentation-range address, different for every call unless one is given: limits per IP start fresh. */
export function randomIp(): string {
  const [a, b] = randomBytes(2);
  return `198.51.${a}.${b}`;
}

export async function tokenFor(player: TestPlayer, password = "correct-horse-battery"): Promise<string> {
  return (await createToken(player.email, password, "tests", null)).token;
}

/** What a browser's session carries (next-auth's JWT claims): its user, its session row and the account's version. */
export type BrowserSession = { user: { id: string }; sid?: string; sessionVersion?: number };

/** The Cookie header of a browser signed in with `session`: a JWT encrypted as next-auth issues it at sign-in
 * (NEXTAUTH_URL is http in these tests, so under the plain cookie name). */
export async function sessionCookie({ user, sid, sessionVersion }: BrowserSession): Promise<string> {
  const jwt = await encode({ token: { sub: user.id, sid, sessionVersion }, secret: process.env.NEXTAUTH_SECRET! });
  return `next-auth.session-token=${jwt}`;
}
