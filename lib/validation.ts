import { z } from "zod";

/** Field → first message, the shape forms render inline. Keys are dotted paths ("schedule.n", "starters.1.title"). */
export type FieldErrors = Partial<Record<string, string>>;

/**
 * zod issues → one message per field, under every prefix of the issue's path, so a form can show it at the input
 * ("target.value") or at its group ("target"). An issue about the whole input is filed under "form".
 */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.path.length === 0) errors.form ??= issue.message;
    for (let end = 1; end <= issue.path.length; end++) {
      errors[issue.path.slice(0, end).map(String).join(".")] ??= issue.message;
    }
  }
  return errors;
}

/** The dotted path of the first string holding U+0000 (Postgres text cannot store it), or null when there is none. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path.join(".") : null;
  if (value === null || typeof value !== "object") return null;
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** A row's id as a client holds it: anything longer or empty names nothing. */
export const idSchema = z.string().min(1).max(64);
