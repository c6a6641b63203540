import { expect, test, type APIResponse } from "@playwright/test";
import { signUp } from "./support/hunter";

/** Width and height from a PNG's IHDR chunk, after checking the PNG signature. */
async function pngSize(response: APIResponse): Promise<{ width: number; height: number }> {
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("image/png");
  const bytes = await response.body();
  expect(bytes.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test("the manifest describes an installable app with real PNG icons and a shortcut to today's quests", async ({
  request,
}) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  const manifest = await response.json();
  expect(manifest).toMatchObject({
    name: "The System",
    short_name: "The System",
    start_url: "/dashboard",
    display: "standalone",
    background_color: "#020617",
    theme_color: "#020617",
    shortcuts: [expect.objectContaining({ name: "Today's quests", url: "/dashboard" })],
  });
  expect(manifest.description).toEqual(expect.any(String));
  const icons = manifest.icons as { src: string; sizes: string; type: string; purpose: string }[];
  expect(icons.map(({ sizes, purpose }) => `${sizes} ${purpose}`)).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of icons) {
    const [width, height] = icon.sizes.split("x").map(Number);
    expect(await pngSize(await request.get(icon.src))).toEqual({ width, height });
  }

  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toBe("image/x-icon");
  expect((await favicon.body()).subarray(0, 4).toString("hex")).toBe("00000100");
});

test("Chromium reports the app installable once its service worker is running", async ({ page, context }) => {
  await signUp(page);
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toMatch(/^http:\/\/localhost:\d+\/$/);
  // Reached by client-side navigation after sign-up, the dashboard is still kept for offline use.
  await expect
    .poll(() => page.evaluate(async () => (await caches.match("/dashboard", { ignoreVary: true })) !== undefined))
    .toBe(true);

  const cdp = await context.newCDPSession(page);
  // The manifest and the worker are checked asynchronously; ask until Chromium has looked at both.
  await expect
    .poll(
      async () => {
        const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
        // Playwright's contexts are incognito-like; that says nothing about the app.
        return installabilityErrors.filter((error) => error.errorId !== "in-incognito").map((error) => error.errorId);
      },
      { timeout: 15_000 },
    )
    .toEqual([]);
  const { url, errors } = await cdp.send("Page.getAppManifest");
  expect(url).toMatch(/\/manifest\.webmanifest$/);
  expect(errors).toEqual([]);
});
