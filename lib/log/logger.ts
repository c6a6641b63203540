import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { trace } from "@opentelemetry/api";
import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import pretty from "pino-pretty";
import { env } from "@/lib/env";

/** Keys whose values never reach a log line, wherever they sit in a logged object (any case). */
const REDACTED_KEYS = [
  "password",
  "passwordHash",
  "currentPassword",
  "newPassword",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "access_token",
  "refresh_token",
  "id_token",
  "sessionToken",
  "secret",
  "clientSecret",
  "client_secret",
  "apiKey",
  "authorization",
  "proxy-authorization",
  "cookie",
  "set-cookie",
  "upstash-signature",
  "email",
];

const SENSITIVE = new Set(REDACTED_KEYS.map((key) => key.toLowerCase()));
const MAX_DEPTH = 8;

/**
 * A copy of a logged object with the value of every REDACTED_KEYS key replaced, at any depth and in any case.
 * (One walk over the object. pino's own `redact` needs a wildcard path per key and depth and matches case
 * exactly; with these keys at four levels it cost 330 µs a line here against 9 µs for a plain line, this about
 * 20 µs: tests/bench/log-cost.ts.) Errors, dates and other class instances are left to their serializers; the
 * error serializer redacts its output the same way.
 */
function redacted(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== "object") return value;
  if (depth > MAX_DEPTH) return "[Too deep]";
  if (Array.isArray(value)) return value.map((item) => redacted(item, depth + 1));
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      SENSITIVE.has(key.toLowerCase()) ? "[Redacted]" : redacted(item, depth + 1),
    ]),
  );
}

// An error's message and stack are free text: an address or a personal access token that a library wrote into
// one (a refused recipient, the arguments of a failed query) is masked there, as keys are redacted.
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const ACCESS_TOKEN = /sys_[\w-]{16,}/g;

function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.replace(EMAIL, "[email]").replace(ACCESS_TOKEN, "[token]");
  if (depth > MAX_DEPTH || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrubbed(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubbed(item, depth + 1)]));
}

type RequestContext = { requestId: string };

// On globalThis: Next.js loads route handlers, pages and instrumentation in separate module graphs; one logger
// and one request context per process, whichever graph set them.
const shared = globalThis as unknown as {
  systemLog?: { context: AsyncLocalStorage<RequestContext>; logger?: Logger };
};
const state = (shared.systemLog ??= { context: new AsyncLocalStorage() });

/** Runs `work` as part of a request: every line it logs, however deep, carries the request id. */
export function withRequestContext<T>(requestId: string, work: () => T): T {
  return state.context.run({ requestId }, work);
}

/** The request id of the request being handled, if any. */
function currentRequestId(): string | undefined {
  return state.context.getStore()?.requestId;
}

/** Fields added to every line: the request id, and the trace and span ids while a traced span is active. */
function contextFields(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span && span.traceId !== "00000000000000000000000000000000") {
    fields.trace_id = span.traceId;
    fields.span_id = span.spanId;
  }
  return fields;
}

/**
 * A logger writing one JSON object per line to `destination` (stdout by default, synchronously: no worker
 * threads), or human-readable lines in development.
 */
export function createLogger(settings: { level: string; pretty: boolean }, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level: settings.level,
    timestamp: stdTimeFunctions.isoTime,
    serializers: { err: (error: Error) => redacted(scrubbed(stdSerializers.err(error))) },
    mixin: contextFields,
    formatters: {
      log: (object) => redacted(object) as Record<string, unknown>,
      // Level names rather than numbers, for log shippers; pino-pretty reads the numbers.
      ...(!settings.pretty && { level: (label: string) => ({ level: label }) }),
    },
  };
  if (destination) return pino(options, destination);
  return settings.pretty ? pino(options, pretty({ sync: true })) : pino(options);
}

/** The process's logger: JSON lines on stdout at LOG_LEVEL, pretty-printed when NODE_ENV is development. */
export function logger(): Logger {
  if (!state.logger) {
    const { LOG_LEVEL, NODE_ENV } = env();
    state.logger = createLogger({ level: LOG_LEVEL, pretty: NODE_ENV === "development" });
  }
  return state.logger;
}
