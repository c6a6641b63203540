import { encode } from "next-auth/jwt";
import { beforeEach, describe, expect, it } from "vitest";
import { authenticate } from "@/lib/auth/player";
import { endSession, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { bumpSessionVersion } from "@/lib/player/service";
import { expectAppError, makePlayer } from "@/tests/support/factories";
import { sessionCookie, type BrowserSession } from "@/tests/support/routes";

/** The session the browser's cookie carries (a real next-auth JWT), or none. */
const session = { current: null as null | BrowserSession };

let queries = 0;
db.$on("query", () => void (queries += 1));

const browserRequest = async () =>
  new Request("http://localhost/api/v1/player", {
    headers: session.current ? { cookie: await sessionCookie(session.current) } : {},
  });

describe("sign out everywhere", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("accepts a session of the current version in one query, and refuses it once the version moves on", async () => {
    const { userId, playerId } = await makePlayer();
    session.current = { user: { id: userId }, sessionVersion: 0, sid: await startSession(userId, new Date()) };
    const before = queries;
    const caller = await authenticate(await browserRequest());
    expect(queries - before).toBe(1);
    expect(caller.playerId).toBe(playerId);
    expect(caller.settlement).not.toHaveProperty("user");

    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");

    // A session issued after the bump carries the new version.
    session.current = { user: { id: userId }, sessionVersion: 1, sid: await startSession(userId, new Date()) };
    expect((await authenticate(await browserRequest())).playerId).toBe(playerId);
  });

  it("treats a session from before versions existed as version 0", async () => {
    const { userId, playerId } = await makePlayer();
    session.current = { user: { id: userId }, sid: await startSession(userId, new Date()) };
    expect((await authenticate(await browserRequest())).playerId).toBe(playerId);
    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
  });

  it("deletes every session row, so even a JWT carrying the new version is refused", async () => {
    const { userId, playerId } = await makePlayer();
    const sid = await startSession(userId, new Date());
    await bumpSessionVersion(playerId);
    session.current = { user: { id: userId }, sessionVersion: 1, sid };
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
  });
});

describe("signing out one session", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("refuses that session's JWT at once and leaves the others signed in", async () => {
    const { userId, playerId } = await makePlayer();
    const phone = await startSession(userId, new Date());
    const laptop = await startSession(userId, new Date());
    await endSession(phone);
    session.current = { user: { id: userId }, sid: phone };
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
    session.current = { user: { id: userId }, sid: laptop };
    expect((await authenticate(await browserRequest())).playerId).toBe(playerId);
  });

  it("refuses a JWT with no session row (issued before rows existed) and one older than 30 days", async () => {
    const { userId } = await makePlayer();
    session.current = { user: { id: userId } };
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
    const old = await startSession(userId, new Date(Date.now() - 31 * 86_400_000));
    session.current = { user: { id: userId }, sid: old };
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
  });

  it("takes a cookie encrypted with another secret, or tampered with, as signed out", async () => {
    const { userId, playerId } = await makePlayer();
    const claims = { sub: userId, sid: await startSession(userId, new Date()) };
    const forged = await encode({ token: claims, secret: "another-secret-also-at-least-32-characters" });
    const request = (jwt: string) =>
      new Request("http://localhost/api/v1/player", { headers: { cookie: `next-auth.session-token=${jwt}` } });
    await expectAppError(authenticate(request(forged)), "UNAUTHENTICATED");
    const genuine = await encode({ token: claims, secret: process.env.NEXTAUTH_SECRET! });
    expect((await authenticate(request(genuine))).playerId).toBe(playerId);
    await expectAppError(authenticate(request(`${genuine.slice(0, -4)}AAAA`)), "UNAUTHENTICATED");
  });

  it("refuses the cookie of a deleted account as signed out, not as an error", async () => {
    const { userId } = await makePlayer();
    session.current = { user: { id: userId }, sid: await startSession(userId, new Date()) };
    await db.user.delete({ where: { id: userId } });
    await expectAppError(authenticate(await browserRequest()), "UNAUTHENTICATED");
  });
});
