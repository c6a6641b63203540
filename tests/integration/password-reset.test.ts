import { describe, expect, it } from "vitest";
import { requestPasswordReset, resetPassword, RESET_LINK_MINUTES } from "@/lib/accounts/reset";
import { verifyCredentials } from "@/lib/accounts/service";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/secrets";
import { expectAppError, makePlayer } from "@/tests/support/factories";
import { randomIp } from "@/tests/support/routes";

const NOW = new Date();

/** A reset link for the user as requestPasswordReset would store it, with a token this test knows. */
async function linkFor(userId: string, expires: Date): Promise<string> {
  const token = `known-${Math.random().toString(36).slice(2)}`;
  await db.verificationToken.create({
    data: { identifier: `password-reset:${userId}`, token: hashToken(token), expires },
  });
  return token;
}

describe("password reset", () => {
  it("stores one link per account, as a hash, working for 30 minutes; unknown emails store nothing", async () => {
    const player = await makePlayer();
    await requestPasswordReset({ email: player.email }, randomIp(), NOW);
    await requestPasswordReset({ email: player.email.toUpperCase() }, randomIp(), NOW);
    const rows = await db.verificationToken.findMany({ where: { identifier: `password-reset:${player.userId}` } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[0]!.expires.getTime() - NOW.getTime()).toBe(RESET_LINK_MINUTES * 60_000);

    const count = await db.verificationToken.count();
    await requestPasswordReset({ email: `nobody-${Date.now()}@example.com` }, randomIp(), NOW);
    expect(await db.verificationToken.count()).toBe(count);
  });

  it("is limited to 3 requests an hour per email", async () => {
    const player = await makePlayer();
    for (let i = 0; i < 3; i++) await requestPasswordReset({ email: player.email }, randomIp(), NOW);
    await expectAppError(requestPasswordReset({ email: player.email }, randomIp(), NOW), "RATE_LIMITED");
  });

  it("sets the new password once, ends every session, and refuses the link afterwards", async () => {
    const player = await makePlayer();
    const sid = await startSession(player.userId, NOW);
    const token = await linkFor(player.userId, new Date(NOW.getTime() + 60_000));
    await resetPassword({ token, password: "a-brand-new-secret-phrase" }, NOW);
    expect(await verifyCredentials(player.email, "a-brand-new-secret-phrase")).toBe(player.userId);
    expect(await verifyCredentials(player.email, "correct-horse-battery")).toBeNull();
    expect(await db.session.count({ where: { sessionToken: sid } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: player.userId } })).sessionVersion).toBe(1);
    await expectAppError(resetPassword({ token, password: "another-secret-phrase" }, NOW), "NOT_FOUND");
  });

  it("refuses an expired link and a guessable password, which does not spend the link", async () => {
    const player = await makePlayer();
    const expired = await linkFor(player.userId, new Date(NOW.getTime() - 1));
    await expectAppError(resetPassword({ token: expired, password: "a-brand-new-secret-phrase" }, NOW), "NOT_FOUND");
    const token = await linkFor(player.userId, new Date(NOW.getTime() + 60_000));
    await expectAppError(resetPassword({ token, password: "password123" }, NOW), "VALIDATION_FAILED");
    await resetPassword({ token, password: "a-brand-new-secret-phrase" }, NOW);
    await expectAppError(resetPassword({ token: "made-up", password: "a-brand-new-secret-phrase" }, NOW), "NOT_FOUND");
  });
});
