import type { Instrumentation } from "next";

// Runs once when a server starts: an invalid environment stops start-up here, naming the variable.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("@/lib/env");
    const { logger } = await import("@/lib/log/logger");
    const e = env();
    if (e.OTEL_EXPORTER_OTLP_ENDPOINT) {
      const { startTracing } = await import("@/lib/tracing");
      startTracing();
    }
    if (e.TEST_CLOCK) logger().warn("TEST_CLOCK=1: players' clocks can be moved. Never use this in production.");
  }
}

// Errors Next.js caught in a page, a Server Action or a route, logged as JSON with the request's id.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { logRequestError } = await import("@/lib/log/request");
    logRequestError(error, request, context);
  }
};
