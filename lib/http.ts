import "server-only";
import type { z } from "zod";
import {
  AppError,
  DATABASE_RETRY_AFTER_SECONDS,
  DATABASE_UNAVAILABLE,
  ERROR_STATUS,
  isDatabaseUnavailable,
  type ErrorCode,
} from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { nulPath } from "@/lib/validation";

export const MAX_BODY_BYTES = 64 * 1024;
/** Deeper JSON than this is refused before it is parsed: no schema here nests past a handful of levels. */
export const MAX_JSON_DEPTH = 32;

export type Issue = { path: string; message: string };

function body(code: ErrorCode, message: string, issues?: Issue[]) {
  return { error: { code, message, ...(issues && { issues }) } };
}

export function errorResponse(code: ErrorCode, message: string, issues?: Issue[], headers?: HeadersInit): Response {
  return noStore(Response.json(body(code, message, issues), { status: ERROR_STATUS[code], headers }));
}

/** API answers are personal (or errors): no browser or shared cache keeps them unless the route set its own rule. */
export function noStore(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("Cache-Control", "no-store");
  return response;
}

/** Maps anything thrown by a handler to the one wire shape; internal messages never leave the server. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof ValidationError) return errorResponse("VALIDATION_FAILED", error.message, error.issues);
  if (error instanceof AppError) {
    const issues = error.fieldErrors
      ? Object.entries(error.fieldErrors).map(([path, message]) => ({ path, message: message ?? "" }))
      : undefined;
    return errorResponse(error.code, error.message, issues, error.headers);
  }
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    if (error.code === "P2025") return errorResponse("NOT_FOUND", "Not found");
    if (error.code === "P2002") return errorResponse("CONFLICT", "That already exists");
  }
  if (isDatabaseUnavailable(error)) {
    console.error("The database is unreachable", error);
    return errorResponse("UNAVAILABLE", DATABASE_UNAVAILABLE, undefined, {
      "Retry-After": String(DATABASE_RETRY_AFTER_SECONDS),
    });
  }
  console.error("Unhandled error in a route handler", error);
  return errorResponse("INTERNAL", "Something went wrong on our side");
}

class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super("The request is invalid");
  }
}

export function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({ path: issue.path.join(".") || "(root)", message: issue.message }));
}

/** Parses a value with a schema, or throws the 422 that lists every problem. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  // Postgres text cannot hold U+0000: such input is refused here rather than failing in the database as a 500.
  const nul = nulPath(value);
  if (nul !== null) throw new ValidationError([{ path: nul || "(root)", message: "Must not contain NUL" }]);
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesOf(result.error));
  return result.data;
}

function tooLarge(): AppError {
  // Connection: close ends the upload: the rest of an oversized body is not read, only refused.
  return new AppError("PAYLOAD_TOO_LARGE", "The request body is over 64 KB", undefined, { Connection: "close" });
}

/**
 * The body as text, read chunk by chunk and given up on as soon as it passes the limit: a chunked upload of any
 * size costs at most MAX_BODY_BYTES of memory and stops being read there.
 */
async function readBodyText(request: Request): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid UTF-8");
  }
}

/** How deeply the JSON text nests arrays and objects, counted without parsing (brackets inside strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") deepest = Math.max(deepest, ++depth);
    else if (char === "}" || char === "]") depth--;
  }
  return deepest;
}

/** Reads a JSON body: over 64 KB → 413, not JSON or nested too deeply → 400, not matching the schema → 422. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const text = await readBodyText(request);
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new AppError("BAD_REQUEST", `The request body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = text === "" ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON");
  }
  return parseWith(schema, value);
}

/** Query-string parameters as a plain object, for parseWith. */
export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
