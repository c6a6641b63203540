// GET /api/v1/openapi.json: an OpenAPI 3.1 document describing the routes above, with their request bodies.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { json } from "./support/api";

type Schema = {
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  additionalProperties?: unknown;
};
type Operation = {
  summary: string;
  security?: unknown[];
  parameters: { name: string; in: string; required?: boolean }[];
  requestBody?: { required: boolean; content: { "application/json": { schema: Schema } } };
  responses: Record<string, { description: string; content?: { "application/json": { schema: Schema } } }>;
};
type Document = {
  openapi: string;
  info: { title: string; version: string };
  components: { securitySchemes: Record<string, { type: string; scheme?: string }> };
  security: Record<string, unknown[]>[];
  paths: Record<string, Record<string, Operation>>;
};

/** Every public route: method, path, success status, and for JSON bodies the fields they require. */
const ROUTES: { method: string; path: string; status: number; required?: string[]; query?: string[] }[] = [
  { method: "post", path: "/api/v1/accounts", status: 201, required: ["email", "password", "hunterName", "timeZone"] },
  { method: "post", path: "/api/v1/tokens", status: 201, required: ["email", "password", "name"] },
  { method: "get", path: "/api/v1/tokens", status: 200 },
  { method: "delete", path: "/api/v1/tokens", status: 200 },
  { method: "delete", path: "/api/v1/tokens/{id}", status: 204 },
  { method: "get", path: "/api/v1/player", status: 200 },
  { method: "patch", path: "/api/v1/player", status: 200, required: [] },
  { method: "post", path: "/api/v1/player/stat-points", status: 200, required: [] },
  { method: "post", path: "/api/v1/player/job", status: 200, required: ["job"] },
  { method: "post", path: "/api/v1/player/confirm-yesterday", status: 200 },
  { method: "get", path: "/api/v1/rest-periods", status: 200 },
  { method: "post", path: "/api/v1/rest-periods", status: 201, required: ["startDay", "endDay"] },
  { method: "delete", path: "/api/v1/rest-periods/{id}", status: 200 },
  { method: "get", path: "/api/v1/quests", status: 200, query: ["archived"] },
  // stats is optional: a to-do feeds none (a daily or habit without them is a 422 all the same).
  { method: "post", path: "/api/v1/quests", status: 201, required: ["kind", "title", "difficulty"] },
  { method: "put", path: "/api/v1/quests/order", status: 204, required: ["ids"] },
  { method: "post", path: "/api/v1/quests/{id}/restore", status: 200 },
  { method: "get", path: "/api/v1/quests/{id}", status: 200 },
  { method: "patch", path: "/api/v1/quests/{id}", status: 200, required: [] },
  { method: "delete", path: "/api/v1/quests/{id}", status: 200 },
  { method: "post", path: "/api/v1/quests/{id}/check-ins", status: 201, required: ["idempotencyKey"] },
  { method: "patch", path: "/api/v1/quests/{id}/checklist/{index}", status: 200, required: ["done"] },
  { method: "get", path: "/api/v1/quests/{id}/strength", status: 200, query: ["from", "to"] },
  { method: "delete", path: "/api/v1/check-ins/{id}", status: 200 },
  { method: "patch", path: "/api/v1/check-ins/{id}", status: 200, required: ["note"] },
  { method: "get", path: "/api/v1/imports", status: 200 },
  { method: "post", path: "/api/v1/imports", status: 201, required: ["id", "source"] },
  { method: "post", path: "/api/v1/imports/{id}/chunks", status: 200, required: [] },
  { method: "post", path: "/api/v1/imports/{id}/commit", status: 200 },
  { method: "delete", path: "/api/v1/imports/{id}", status: 200 },
  { method: "get", path: "/api/v1/history", status: 200, query: ["from", "to"] },
  { method: "get", path: "/api/v1/export", status: 200, query: ["format"] },
  { method: "delete", path: "/api/v1/player", status: 204 },
  { method: "get", path: "/api/v1/leaderboard", status: 200, query: ["board", "limit"] },
  { method: "get", path: "/api/v1/push/key", status: 200 },
  { method: "get", path: "/api/v1/push/subscriptions", status: 200 },
  { method: "post", path: "/api/v1/push/subscriptions", status: 201, required: ["endpoint", "keys"] },
  { method: "delete", path: "/api/v1/push/subscriptions", status: 204, required: ["endpoint"] },
  { method: "delete", path: "/api/v1/push/subscriptions/{id}", status: 204 },
  { method: "get", path: "/api/v1/inbox", status: 200 },
  { method: "post", path: "/api/v1/inbox/read", status: 200, required: [] },
  { method: "post", path: "/api/v1/quests/draft", status: 200, required: ["text"] },
  { method: "get", path: "/api/v1/insights/report", status: 200, query: ["week"] },
  { method: "get", path: "/api/v1/insights/at-risk", status: 200 },
  { method: "get", path: "/api/v1/insights/suggestions", status: 200 },
];

