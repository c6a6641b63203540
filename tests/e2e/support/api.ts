// Helpers for the HTTP tests of /api/v1: fresh Hunters with tokens, an authenticated client, the one error shape,
// and a snapshot of everything a player can read, to prove a refused request wrote nothing.
import { randomBytes } from "node:crypto";
import { expect, type APIRequestContext, type APIResponse } from "@playwright/test";
import { E2E_BASE_URL } from "../../support/browser.mjs";

/** Must match CRON_SECRET in playwright.config.ts (webServer.env). */
export const CRON_SECRET = "e2e-cron-secret-0123456789";
export const PASSWORD = "api-test-password-1";
/** Just over the 64 KB body limit of every JSON route. */
export const OVERSIZED = "x".repeat(64 * 1024 + 1);

/** A body cut short: not JSON. A Buffer, because Playwright serialises strings. */
export const MALFORMED = Buffer.from('{"title": "unfinished');

/**
 * What the app's own pages send with a write. page.request carries the browser's session cookie but, unlike the
 * browser, no Origin; cookie-authenticated writes need one (and JSON).
 */
export const fromPagesOf = (origin: string) => ({ Origin: origin, "Content-Type": "application/json" });
export const FROM_THE_APP = fromPagesOf(E2E_BASE_URL);

export const uid = () => randomBytes(4).toString("hex");

export type Hunter = {
  email: string;
  password: string;
  hunterName: string;
  playerId: string;
  token: string;
  tokenId: string;
};

export type ApiError = { code: string; message: string; issues?: { path: string; message: string }[] };

export type Quest = {
  id: string;
  kind: string;
  title: string;
  notes: string;
  difficulty: string;
  stats: string[];
  schedule: { type: string } | null;
  timesPerDay: number;
  positive: boolean;
  archived: boolean;
};

export type CheckInBody = {
  checkIn: { id: string; questId: string; dayKey: string; happenedAt: string; source: string; value: number | null };
  award: {
    xp: number;
    gold: number;
    held: boolean;
    achievements: { id: string; title: string | null }[];
    penalty: { progress: number; required: number; cleared: boolean } | null;
  };
  player: { level: number; xp: number; gold: number; heldXp: number; heldGold: number; rank: string; streak: number };
};

export type PlayerStatus = {
  hunterName: string;
  job: string | null;
  level: number;
  xp: number;
  xpToNextLevel: number;
  rank: string;
  gold: number;
  held: { xp: number; gold: number };
  stats: Record<string, number>;
  statPoints: { earned: number; allocated: Record<string, number>; available: number };
  streak: number;
  shields: number;
  timeZone: string;
  dayStartMinute: number;
  today: string;
  secondsUntilReset: number;
  yesterday: { day: string; settled: boolean; openDailies: number };
  penaltyZone: { title: string; progress: number; required: number; secondsLeft: number } | null;
  quests: { id: string; title: string; kind: string; dueToday: boolean; completionsToday: number; complete: boolean }[];
};

export type HistoryDay = {
  day: string;
  outcome: string | null;
  checkIns: { id: string; questId: string; undone: boolean }[];
};

export function signUpBody(overrides: Record<string, unknown> = {}) {
  const id = uid();
  return { email: `api-${id}@example.com`, password: PASSWORD, hunterName: `Api ${id}`, timeZone: "UTC", ...overrides };
}

/** Asserts the status (showing the body when it differs) and returns the parsed JSON body. */
export async function json<T>(response: APIResponse, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status(), `${response.url()} answered ${text}`).toBe(status);
  return JSON.parse(text) as T;
}

/** Asserts the one error shape `{ error: { code, message, issues? } }` and returns the error. */
export async function expectError(response: APIResponse, status: number, code: string): Promise<ApiError> {
  const { error, ...rest } = await json<{ error: ApiError }>(response, status);
  expect(rest).toEqual({});
  expect(Object.keys(error).sort()).toEqual(error.issues ? ["code", "issues", "message"] : ["code", "message"]);
  expect(error.code).toBe(code);
  expect(error.message).toEqual(expect.stringMatching(/\S/));
  for (const issue of error.issues ?? []) {
    expect(issue).toEqual({ path: expect.any(String), message: expect.stringMatching(/\S/) });
  }
  return error;
}

/**
 * A 422 listing its issues, one for each of `expected`: a path ("stats.0", "(root)" for the body itself), or a path
 * and the start of its message ('(root): Unrecognized key: "xp"', since unknown keys are named only in messages).
 */
