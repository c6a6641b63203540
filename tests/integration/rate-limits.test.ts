import { beforeEach, describe, expect, it } from "vitest";
import { POST as createAccountRoute } from "@/app/api/v1/accounts/route";
import { GET as leaderboardRoute } from "@/app/api/v1/leaderboard/route";
import { POST as createQuestRoute } from "@/app/api/v1/quests/route";
import { POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { makePlayer, makeSignUp } from "@/tests/support/factories";
import { call, randomIp, tokenFor } from "@/tests/support/routes";

// A generous Redis timeout: on a busy machine a limit check slower than the usual 300 ms fails open (and three in a
// row open the circuit breaker), which would let the request past the limit being tested. Read lazily by lib/env.
process.env.REDIS_TIMEOUT_MS = "5000";

async function expectLimited(response: Response, limit: number) {
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(response.headers.get("x-ratelimit-limit")).toBe(String(limit));
  expect(response.headers.get("x-ratelimit-remaining")).toBe("0");
  expect(Number(response.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
  expect(await response.json()).toEqual({ error: { code: "RATE_LIMITED", message: expect.any(String) } });
}

const signIn = (email: string, password: string, ip: string) =>
  call(createTokenRoute, { method: "POST", body: { email, password, name: "script" }, ip });

/**
 * The sliding window counts the previous fixed window (epoch-aligned minutes) weighted by how much of it still
 * overlaps, rounded down: a burst that straddles a minute's edge may count one request less and let one more past.
 * Each test starts its burst with at least 15 s of its minute left (a burst here takes a second or two).
 */
beforeEach(async () => {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 15_000) await new Promise((resolve) => setTimeout(resolve, left + 100));
}, 20_000);

describe("rate limits (the real @upstash/ratelimit against Redis)", () => {
  it("allows 5 sign-ins a minute per email, from any address, then answers 429 and issues no token", async () => {
    const player = await makePlayer();
    for (let i = 0; i < 5; i++) expect((await signIn(player.email, "wrong-password-1", randomIp())).status).toBe(401);
    await expectLimited(await signIn(player.email, "correct-horse-battery", randomIp()), 5);
    expect(await db.apiToken.count({ where: { playerId: player.playerId } })).toBe(0);
  });

  it("allows 10 sign-ins a minute per IP, whatever the emails", async () => {
    const ip = randomIp();
    for (let i = 0; i < 10; i++) expect((await signIn(makeSignUp().email, "whatever-123", ip)).status).toBe(401);
    await expectLimited(await signIn(makeSignUp().email, "whatever-123", ip), 10);
  });

  it("allows 5 account creations an hour per IP; the sixth writes nothing", async () => {
    const ip = randomIp();
    for (let i = 0; i < 5; i++) {
      expect((await call(createAccountRoute, { method: "POST", body: makeSignUp(), ip })).status).toBe(201);
    }
    const sixth = makeSignUp();
    await expectLimited(await call(createAccountRoute, { method: "POST", body: sixth, ip }), 5);
    expect(await db.user.count({ where: { email: sixth.email } })).toBe(0);
  });

  it("counts only sign-ups that pass validation, and says how long to wait", async () => {
    const ip = randomIp();
    for (let i = 0; i < 8; i++) {
      const typo = { ...makeSignUp(), email: "not-an-email" };
      expect((await call(createAccountRoute, { method: "POST", body: typo, ip })).status).toBe(422);
    }
    for (let i = 0; i < 5; i++) {
      expect((await call(createAccountRoute, { method: "POST", body: makeSignUp(), ip })).status).toBe(201);
    }
    const over = await call(createAccountRoute, { method: "POST", body: makeSignUp(), ip });
    expect(over.status).toBe(429);
    expect((await over.json()).error.message).toMatch(/^Too many attempts\. Try again in \d+ (minutes?|hours?)\.$/);
  });

  it("allows 100 API writes a minute per player; the 101st writes nothing", async () => {
    const player = await makePlayer();
    const token = await tokenFor(player);
    const quest = { kind: "HABIT", title: "Drink water", difficulty: "EASY", stats: ["VIT"] };
    for (let i = 0; i < 100; i++) {
      expect((await call(createQuestRoute, { method: "POST", token, body: quest })).status).toBe(201);
    }
    await expectLimited(await call(createQuestRoute, { method: "POST", token, body: quest }), 100);
    expect(await db.quest.count({ where: { playerId: player.playerId } })).toBe(100);
  });

  it("allows 30 leaderboard reads a minute per player", async () => {
    const token = await tokenFor(await makePlayer());
    for (let i = 0; i < 30; i++)
      expect((await call(leaderboardRoute, { token, path: "/?board=all" })).status).toBe(200);
    await expectLimited(await call(leaderboardRoute, { token, path: "/?board=all" }), 30);
  });
});
