import { z } from "zod";
import { signUpSchema } from "@/lib/accounts/schemas";
import { checkInSchema, editNoteSchema } from "@/lib/check-ins/schemas";
import { importChunkSchema, startImportSchema } from "@/lib/imports/schemas";
import { allocateStatsSchema, jobChangeSchema, restPeriodSchema, updatePlayerSchema } from "@/lib/player/schemas";
import { markReadSchema, pushSubscriptionSchema, unsubscribeSchema } from "@/lib/notifications/schemas";
import { draftRequestSchema } from "@/lib/insights/schemas";
import { checklistItemSchema, createQuestSchema, questOrderSchema, updateQuestSchema } from "@/lib/quests/schemas";
import { createTokenSchema } from "@/lib/tokens/schemas";

type Operation = {
  summary: string;
  body?: z.ZodType;
  query?: string[];
  status: number;
  /** Other success statuses, with what they mean. */
  also?: Record<number, string>;
  auth?: boolean;
};

const json = (schema: z.ZodType) => ({
  "application/json": { schema: z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) },
});

const errorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

const PATHS: Record<string, Record<string, Operation>> = {
  "/api/v1/accounts": {
    post: {
      summary: "Create an account and its Hunter (with mail configured, after confirming the email)",
      body: signUpSchema,
      status: 201,
      also: {
        202: 'Mail is configured: every valid sign-up, whether or not the email has an account, gets { "status": "CONFIRM_EMAIL", "message" }; the mailed link creates the account',
      },
      auth: false,
    },
  },
  "/api/v1/tokens": {
    post: { summary: "Issue a personal access token", body: createTokenSchema, status: 201, auth: false },
    get: { summary: "The caller's working tokens: names and dates, never the tokens", status: 200 },
    delete: { summary: "Revoke every token of the caller", status: 200 },
  },
  "/api/v1/tokens/{id}": { delete: { summary: "Revoke a token", status: 204 } },
  "/api/v1/player": {
    get: { summary: "The status window: level, XP, rank, gold, stats, streak, shields, today's quests", status: 200 },
    patch: { summary: "Change settings", body: updatePlayerSchema, status: 200 },
    delete: { summary: "Delete the account and everything in it", status: 204 },
  },
  "/api/v1/leaderboard": {
    get: {
      summary: "Weekly or all-time XP leaderboard with the caller's place",
      query: ["board", "limit"],
      status: 200,
    },
  },
  "/api/v1/player/stat-points": { post: { summary: "Spend stat points", body: allocateStatsSchema, status: 200 } },
  "/api/v1/player/job": {
    post: { summary: "Job Change (the first completes the Awakening)", body: jobChangeSchema, status: 200 },
  },
  "/api/v1/player/confirm-yesterday": { post: { summary: "Settle yesterday now", status: 200 } },
  "/api/v1/rest-periods": {
    get: { summary: "Rest periods that have not ended yet", status: 200 },
    post: { summary: "Add a rest period (Safe Zone); it may not overlap another", body: restPeriodSchema, status: 201 },
  },
  "/api/v1/rest-periods/{id}": {
    delete: { summary: "End a rest period under way (it ends yesterday) or cancel one not started", status: 200 },
  },
  "/api/v1/quests": {
    get: { summary: "List quests", query: ["archived"], status: 200 },
    post: { summary: "Create a quest", body: createQuestSchema, status: 201 },
  },
  "/api/v1/quests/draft": {
    post: {
      summary: "Read a sentence into a quest draft ({ draft, complete, missing, source }); saves nothing",
      body: draftRequestSchema,
      status: 200,
    },
  },
  "/api/v1/quests/order": {
    put: { summary: "Put quests in the Hunter's order (first to last)", body: questOrderSchema, status: 204 },
  },
  "/api/v1/quests/{id}/restore": { post: { summary: "Restore an archived quest", status: 200 } },
  "/api/v1/quests/{id}": {
    get: { summary: "A quest", status: 200 },
    patch: { summary: "Edit a quest", body: updateQuestSchema, status: 200 },
    delete: { summary: "Archive a quest", status: 200 },
  },
  "/api/v1/quests/{id}/check-ins": {
    post: {
      summary: "Check in (idempotent per idempotencyKey: a replay answers 200 with the original body)",
      body: checkInSchema,
      status: 201,
    },
  },
  "/api/v1/quests/{id}/checklist/{index}": {
    patch: { summary: "Tick or untick a to-do's checklist item (from 0)", body: checklistItemSchema, status: 200 },
  },
  "/api/v1/quests/{id}/strength": {
    get: { summary: "Daily habit strength series", query: ["from", "to"], status: 200 },
  },
  "/api/v1/check-ins/{id}": {
    delete: { summary: "Undo a check-in of an unsettled day", status: 200 },
    patch: {
      summary: "Write or clear a check-in's note (≤ 500 characters, plain text)",
      body: editNoteSchema,
      status: 200,
    },
  },
  "/api/v1/history": {
    get: { summary: "Check-ins and settlement outcome per day", query: ["from", "to"], status: 200 },
  },
  "/api/v1/push/key": {
    get: {
      summary: "The VAPID public key to subscribe with (null: this server sends no push)",
      status: 200,
      auth: false,
    },
  },
  "/api/v1/push/subscriptions": {
    get: { summary: "The caller's devices that receive reminders", status: 200 },
    post: {
      summary: "Store this browser's PushSubscription.toJSON() (201; 200 when it was known and is refreshed)",
      body: pushSubscriptionSchema,
      status: 201,
    },
    delete: {
      summary: "Forget this browser's subscription, named by its endpoint",
      body: unsubscribeSchema,
      status: 204,
    },
  },
  "/api/v1/push/subscriptions/{id}": { delete: { summary: "Forget one of the caller's devices", status: 204 } },
  "/api/v1/inbox": {
    get: { summary: "Level-ups, Rank Trials and achievements, newest first, and the unread count", status: 200 },
  },
  "/api/v1/inbox/read": {
    post: { summary: "Mark inbox items read: some ids, or all", body: markReadSchema, status: 200 },
  },
  "/api/v1/insights/report": {
    get: {
      summary:
        "The weekly System Report { week, facts, text, recommendations, source } (default: the last completed week)",
      query: ["week"],
      status: 200,
    },
  },
  "/api/v1/insights/at-risk": {
    get: { summary: "Today's open dailies with their risk of being missed (0..1) and reasons", status: 200 },
  },
  "/api/v1/insights/suggestions": {
    get: { summary: "Suggested quest drafts, easier variants and flavour renames", status: 200 },
  },
  "/api/v1/imports": {
    get: { summary: "The caller's imports, newest first", status: 200 },
    post: {
      summary: "Start an import (LOOP, HABITICA or THE_SYSTEM) under a client-chosen id; 200 if it already exists",
      body: startImportSchema,
      status: 201,
    },
  },
  "/api/v1/imports/{id}/chunks": {
    post: {
      summary: "Add quests, check-ins and skips to an open import (idempotent: a retried chunk adds nothing)",
      body: importChunkSchema,
      status: 200,
    },
  },
  "/api/v1/imports/{id}/commit": {
    post: { summary: "Commit an import: its quests appear and their strength is computed (idempotent)", status: 200 },
  },
  "/api/v1/imports/{id}": {
    delete: { summary: "Roll an import back: the quests it created and everything imported go", status: 200 },
  },
  "/api/v1/export": {
    get: {
      summary: "Export everything the player owns (JSON), or the check-ins as CSV with format=csv",
      query: ["format"],
      status: 200,
    },
  },
};

/** The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with. */
export function openApiDocument() {
  const paths = Object.fromEntries(
    Object.entries(PATHS).map(([path, operations]) => [
      path,
      Object.fromEntries(
        Object.entries(operations).map(([method, op]) => [
          method,
          {
            summary: op.summary,
            ...(op.auth === false ? { security: [] } : {}),
            parameters: [
              ...[...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
                name,
                in: "path",
                required: true,
                schema: { type: "string" },
              })),
              ...(op.query ?? []).map((name) => ({ name, in: "query", schema: { type: "string" } })),
            ],
            ...(op.body && { requestBody: { required: true, content: json(op.body) } }),
            responses: {
              [op.status]: { description: "Success" },
              ...Object.fromEntries(
                Object.entries(op.also ?? {}).map(([status, text]) => [status, { description: text }]),
              ),
              default: { description: "Error", content: json(errorSchema) },
            },
          },
        ]),
      ),
    ]),
  );
  return {
    openapi: "3.1.0",
    info: { title: "The System API", version: "1" },
    components: {
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal access token from POST /api/v1/tokens" },
        session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
    },
    security: [{ bearer: [] }, { session: [] }],
    paths,
  };
}
