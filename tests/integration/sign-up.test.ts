// Sign-up with mail configured (SMTP_URL at a real local SMTP receiver): the reply never tells whether an email has
// an account; a new email gets a single-use, expiring link that creates the account, an existing one's owner a
// notice. Without SMTP_URL sign-up stays immediate: tests/integration/sign-up-without-mail.test.ts.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { hashPassword } from "@/lib/accounts/password";
import type * as PasswordModule from "@/lib/accounts/password";
import { SIGN_UP_LINK_HOURS } from "@/lib/accounts/schemas";
import { createAccount, verifyCredentials } from "@/lib/accounts/service";
import { CONFIRM_EMAIL, confirmSignUp, pendingSignUpOf, signUp } from "@/lib/accounts/sign-up";
import { db } from "@/lib/db";
import { expectAppError, makeSignUp } from "@/tests/support/factories";
import { startInbox, type Inbox } from "@/tests/support/smtp-inbox";

// The real argon2id, counted: both paths of sign-up must hash.
vi.mock("@/lib/accounts/password", async (original) => {
  const real = await original<typeof PasswordModule>();
  return { ...real, hashPassword: vi.fn(real.hashPassword) };
});
const hashes = vi.mocked(hashPassword);

let inbox: Inbox;

beforeAll(async () => {
  // Refuses addresses starting "refused-": a mail failure must not tell the cases apart either.
  inbox = await startInbox({ refuse: (address) => address.startsWith("refused-") });
  // Read by lib/env on first use, which is after this (and only this file's modules see it).
  process.env.SMTP_URL = inbox.url;
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await inbox.close();
});

/** The newest mail to `email`, once it has arrived (sign-up does not wait for it). */
async function mailTo(email: string, count = 1) {
  await vi.waitFor(() => expect(inbox.to(email).length).toBeGreaterThanOrEqual(count), { timeout: 10_000 });
  return inbox.to(email).at(-1)!;
}

const tokenIn = (text: string) => /\/sign-up\/confirm\?token=([\w-]+)/.exec(text)?.[1];

/** Signs `input` up and returns the token of the link it was mailed. */
async function linkFor(input: ReturnType<typeof makeSignUp>, now = new Date()): Promise<string> {
  const before = inbox.to(input.email).length;
  expect(await signUp(input, { now })).toStrictEqual(CONFIRM_EMAIL);
  return tokenIn((await mailTo(input.email, before + 1)).text)!;
}

