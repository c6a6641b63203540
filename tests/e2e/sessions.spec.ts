// Sessions end when the Hunter says so: a copied cookie stops working after sign-out, signing out stays on the host
// the Hunter used, a deleted account's cookie gets the sign-in page, and tokens are listed and revoked in settings.
import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { E2E_BASE_URL } from "../support/browser.mjs";
import { bearer, FROM_THE_APP, issueToken } from "./support/api";
import { signUp } from "./support/hunter";

/** A second browser holding a copy of `context`'s cookies, as a thief who copied them would. */
async function copyOf(browser: Browser, context: BrowserContext): Promise<BrowserContext> {
  return browser.newContext({ storageState: await context.storageState() });
}

test("signing out ends that session on the server: a copy of its cookie no longer works", async ({ page, browser }) => {
  await signUp(page);
  const stolen = await copyOf(browser, page.context());
  expect((await stolen.request.get("/api/v1/player")).status()).toBe(200);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  expect((await stolen.request.get("/api/v1/player")).status()).toBe(401);
  const thief = await stolen.newPage();
  await thief.goto("/dashboard");
  await expect(thief).toHaveURL(/\/sign-in/);
  await stolen.close();
});

test("signing out lands on the sign-in page of the host the Hunter used, not NEXTAUTH_URL's", async ({ page }) => {
  const hunter = await signUp(page);
  // The server's NEXTAUTH_URL says localhost; this Hunter reaches it by address, as a phone on the LAN would.
  const byAddress = new URL(E2E_BASE_URL);
  byAddress.hostname = "127.0.0.1";
  await page.goto(new URL("/sign-in", byAddress).href);
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new URL("/dashboard", byAddress).href);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(new URL("/sign-in", byAddress).href);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await page.goto(new URL("/dashboard", byAddress).href);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/sign-in\?callbackUrl=%2Fdashboard$/);
});

test("a deleted account's cookie gets the sign-in page, not an error", async ({ page, browser }) => {
  await signUp(page);
  const leftover = await copyOf(browser, page.context());
  expect((await page.request.delete("/api/v1/player", { headers: FROM_THE_APP })).status()).toBe(204);

  const old = await leftover.newPage();
  for (const path of ["/dashboard", "/settings", "/sign-in"]) {
    const response = await old.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect(old).toHaveURL(/\/sign-in/);
    await expect(old.getByRole("button", { name: "Sign in" })).toBeVisible();
  }
  expect((await leftover.request.get("/api/v1/player")).status()).toBe(401);
  await leftover.close();
});

test("settings list personal access tokens and revoke them; sign out everywhere can revoke them too", async ({
  page,
  request,
}) => {
  const hunter = await signUp(page);
  const script = await issueToken(request, hunter.email, hunter.password, "backup script");
  const cron = await issueToken(request, hunter.email, hunter.password, "cron job");
  await page.goto("/settings");
  const list = page.getByRole("list", { name: "Personal access tokens" });
  await expect(list).toContainText("backup script");
  await expect(list).toContainText("cron job");
  await expect(list).toContainText(`expires ${script.expiresAt!.slice(0, 10)}`);

  await page.getByRole("button", { name: "Revoke backup script" }).click();
  await expect(page.getByText("[SYSTEM] Token “backup script” revoked.")).toBeVisible();
  await expect(list).not.toContainText("backup script");
  expect((await request.get("/api/v1/player", { headers: bearer(script.token) })).status()).toBe(401);
  expect((await request.get("/api/v1/player", { headers: bearer(cron.token) })).status()).toBe(200);

  await page.reload();
  await expect(page.getByText(/Personal access tokens are separate/)).toBeVisible();
  await page.getByLabel("Also revoke my personal access token").check();
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect((await request.get("/api/v1/player", { headers: bearer(cron.token) })).status()).toBe(401);
});
