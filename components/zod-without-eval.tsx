"use client";
import { config } from "zod/v4/core";

// The core's global config, shared by zod and zod/mini: importing it from "zod" would ship all of zod to every page.
// Zod compiles object parsers with `new Function` when it can, probing once with Function(""). The pages' CSP has
// no 'unsafe-eval', so in the browser that probe is a policy violation: parse by interpretation instead.
config({ jitless: true });

/** Rendered once in the root layout, so the setting is in place before any form parses. */
export function ZodWithoutEval() {
  return null;
}
