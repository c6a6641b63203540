import { describe, expect, it } from "vitest";
import { GET as listTokensRoute, DELETE as revokeAllRoute, POST as createTokenRoute } from "@/app/api/v1/tokens/route";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { db } from "@/lib/db";
import { hashToken } from "@/lib/secrets";
import { markTokenUsed } from "@/lib/tokens/service";
import { makePlayer } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

const DAY = 86_400_000;

async function issue(email: string, extra: Record<string, unknown> = {}) {
  const response = await call(createTokenRoute, {
    method: "POST",
    body: { email, password: "correct-horse-battery", name: "script", ...extra },
  });
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; token: string; expiresAt: string | null };
}

describe("personal access tokens", () => {
  it("expire after 90 days by default, after the days asked for, or never when asked", async () => {
    const player = await makePlayer();
    const standard = await issue(player.email);
    expect(Date.parse(standard.expiresAt!) - Date.now()).toBeGreaterThan(89.9 * DAY);
    expect(Date.parse(standard.expiresAt!) - Date.now()).toBeLessThanOrEqual(90 * DAY);
    const week = await issue(player.email, { expiresInDays: 7 });
    expect(Date.parse(week.expiresAt!) - Date.now()).toBeLessThanOrEqual(7 * DAY);
    expect((await issue(player.email, { expiresInDays: null })).expiresAt).toBeNull();
    const refused = await call(createTokenRoute, {
      method: "POST",
      body: { email: player.email, password: "correct-horse-battery", name: "x", expiresInDays: 0 },
    });
    expect(refused.status).toBe(422);
  });

  it("stop working once expired", async () => {
    const player = await makePlayer();
    const { id, token } = await issue(player.email);
    expect((await call(playerRoute, { token })).status).toBe(200);
    await db.apiToken.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await call(playerRoute, { token });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
  });

  it("record lastUsedAt on use, at most once a minute", async () => {
    const player = await makePlayer();
    const { id, token } = await issue(player.email);
    let writes = 0;
    const count = (event: { query: string }) => {
      if (event.query.startsWith("UPDATE") && event.query.includes('"ApiToken"')) writes += 1;
    };
    db.$on("query", count);
    for (let i = 0; i < 5; i++) expect((await call(playerRoute, { token })).status).toBe(200);
    const first = (await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt;
    expect(first).not.toBeNull();
    expect(writes).toBe(1);
    // A minute on, the next use writes again.
    const row = { id, lastUsedAt: new Date(first!.getTime()) };
    await markTokenUsed(row, new Date(first!.getTime() + 30_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(first);
    await markTokenUsed(row, new Date(first!.getTime() + 61_000));
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(
      new Date(first!.getTime() + 61_000),
    );
    expect(writes).toBe(2);
  });

  it("are listed without their secret and revoked all at once with DELETE /api/v1/tokens", async () => {
    const player = await makePlayer();
    const token = await tokenFor(player);
    const other = await issue(player.email, { name: "cron job" });
    const stranger = await tokenFor(await makePlayer());

    const listed = (await (await call(listTokensRoute, { token })).json()) as { tokens: Record<string, unknown>[] };
    expect(listed.tokens.map((t) => t.id).sort()).toEqual([other.id, expect.any(String)].sort());
    for (const t of listed.tokens) {
      expect(Object.keys(t).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name"]);
    }
    expect(JSON.stringify(listed)).not.toContain(other.token);
    expect(await db.apiToken.count({ where: { tokenHash: hashToken(other.token) } })).toBe(1);

    const revoked = await call(revokeAllRoute, { method: "DELETE", token });
    expect(await revoked.json()).toEqual({ revoked: 2 });
    expect((await call(playerRoute, { token })).status).toBe(401);
    expect((await call(playerRoute, { token: other.token })).status).toBe(401);
    // Another player's tokens are untouched.
    expect((await call(playerRoute, { token: stranger })).status).toBe(200);
  });
});
