/** The header a request id travels in, both ways. */
export const REQUEST_ID_HEADER = "x-request-id";

// What a proxy or load balancer in front usually sends (UUIDs, ULIDs, "region::id" forms); anything longer or
// with other characters could forge log structure or flood a line, and is replaced.
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the incoming `x-request-id` when it is sane, otherwise a new UUID. */
export function requestIdFrom(headers: Headers): string {
  const incoming = headers.get(REQUEST_ID_HEADER);
  return incoming && SANE_REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
