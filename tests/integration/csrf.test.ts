// Cookie-authenticated writes come from the app's own pages or not at all; Bearer calls are not cookies.
import { beforeEach, describe, expect, it } from "vitest";
import { POST as createQuest } from "@/app/api/v1/quests/route";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { makePlayer } from "@/tests/support/factories";
import { sessionCookie, tokenFor, type BrowserSession } from "@/tests/support/routes";

/** The session the browser's cookie carries (a real next-auth JWT), or none. */
const session = { current: null as null | BrowserSession };

const APP = "http://localhost:3000";
const quest = { kind: "HABIT", title: "Drink water", difficulty: "EASY", stats: ["VIT"] };

async function post(headers: Record<string, string>, body = JSON.stringify(quest)) {
  const cookie: Record<string, string> = session.current ? { cookie: await sessionCookie(session.current) } : {};
  return createQuest(
    new Request(`${APP}/api/v1/quests`, { method: "POST", headers: { ...headers, ...cookie }, body }),
    {
      params: Promise.resolve({}),
    },
  );
}

describe("a signed-in browser's write", () => {
  let playerId: string;
  beforeEach(async () => {
    const player = await makePlayer();
    playerId = player.playerId;
    session.current = { user: { id: player.userId }, sid: await startSession(player.userId, new Date()) };
  });

  it("is accepted from the app's origin as JSON", async () => {
    expect((await post({ origin: APP, "content-type": "application/json" })).status).toBe(201);
    expect((await post({ "sec-fetch-site": "same-origin", "content-type": "application/json" })).status).toBe(201);
  });

  it.each([
    ["another origin", { origin: "http://localhost:3001", "content-type": "application/json" }, 403],
    [
      "another origin claiming our host",
      { origin: "http://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/json" },
      403,
    ],
    ["no origin at all", { "content-type": "application/json" }, 403],
    ["a cross-site fetch", { "sec-fetch-site": "same-site", "content-type": "application/json" }, 403],
    ["a text/plain body (a form or simple fetch)", { origin: APP, "content-type": "text/plain" }, 415],
    ["a form post", { origin: APP, "content-type": "application/x-www-form-urlencoded" }, 415],
  ])("is refused from %s, writing nothing", async (_name, headers, status) => {
    const response = await post(headers);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({
      error: { code: status === 403 ? "FORBIDDEN" : "UNSUPPORTED_MEDIA_TYPE", message: expect.any(String) },
    });
    expect(await db.quest.count({ where: { playerId } })).toBe(0);
  });
});

it("a Bearer call needs neither an Origin nor a session", async () => {
  session.current = null;
  const token = await tokenFor(await makePlayer());
  const response = await post({ authorization: `Bearer ${token}`, "content-type": "application/json" });
  expect(response.status).toBe(201);
});
