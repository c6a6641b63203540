import "server-only";
import { headers } from "next/headers";
import { toActionFailure, type ActionResult } from "@/lib/errors";
import { clientIp } from "@/lib/rate-limit/service";

/**
 * A signed-out form's action for `useActionState` (sign-up, password reset): the named fields (absent ones
 * undefined), and the caller's address for rate limits. The service validates, as it does for the API, so both
 * give the same messages.
 */
export function formAction<F extends string>(
  names: readonly F[],
  handler: (fields: Record<F, FormDataEntryValue | undefined>, caller: { ip: string }) => Promise<void>,
): (previous: ActionResult<null> | null, form: FormData) => Promise<ActionResult<null>> {
  return async (_previous, form) => {
    try {
      const fields = Object.fromEntries(names.map((name) => [name, form.get(name) ?? undefined]));
      await handler(fields as Record<F, FormDataEntryValue | undefined>, { ip: clientIp(await headers()) });
      return { ok: true, data: null };
    } catch (error) {
      return toActionFailure(error);
    }
  };
}