/** What app/api/v1 actually serves: "get /api/v1/quests/{id}" for each exported handler of each route.ts. */
function servedOperations(): string[] {
  const root = path.join(process.cwd(), "app/api/v1");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .flatMap((file) => {
      const route = `/api/v1/${path.dirname(file)}`.replace(/\[(\w+)\]/g, "{$1}");
      const source = readFileSync(path.join(root, file), "utf8");
      const methods = [...source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)];
      return methods.map(([, method]) => `${method!.toLowerCase()} ${route}`);
    });
}

test("GET /api/v1/openapi.json is an OpenAPI 3.1 document of every route", async ({ request }) => {
  const response = await request.get("/api/v1/openapi.json");
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = await json<Document>(response, 200);

  expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
  expect(doc.info).toEqual({ title: expect.any(String), version: expect.any(String) });
  expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
  expect(doc.security).toContainEqual({ bearer: [] });

  for (const route of ROUTES) {
    await test.step(`${route.method.toUpperCase()} ${route.path}`, () => {
      const operation = doc.paths[route.path]?.[route.method];
      expect(operation, "documented").toBeDefined();
      if (!operation) return;
      expect(operation.summary).toMatch(/\S/);
      expect(Object.keys(operation.responses)).toContain(String(route.status));
      expect(operation.responses.default?.content?.["application/json"].schema.properties).toHaveProperty("error");

      const params = operation.parameters.map((p) => `${p.in}:${p.name}`);
      if (route.path.includes("{id}")) expect(params).toContain("path:id");
      for (const name of route.query ?? []) expect(params).toContain(`query:${name}`);

      if (route.required === undefined) {
        expect(operation.requestBody).toBeUndefined();
        return;
      }
      const schema = operation.requestBody?.content["application/json"].schema;
      expect(schema?.type, "a JSON object body").toBe("object");
      expect([...(schema?.required ?? [])].sort()).toEqual([...route.required].sort());
      for (const field of route.required) expect(schema?.properties).toHaveProperty(field);
    });
  }

  // Nothing served goes undocumented, and nothing documented is missing: only the test clock and the document
  // itself are left out.
  const documented = Object.entries(doc.paths).flatMap(([route, ops]) => Object.keys(ops).map((m) => `${m} ${route}`));
  const served = servedOperations().filter((op) => !/ \/api\/v1\/(test-clock|openapi\.json)$/.test(op));
  expect(documented.sort()).toEqual(served.sort());
  expect(ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(served.sort());

  // Sign-up and tokens need no credentials; everything else does.
  expect(doc.paths["/api/v1/accounts"]?.post?.security).toEqual([]);
  expect(doc.paths["/api/v1/tokens"]?.post?.security).toEqual([]);
  expect(doc.paths["/api/v1/player"]?.get?.security).toBeUndefined();
  // Unknown fields are rejected, and the document says so.
  const quest = doc.paths["/api/v1/quests"]?.post?.requestBody?.content["application/json"].schema;
  expect(quest?.additionalProperties).toBe(false);
});
