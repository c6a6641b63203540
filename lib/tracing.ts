import "server-only";
import { PrismaInstrumentation } from "@prisma/instrumentation";
import { registerOTel } from "@vercel/otel";
import { env } from "@/lib/env";

/**
 * Exports OpenTelemetry traces over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT (protocol and headers from the
 * standard OTEL_EXPORTER_OTLP_* variables, read by @vercel/otel): Next.js's own spans for each request and
 * render, outgoing HTTP calls (its "fetch" instrumentation covers node:http too: the Upstash calls), and Prisma's
 * spans for each operation and SQL query.
 */
export function startTracing(): void {
  registerOTel({
    serviceName: env().OTEL_SERVICE_NAME,
    instrumentations: ["fetch", new PrismaInstrumentation()],
  });
}
