// fast-check drives every /api/v1 route with arbitrary JSON bodies, ids and query strings: whatever it sends, the
// answer is never a 500, and every error is the one shape.
import fc from "fast-check";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { bearer, createHunter, createQuest, client, checkIn, type Hunter } from "./support/api";

type Target = { method: string; path: string };

/** Every route a caller can reach, {id} standing for a quest, check-in or token id (real or arbitrary). */
const ROUTES: Target[] = [
  { method: "POST", path: "/api/v1/accounts" },
  { method: "POST", path: "/api/v1/tokens" },
  { method: "GET", path: "/api/v1/tokens" },
  { method: "DELETE", path: "/api/v1/tokens/{id}" },
  { method: "GET", path: "/api/v1/player" },
  { method: "PATCH", path: "/api/v1/player" },
  { method: "POST", path: "/api/v1/player/stat-points" },
  { method: "POST", path: "/api/v1/player/job" },
  { method: "POST", path: "/api/v1/player/confirm-yesterday" },
  { method: "POST", path: "/api/v1/rest-periods" },
  { method: "DELETE", path: "/api/v1/rest-periods/{id}" },
  { method: "GET", path: "/api/v1/quests" },
  { method: "POST", path: "/api/v1/quests" },
  { method: "PUT", path: "/api/v1/quests/order" },
  { method: "POST", path: "/api/v1/quests/{id}/restore" },
  { method: "GET", path: "/api/v1/quests/{id}" },
  { method: "PATCH", path: "/api/v1/quests/{id}" },
  { method: "DELETE", path: "/api/v1/quests/{id}" },
  { method: "POST", path: "/api/v1/quests/{id}/check-ins" },
  { method: "GET", path: "/api/v1/quests/{id}/strength" },
  { method: "PATCH", path: "/api/v1/quests/{id}/checklist/0" },
  { method: "PATCH", path: "/api/v1/quests/{id}/checklist/{id}" },
  { method: "DELETE", path: "/api/v1/check-ins/{id}" },
  { method: "PATCH", path: "/api/v1/check-ins/{id}" },
  { method: "GET", path: "/api/v1/imports" },
  { method: "POST", path: "/api/v1/imports" },
  { method: "POST", path: "/api/v1/imports/{id}/chunks" },
  { method: "POST", path: "/api/v1/imports/{id}/commit" },
  { method: "DELETE", path: "/api/v1/imports/{id}" },
  { method: "GET", path: "/api/v1/history" },
  { method: "GET", path: "/api/v1/export" },
  { method: "GET", path: "/api/v1/leaderboard" },
  { method: "POST", path: "/api/v1/quests/draft" },
  { method: "GET", path: "/api/v1/insights/report" },
  { method: "GET", path: "/api/v1/insights/at-risk" },
  { method: "GET", path: "/api/v1/insights/suggestions" },
  { method: "PUT", path: "/api/v1/test-clock" },
  { method: "GET", path: "/api/v1/{id}" },
];

/** Field names the schemas know, so arbitrary values reach past "unknown key" into each field's own checks. */
const KEYS = [
  ...["title", "notes", "kind", "difficulty", "stats", "schedule", "timesPerDay", "target", "checklist"],
  ...["reminderTime", "dueDate", "positive", "archived", "idempotencyKey", "happenedAt", "value", "job"],
  ...["timeZone", "dayStartMinute", "leaderboardOptOut", "startDay", "endDay", "email", "password", "name"],
  ...["hunterName", "expiresInDays", "STR", "AGI", "now", "type", "days", "every", "times", "unit", "text"],
  ...["done", "amount", "ids", "week", "aiOptIn"],
  ...["done", "amount", "ids", "note", "id", "source", "fileName", "report", "quests", "checkIns", "skips", "ref"],
  ...["quest", "day", "index", "at", "historyFrom"],
];
const QUERY_KEYS = ["from", "to", "format", "board", "limit", "archived", "cursor", "batchSize"];

const body = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 }),
  fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
);

async function freshHunter(request: APIRequestContext) {
  const hunter = await createHunter(request);
  const api = client(request, hunter);
  const quest = await createQuest(api);
  const done = await checkIn(api, quest.id);
  return { hunter, ids: [quest.id, done.checkIn.id, hunter.tokenId] };
}

test("arbitrary JSON on every v1 route never gets a 500", async ({ request }) => {
  test.setTimeout(180_000);
  const statuses = new Map<number, number>();
  let sent = 0;
  let revoked = false;
  let current: { hunter: Hunter; ids: string[] } = await freshHunter(request);
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...ROUTES),
      body,
      fc.oneof(fc.constantFrom(0, 1, 2), fc.string({ maxLength: 40 })),
      fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 20 }), { maxKeys: 3 }),
      fc.boolean(),
      async (route, data, idChoice, query, raw) => {
        // A new Hunter before the write limit (100 a minute) would answer everything with a 429, and after the
        // Hunter's own token was revoked, with a 401.
        if ((sent > 0 && sent % 80 === 0) || revoked) [current, revoked] = [await freshHunter(request), false];
        const id = typeof idChoice === "number" ? current.ids[idChoice]! : encodeURIComponent(idChoice);
        const search = new URLSearchParams(query).toString();
        const url = route.path.replace("{id}", id || "x") + (search ? `?${search}` : "");
        const headers = { ...bearer(current.hunter.token), "Content-Type": "application/json" };
        const response = await request.fetch(url, {
          method: route.method,
          headers,
          // Sometimes the JSON text as it is, sometimes Playwright's own serialisation of the value.
          data: route.method === "GET" ? undefined : raw ? Buffer.from(JSON.stringify(data) ?? "") : data,
        });
        sent += 1;
        revoked ||= route.path.startsWith("/api/v1/tokens") && route.method === "DELETE" && response.ok();
        statuses.set(response.status(), (statuses.get(response.status()) ?? 0) + 1);
        const text = await response.text();
        expect(response.status(), `${route.method} ${url} ${JSON.stringify(data)} → ${text}`).toBeLessThan(500);
        if (response.status() >= 400) {
          const parsed = JSON.parse(text) as { error: { code: string; message: string } };
          expect(parsed.error).toEqual(
            expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
          );
        }
      },
    ),
    { numRuns: 600 },
  );
  const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`);
  console.log(`[fuzz] ${sent} requests: ${summary.join(" ")}`);
  expect(sent).toBe(600);
});
