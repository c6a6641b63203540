// Input the database cannot even store (text holding U+0000) is the caller's mistake: a 422 for fields and query
// parameters, a 404 for ids. Never a 500, and nothing written.
import { expect, test, type APIResponse } from "@playwright/test";
import {
  client,
  createHunter,
  createQuest,
  CRON_SECRET,
  expectError,
  expectInvalid,
  json,
  PASSWORD,
  questBody,
  signUpBody,
  snapshot,
  type Client,
  type Hunter,
  type Quest,
} from "./support/api";

const NUL = "\u0000";

type Setup = { hunter: Hunter; api: Client; quest: Quest };

const FIELDS: { name: string; send: (s: Setup) => Promise<APIResponse>; path: string }[] = [
  { name: "a quest title", send: (s) => s.api.post("/api/v1/quests", questBody({ title: `a${NUL}b` })), path: "title" },
  {
    name: "a checklist item",
    send: (s) => s.api.post("/api/v1/quests", questBody({ kind: "ONE_TIME", checklist: [{ text: NUL }] })),
    path: "checklist.0.text",
  },
  {
    name: "a target unit",
    send: (s) => s.api.post("/api/v1/quests", questBody({ target: { value: 1, unit: `k${NUL}m` } })),
    path: "target.unit",
  },
  { name: "quest notes", send: (s) => s.api.patch(`/api/v1/quests/${s.quest.id}`, { notes: NUL }), path: "notes" },
  {
    name: "a token name",
    send: (s) => s.api.post("/api/v1/tokens", { email: s.hunter.email, password: s.hunter.password, name: NUL }),
    path: "name",
  },
  {
    name: "a history date",
    send: (s) => s.api.get(`/api/v1/history?from=%00&to=2026-01-01`),
    path: "from",
  },
  {
    name: "a cron cursor",
    send: (s) => s.api.get("/api/cron/rollover?cursor=%00", undefined, { Authorization: `Bearer ${CRON_SECRET}` }),
    path: "cursor",
  },
];

const IDS: { name: string; send: (api: Client) => Promise<APIResponse> }[] = [
  { name: "GET /api/v1/quests/{id}", send: (api) => api.get("/api/v1/quests/%00") },
  { name: "PATCH /api/v1/quests/{id}", send: (api) => api.patch("/api/v1/quests/a%00", { title: "x" }) },
  { name: "DELETE /api/v1/quests/{id}", send: (api) => api.delete("/api/v1/quests/%00") },
  {
    name: "POST /api/v1/quests/{id}/check-ins",
    send: (api) => api.post("/api/v1/quests/%00/check-ins", { idempotencyKey: "nul-12345" }),
  },
  {
    name: "GET /api/v1/quests/{id}/strength",
    send: (api) => api.get("/api/v1/quests/%00/strength?from=2026-01-01&to=2026-01-02"),
  },
  { name: "DELETE /api/v1/check-ins/{id}", send: (api) => api.delete("/api/v1/check-ins/%00") },
  { name: "DELETE /api/v1/tokens/{id}", send: (api) => api.delete("/api/v1/tokens/%00") },
];

test("a NUL character in any field or query parameter is a 422 naming it, writing nothing", async ({ request }) => {
  const hunter = await createHunter(request);
  const api = client(request, hunter);
  const setup = { hunter, api, quest: await createQuest(api) };
  const before = await snapshot(api);
  for (const { name, send, path } of FIELDS) {
    await test.step(name, async () => expectInvalid(await send(setup), [path]));
  }
  expect(await snapshot(api)).toEqual(before);

  // Sign-up too: the account is not created, so its email is still free.
  const account = signUpBody();
  await expectInvalid(await request.post("/api/v1/accounts", { data: { ...account, password: `${NUL}${PASSWORD}` } }), [
    "password",
  ]);
  await json(await request.post("/api/v1/accounts", { data: account }), 201);
});

test("an id holding a NUL character names nothing: 404", async ({ request }) => {
  const api = client(request, await createHunter(request));
  await createQuest(api);
  const before = await snapshot(api);
  for (const { name, send } of IDS) {
    await test.step(name, async () => expectError(await send(api), 404, "NOT_FOUND"));
  }
  expect(await snapshot(api)).toEqual(before);
  await json(await api.get("/api/v1/player"), 200);
});