describe("sign-up with mail configured", () => {
  it("answers a new email and one with an account the same, and tells the owner instead", async () => {
    const owner = makeSignUp();
    await createAccount(owner);
    const fresh = makeSignUp();

    const replies = [
      await signUp(fresh),
      await signUp({ ...makeSignUp(), email: owner.email.toUpperCase(), password: "another-long-passphrase" }),
    ];
    expect(replies[0]).toStrictEqual({ status: "CONFIRM_EMAIL", message: "Check your email to finish signing up" });
    expect(replies[1]).toStrictEqual(replies[0]);

    // The new email: a pending sign-up with a hashed token, no account yet, and a link by mail.
    expect(await db.user.count({ where: { email: fresh.email } })).toBe(0);
    const pending = await db.pendingSignUp.findUniqueOrThrow({ where: { email: fresh.email } });
    expect(pending.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pending.passwordHash).toMatch(/^\$argon2id\$/);
    expect(pending.expires.getTime() - pending.createdAt.getTime()).toBe(SIGN_UP_LINK_HOURS * 3_600_000);
    const confirmation = await mailTo(fresh.email);
    expect(confirmation.text).toContain("Subject: [SYSTEM] Confirm your email to awaken");
    expect(confirmation.text).toMatch(/http:\/\/localhost:3000\/sign-up\/confirm\?token=[\w-]{43}/);

    // The existing email: nothing pending, the account unchanged, and the owner told how to get in.
    expect(await db.pendingSignUp.count({ where: { email: owner.email } })).toBe(0);
    expect(await verifyCredentials(owner.email, owner.password)).not.toBeNull();
    const notice = await mailTo(owner.email);
    expect(notice.text).toContain("Subject: [SYSTEM] Someone tried to sign up with your email");
    expect(notice.text).toContain("Someone tried to create an account with this address");
    expect(notice.text).toContain("http://localhost:3000/sign-in");
    expect(notice.text).toContain("http://localhost:3000/forgot-password");
    expect(notice.text).not.toMatch(/token=/);
  });

  it("hashes the password for an email with an account too, so both take the same time", async () => {
    // Wall or CPU time is too noisy beside other test files to tell a skipped argon2id apart (zxcvbn and the queries
    // cost as much); what would make the paths differ is the hash being skipped, so count the hashes.
    const owner = makeSignUp();
    await createAccount(owner);
    hashes.mockClear();
    await signUp(makeSignUp());
    expect(hashes).toHaveBeenCalledTimes(1);
    await signUp({ ...makeSignUp(), email: owner.email });
    expect(hashes).toHaveBeenCalledTimes(2);
    await expect(hashes.mock.results[1]!.value).resolves.toMatch(/^\$argon2id\$/);
  });

  it("still reports a taken hunter name (names are public) and bad input, writing nothing", async () => {
    const first = makeSignUp();
    await createAccount(first);
    for (const email of [makeSignUp().email, first.email]) {
      const error = await expectAppError(signUp(makeSignUp({ email, hunterName: first.hunterName })), "CONFLICT");
      expect(error.fieldErrors).toEqual({ hunterName: "This hunter name is taken" });
    }
    const invalid = await expectAppError(signUp({ email: "nope", password: 5, hunterName: "x" }), "VALIDATION_FAILED");
    expect(Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(["email", "hunterName", "password", "timeZone"]);
    const weak = await expectAppError(signUp(makeSignUp({ password: "password123" })), "VALIDATION_FAILED");
    expect(weak.fieldErrors?.password).toMatch(/too easy to guess/);
    expect(await db.pendingSignUp.count({ where: { hunterName: first.hunterName } })).toBe(0);
  });

  it("creates the account from the link once, with the password chosen at sign-up", async () => {
    const input = makeSignUp({ timeZone: "Asia/Tokyo" });
    const token = await linkFor(input);
    expect(await pendingSignUpOf(token, new Date())).toEqual({ email: input.email, hunterName: input.hunterName });

    // A wrong password, or a malformed submission, spends nothing.
    const wrong = await expectAppError(
      confirmSignUp({ token, password: "not-the-one-i-chose" }, new Date()),
      "VALIDATION_FAILED",
    );
    expect(wrong.fieldErrors?.password).toMatch(/not the password you chose/);
    await expectAppError(confirmSignUp({ token, password: 42 }, new Date()), "VALIDATION_FAILED");
    await expectAppError(confirmSignUp({ password: input.password }, new Date()), "VALIDATION_FAILED");

    const account = await confirmSignUp({ token, password: input.password }, new Date());
    expect(account).toMatchObject({ email: input.email, hunterName: input.hunterName });
    expect(await verifyCredentials(input.email, input.password)).toBe(account.userId);
    const player = await db.player.findUniqueOrThrow({ where: { id: account.playerId } });
    expect(player).toMatchObject({ hunterName: input.hunterName, timeZone: "Asia/Tokyo" });
    expect(await db.pendingSignUp.count({ where: { email: input.email } })).toBe(0);

    // The link works once, even submitted twice at the same moment.
    const refused = await expectAppError(confirmSignUp({ token, password: input.password }, new Date()), "NOT_FOUND");
    expect(refused.message).toMatch(/expired or was already used/);
    expect(await pendingSignUpOf(token, new Date())).toBeNull();

    const racing = makeSignUp();
    const raceToken = await linkFor(racing);
    const results = await Promise.allSettled([
      confirmSignUp({ token: raceToken, password: racing.password }, new Date()),
      confirmSignUp({ token: raceToken, password: racing.password }, new Date()),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { email: racing.email } })).toBe(1);
  });

  it("expires a link after 24 hours", async () => {
    const input = makeSignUp();
    const signedUpAt = new Date(Date.now() - SIGN_UP_LINK_HOURS * 3_600_000 - 1_000);
    const token = await linkFor(input, signedUpAt);
    expect(await pendingSignUpOf(token, new Date())).toBeNull();
    await expectAppError(confirmSignUp({ token, password: input.password }, new Date()), "NOT_FOUND");
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    // Still inside its day, it would have worked; expired sign-ups are swept by the next sign-up.
    expect(await pendingSignUpOf(token, new Date(signedUpAt.getTime() + 1_000))).not.toBeNull();
    await signUp(makeSignUp());
    expect(await db.pendingSignUp.count({ where: { email: input.email } })).toBe(0);
  });

  it("sends a fresh link when the same email signs up again; only the newest works", async () => {
    const input = makeSignUp();
    const first = await linkFor(input);
    const second = await linkFor({ ...input, hunterName: `${input.hunterName}x` });
    expect(second).not.toBe(first);
    expect(await db.pendingSignUp.count({ where: { email: input.email } })).toBe(1);
    await expectAppError(confirmSignUp({ token: first, password: input.password }, new Date()), "NOT_FOUND");
    const account = await confirmSignUp({ token: second, password: input.password }, new Date());
    expect(account.hunterName).toBe(`${input.hunterName}x`);
  });

  it("says so when the hunter name was taken meanwhile, and creates nothing", async () => {
    const input = makeSignUp();
    const token = await linkFor(input);
    await createAccount(makeSignUp({ hunterName: input.hunterName.toUpperCase() }));
    const error = await expectAppError(confirmSignUp({ token, password: input.password }, new Date()), "CONFLICT");
    expect(error.message).toBe(`The hunter name ${input.hunterName} was taken meanwhile: sign up again with another`);
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it("answers the same when the mail cannot be sent, for a new email and one with an account", async () => {
    const owner = makeSignUp({ email: `refused-owner-${Date.now()}@example.com` });
    await createAccount(owner);
    const fresh = makeSignUp({ email: `refused-new-${Date.now()}@example.com` });
    expect(await signUp(fresh)).toStrictEqual(CONFIRM_EMAIL);
    expect(await signUp({ ...makeSignUp(), email: owner.email })).toStrictEqual(CONFIRM_EMAIL);
    // Give both mails time to fail: nothing was delivered and nothing was thrown at the caller.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(inbox.to(fresh.email)).toHaveLength(0);
    expect(inbox.to(owner.email)).toHaveLength(0);
  });
});
