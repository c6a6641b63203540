import type * as NextAuth from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { expectAppError, makePlayer } from "@/tests/support/factories";

const session = vi.hoisted(() => ({
  current: null as null | { user: { id: string }; sessionVersion?: number; sid?: string },
}));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof NextAuth>()),
  getServerSession: async () => session.current,
}));

const { authenticate } = await import("@/lib/auth/player");
const { endSession, startSession } = await import("@/lib/auth/sessions");
const { bumpSessionVersion } = await import("@/lib/player/service");

let queries = 0;
db.$on("query", () => void (queries += 1));

const browserRequest = () => new Request("http://localhost/api/v1/player");

describe("sign out everywhere", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("accepts a session of the current version in one query, and refuses it once the version moves on", async () => {
    const { userId, playerId } = await makePlayer();
    session.current = { user: { id: userId }, sessionVersion: 0, sid: await startSession(userId, new Date()) };
    const before = queries;
    const caller = await authenticate(browserRequest());
    expect(queries - before).toBe(1);
    expect(caller.playerId).toBe(playerId);
    expect(caller.settlement).not.toHaveProperty("user");

    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");

    // A session issued after the bump carries the new version.
    session.current = { user: { id: userId }, sessionVersion: 1, sid: await startSession(userId, new Date()) };
    expect((await authenticate(browserRequest())).playerId).toBe(playerId);
  });

  it("treats a session from before versions existed as version 0", async () => {
    const { userId, playerId } = await makePlayer();
    session.current = { user: { id: userId }, sid: await startSession(userId, new Date()) };
    expect((await authenticate(browserRequest())).playerId).toBe(playerId);
    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
  });

  it("deletes every session row, so even a JWT carrying the new version is refused", async () => {
    const { userId, playerId } = await makePlayer();
    const sid = await startSession(userId, new Date());
    await bumpSessionVersion(playerId);
    session.current = { user: { id: userId }, sessionVersion: 1, sid };
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
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
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
    session.current = { user: { id: userId }, sid: laptop };
    expect((await authenticate(browserRequest())).playerId).toBe(playerId);
  });

  it("refuses a JWT with no session row (issued before rows existed) and one older than 30 days", async () => {
    const { userId } = await makePlayer();
    session.current = { user: { id: userId } };
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
    const old = await startSession(userId, new Date(Date.now() - 31 * 86_400_000));
    session.current = { user: { id: userId }, sid: old };
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
  });

  it("refuses the cookie of a deleted account as signed out, not as an error", async () => {
    const { userId } = await makePlayer();
    session.current = { user: { id: userId }, sid: await startSession(userId, new Date()) };
    await db.user.delete({ where: { id: userId } });
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
  });
});
