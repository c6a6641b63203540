// Structured logs end to end: a copy of the built app at LOG_LEVEL=debug (its most talkative setting short of
// trace, where the access line carries the request's headers) goes through sign-up, sign-in, a token, API calls
// with the token and the cookie, refusals, and a failing mail (a local SMTP server that refuses the recipient, the
// error text naming the address). Its captured stdout is JSON lines with a request id on each request's lines,
// the ids come back in `x-request-id`, and the password, token, session cookie and email used appear nowhere.
import { writeFileSync } from "node:fs";
import { SMTPServer } from "smtp-server";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { sessionCookie } from "../support/browser.mjs";
import { freePort, startAppServer, type AppServer } from "./support/app-server";
import { bearer, issueToken, signUpBody } from "./support/api";

type Line = Record<string, unknown> & { msg: string; level: string; requestId?: string };

let smtp: SMTPServer;
let app: AppServer;
let api: APIRequestContext;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

test.beforeAll(async ({ playwright }) => {
  const port = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onRcptTo(address, _session, callback) {
      callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected`), { responseCode: 550 }));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(port, "127.0.0.1", resolve));
  app = await startAppServer({
    LOG_LEVEL: "debug",
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: "The System <system@example.com>",
  });
  api = await playwright.request.newContext({ baseURL: app.url });
});
test.afterAll(async () => {
  await api?.dispose();
  await app?.stop();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

test("JSON lines with request ids, and no password, token, cookie or email in them", async ({ page, request }) => {
  const account = signUpBody({ email: `logs-${Date.now()}@example.com`, password: "log-me-never-0123" });
  // With mail configured this copy's sign-up only mails a link, which this SMTP server refuses (logged, the address
  // masked): the account itself is made on the shared e2e server, which has no mail and the same database.
  expect((await api.post("/api/v1/accounts", { data: account })).status()).toBe(202);
  expect((await request.post("/api/v1/accounts", { data: account })).status()).toBe(201);
  const cookie = await sessionCookie(app.url, account.email, account.password);
  const session = /next-auth\.session-token=([^;]+)/.exec(cookie)?.[1];
  // A real next-auth session token (a JWE: five base64url parts), so "appears nowhere" below means something.
  expect(session).toMatch(/^[\w-]+\.[\w-]*\.[\w-]+\.[\w-]+\.[\w-]+$/);
  const { token } = await issueToken(api, account.email, account.password);

  // An API call with the token under a caller's own request id, one with the cookie, one with a forged id.
  const withToken = await api.get("/api/v1/player", { headers: { ...bearer(token), "x-request-id": "e2e-logs.0001" } });
  expect(withToken.status()).toBe(200);
  expect(withToken.headers()["x-request-id"]).toBe("e2e-logs.0001");
  const withCookie = await api.get("/api/v1/player", { headers: { cookie } });
  expect(withCookie.status()).toBe(200);
  const cookieId = withCookie.headers()["x-request-id"]!;
  expect(cookieId).toMatch(UUID);
  const forged = await api.get("/api/v1/player", {
    headers: { ...bearer(token), "x-request-id": `${"x".repeat(120)} {"level":"fatal"}` },
  });
  expect(forged.headers()["x-request-id"]).toMatch(UUID);

  // Refusals: a wrong password for a token, a token that is not one, a body that fails validation.
  const wrong = await api.post("/api/v1/tokens", {
    data: { email: account.email, password: `${account.password}x`, name: "x" },
  });
  expect(wrong.status()).toBe(401);
  expect((await api.get("/api/v1/player", { headers: bearer(`${token}x`) })).status()).toBe(401);
  expect((await api.post("/api/v1/accounts", { data: { ...account, password: "short" } })).status()).toBe(422);

  // A page gets its id from the proxy.
  const pageResponse = await page.goto(`${app.url}/forgot-password`);
  expect(pageResponse?.headers()["x-request-id"]).toMatch(UUID);
  // The error path: the SMTP server refuses the address, and nodemailer's error says which. The reply does not
  // change (a failing mail must not tell an existing account apart): the failure is logged under the action's id.
  await page.getByLabel("Email").fill(account.email);
  const action = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/forgot-password"));
  await page.getByRole("button", { name: "Send reset link" }).click();
  const actionId = (await action).headers()["x-request-id"];
  expect(actionId).toMatch(UUID);
  await expect(page.getByText("If a Hunter uses that email, a reset link is on its way")).toBeVisible();

  await expect.poll(() => app.output()).toContain("A password reset mail was not sent");
  expect(app.output()).toContain("A sign-up mail was not sent");
  const output = app.output();
  // Kept beside the test's results, to read what the server wrote.
  writeFileSync(test.info().outputPath("server-stdout.log"), output);
  for (const [what, secret] of [
    ["password", account.password],
    ["token", token],
    ["session cookie", session!],
    ["email", account.email],
  ] as const) {
    expect(output.includes(secret), `the ${what} appears in the server's output`).toBe(false);
  }

  const lines = output
    .split("\n")
    // The app's lines; Next.js and the launcher (prisma/server.mjs) print a start-up banner of their own.
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Line);
  const requests = lines.filter((line) => line.msg === "request");
  const find = (id: string) => requests.find((line) => line.requestId === id);
  expect(requests.length).toBeGreaterThanOrEqual(9);
  for (const line of requests) expect(line.requestId, JSON.stringify(line)).toEqual(expect.any(String));

  expect(find("e2e-logs.0001")).toMatchObject({
    level: "info",
    method: "GET",
    path: "/api/v1/player",
    status: 200,
    durationMs: expect.any(Number),
    headers: expect.objectContaining({ authorization: "[Redacted]", "x-request-id": "e2e-logs.0001" }),
  });
  expect(find(cookieId)).toMatchObject({ headers: expect.objectContaining({ cookie: "[Redacted]" }) });
  expect(requests.filter((line) => line.path === "/api/auth/callback/credentials")).toEqual([
    expect.objectContaining({ method: "POST", status: 200 }),
  ]);
  expect(requests.filter((line) => line.status === 401).length).toBeGreaterThanOrEqual(2);

  const failure = lines.find((line) => line.msg === "A password reset mail was not sent")!;
  expect(failure).toMatchObject({
    level: "error",
    requestId: actionId,
    err: { message: expect.stringContaining("[email]") },
  });
});
