"use server";
import { headers } from "next/headers";
import { clientIp, enforceLimit } from "@/lib/rate-limit/service";
import { requestPasswordReset, resetPassword } from "@/lib/accounts/reset";
import { createAccount } from "@/lib/accounts/service";
import { toActionFailure, type ActionResult } from "@/lib/errors";

export async function signUp(_previous: ActionResult<null> | null, form: FormData): Promise<ActionResult<null>> {
  try {
    const ip = clientIp(await headers());
    await createAccount(
      {
        email: form.get("email") ?? undefined,
        password: form.get("password") ?? undefined,
        hunterName: form.get("hunterName") ?? undefined,
        timeZone: form.get("timeZone") ?? undefined,
      },
      { limit: () => enforceLimit("signUpIp", ip) },
    );
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Forgot password: always the same reply, whether or not the email has an account. */
export async function forgotPassword(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  try {
    await requestPasswordReset({ email: form.get("email") ?? undefined }, clientIp(await headers()), new Date());
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}

/** Sets the new password from a reset link; every session of the account ends. */
export async function setNewPassword(
  _previous: ActionResult<null> | null,
  form: FormData,
): Promise<ActionResult<null>> {
  try {
    await resetPassword(
      { token: form.get("token") ?? undefined, password: form.get("password") ?? undefined },
      new Date(),
    );
    return { ok: true, data: null };
  } catch (error) {
    return toActionFailure(error);
  }
}
