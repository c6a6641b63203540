// Input built to break things gets the documented error shape (400/401/404/413), never a 500.
import { expect, test } from "@playwright/test";
import { E2E_BASE_URL } from "../support/browser.mjs";
import { bearer, client, createHunter, expectError, json, snapshot } from "./support/api";
import { chunkedUpload } from "./support/chunked-upload";

const MB = 1024 * 1024;

test("JSON nested thousands of levels deep is a 400, on every kind of body", async ({ request }) => {
  const hunter = await createHunter(request);
  const api = client(request, hunter);
  const before = await snapshot(api);
  // The deepest that fits in the 64 KB limit as objects: {"a": ten thousand times.
  for (const depth of [33, 5_000, 10_000]) {
    const deep = Buffer.from("[".repeat(depth) + "]".repeat(depth));
    const object = Buffer.from('{"a":'.repeat(depth) + "1" + "}".repeat(depth));
    for (const data of [deep, object]) {
      await test.step(`${depth} levels`, async () => {
        const headers = { ...bearer(hunter.token), "Content-Type": "application/json" };
        await expectError(await request.post("/api/v1/quests", { data, headers }), 400, "BAD_REQUEST");
        await expectError(await request.patch("/api/v1/player", { data, headers }), 400, "BAD_REQUEST");
        await expectError(await request.post("/api/v1/accounts", { data, headers }), 400, "BAD_REQUEST");
      });
    }
  }
  expect(await snapshot(api)).toEqual(before);
});

test("the cron route answers any Authorization header, non-ASCII included, with a 401", async ({ request }) => {
  // Headers travel as Latin-1: é and ÿ are the non-ASCII a client can send. The second is as long as the secret.
  for (const value of [
    "Bearer é",
    "Bearer e2e-cron-secret-012345678é",
    "Bearer ÿÿÿ",
    "Basic Zm9vOmJhcg==",
    "Bearer ",
  ]) {
    await test.step(value, async () => {
      const response = await request.get("/api/cron/rollover", { headers: { Authorization: value } });
      await expectError(response, 401, "UNAUTHENTICATED");
    });
  }
});

test("unknown /api/v1 paths are a JSON 404 in the error shape, for every method", async ({ request }) => {
  const hunter = await createHunter(request);
  for (const path of ["/api/v1/nope", "/api/v1/quests/a/b/c", "/api/v1/player/xyz", "/api/v1/%00"]) {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
      await test.step(`${method} ${path}`, async () => {
        const response = await request.fetch(path, { method, headers: bearer(hunter.token), data: {} });
        expect(response.headers()["content-type"]).toContain("application/json");
        await expectError(response, 404, "NOT_FOUND");
      });
    }
  }
});

test("an item's method sent to its collection (an id of '.') is a JSON 404, not an empty 405", async ({ request }) => {
  const hunter = await createHunter(request);
  const cases = [
    ["DELETE", "/api/v1/rest-periods/."],
    ["DELETE", "/api/v1/imports/."],
    ["PATCH", "/api/v1/quests/."],
    ["DELETE", "/api/v1/quests"],
  ] as const;
  for (const [method, path] of cases) {
    await test.step(`${method} ${path}`, async () => {
      const response = await request.fetch(path, { method, headers: bearer(hunter.token), data: {} });
      await expectError(response, 404, "NOT_FOUND");
    });
  }
});

test("a chunked 100 MB upload is cut off at the 64 KB limit within milliseconds", async ({ request }) => {
  const hunter = await createHunter(request);
  const api = client(request, hunter);
  const before = await snapshot(api);
  const result = await chunkedUpload(
    `${E2E_BASE_URL}/api/v1/quests`,
    { ...bearer(hunter.token), "Content-Type": "application/json" },
    100 * MB,
    64 * 1024,
  );
  console.log(
    `[body limit] answered ${result.status} ${result.msFromLimitToAnswer.toFixed(1)} ms after the limit, ` +
      `${(result.writtenAtAnswer / MB).toFixed(2)} MB written then, ${(result.written / MB).toFixed(2)} MB in all`,
  );
  expect(result.status).toBe(413);
  expect(JSON.parse(result.body)).toEqual({ error: { code: "PAYLOAD_TOO_LARGE", message: expect.any(String) } });
  expect(result.msFromLimitToAnswer).toBeLessThan(1_000);
  // The server stopped taking the upload: far from all of the 100 MB ever left the client.
  expect(result.written).toBeLessThan(20 * MB);
  expect(await snapshot(api)).toEqual(before);
  await json(await api.get("/api/v1/player"), 200);
});
