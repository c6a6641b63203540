"use client";
import { config } from "zod";

// Zod compiles object parsers with `new Function` when it can, probing once with Function(""). The pages' CSP has
// no 'unsafe-eval', so in the browser that probe is a policy violation: parse by interpretation instead.
config({ jitless: true });

/** Rendered once in the root layout, so the setting is in place before any form parses. */
export function ZodWithoutEval() {
  return null;
}
