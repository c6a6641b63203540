// A page on another port of the same host is another origin but the same site: the browser sends it the signed-in
// Hunter's cookies (SameSite=Lax). It must still not be able to write anything.
import { createServer, type Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../support/browser.mjs";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

const APP = E2E_BASE_URL;
const QUEST = { kind: "HABIT", title: "Forged quest", difficulty: "EASY", stats: ["STR"] };

/** The attacker's page: a simple fetch (no preflight), a JSON fetch (preflighted), and a text/plain form post. */
function attackPage(): string {
  const body = JSON.stringify(QUEST);
  return `<!doctype html><meta charset="utf-8"><title>free gold</title>
<form id="form" method="POST" action="${APP}/api/v1/quests" enctype="text/plain" >
  <input name='${body.slice(0, -1)},"x":"' value='"}'>
</form>
<script>
  const url = ${JSON.stringify(`${APP}/api/v1/quests`)};
  const body = ${JSON.stringify(body)};
  window.attack = async () => {
    const tries = [
      fetch(url, { method: "POST", credentials: "include", headers: { "Content-Type": "text/plain" }, body }),
      fetch(url, { method: "POST", credentials: "include", headers: { "Content-Type": "application/json" }, body }),
      fetch(url, { method: "POST", credentials: "include", mode: "no-cors", body }),
    ];
    // The answers are not the attacker's to read (CORS): the server's state tells whether any got through.
    await Promise.allSettled(tries);
  };
</script>`;
}

let evil: Server;
let evilUrl: string;
test.beforeAll(async () => {
  evil = createServer((_request, response) => {
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(attackPage());
  });
  await new Promise<void>((resolve) => evil.listen(0, "localhost", resolve));
  evilUrl = `http://localhost:${(evil.address() as { port: number }).port}/`;
});
test.afterAll(() => new Promise<void>((resolve) => evil.close(() => resolve())));

async function questTitles(page: Page): Promise<string[]> {
  const { quests } = (await (await page.request.get("/api/v1/quests")).json()) as { quests: { title: string }[] };
  return quests.map((q) => q.title);
}

test("a page on another port cannot create a quest with the signed-in Hunter's cookie", async ({ page }) => {
  await signUp(page);
  const before = await questTitles(page);
  await page.goto(evilUrl);
  await page.evaluate(() => (window as unknown as { attack: () => Promise<void> }).attack());
  // A plain form post navigates: its answer is there to see.
  const [answer] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${APP}/api/v1/quests` && r.request().method() === "POST"),
    page.locator("#form").evaluate((form: HTMLFormElement) => form.submit()),
  ]);
  expect(answer.status()).toBe(403);
  expect(await answer.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });

  await page.goto("/dashboard");
  expect(await questTitles(page)).toEqual(before);
  // The same write from the app's own origin works: the cookie is fine, the origin is what was refused.
  const own = await page.request.post("/api/v1/quests", { headers: FROM_THE_APP, data: QUEST });
  expect(own.status()).toBe(201);
});

test("a Server Action replayed with a foreign Origin and a matching X-Forwarded-Host is refused", async ({ page }) => {
  await signUp(page);
  await page.goto("/settings");
  const action = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.getByLabel("When my day ends").selectOption({ label: "My day ends at 03:00" });
  await page.getByRole("button", { name: "Save settings" }).click();
  const captured = await action;
  await expect(page.getByText("[SYSTEM] Settings saved.")).toBeVisible();
  const dayStart = async () => (await (await page.request.get("/api/v1/player")).json()).dayStartMinute as number;
  expect(await dayStart()).toBe(180);
  expect(
    (await page.request.patch("/api/v1/player", { headers: FROM_THE_APP, data: { dayStartMinute: 0 } })).status(),
  ).toBe(200);

  const replay = (headers: Record<string, string>) =>
    page.request.post(captured.url(), {
      headers: {
        "Next-Action": captured.headers()["next-action"]!,
        "Content-Type": captured.headers()["content-type"]!,
        Accept: "text/x-component",
        ...headers,
      },
      data: captured.postDataBuffer()!,
    });

  const forged = await replay({ Origin: "http://evil.example", "X-Forwarded-Host": "evil.example" });
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
  const sameSite = await replay({ Origin: "http://localhost:1", "X-Forwarded-Host": "localhost:1" });
  expect(sameSite.status()).toBe(403);
  expect(await dayStart()).toBe(0);

  // The same replay from the app's origin goes through: only the origin made the difference.
  expect((await replay({ Origin: APP })).status()).toBe(200);
  expect(await dayStart()).toBe(180);
});

test("a signed-in browser's Server Action skips the proxy, and the action itself refuses another origin", async ({
  page,
}) => {
  await signUp(page);
  await page.goto("/settings");
  const action = page.waitForResponse(
    (r) => r.request().method() === "POST" && Boolean(r.request().headers()["next-action"]),
  );
  await page.getByLabel("When my day ends").selectOption({ label: "My day ends at 03:00" });
  await page.getByRole("button", { name: "Save settings" }).click();
  const answer = await action;
  await expect(page.getByText("[SYSTEM] Settings saved.")).toBeVisible();
  // The proxy puts an id on every answer it sees: a tap from the app's own page goes straight to the action.
  expect((await answer.request().allHeaders())["sec-fetch-site"]).toBe("same-origin");
  expect(answer.headers()["x-request-id"]).toBeUndefined();
  const dayStart = async () => (await (await page.request.get("/api/v1/player")).json()).dayStartMinute as number;
  expect(await dayStart()).toBe(180);
  expect(
    (await page.request.patch("/api/v1/player", { headers: FROM_THE_APP, data: { dayStartMinute: 0 } })).status(),
  ).toBe(200);

  // A client that writes the browser's header itself gets past the proxy: the action checks the origin.
  const captured = answer.request();
  const replay = (origin: string, forwardedHost?: string) =>
    page.request.post(captured.url(), {
      headers: {
        "Next-Action": captured.headers()["next-action"]!,
        "Content-Type": captured.headers()["content-type"]!,
        Accept: "text/x-component",
        "Sec-Fetch-Site": "same-origin",
        Origin: origin,
        ...(forwardedHost && { "X-Forwarded-Host": forwardedHost }),
      },
      data: captured.postDataBuffer()!,
    });
  const forged = await replay("http://evil.example", "evil.example");
  expect(forged.headers()["x-request-id"]).toBeUndefined();
  const refusal = await forged.text();
  expect(refusal).toContain('"ok":false');
  expect(refusal).toContain("Cross-site requests are refused");
  expect(await dayStart()).toBe(0);

  const own = await replay(APP);
  expect(await own.text()).toContain('"ok":true');
  expect(await dayStart()).toBe(180);
});