export async function expectInvalid(response: APIResponse, expected: readonly string[]): Promise<ApiError> {
  const error = await expectError(response, 422, "VALIDATION_FAILED");
  expect(error.issues?.length, "a 422 lists its issues").toBeGreaterThan(0);
  const lines = issueText(error).split("\n");
  for (const entry of expected) {
    const prefix = entry.includes(": ") ? entry : `${entry}: `;
    expect(
      lines.some((line) => line.startsWith(prefix)),
      `${entry} in\n${lines.join("\n")}`,
    ).toBe(true);
  }
  return error;
}

/** Every issue as "path: message", one a line: unknown keys are named only in their message. */
export const issueText = (error: ApiError) => (error.issues ?? []).map((i) => `${i.path}: ${i.message}`).join("\n");

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

type Send = (url: string, data?: unknown, headers?: Record<string, string>) => Promise<APIResponse>;
export type Client = { get: Send; post: Send; patch: Send; put: Send; delete: Send };

/** Sends requests as `hunter` (Authorization: Bearer), or anonymously without one. Objects are sent as JSON. */
export function client(request: APIRequestContext, hunter?: Pick<Hunter, "token">): Client {
  const send =
    (method: string): Send =>
    (url, data, headers) =>
      request.fetch(url, {
        method,
        headers: { ...(hunter && bearer(hunter.token)), ...headers },
        ...(data !== undefined && { data }),
      });
  return { get: send("GET"), post: send("POST"), patch: send("PATCH"), put: send("PUT"), delete: send("DELETE") };
}

export async function issueToken(request: APIRequestContext, email: string, password: string, name = "api tests") {
  return json<{ id: string; name: string; token: string; createdAt: string; expiresAt: string | null }>(
    await request.post("/api/v1/tokens", { data: { email, password, name } }),
    201,
  );
}

/** A fresh account (time zone UTC) and a personal access token for it. */
export async function createHunter(request: APIRequestContext): Promise<Hunter> {
  const account = signUpBody();
  const { player } = await json<{ player: { id: string; hunterName: string } }>(
    await request.post("/api/v1/accounts", { data: account }),
    201,
  );
  const token = await issueToken(request, account.email, account.password);
  return {
    email: account.email,
    password: account.password,
    hunterName: player.hunterName,
    playerId: player.id,
    token: token.token,
    tokenId: token.id,
  };
}

/** The least a quest needs; a DAILY by default. */
export function questBody(overrides: Record<string, unknown> = {}) {
  return { title: `Quest ${uid()}`, kind: "DAILY", difficulty: "NORMAL", stats: ["STR"], ...overrides };
}

export async function createQuest(api: Client, overrides: Record<string, unknown> = {}): Promise<Quest> {
  return (await json<{ quest: Quest }>(await api.post("/api/v1/quests", questBody(overrides)), 201)).quest;
}

export async function checkIn(api: Client, questId: string, body: Record<string, unknown> = {}) {
  return json<CheckInBody>(
    await api.post(`/api/v1/quests/${questId}/check-ins`, { idempotencyKey: `key-${uid()}`, ...body }),
    201,
  );
}

export async function getPlayer(api: Client): Promise<PlayerStatus> {
  return json<PlayerStatus>(await api.get("/api/v1/player"), 200);
}

export async function getHistory(api: Client, from: string, to: string): Promise<HistoryDay[]> {
  return (await json<{ days: HistoryDay[] }>(await api.get(`/api/v1/history?from=${from}&to=${to}`), 200)).days;
}

/** Moves the caller's clock (PUT /api/v1/test-clock). */
export async function setClock(api: Client, instant: string): Promise<void> {
  expect(await json<{ now: string }>(await api.put("/api/v1/test-clock", { now: instant }), 200)).toEqual({
    now: new Date(instant).toISOString(),
  });
}

/** `day` ± n days, for "YYYY-MM-DD" keys. */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Everything the player can read about themselves, minus the seconds that tick: two equal snapshots mean a
 * request changed nothing visible (quests, check-ins, XP, gold, stats, settings, job, penalties, settled days).
 */
export async function snapshot(api: Client) {
  const { secondsUntilReset, penaltyZone, ...player } = await getPlayer(api);
  expect(secondsUntilReset).toBeGreaterThanOrEqual(0);
  const quests = await json<{ quests: Quest[] }>(await api.get("/api/v1/quests?archived=true"), 200);
  const history = await getHistory(api, addDays(player.today, -8), addDays(player.today, 1));
  return {
    player,
    penaltyZone: penaltyZone && { ...penaltyZone, secondsLeft: undefined },
    quests: quests.quests,
    history,
  };
}
