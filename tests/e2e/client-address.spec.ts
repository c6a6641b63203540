// Rate limits per address hold however a client rewrites X-Forwarded-For or X-Real-IP: the server appends the
// socket's address and, with no trusted proxy configured, that is the address the limits count.
import { expect, test } from "@playwright/test";
import { signUpBody, uid } from "./support/api";
import { startAppServer, type AppServer } from "./support/app-server";

let app: AppServer;
test.beforeAll(async () => {
  // The default limits (10 sign-ins a minute, 5 sign-ups an hour per address), unlike the shared e2e server's.
  app = await startAppServer();
});
test.afterAll(async () => app?.stop());

const forged = (i: number) => ({
  "X-Forwarded-For": `203.0.113.${i}, 198.51.100.${i}`,
  "X-Real-IP": `192.0.2.${i}`,
  "X-Vercel-Forwarded-For": `192.0.2.${i}`,
});

test("30 sign-ins from one machine with a new forged address each still meet the 429 after 10", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 1; i <= 30; i++) {
    const response = await request.post(`${app.url}/api/v1/tokens`, {
      // A new email each time: the per-email limit is not what stops them.
      data: { email: `nobody-${uid()}@example.com`, password: "wrong-password-1", name: "x" },
      headers: forged(i),
    });
    statuses.push(response.status());
    if (response.status() === 429) expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
  expect(statuses.slice(10)).toEqual(Array(20).fill(429));
});

test("12 sign-ups from one machine with a new forged address each still meet the 429 after 5", async ({ request }) => {
  const statuses: number[] = [];
  for (let i = 1; i <= 12; i++) {
    const response = await request.post(`${app.url}/api/v1/accounts`, { data: signUpBody(), headers: forged(i) });
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 5)).toEqual(Array(5).fill(201));
  expect(statuses.slice(5)).toEqual(Array(7).fill(429));
});
