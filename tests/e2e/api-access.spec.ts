// Who may call what: every authenticated /api/v1 route refuses anonymous and forged callers with 401, and another
// player's resource is a 404 that leaves it exactly as it was.
import { expect, test, type APIRequestContext } from "@playwright/test";
import {
  addDays,
  checkIn,
  client,
  createHunter,
  createQuest,
  expectError,
  getHistory,
  getPlayer,
  issueToken,
  json,
  snapshot,
  type Client,
  type Hunter,
} from "./support/api";

/** An owner with one quest checked in today: every id-bearing route has something real to aim at. */
async function ownerWithData(request: APIRequestContext) {
  const owner = await createHunter(request);
  const api = client(request, owner);
  const quest = await createQuest(api);
  const { checkIn: done } = await checkIn(api, quest.id);
  const today = (await getPlayer(api)).today;
  return { owner, api, quest, checkInId: done.id, today };
}

type Owned = Awaited<ReturnType<typeof ownerWithData>>;
type Route = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: (o: Owned) => unknown;
  /** The owner's success status. */
  ok: number;
  /** The body names the owner's resource (a path without an id can still aim at another player's quest). */
  namesOwned?: true;
};

/** The path with {quest}, {checkIn}, {token} and {today} filled in from the owner's data. */
const urlOf = (route: Route, o: Owned) =>
  route.path
    .replace("{quest}", o.quest.id)
    .replace("{checkIn}", o.checkInId)
    .replace("{token}", o.owner.tokenId)
    .replaceAll("{today}", o.today);

const send = (api: Client, route: Route, o: Owned) =>
  api[route.method.toLowerCase() as Lowercase<Route["method"]>](urlOf(route, o), route.body?.(o));

const label = (route: Route) => `${route.method} ${route.path}`;

/** Every /api/v1 route that needs a caller, each with a request that would succeed for its owner. */
const AUTHENTICATED_ROUTES: Route[] = [
  { method: "GET", path: "/api/v1/player", ok: 200 },
  { method: "PATCH", path: "/api/v1/player", body: () => ({ timeZone: "Asia/Tokyo" }), ok: 200 },
  { method: "POST", path: "/api/v1/player/stat-points", body: () => ({ STR: 1 }), ok: 200 },
  { method: "POST", path: "/api/v1/player/job", body: () => ({ job: "TANK" }), ok: 200 },
  { method: "POST", path: "/api/v1/player/confirm-yesterday", ok: 200 },
  {
    method: "POST",
    path: "/api/v1/rest-periods",
    body: (o) => ({ startDay: addDays(o.today, 2), endDay: addDays(o.today, 3) }),
    ok: 201,
  },
  { method: "GET", path: "/api/v1/quests", ok: 200 },
  {
    method: "POST",
    path: "/api/v1/quests",
    body: () => ({ title: "Sneaky", kind: "HABIT", difficulty: "EASY", stats: ["STR"] }),
    ok: 201,
  },
  { method: "PUT", path: "/api/v1/quests/order", body: (o) => ({ ids: [o.quest.id] }), ok: 204, namesOwned: true },
  { method: "POST", path: "/api/v1/quests/{quest}/restore", ok: 200 },
  { method: "GET", path: "/api/v1/quests/{quest}", ok: 200 },
  { method: "PATCH", path: "/api/v1/quests/{quest}", body: () => ({ title: "Hijacked" }), ok: 200 },
  { method: "DELETE", path: "/api/v1/quests/{quest}", ok: 200 },
  { method: "POST", path: "/api/v1/quests/{quest}/check-ins", body: () => ({ idempotencyKey: "intruder-1" }), ok: 201 },
  { method: "GET", path: "/api/v1/quests/{quest}/strength?from={today}&to={today}", ok: 200 },
  { method: "DELETE", path: "/api/v1/check-ins/{checkIn}", ok: 200 },
  { method: "GET", path: "/api/v1/history?from={today}&to={today}", ok: 200 },
  { method: "GET", path: "/api/v1/export", ok: 200 },
  { method: "GET", path: "/api/v1/export?format=csv", ok: 200 },
  { method: "DELETE", path: "/api/v1/tokens/{token}", ok: 204 },
  { method: "GET", path: "/api/v1/tokens", ok: 200 },
  { method: "PUT", path: "/api/v1/test-clock", body: (o) => ({ now: `${addDays(o.today, 2)}T12:00:00Z` }), ok: 200 },
  { method: "DELETE", path: "/api/v1/test-clock", ok: 204 },
  { method: "GET", path: "/api/v1/leaderboard", ok: 200 },
  { method: "DELETE", path: "/api/v1/tokens", ok: 200 },
  { method: "DELETE", path: "/api/v1/player", ok: 204 },
];

