import { expect, test } from "@playwright/test";
import { newHunter } from "./support/hunter";

test("the sign-in form stops guessing after 5 tries a minute for one email, and says so", async ({ page }) => {
  // Created through the API: the sign-up form signs in once, which would already count against this email.
  const hunter = newHunter();
  const created = await page.request.post("/api/v1/accounts", {
    data: { email: hunter.email, password: hunter.password, hunterName: hunter.name, timeZone: "UTC" },
  });
  expect(created.status()).toBe(201);
  await page.goto("/sign-in");
  // The limit's sliding window rounds the previous (epoch-aligned) minute down: attempts that straddle a minute's
  // edge may count one less and let the sixth through. Start with at least 20 s of the minute left.
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 20_000) await page.waitForTimeout(left + 100);

  await page.getByLabel("Email").fill(hunter.email);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Password").fill(`wrong-guess-${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("Email or password is incorrect");
  }
  // Even the right password waits: the limit counts attempts, not failures.
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText("Too many sign-in attempts. Wait a minute and try again.");
  await expect(page).toHaveURL(/\/sign-in/);
});
