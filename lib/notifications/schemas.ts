import { z } from "zod";
import { idSchema } from "@/lib/validation";

/** URL-safe base64 of exactly `bytes` bytes, as browsers write subscription keys (padding tolerated). */
const base64url = (bytes: number, message: string) =>
  z
    .string()
    .max(200)
    .refine((text) => {
      const body = text.replace(/=+$/, "");
      return /^[\w-]+$/.test(body) && Math.floor((body.length * 6) / 8) === bytes && body.length % 4 !== 1;
    }, message);

export const ENDPOINT_MAX_LENGTH = 1_000;

const endpointSchema = z
  .string()
  .max(ENDPOINT_MAX_LENGTH, `An endpoint has at most ${ENDPOINT_MAX_LENGTH} characters`)
  .refine((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), "Use the push service's URL");

/** What a browser's PushSubscription.toJSON() gives: POST /api/v1/push/subscriptions. */
export const pushSubscriptionSchema = z.strictObject({
  endpoint: endpointSchema,
  expirationTime: z.number().nullable().optional(),
  keys: z.strictObject({
    // An uncompressed P-256 point: 65 bytes starting 0x04 (so its base64 starts with "B").
    p256dh: base64url(65, "p256dh must be the browser's 65-byte P-256 public key").refine(
      (key) => key.startsWith("B"),
      "p256dh must be an uncompressed P-256 point",
    ),
    auth: base64url(16, "auth must be the browser's 16-byte secret"),
  }),
});

export type PushSubscriptionInput = z.infer<typeof pushSubscriptionSchema>;

/** DELETE /api/v1/push/subscriptions: the device's endpoint (what the page knows of its own subscription). */
export const unsubscribeSchema = z.strictObject({ endpoint: endpointSchema });

/** POST /api/v1/inbox/read: some items (`ids`), or all of them (`all: true`), one or the other. */
export const markReadSchema = z
  .strictObject({ ids: z.array(idSchema).min(1).max(100).optional(), all: z.literal(true).optional() })
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), "Send ids, or all: true");

export type MarkReadInput = z.infer<typeof markReadSchema>;
