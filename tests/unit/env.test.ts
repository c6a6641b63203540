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

  it("treats blank optional values as unset", () => {
    expect(parseEnv({ ...valid, GITHUB_ID: "", UPSTASH_REDIS_REST_URL: "" }).UPSTASH_REDIS_REST_URL).toBeUndefined();
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
});
