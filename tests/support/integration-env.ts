// Runs in each integration worker before any test module: points lib/env at this run's database and Redis.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.DATABASE_POOL_MAX = String(inject("databasePoolMax"));
process.env.NEXTAUTH_SECRET ??= "integration-tests-secret-at-least-32-characters";
// The app's public origin: cookie-authenticated writes must come from it (lib/security/origin.ts).
process.env.NEXTAUTH_URL ??= "http://localhost:3000";
// Errors and warnings only: an access line for every route call would bury the test output.
process.env.LOG_LEVEL ??= "warn";

const upstash = inject("upstash");
if (upstash) {
  process.env.UPSTASH_REDIS_REST_URL = upstash.url;
  process.env.UPSTASH_REDIS_REST_TOKEN = upstash.token;
  process.env.REDIS_PREFIX = upstash.prefix;
}
