/** Where the configured OAuth providers' sign-in pages live: the sign-in form posts there through next-auth. */
export const OAUTH_FORM_ORIGINS = { github: "https://github.com", google: "https://accounts.google.com" } as const;

/**
 * Pages prerendered at build time (and precached by the service worker): no per-response nonce can reach them.
 * tests/e2e/headers.spec.ts fails when `next build` prerenders a page missing here.
 */
export const PRERENDERED_PAGES: ReadonlySet<string> = new Set(["/", "/forgot-password", "/settings/session-ended"]);

/** Pages that compile WebAssembly (the import screen reads a Loop .db with sql.js): 'wasm-unsafe-eval' there only. */
export const WASM_PAGES: ReadonlySet<string> = new Set(["/settings/import"]);

export type PolicyOptions = {
  /** Per-response nonce for pages rendered per request; absent for prerendered pages. */
  nonce?: string;
  formOrigins: readonly string[];
  https: boolean;
  dev: boolean;
  /** Allow WebAssembly compilation ('wasm-unsafe-eval': WebAssembly only, never JavaScript's eval). */
  wasm?: boolean;
};

/**
 * The Content-Security-Policy of a page (docs/security.md). Rendered per request: scripts need this response's
 * nonce, and what they load is trusted through 'strict-dynamic'. Prerendered: no nonce can exist, so Next's inline
 * bootstrap scripts are allowed with 'unsafe-inline' and everything else must come from this origin.
 */
export function contentSecurityPolicy({ nonce, formOrigins, https, dev, wasm }: PolicyOptions): string {
  const eval_ = `${dev ? " 'unsafe-eval'" : ""}${wasm ? " 'wasm-unsafe-eval'" : ""}`;
  const scripts = nonce ? `'self' 'nonce-${nonce}' 'strict-dynamic'${eval_}` : `'self' 'unsafe-inline'${eval_}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // React writes style attributes (bar widths, chart geometry), which nonces cannot cover.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action ${["'self'", ...formOrigins].join(" ")}`,
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
