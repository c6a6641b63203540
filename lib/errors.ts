import type { FieldErrors } from "@/lib/validation";
import { logger } from "@/lib/log/logger";

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** An error the player may see: its message is safe to show and `fieldErrors` point at the inputs to fix. */
export class AppError extends Error {
  override name = "AppError";

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldErrors,
    /** Extra response headers, e.g. Retry-After on RATE_LIMITED. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const DATABASE_UNAVAILABLE = "[SYSTEM] The records are out of reach for a moment. Try again shortly.";

/** How long a client should wait before retrying when the database is unreachable (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// Prisma's codes for "cannot reach / lost / timed out waiting for the database", and what pg itself throws when a
// connection fails below Prisma: socket errors, Postgres's connection-exception (08…) and shutdown (57P0…) states.
const UNREACHABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNREACHABLE_SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const UNREACHABLE_MESSAGES =
  /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error)/;
// A raw query's failure (P2010) names its cause only in the driver adapter's error kind.
const UNREACHABLE_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

/** Whether an error (or one it was caused by) means the database is unreachable rather than that a query failed. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 5) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_SOCKET_CODES.has(code)) return true;
    if (/^(08|57P0)/.test(code)) return true;
  }
  if (error.name === "PrismaClientInitializationError" || UNREACHABLE_MESSAGES.test(error.message)) return true;
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } }).meta;
  if (UNREACHABLE_ADAPTER_KINDS.has(String(meta?.driverAdapterError?.cause?.kind))) return true;
  return isDatabaseUnavailable(error.cause, depth + 1);
}

/** What a Server Action hands back to `useActionState`. */
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: string; fieldErrors?: FieldErrors };

/** Maps a thrown error to an action result; unexpected errors are logged and shown generically. */
export function toActionFailure(error: unknown): { ok: false; error: string; fieldErrors?: FieldErrors } {
  if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
  if (isDatabaseUnavailable(error)) {
    logger().error({ err: error }, "The database is unreachable");
    return { ok: false, error: DATABASE_UNAVAILABLE };
  }
  logger().error({ err: error }, "Unexpected error in a server action");
  return { ok: false, error: "Something went wrong on our side. Please try again." };
}
