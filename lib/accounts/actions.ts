"use server";
import { headers } from "next/headers";
import { clientIp, enforceLimit } from "@/lib/rate-limit/service";
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
