import { expect, test } from "@playwright/test";
import { newHunter } from "./support/hunter";

test("a new Hunter signs up, signs out and signs back in", async ({ page }) => {
  const hunter = newHunter();

  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fdashboard/);

  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill("too-short");
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();
  await expect(page.getByText("Password must be at least 10 characters")).toBeVisible();
  await expect(page.getByLabel("Hunter name")).toHaveValue(hunter.name);

  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Awaken" }).click();
  // A new Hunter meets the Awakening first; the dashboard is there too, inviting them to it.
  await expect(page).toHaveURL(/\/awakening$/);
  await page.goto("/dashboard");
  await expect(page.getByTestId("hunter-name")).toHaveText(hunter.name);
  await expect(page.getByRole("link", { name: "Awaken" })).toBeVisible();
  await page.screenshot({ path: "test-results/dashboard.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect")).toBeVisible();

  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("hunter-name")).toHaveText(hunter.name);
});

test("the health endpoint reports a usable database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ database: "ok" });
});
