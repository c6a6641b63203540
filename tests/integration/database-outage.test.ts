// The database out of reach: routes answer 503 with Retry-After and the one error shape, actions say so in words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as playerRoute } from "@/app/api/v1/player/route";
import { POST as createQuestRoute } from "@/app/api/v1/quests/route";
import { createPrismaClient } from "@/lib/db";
import { DATABASE_UNAVAILABLE, isDatabaseUnavailable, toActionFailure } from "@/lib/errors";
import { makePlayer } from "@/tests/support/factories";
import { call, tokenFor } from "@/tests/support/routes";

// lib/db keeps its one client here: swapping it points every query of the app at a port nothing listens on.
const holder = globalThis as unknown as { prisma?: ReturnType<typeof createPrismaClient> };
const closed = createPrismaClient("postgresql://postgres@127.0.0.1:1/unreachable", 1);
let token: string;
let real: typeof holder.prisma;

beforeAll(async () => {
  token = await tokenFor(await makePlayer());
  real = holder.prisma;
  holder.prisma = closed;
});

afterAll(async () => {
  holder.prisma = real;
  await closed.$disconnect();
});

describe("when Postgres is unreachable", () => {
  it.each([
    ["GET /api/v1/player", () => call(playerRoute, { token })],
    [
      "POST /api/v1/quests",
      () =>
        call(createQuestRoute, {
          method: "POST",
          token,
          body: { kind: "HABIT", title: "Drink water", difficulty: "EASY", stats: ["VIT"] },
        }),
    ],
  ])("%s answers 503 with Retry-After", async (_name, send) => {
    const response = await send();
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE } });
  });

  it("a Server Action's failure says the records are out of reach, not 'something went wrong'", async () => {
    const error = await closed.user.findFirst().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(toActionFailure(error)).toEqual({ ok: false, error: DATABASE_UNAVAILABLE });
  });
});

it("a query that fails for another reason is not mistaken for an outage", async () => {
  const error = await real!.$queryRawUnsafe("SELECT * FROM no_such_table").catch((e: unknown) => e);
  expect(isDatabaseUnavailable(error)).toBe(false);
});
