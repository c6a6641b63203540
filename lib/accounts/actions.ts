"use server";
import { playerAction } from "@/lib/api/action";
import { formAction } from "@/lib/api/form-action";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/reset";
import { changeEmailSchema, changePasswordSchema } from "@/lib/accounts/schemas";
import { changeEmail, changePassword, createAccount } from "@/lib/accounts/service";
import { enforceLimit } from "@/lib/rate-limit/service";

export const createAccountAction = formAction(
  ["email", "password", "hunterName", "timeZone"],
  async (fields, { ip }) => {
    await createAccount(fields, { limit: () => enforceLimit("signUpIp", ip) });
  },
);

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
