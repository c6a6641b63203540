// The same build with its database out of reach (a port nothing listens on): the API answers 503 with
// Retry-After in the error shape, pages show a System message instead of a stack.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { freePort, startAppServer, type AppServer } from "./support/app-server";
import { bearer, createHunter, signUpBody, type Hunter } from "./support/api";
import { E2E_BASE_URL, sessionCookie } from "../support/browser.mjs";

let app: AppServer;
let hunter: Hunter;
let cookie: string;
// The shared server's secret (prisma/start.mjs keeps a generated one there), so its session cookies work here too.
const SECRET = process.env.NEXTAUTH_SECRET ?? readFileSync(".data/auth-secret", "utf8").trim();

test.beforeAll(async ({ request }) => {
  // A Hunter and a session made on the shared server (whose database is up), used against the one whose is not.
  hunter = await createHunter(request);
  const closed = await freePort();
  app = await startAppServer({
    DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/gone`,
    NEXTAUTH_SECRET: SECRET,
  });
  cookie = await sessionCookie(E2E_BASE_URL, hunter.email, hunter.password);
});
test.afterAll(async () => app?.stop());

const BODIES: Record<string, unknown> = {
  "/api/v1/quests": { kind: "HABIT", title: "Drink water", difficulty: "EASY", stats: ["VIT"] },
  "/api/v1/tokens": {
    get email() {
      return hunter.email;
    },
    get password() {
      return hunter.password;
    },
    name: "x",
  },
  "/api/v1/accounts": signUpBody(),
};

test("API routes answer 503 with Retry-After, in the error shape", async ({ request }) => {
  for (const [method, path] of [
    ["GET", "/api/v1/player"],
    ["GET", "/api/v1/quests"],
    ["POST", "/api/v1/quests"],
    ["POST", "/api/v1/tokens"],
    ["POST", "/api/v1/accounts"],
  ] as const) {
    const response = await request.fetch(`${app.url}${path}`, {
      method,
      headers: bearer(hunter.token),
      data: BODIES[path],
    });
    expect(response.status(), `${method} ${path}`).toBe(503);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    const { error } = (await response.json()) as { error: { code: string; message: string } };
    expect(error).toEqual({ code: "UNAVAILABLE", message: expect.stringContaining("[SYSTEM]") });
  }
  expect((await request.get(`${app.url}/api/health`)).status()).toBe(503);
});

test("a signed-in page shows a System message, not a stack", async ({ browser }) => {
  // The session cookie of the shared server: both sign with the same secret.
  const context = await browser.newContext();
  const [name, value] = cookie
    .split("; ")
    .find((c) => c.startsWith("next-auth.session-token="))!
    .split("=", 2);
  await context.addCookies([{ name: name!, value: value!, url: app.url }]);
  const page = await context.newPage();
  await page.goto(`${app.url}/dashboard`);
  await expect(page.getByText("[SYSTEM] The System cannot reach its records right now")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(/at .*\.js:\d+|ECONNREFUSED|Prisma/);
  await context.close();
});
