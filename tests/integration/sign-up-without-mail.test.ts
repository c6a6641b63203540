// Sign-up without SMTP_URL (the quick start's default): no way to reach an email's owner, so the account is created
// at once and a taken email is a 409 (docs/security.md "Accounts", the documented trade-off).
import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/lib/accounts/service";
import { signUp } from "@/lib/accounts/sign-up";
import { db } from "@/lib/db";
import { expectAppError, makeSignUp } from "@/tests/support/factories";

describe("sign-up without mail", () => {
  it("creates the account at once and refuses a taken email with a 409", async () => {
    expect(process.env.SMTP_URL).toBeUndefined();
    const input = makeSignUp();
    const reply = await signUp(input);
    expect(reply).toMatchObject({ status: "CREATED", account: { email: input.email, hunterName: input.hunterName } });
    expect(await verifyCredentials(input.email, input.password)).not.toBeNull();

    const error = await expectAppError(signUp(makeSignUp({ email: input.email.toUpperCase() })), "CONFLICT");
    expect(error.fieldErrors).toEqual({ email: "An account with this email already exists" });
    expect(await db.pendingSignUp.count({ where: { email: input.email } })).toBe(0);
  });
});
