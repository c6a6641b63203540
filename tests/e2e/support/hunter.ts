import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export type Hunter = { email: string; password: string; name: string };

export function newHunter(): Hunter {
  const id = randomBytes(3).toString("hex");
  return { email: `e2e-${id}@example.com`, password: "e2e-password-123", name: `E2E Hunter ${id}` };
}

/** Signs a new Hunter up through the form; they land on the Awakening, and this goes on to the dashboard. */
export async function signUp(page: Page, hunter: Hunter = newHunter()): Promise<Hunter> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(hunter.email);
  await page.getByLabel("Password").fill(hunter.password);
  await page.getByLabel("Hunter name").fill(hunter.name);
  await page.getByRole("button", { name: "Awaken" }).click();
  // Sign-up hashes the password (argon2id), then signs in: past 5 s on a loaded 2-core machine.
  await expect(page).toHaveURL(/\/awakening$/, { timeout: 15_000 });
  await page.goto("/dashboard");
  return hunter;
}
