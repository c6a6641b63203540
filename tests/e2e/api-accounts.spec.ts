// POST /api/v1/accounts, POST /api/v1/tokens, DELETE /api/v1/tokens/{id}, and the browser session as a credential.
import { expect, test } from "@playwright/test";
import {
  client,
  createHunter,
  expectError,
  expectInvalid,
  FROM_THE_APP,
  getPlayer,
  issueToken,
  json,
  MALFORMED,
  OVERSIZED,
  PASSWORD,
  signUpBody,
  snapshot,
} from "./support/api";

test.describe("POST /api/v1/accounts", () => {
  test("creates an account and its Hunter, who can then get a token", async ({ request }) => {
    const account = signUpBody();
    const created = await json<{ player: { id: string; hunterName: string } }>(
      await request.post("/api/v1/accounts", { data: account }),
      201,
    );
    expect(created).toEqual({ player: { id: expect.any(String), hunterName: account.hunterName } });

    // Email is case-insensitive: the token works with the address as typed differently.
    const token = await issueToken(request, account.email.toUpperCase(), account.password);
    const player = await getPlayer(client(request, token));
    expect(player).toMatchObject({ hunterName: account.hunterName, level: 1, xp: 0, timeZone: "UTC", quests: [] });
  });

  const invalid: { name: string; body: (base: ReturnType<typeof signUpBody>) => unknown; paths: string[] }[] = [
    { name: "a short password", body: (b) => ({ ...b, password: "short" }), paths: ["password"] },
    { name: "a malformed email", body: (b) => ({ ...b, email: "not-an-email" }), paths: ["email"] },
    { name: "an unknown time zone", body: (b) => ({ ...b, timeZone: "Mars/Olympus" }), paths: ["timeZone"] },
    { name: "a hunter name with symbols", body: (b) => ({ ...b, hunterName: "<script>" }), paths: ["hunterName"] },
    {
      name: "empty fields",
      body: (b) => ({ ...b, email: "", password: "", hunterName: "", timeZone: "" }),
      paths: ["email", "password", "hunterName", "timeZone"],
    },
    { name: "missing fields", body: () => ({}), paths: ["email", "password", "hunterName", "timeZone"] },
    { name: "an unknown field", body: (b) => ({ ...b, level: 99 }), paths: ['form: Unrecognized key: "level"'] },
    { name: "no object at all", body: () => [], paths: ["form"] },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422 and field issues, writing nothing`, async ({ request }) => {
      const base = signUpBody();
      await expectInvalid(await request.post("/api/v1/accounts", { data: body(base) }), paths);
      // Nothing was written: the would-be account cannot get a token.
      await expectError(
        await request.post("/api/v1/tokens", { data: { email: base.email, password: base.password, name: "probe" } }),
        401,
        "UNAUTHENTICATED",
      );
    });
  }

  test("rejects a taken email or hunter name with 409 and field issues, writing nothing", async ({ request }) => {
    const taken = signUpBody();
    await json(await request.post("/api/v1/accounts", { data: taken }), 201);

    const sameEmail = signUpBody({ email: taken.email.toUpperCase(), password: "another-password-2" });
    const emailError = await expectError(await request.post("/api/v1/accounts", { data: sameEmail }), 409, "CONFLICT");
    expect(emailError.issues).toEqual([{ path: "email", message: expect.any(String) }]);

    const sameName = signUpBody({ hunterName: taken.hunterName.toLowerCase(), password: "another-password-3" });
    const nameError = await expectError(await request.post("/api/v1/accounts", { data: sameName }), 409, "CONFLICT");
    expect(nameError.issues).toEqual([{ path: "hunterName", message: expect.any(String) }]);

    // The first account keeps its password; neither refused sign-up created anything.
    await issueToken(request, taken.email, taken.password);
    for (const refused of [sameEmail, sameName]) {
      await expectError(
        await request.post("/api/v1/tokens", { data: { email: refused.email, password: refused.password, name: "x" } }),
        401,
        "UNAUTHENTICATED",
      );
    }
  });

  test("answers 400 to malformed JSON and 413 to a body over 64 KB, writing nothing", async ({ request }) => {
    const account = signUpBody();
    const text = JSON.stringify(account);
    await expectError(
      await request.post("/api/v1/accounts", {
        data: Buffer.from(text.slice(0, -1)),
        headers: { "Content-Type": "application/json" },
      }),
      400,
      "BAD_REQUEST",
    );
    await expectError(
      await request.post("/api/v1/accounts", { data: { ...account, padding: OVERSIZED } }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
    await expectError(
      await request.post("/api/v1/tokens", { data: { email: account.email, password: PASSWORD, name: "probe" } }),
      401,
      "UNAUTHENTICATED",
    );
    // The same account is still free to create.
    await json(await request.post("/api/v1/accounts", { data: account }), 201);
  });
});

test.describe("POST /api/v1/tokens and DELETE /api/v1/tokens/{id}", () => {
  test("issues a token that authenticates until it is revoked", async ({ request }) => {
    const hunter = await createHunter(request);
    const second = await issueToken(request, hunter.email, hunter.password, "laptop script");
    expect(second).toEqual({
      id: expect.any(String),
      name: "laptop script",
      token: expect.stringMatching(/^sys_[\w-]{40,}$/),
      createdAt: expect.any(String),
      // 90 days by default (tests/integration/tokens.test.ts checks the days).
      expiresAt: expect.any(String),
    });
    expect(second.token).not.toBe(hunter.token);

    const api = client(request, second);
    expect((await getPlayer(api)).hunterName).toBe(hunter.hunterName);
    expect((await api.delete(`/api/v1/tokens/${second.id}`)).status()).toBe(204);
    await expectError(await api.get("/api/v1/player"), 401, "UNAUTHENTICATED");
    // Revoking one token leaves the others working; a revoked token cannot be revoked again.
    const first = client(request, hunter);
    await getPlayer(first);
    await expectError(await first.delete(`/api/v1/tokens/${second.id}`), 404, "NOT_FOUND");
  });

  test("refuses wrong credentials with 401, the same for an unknown email", async ({ request }) => {
    const hunter = await createHunter(request);
    const wrongPassword = await expectError(
      await request.post("/api/v1/tokens", { data: { email: hunter.email, password: "wrong-password-1", name: "x" } }),
      401,
      "UNAUTHENTICATED",
    );
    const unknownEmail = await expectError(
      await request.post("/api/v1/tokens", {
        data: { email: `nobody-${hunter.email}`, password: PASSWORD, name: "x" },
      }),
      401,
      "UNAUTHENTICATED",
    );
    expect(unknownEmail.message).toBe(wrongPassword.message);
  });

  const invalid: { name: string; body: Record<string, unknown>; paths: string[] }[] = [
    { name: "no name", body: { name: undefined }, paths: ["name"] },
    { name: "a blank name", body: { name: "   " }, paths: ["name"] },
    { name: "a long name", body: { name: "n".repeat(51) }, paths: ["name"] },
    { name: "a malformed email", body: { email: "nope" }, paths: ["email"] },
    { name: "an empty password", body: { password: "" }, paths: ["password"] },
    { name: "an unknown field", body: { scopes: ["admin"] }, paths: ['(root): Unrecognized key: "scopes"'] },
  ];
  for (const { name, body, paths } of invalid) {
    test(`rejects ${name} with 422`, async ({ request }) => {
      const hunter = await createHunter(request);
      const data = { email: hunter.email, password: hunter.password, name: "script", ...body };
      await expectInvalid(await request.post("/api/v1/tokens", { data }), paths);
    });
  }

  test("answers 400 to malformed JSON and 413 to an oversized body", async ({ request }) => {
    await expectError(
      await request.post("/api/v1/tokens", { data: MALFORMED, headers: { "Content-Type": "application/json" } }),
      400,
      "BAD_REQUEST",
    );
    await expectError(
      await request.post("/api/v1/tokens", { data: { email: "a@example.com", password: PASSWORD, name: OVERSIZED } }),
      413,
      "PAYLOAD_TOO_LARGE",
    );
  });

  test("another player's token id is a 404 and the token keeps working", async ({ request }) => {
    const owner = await createHunter(request);
    const intruder = await createHunter(request);
    await expectError(await client(request, intruder).delete(`/api/v1/tokens/${owner.tokenId}`), 404, "NOT_FOUND");
    await expectError(await client(request, intruder).delete("/api/v1/tokens/no-such-token"), 404, "NOT_FOUND");
    expect((await getPlayer(client(request, owner))).hunterName).toBe(owner.hunterName);
  });
});

test.describe("the browser session as a credential", () => {
  test("a signed-in browser session calls the API without a token", async ({ request, playwright, baseURL }) => {
    const hunter = await createHunter(request);
    const other = await createHunter(request);
    const browser = await playwright.request.newContext({ baseURL });
    try {
      await expectError(await browser.get("/api/v1/player"), 401, "UNAUTHENTICATED");
      const { csrfToken } = await json<{ csrfToken: string }>(await browser.get("/api/auth/csrf"), 200);
      const signIn = await browser.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: hunter.email, password: hunter.password, json: "true" },
      });
      expect(signIn.ok(), await signIn.text()).toBe(true);
      expect((await browser.storageState()).cookies.map((c) => c.name)).toContain("next-auth.session-token");

      const session = client(browser);
      expect((await getPlayer(session)).hunterName).toBe(hunter.hunterName);
      const { quest } = await json<{ quest: { id: string } }>(
        await session.post(
          "/api/v1/quests",
          { title: "From the browser", kind: "HABIT", difficulty: "EASY", stats: ["AGI"] },
          // A browser's write carries its page's origin; a cookie write without one is refused (csrf.spec.ts).
          FROM_THE_APP,
        ),
        201,
      );
      expect((await snapshot(client(request, hunter))).quests.map((q) => q.id)).toEqual([quest.id]);

      // A bearer token wins over the cookie, and a bad one is refused rather than falling back to the session.
      expect((await getPlayer(client(browser, other))).hunterName).toBe(other.hunterName);
      await expectError(await client(browser, { token: "sys_forged" }).get("/api/v1/player"), 401, "UNAUTHENTICATED");
    } finally {
      await browser.dispose();
    }
  });

  test("a wrong password gives no session", async ({ request, playwright, baseURL }) => {
    const hunter = await createHunter(request);
    const browser = await playwright.request.newContext({ baseURL });
    try {
      const { csrfToken } = await json<{ csrfToken: string }>(await browser.get("/api/auth/csrf"), 200);
      await browser.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: hunter.email, password: "wrong-password-1", json: "true" },
      });
      await expectError(await browser.get("/api/v1/player"), 401, "UNAUTHENTICATED");
    } finally {
      await browser.dispose();
    }
  });
});
