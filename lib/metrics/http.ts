import "server-only";
import { logged } from "@/lib/log/request";
import { metrics } from "@/lib/metrics/registry";

/** A path segment as Next.js hands it to params; a malformed escape stays as it is. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The route as written in app/ ("/api/v1/quests/[id]"), from the request's path and its dynamic params: one
 * series per route, however many ids are requested.
 */
export function routeLabel(pathname: string, params: Record<string, unknown> = {}): string {
  const names = new Map(
    Object.entries(params).flatMap(([name, value]) =>
      typeof value === "string" && value !== "" ? [[value, name]] : [],
    ),
  );
  return pathname
    .split("/")
    .map((segment) => {
      const name = names.get(segment) ?? names.get(decoded(segment));
      return name ? `[${name}]` : segment;
    })
    .join("/");
}

/**
 * Counts and times every answer of a route handler that never throws (publicRoute's), and handles it under a
 * request id that every log line and the answer's x-request-id carry (lib/log/request.ts).
 */
export function observed<P>(handler: (request: Request, context: { params: Promise<P> }) => Promise<Response>) {
  return logged(async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const started = performance.now();
    const response = await handler(request, context);
    const params: unknown = await Promise.resolve(context.params).catch(() => undefined);
    const labels = {
      route: routeLabel(new URL(request.url).pathname, typeof params === "object" && params ? { ...params } : {}),
      method: request.method,
      status: String(response.status),
    };
    const { httpRequests, httpDuration } = metrics();
    httpRequests.inc(labels);
    httpDuration.observe(labels, (performance.now() - started) / 1000);
    return response;
  });
}
