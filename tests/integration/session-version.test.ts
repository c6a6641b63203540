import type * as NextAuth from "next-auth";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { expectAppError, makePlayer } from "@/tests/support/factories";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string }; sessionVersion?: number } }));
vi.mock("next-auth", async (original) => ({
  ...(await original<typeof NextAuth>()),
  getServerSession: async () => session.current,
}));

const { authenticate } = await import("@/lib/api/auth");
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
    session.current = { user: { id: userId }, sessionVersion: 0 };
    const before = queries;
    const caller = await authenticate(browserRequest());
    expect(queries - before).toBe(1);
    expect(caller.playerId).toBe(playerId);
    expect(caller.settlement).not.toHaveProperty("user");

    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");

    // A session issued after the bump carries the new version.
    session.current = { user: { id: userId }, sessionVersion: 1 };
    expect((await authenticate(browserRequest())).playerId).toBe(playerId);
  });

  it("treats a session from before versions existed as version 0", async () => {
    const { userId, playerId } = await makePlayer();
    session.current = { user: { id: userId } };
    expect((await authenticate(browserRequest())).playerId).toBe(playerId);
    await bumpSessionVersion(playerId);
    await expectAppError(authenticate(browserRequest()), "UNAUTHENTICATED");
  });
});
