import { expect, test } from "@playwright/test";
import { signUp } from "./support/hunter";

test("the sign-in form stops guessing after 5 tries a minute for one email, and says so", async ({ page }) => {
  const hunter = await signUp(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

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
