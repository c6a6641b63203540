"use server";
import { formAction } from "@/lib/api/form-action";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/reset";
import { createAccount } from "@/lib/accounts/service";
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
