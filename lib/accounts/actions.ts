"use server";
import { playerAction } from "@/lib/api/action";
import { formAction } from "@/lib/api/form-action";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/reset";
import { changeEmailSchema, changePasswordSchema } from "@/lib/accounts/schemas";
import { changeEmail, changePassword } from "@/lib/accounts/service";
import { confirmSignUp, signUp } from "@/lib/accounts/sign-up";
import { enforceLimit } from "@/lib/rate-limit/service";

/**
 * Sign-up: `CREATED` (the form signs in with the password it holds) or, when mail is configured, `CONFIRM_EMAIL`
 * whether or not the email has an account (lib/accounts/sign-up.ts).
 */
export const createAccountAction = formAction(
  ["email", "password", "hunterName", "timeZone"],
  async (fields, { ip }) => {
    const reply = await signUp(fields, { limit: () => enforceLimit("signUpIp", ip) });
    return { status: reply.status };
  },
);

/**
 * Finishes a sign-up from its mailed link; the form then signs in with the password and the email returned. A
 * password check, so it counts against the address's sign-in limit.
 */
export const confirmSignUpAction = formAction(["token", "password"], async (fields, { ip }) => {
  const account = await confirmSignUp(fields, new Date(), { limit: () => enforceLimit("signInIp", ip) });
  return { email: account.email };
});

/** Forgot password: always the same reply, whether or not the email has an account. */
export const requestPasswordResetAction = formAction(["email"], (fields, { ip }) =>
  requestPasswordReset(fields, ip, new Date()),
);

/** Sets the new password from a reset link; every session of the account ends. */
export const resetPasswordAction = formAction(["token", "password"], (fields) => resetPassword(fields, new Date()));

/** Settings → Account: a new sign-in email, after the current password. */
export const changeEmailAction = playerAction(
  changeEmailSchema,
  async (input, { playerId }) => {
    await changeEmail(playerId, input);
    return null;
  },
  { revalidate: ["/settings"] },
);

/** Settings → Account: a new password, after the current one; every session ends, this one too. */
export const changePasswordAction = playerAction(changePasswordSchema, async (input, { playerId }) => {
  await changePassword(playerId, input);
  return null;
});