test.describe("anonymous and forged callers get 401", () => {
  for (const route of AUTHENTICATED_ROUTES) {
    test(label(route), async ({ request }) => {
      const owned = await ownerWithData(request);
      const revoked = await issueToken(request, owned.owner.email, owned.owner.password, "to revoke");
      expect((await owned.api.delete(`/api/v1/tokens/${revoked.id}`)).status()).toBe(204);
      const before = await snapshot(owned.api);

      const callers: [string, Client][] = [
        ["no credentials", client(request)],
        ["a forged token", client(request, { token: "sys_forged-token-that-was-never-issued" })],
        ["a revoked token", client(request, revoked)],
        ["an empty bearer", client(request, { token: "" })],
      ];
      for (const [who, api] of callers) {
        await test.step(who, async () => expectError(await send(api, route, owned), 401, "UNAUTHENTICATED"));
      }
      const basic = await request.fetch(urlOf(route, owned), {
        method: route.method,
        headers: {
          Authorization: `Basic ${Buffer.from(`${owned.owner.email}:${owned.owner.password}`).toString("base64")}`,
        },
        data: route.body?.(owned),
      });
      await expectError(basic, 401, "UNAUTHENTICATED");

      expect(await snapshot(owned.api)).toEqual(before);
      // The same request with the owner's bearer token succeeds.
      const own = await send(owned.api, route, owned);
      expect(own.status(), await own.text()).toBe(route.ok);
    });
  }
});

/** Routes that name another player's resource, and what the owner should still see afterwards. */
const FOREIGN_ROUTES = AUTHENTICATED_ROUTES.filter(
  (route) => /\{(quest|checkIn|token)\}/.test(route.path) || route.namesOwned,
);

test.describe("another player's resource is a 404 and stays unchanged", () => {
  for (const route of FOREIGN_ROUTES) {
    test(label(route), async ({ request }) => {
      const owned = await ownerWithData(request);
      const intruder: Hunter = await createHunter(request);
      const before = await snapshot(owned.api);
      const intruderBefore = await snapshot(client(request, intruder));

      const error = await expectError(await send(client(request, intruder), route, owned), 404, "NOT_FOUND");
      expect(error.issues).toBeUndefined();

      expect(await snapshot(owned.api)).toEqual(before);
      expect(await snapshot(client(request, intruder))).toEqual(intruderBefore);
      // The 404 is about ownership: the owner's same request succeeds.
      const own = await send(owned.api, route, owned);
      expect(own.status(), await own.text()).toBe(route.ok);
    });
  }

  test("collection routes show and change only the caller's own data", async ({ request }) => {
    const owned = await ownerWithData(request);
    const intruder = client(request, await createHunter(request));
    const before = await snapshot(owned.api);

    expect(await json(await intruder.get("/api/v1/quests?archived=true"), 200)).toEqual({ quests: [] });
    const history = await getHistory(intruder, addDays(owned.today, -1), addDays(owned.today, 1));
    expect(history).toEqual([]);
    // Every write the intruder may make (the stat points are refused: level 1 has none to spend).
    const writes = AUTHENTICATED_ROUTES.filter(
      (r) => !FOREIGN_ROUTES.includes(r) && r.method !== "GET" && r.method !== "DELETE",
    );
    for (const route of writes) {
      const response = await send(intruder, route, owned);
      const expected = route.path.endsWith("stat-points") ? 409 : route.ok;
      expect(response.status(), `${label(route)}: ${await response.text()}`).toBe(expected);
    }

    // The intruder moved, renamed, awakened and rested only themselves.
    expect(await snapshot(owned.api)).toEqual(before);
    const moved = await getPlayer(intruder);
    expect(moved).toMatchObject({ timeZone: "Asia/Tokyo", job: "TANK" });
    expect(moved.today > owned.today).toBe(true);

    // Deleting an account deletes the caller's only.
    expect((await intruder.delete("/api/v1/player")).status()).toBe(204);
    await expectError(await intruder.get("/api/v1/player"), 401, "UNAUTHENTICATED");
    expect(await snapshot(owned.api)).toEqual(before);
  });
});
