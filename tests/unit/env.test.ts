import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

const valid = {
  DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/app",
  NEXTAUTH_SECRET: "x".repeat(32),
};

describe("parseEnv", () => {
  it("accepts the minimum and fills defaults", () => {
    const env = parseEnv(valid);
    expect(env.DATABASE_POOL_MAX).toBe(10);
    expect(env.NODE_ENV).toBe("development");
  });

  it.each(["DATABASE_URL", "NEXTAUTH_SECRET"])("names a missing %s", (name) => {
    const source: Record<string, string | undefined> = { ...valid, [name]: undefined };
    expect(() => parseEnv(source)).toThrow(EnvError);
    expect(() => parseEnv(source)).toThrow(`${name}: is required but not set`);
  });

  it("explains a malformed value", () => {
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "short" })).toThrow(/NEXTAUTH_SECRET: must be at least 32/);
    expect(() => parseEnv({ ...valid, DATABASE_URL: "not a url" })).toThrow(/DATABASE_URL: must be a postgres/);
  });

  it("treats blank values as unset, so .env.example copied as it is starts with the defaults", () => {
    const blanks = {
      GITHUB_ID: "",
      UPSTASH_REDIS_REST_URL: "",
      RATE_LIMITS: "",
      STATUS_CACHE_SECONDS: "",
      REDIS_TIMEOUT_MS: "",
    };
    const env = parseEnv({ ...valid, ...blanks });
    expect(env.UPSTASH_REDIS_REST_URL).toBeUndefined();
    expect(env.STATUS_CACHE_SECONDS).toBe(300);
    expect(env.REDIS_TIMEOUT_MS).toBe(300);
    expect(env.RATE_LIMITS.signInIp).toEqual({ limit: 10, windowSeconds: 60 });
    expect(() => parseEnv({ ...valid, NEXTAUTH_SECRET: "" })).toThrow("NEXTAUTH_SECRET: is required but not set");
  });

  it("reads rate-limit overrides as JSON and names a malformed one", () => {
    const env = parseEnv({ ...valid, RATE_LIMITS: '{"apiWrite":{"limit":3,"windowSeconds":10}}' });
    expect(env.RATE_LIMITS.apiWrite).toEqual({ limit: 3, windowSeconds: 10 });
    expect(env.RATE_LIMITS.signUpIp).toEqual({ limit: 5, windowSeconds: 3_600 });
    expect(() => parseEnv({ ...valid, RATE_LIMITS: "{nope" })).toThrow(/RATE_LIMITS: must be JSON/);
    expect(() => parseEnv({ ...valid, RATE_LIMITS: '{"unknown":{"limit":1,"windowSeconds":1}}' })).toThrow(
      /RATE_LIMITS/,
    );
  });
});

describe("TEST_CLOCK", () => {
  it("is off unless set to 1", () => {
    expect(parseEnv(valid).TEST_CLOCK).toBe(false);
    expect(parseEnv({ ...valid, TEST_CLOCK: "1" }).TEST_CLOCK).toBe(true);
  });

  it("refuses to start on a Vercel production deployment", () => {
    expect(() => parseEnv({ ...valid, TEST_CLOCK: "1", VERCEL_ENV: "production" })).toThrow(
      /TEST_CLOCK: must not be set on a Vercel production deployment/,
    );
    expect(parseEnv({ ...valid, TEST_CLOCK: "1", VERCEL_ENV: "preview" }).TEST_CLOCK).toBe(true);
  });

  it("asks for both QStash signing keys or neither", () => {
    const keys = { QSTASH_CURRENT_SIGNING_KEY: "sig_current", QSTASH_NEXT_SIGNING_KEY: "sig_next" };
    expect(parseEnv({ ...valid, ...keys }).QSTASH_NEXT_SIGNING_KEY).toBe("sig_next");
    expect(() => parseEnv({ ...valid, QSTASH_CURRENT_SIGNING_KEY: "sig_current" })).toThrow(
      "QSTASH_NEXT_SIGNING_KEY: is required but not set",
    );
    expect(() => parseEnv({ ...valid, QSTASH_NEXT_SIGNING_KEY: "sig_next" })).toThrow(
      "QSTASH_CURRENT_SIGNING_KEY: is required but not set",
    );
  });
});

describe("TRUSTED_PROXY_COUNT and SEED_DEMO", () => {
  it("default to no trusted proxy and no demo Hunter", () => {
    expect(parseEnv(valid)).toMatchObject({ TRUSTED_PROXY_COUNT: 0, SEED_DEMO: false });
    expect(parseEnv({ ...valid, TRUSTED_PROXY_COUNT: "2", SEED_DEMO: "1" })).toMatchObject({
      TRUSTED_PROXY_COUNT: 2,
      SEED_DEMO: true,
    });
  });

  it("refuse a proxy count that is not a small whole number", () => {
    for (const value of ["-1", "1.5", "many", "11"]) {
      expect(() => parseEnv({ ...valid, TRUSTED_PROXY_COUNT: value })).toThrow(/TRUSTED_PROXY_COUNT/);
    }
  });
});
