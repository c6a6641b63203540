import "server-only";
import type { z } from "zod";
import { AppError, ERROR_STATUS, type ErrorCode } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export const MAX_BODY_BYTES = 64 * 1024;

export type Issue = { path: string; message: string };

function body(code: ErrorCode, message: string, issues?: Issue[]) {
  return { error: { code, message, ...(issues && { issues }) } };
}

export function errorResponse(code: ErrorCode, message: string, issues?: Issue[], headers?: HeadersInit): Response {
  return Response.json(body(code, message, issues), { status: ERROR_STATUS[code], headers });
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

/** Postgres text cannot hold U+0000: such input is refused here rather than failing in the database as a 500. */
function nulIssues(value: unknown, path: string[] = []): Issue[] {
  if (typeof value === "string") {
    return value.includes("\u0000") ? [{ path: path.join(".") || "(root)", message: "Must not contain NUL" }] : [];
  }
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, item]) => nulIssues(item, [...path, key]));
}

/** Parses a value with a schema, or throws the 422 that lists every problem. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const nul = nulIssues(value);
  if (nul.length > 0) throw new ValidationError(nul);
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesOf(result.error));
  return result.data;
}

/** Reads a JSON body: over 64 KB → 413, not JSON → 400, not matching the schema → 422. */
export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", "The request body is over 64 KB");
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The request body is over 64 KB");
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
