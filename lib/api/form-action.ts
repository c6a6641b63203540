import "server-only";
import { headers } from "next/headers";
import { refuseCrossSiteAction } from "@/lib/api/action";
import { toActionFailure, type ActionResult } from "@/lib/errors";
import { underRequestId } from "@/lib/log/request";
import { clientIp } from "@/lib/rate-limit/service";

/**
 * A signed-out form's action for `useActionState` (sign-up, password reset): the named fields (absent ones
 * undefined), and the caller's address for rate limits; what the handler returns is the result's data (else null). The service validates, as it does for the API, so both
 * give the same messages. Refused from another origin and logged under the request's id, like playerAction.
 */
export function formAction<F extends string, T = null>(
  names: readonly F[],
  handler: (fields: Record<F, FormDataEntryValue | undefined>, caller: { ip: string }) => Promise<T | void>,
): (previous: ActionResult<T | null> | null, form: FormData) => Promise<ActionResult<T | null>> {
  return underRequestId(async (_previous: ActionResult<T | null> | null, form: FormData) => {
    try {
      await refuseCrossSiteAction();
      const fields = Object.fromEntries(names.map((name) => [name, form.get(name) ?? undefined]));
      const data = await handler(fields as Record<F, FormDataEntryValue | undefined>, {
        ip: clientIp(await headers()),
      });
      return { ok: true, data: data ?? null };
    } catch (error) {
      return toActionFailure(error);
    }
  });
}
