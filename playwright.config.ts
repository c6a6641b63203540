import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH, E2E_BASE_URL } from "./tests/support/browser.mjs";
import { E2E_PUSH_ORIGIN, E2E_VAPID } from "./tests/e2e/support/push";

const baseURL = E2E_BASE_URL;
const port = Number(new URL(baseURL).port);
/** The copy of the app without Redis; tests read it from E2E_MEMORY_URL. */
const memoryPort = port + 50;
process.env.E2E_MEMORY_URL = `http://localhost:${memoryPort}`;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    ...devices["Desktop Chrome"],
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium by default (Playwright's browser download is unreachable here); CHROMIUM_PATH=""
      // selects Playwright's own build where it can be installed.
      executablePath: process.env.CHROMIUM_PATH === "" ? undefined : (process.env.CHROMIUM_PATH ?? CHROMIUM_PATH),
      args: CHROMIUM_ARGS,
    },
  },
  webServer: [server(port, "redis"), server(memoryPort, "memory")],
});

/**
 * The built app on a fresh database: with Redis behind the Upstash-compatible endpoint, and a second copy on the
 * quick start's default in-process store (tests/e2e/memory-store.spec.ts), both with the test clock.
 */
function server(at: number, store: "redis" | "memory") {
  const url = `http://localhost:${at}`;
  return {
    command: "node tests/support/e2e-server.mjs",
    url: `${url}/api/health`,
    env: {
      PORT: String(at),
      NEXTAUTH_URL: url,
      E2E_STORE: store,
      // PUT /api/v1/test-clock exists only with this switch; the API tests move players' days with it.
      TEST_CLOCK: "1",
      // Matches CRON_SECRET in tests/e2e/support/api.ts.
      CRON_SECRET: "e2e-cron-secret-0123456789",
      // Match tests/e2e/support/qstash.ts, which signs deliveries the way Upstash QStash does.
      QSTASH_CURRENT_SIGNING_KEY: "sig_e2eCurrentSigningKey0123456789",
      QSTASH_NEXT_SIGNING_KEY: "sig_e2eNextSigningKey0123456789",
      // Web Push to the local push service tests/e2e/reminders.spec.ts runs (tests/e2e/support/push.ts).
      ...E2E_VAPID,
      PUSH_ALLOWED_ORIGINS: E2E_PUSH_ORIGIN,
      // Every test signs up from the same address; the limits themselves are tested with their own settings.
      RATE_LIMITS: JSON.stringify({
        signUpIp: { limit: 10_000, windowSeconds: 60 },
        signInIp: { limit: 10_000, windowSeconds: 60 },
      }),
    },
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
  };
}
