import "server-only";
import { headers } from "next/headers";
import { logger, withRequestContext } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

type Handler<C> = (request: Request, context: C) => Promise<Response>;

function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    // Response.redirect() and fetch() answers have immutable headers: answer with a copy.
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}

/**
 * Handles a route's request under its request id (the incoming `x-request-id` when sane, else a new one): every
 * line logged meanwhile carries it, the answer returns it in `x-request-id`, and one line records the answer
 * (with the request's headers, redacted, at debug level).
 */
export function logged<C>(handler: Handler<C>): Handler<C> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return withRequestContext(requestId, async () => {
      const started = performance.now();
      const log = logger();
      const fields = {
        method: request.method,
        path: new URL(request.url).pathname,
        ...(log.isLevelEnabled("debug") && { headers: Object.fromEntries(request.headers) }),
      };
      try {
        const response = await handler(request, context);
        const durationMs = Math.round(performance.now() - started);
        log.info({ ...fields, status: response.status, durationMs }, "request");
        return withHeader(response, REQUEST_ID_HEADER, requestId);
      } catch (error) {
        log.error({ ...fields, err: error }, "Unhandled error in a route handler");
        throw error;
      }
    });
  };
}

/** A Server Action run under its request's id (proxy.ts put it on the request), like a route under `logged`. */
export function underRequestId<A extends unknown[], R>(action: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => withRequestContext(requestIdFrom(await headers()), () => action(...args));
}

const ROUTE_TYPES: Record<string, string> = {
  render: "page",
  action: "Server Action",
  route: "route handler",
  proxy: "proxy",
};

type RequestErrorContext = { routerKind: string; routePath: string; routeType: string };
type ErroredRequest = { path: string; method: string; headers: Record<string, string | string[] | undefined> };

/** Logs an error Next.js caught while rendering a page, running a Server Action or a route (onRequestError). */
export function logRequestError(error: unknown, request: ErroredRequest, context: RequestErrorContext): void {
  const header = request.headers[REQUEST_ID_HEADER];
  logger().error(
    {
      err: error,
      requestId: typeof header === "string" ? header : undefined,
      method: request.method,
      // The query string can hold a reset link's token: never logged.
      path: request.path.split("?")[0],
      routeType: context.routeType,
      route: context.routePath,
    },
    `Unhandled error in a ${ROUTE_TYPES[context.routeType] ?? context.routeType}`,
  );
}
