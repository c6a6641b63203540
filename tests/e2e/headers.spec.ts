// Security headers on every screen: a Content-Security-Policy that the app itself never violates (no
// securitypolicyviolation event, no console error), no framing, no caching of personal API answers.
import { existsSync, readFileSync } from "node:fs";
import { get } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { PRERENDERED_PAGES, WASM_PAGES } from "../../lib/security/csp";
import { bearer, createHunter, FROM_THE_APP } from "./support/api";
import { startAppServer } from "./support/app-server";
import { signUp } from "./support/hunter";

/** Records CSP violations from the first script on, and console errors. */
async function watch(page: Page) {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener("securitypolicyviolation", (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
  return errors;
}

const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

function directives(policy: string | undefined): Map<string, string> {
  return new Map((policy ?? "").split("; ").map((d) => [d.split(" ")[0]!, d.slice(d.indexOf(" ") + 1)]));
}

async function visit(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBeLessThan(400);
  await page.waitForLoadState("load");
  // Hydration and the first effects run their scripts after load.
  await page.waitForTimeout(300);
  const policy = directives(response?.headers()["content-security-policy"]);
  expect(policy.get("frame-ancestors"), path).toBe("'none'");
  expect(policy.get("object-src"), path).toBe("'none'");
  expect(policy.get("form-action"), path).toBe("'self'");
  const { pathname } = new URL(page.url());
  const wasm = WASM_PAGES.has(pathname) ? " 'wasm-unsafe-eval'" : "";
  expect(policy.get("script-src"), path).toMatch(
    PRERENDERED_PAGES.has(pathname)
      ? /^'self' 'unsafe-inline'$/
      : new RegExp(`^'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'${wasm}$`),
  );
  expect(await violations(page), path).toEqual([]);
}

test("every screen has a CSP it never violates, and logs no console error", async ({ page }) => {
  test.setTimeout(90_000);
  const errors = await watch(page);
  for (const path of [
    "/",
    "/sign-in",
    "/sign-up",
    "/sign-up/confirm?token=x",
    "/forgot-password",
    "/reset-password?token=x",
  ])
    await visit(page, path);
  await signUp(page);
  await visit(page, "/awakening");
  await page.request.post("/api/v1/player/job", { headers: FROM_THE_APP, data: { job: "MAGE" } });
  const { quests } = (await (await page.request.get("/api/v1/quests")).json()) as { quests: { id: string }[] };
  const quest = quests[0]!.id;
  const screens = [
    "/dashboard",
    "/quests",
    "/quests/new",
    `/quests/${quest}`,
    `/quests/${quest}/edit`,
    "/history",
    "/report",
    "/shop",
    "/more",
  ];
  const mine = ["/settings/import", "/stats", `/stats/quests/${quest}`];
  for (const path of [...screens, ...mine, "/achievements", "/leaderboard", "/settings"]) await visit(page, path);
  // Interactions that run scripts too: a check-in from the dashboard, the settings form.
  await page.goto("/dashboard");
  await page
    .getByRole("button", { name: /^Check in/ })
    .first()
    .click();
  await page.goto("/settings");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("[SYSTEM] Settings saved.")).toBeVisible();
  expect(await violations(page)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the prerendered pages listed for the static policy are exactly the ones next build prerendered", () => {
  const manifest = JSON.parse(readFileSync(".next/prerender-manifest.json", "utf8")) as {
    routes: Record<string, unknown>;
  };
  const pages = Object.keys(manifest.routes).filter(
    (route) => !route.startsWith("/_") && existsSync(`.next/server/app${route === "/" ? "/index" : route}.html`),
  );
  expect(pages.sort()).toEqual([...PRERENDERED_PAGES].sort());
});

test("personal API answers are never cached, errors included", async ({ request }) => {
  const hunter = await createHunter(request);
  for (const path of ["/api/v1/player", "/api/v1/quests", "/api/v1/tokens", "/api/v1/nope"]) {
    const response = await request.get(path, { headers: bearer(hunter.token) });
    expect(response.headers()["cache-control"], path).toBe("no-store");
  }
  expect((await request.get("/api/v1/player")).headers()["cache-control"]).toBe("no-store");
});

test("HSTS is sent when the app is served over HTTPS, and not over plain HTTP", async ({ request }) => {
  expect((await request.get("/sign-in")).headers()["strict-transport-security"]).toBeUndefined();
  const https = await startAppServer({ NEXTAUTH_URL: "https://thesystem.example" });
  try {
    const response = await request.get(`${https.url}/sign-in`);
    expect(response.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    expect(directives(response.headers()["content-security-policy"]).has("upgrade-insecure-requests")).toBe(true);
  } finally {
    await https.stop();
  }
});

test("the server keeps an idle connection open longer than a load balancer's 60 s", async ({ baseURL }) => {
  // Node's 5 s default closed connections that clients and proxies still meant to reuse (ECONNRESET, a 502).
  const keepAlive = await new Promise<string>((resolve, reject) => {
    get(`${baseURL}/api/health`, { headers: { connection: "keep-alive" } }, (response) => {
      response.resume();
      resolve(String(response.headers["keep-alive"]));
    }).on("error", reject);
  });
  expect(keepAlive).toBe("timeout=65");
});
