// Settings → Hunter and Account: rename, the stat glossary, a Job Change after 30 days (test clock), a new email
// and a new password behind the current one, and a sign-in with them.
import { expect, test } from "@playwright/test";
import { FROM_THE_APP } from "./support/api";
import { signUp } from "./support/hunter";

test.use({ viewport: { width: 390, height: 844 } });

test("a Hunter renames, changes job after 30 days, and changes email and password", async ({ page }) => {
  test.setTimeout(90_000);
  const hunter = await signUp(page);
  expect(
    (await page.request.post("/api/v1/player/job", { headers: FROM_THE_APP, data: { job: "MAGE" } })).status(),
  ).toBe(200);
  await page.goto("/settings");

  const renamed = `${hunter.name.slice(0, 18)} II`;
  await page.getByLabel("Your Hunter's name").fill(renamed);
  await page.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByText(`[SYSTEM] You are now known as ${renamed}.`)).toBeVisible();
  await expect(page.getByRole("term").filter({ hasText: "VIT" })).toContainText("Vitality");
  await expect(page.getByText(/Your job can change again on \d{4}-\d{2}-\d{2}\./)).toBeVisible();

  // Thirty days on, the job may change: Mage → Tank unlocks Second Awakening.
  const later = new Date(Date.now() + 31 * 24 * 3_600_000).toISOString();
  const moved = await page.request.put("/api/v1/test-clock", { headers: FROM_THE_APP, data: { now: later } });
  expect(moved.status()).toBe(200);
  await page.reload();
  await page.getByLabel(/^Tank/).check();
  await page.getByRole("button", { name: "Change job" }).click();
  await expect(page.getByText("[SYSTEM] Job Change complete. You are now a Tank.")).toBeVisible();
  await page.goto("/achievements");
  await expect(page.getByRole("listitem", { name: /^Second Awakening, \w+, unlocked$/ })).toBeVisible();
  await page.goto("/settings");

  // The email: refused with a wrong current password, changed with the right one.
  const email = `moved-${hunter.email}`;
  const account = page.locator("section").filter({ has: page.getByRole("heading", { name: "Account", exact: true }) });
  await account.getByLabel("Email").fill(email);
  await account.getByLabel("Current password").first().fill("not-my-password");
  await account.getByRole("button", { name: "Change email" }).click();
  await expect(account.getByText("That is not your current password")).toBeVisible();
  await account.getByLabel("Current password").first().fill(hunter.password);
  await account.getByRole("button", { name: "Change email" }).click();
  await expect(account.getByText("[SYSTEM] Your sign-in email is changed.")).toBeVisible();
  await page.screenshot({ path: "test-results/settings/account-390x844.png", fullPage: true });

  // The password: every session ends, and the new one signs in.
  const password = "violet-anchor-tundra-42";
  await account.getByLabel("Current password").last().fill(hunter.password);
  await account.getByLabel("New password").fill(password);
  await account.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/sign-in\?passwordChanged=1/);
  await expect(page.getByText("[SYSTEM] Password changed.", { exact: false })).toBeVisible();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByTestId("hunter-name")).toHaveText(renamed);
  await page.request.delete("/api/v1/test-clock", { headers: FROM_THE_APP });
});
