import { describe, expect, it } from "vitest";
import { clientAddress } from "@/lib/rate-limit/rules";
import { WASM_PAGES, contentSecurityPolicy } from "@/lib/security/csp";
import { isJsonContentType, isSameOrigin } from "@/lib/security/origin";
import { jsonDepth } from "@/lib/http";

describe("clientAddress", () => {
  it.each([
    // The server appends the socket's address: with no trusted proxy that right-most entry is the client.
    ["203.0.113.9", 0, "203.0.113.9"],
    ["1.1.1.1, 2.2.2.2, 203.0.113.9", 0, "203.0.113.9"],
    // One trusted proxy: the entry it appended for its own peer.
    ["1.1.1.1, 198.51.100.7, 10.0.0.2", 1, "198.51.100.7"],
    ["forged, 198.51.100.7, 10.0.0.2", 1, "198.51.100.7"],
    // Fewer entries than proxies: every entry was written by a trusted hop, the left-most is the client.
    ["198.51.100.7", 2, "198.51.100.7"],
    ["", 0, "unknown"],
    [null, 0, "unknown"],
  ] as const)("%s with %i trusted → %s", (header, trusted, expected) => {
    expect(clientAddress(header, trusted)).toBe(expected);
  });
});

describe("isSameOrigin", () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);
  const app = "https://thesystem.example";

  it.each([
    [{ origin: "https://thesystem.example" }, app, true],
    [{ origin: "https://evil.example" }, app, false],
    [{ origin: "http://thesystem.example" }, app, false],
    [{ origin: "https://thesystem.example:8443" }, app, false],
    [{ origin: "null" }, app, false],
    [{ "sec-fetch-site": "same-origin" }, app, true],
    [{ "sec-fetch-site": "same-site" }, app, false],
    [{}, app, false],
    // A client's X-Forwarded-Host changes nothing: only the configured URL, or else Host, counts.
    [{ origin: "https://evil.example", "x-forwarded-host": "evil.example" }, app, false],
    [{ origin: "http://localhost:3000", host: "localhost:3000" }, undefined, true],
    [
      { origin: "http://localhost:3001", host: "localhost:3000", "x-forwarded-host": "localhost:3001" },
      undefined,
      false,
    ],
  ] as const)("%o against %s → %s", (entries, url, expected) => {
    expect(isSameOrigin(headers(entries), url)).toBe(expected);
  });

  it.each([
    ["application/json", true],
    ["application/json; charset=utf-8", true],
    ["Application/JSON", true],
    ["text/plain", false],
    ["application/x-www-form-urlencoded", false],
    ["application/jsonp", false],
    ["", false],
  ])("content type %s → %s", (type, expected) => {
    expect(isJsonContentType(new Headers(type ? { "content-type": type } : {}))).toBe(expected);
  });
});

describe("jsonDepth", () => {
  it.each([
    ["", 0],
    ["1", 0],
    ["{}", 1],
    ['{"a":[{"b":[]}]}', 4],
    ['{"a":"[[[[{{{{"}', 1],
    ['["\\"[[["]', 1],
    ["[".repeat(10_000) + "]".repeat(10_000), 10_000],
  ])("%s → %i", (text, depth) => expect(jsonDepth(text)).toBe(depth));
});

describe("contentSecurityPolicy", () => {
  const directives = (policy: string) => new Map(policy.split("; ").map((d) => [d.split(" ")[0], d]));

  it("trusts only the nonce's scripts on a rendered page, and no frame may embed it", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc", formOrigins: [], https: false, dev: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(policy.get("frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(policy.get("object-src")).toBe("object-src 'none'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("falls back to a static policy without a nonce, lets forms reach the OAuth providers, upgrades on HTTPS", () => {
    const policy = directives(contentSecurityPolicy({ formOrigins: ["https://github.com"], https: true, dev: false }));
    expect(policy.get("script-src")).toBe("script-src 'self' 'unsafe-inline'");
    expect(policy.get("form-action")).toBe("form-action 'self' https://github.com");
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets only the pages that need it compile WebAssembly, never evaluate JavaScript", () => {
    const policy = directives(
      contentSecurityPolicy({ nonce: "abc", formOrigins: [], https: false, dev: false, wasm: true }),
    );
    expect(policy.get("script-src")).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic' 'wasm-unsafe-eval'");
    expect([...WASM_PAGES]).toEqual(["/settings/import"]);
  });
});
