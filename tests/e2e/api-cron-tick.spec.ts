// GET/POST /api/cron/tick: the one endpoint every schedule calls (Vercel Cron with the CRON_SECRET bearer, Upstash
// QStash with its signature), through real HTTP; and the old /api/cron/rollover, which shares its authorisation.
import net from "node:net";
import { expect, test } from "@playwright/test";
import {
  addDays,
  client,
  createHunter,
  createQuest,
  CRON_SECRET,
  expectError,
  expectInvalid,
  getHistory,
  getPlayer,
  json,
  setClock,
} from "./support/api";
import { QSTASH_NEXT_SIGNING_KEY, qstashSignature } from "./support/qstash";

type Run = { processed: number; settledDays: number; penaltiesOpened: number; nextCursor: string | null };
const cron = { Authorization: `Bearer ${CRON_SECRET}` };

/** Sends raw header bytes, which an HTTP client library would refuse to: what a hostile or broken caller can do. */
function rawGet(baseURL: string, path: string, headerLine: Buffer): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname, () => {
      socket.write(
        Buffer.concat([
          // HTTP/1.0: the reply comes unchunked and the server closes the connection after it.
          Buffer.from(`GET ${path} HTTP/1.0\r\nHost: ${hostname}:${port}\r\n`),
          headerLine,
          Buffer.from("\r\n\r\n"),
        ]),
      );
    });
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const [head = "", ...rest] = text.split("\r\n\r\n");
      resolve({ status: Number(head.split(" ")[1]), body: rest.join("\r\n\r\n") });
    });
  });
}

for (const path of ["/api/cron/tick", "/api/cron/rollover"]) {
  test.describe(`authorisation of ${path}`, () => {
    const refused: { name: string; headers: Record<string, string> }[] = [
      { name: "no Authorization header", headers: {} },
      { name: "a wrong secret", headers: { Authorization: `Bearer ${CRON_SECRET.replace(/.$/, "x")}` } },
      { name: "the secret without Bearer", headers: { Authorization: CRON_SECRET } },
      { name: "a longer secret", headers: { Authorization: `Bearer ${CRON_SECRET}0` } },
      { name: "a prefix of the secret", headers: { Authorization: `Bearer ${CRON_SECRET.slice(0, -1)}` } },
      // As many characters as the secret but more bytes: a naive timingSafeEqual throws (a 500) on this one.
      { name: "Latin-1 characters", headers: { Authorization: `Bearer ${"é".repeat(CRON_SECRET.length)}` } },
      { name: "an 8 KB header", headers: { Authorization: `Bearer ${"a".repeat(8_000)}` } },
      { name: "a garbage QStash signature", headers: { "Upstash-Signature": "not.a.jwt" } },
      { name: "a signature of three dots", headers: { "Upstash-Signature": "..." } },
    ];
    for (const { name, headers } of refused) {
      test(`401 with ${name}`, async ({ request }) => {
        await expectError(await request.get(path, { headers }), 401, "UNAUTHENTICATED");
      });
    }

    test("401, not 500, for UTF-8 bytes in the header", async ({ baseURL }) => {
      const line = Buffer.concat([Buffer.from("Authorization: Bearer "), Buffer.from("密码🔑".repeat(6), "utf8")]);
      const { status, body } = await rawGet(baseURL!, path, line);
      expect(status).toBe(401);
      expect(JSON.parse(body)).toEqual({ error: { code: "UNAUTHENTICATED", message: expect.any(String) } });
    });
  });
}

test.describe("QStash signatures on POST /api/cron/tick", () => {
  const body = JSON.stringify({ schedule: "every 5 minutes" });
  const refused = [
    { name: "a signature for another body", sign: (url: string) => qstashSignature({ url, body: "{}" }) },
    { name: "a signature for another path", sign: (url: string) => qstashSignature({ url: `${url}x`, body }) },
    { name: "an expired signature", sign: (url: string) => qstashSignature({ url, body, expiresIn: -120 }) },
    { name: "a key QStash does not hold", sign: (url: string) => qstashSignature({ url, body, key: "sig_other" }) },
  ];
  for (const { name, sign } of refused) {
    test(`401 with ${name}`, async ({ request, baseURL }) => {
      const url = `${baseURL}/api/cron/tick`;
      const response = await request.post(url, { headers: { "Upstash-Signature": sign(url) }, data: body });
      await expectError(response, 401, "UNAUTHENTICATED");
    });
  }

  test("accepts a delivery signed with the next key, as after a key rotation", async ({ request, baseURL }) => {
    const url = `${baseURL}/api/cron/tick`;
    const signature = qstashSignature({ url, body, key: QSTASH_NEXT_SIGNING_KEY });
    const response = await request.post(url, { headers: { "Upstash-Signature": signature }, data: body });
    expect((await json<{ rollover: Run }>(response, 200)).rollover.nextCursor).toBeNull();
  });
});

test("a QStash tick settles every player's ended days, and a Vercel Cron tick after it finds nothing new", async ({
  request,
  baseURL,
}) => {
  const api = client(request, await createHunter(request));
  await createQuest(api);
  const { today } = await getPlayer(api);
  // Move the clock without calling a player route, so only the tick can settle these days.
  await setClock(api, `${addDays(today, 4)}T12:00:00Z`);

  const url = `${baseURL}/api/cron/tick`;
  const signed = await request.post(url, { headers: { "Upstash-Signature": qstashSignature({ url }) } });
  expect(signed.headers()["cache-control"]).toBe("no-store");
  const { rollover: first } = await json<{ rollover: Run }>(signed, 200);
  expect(first).toEqual({
    processed: expect.any(Number),
    settledDays: expect.any(Number),
    penaltiesOpened: expect.any(Number),
    nextCursor: null,
  });
  expect(first.settledDays).toBeGreaterThanOrEqual(4); // this Hunter's four ended days
  expect(first.penaltiesOpened).toBeGreaterThanOrEqual(1);

  const again = await json<{ rollover: Run }>(await request.get("/api/cron/tick", { headers: cron }), 200);
  // The backstop visits only Hunters with something due: none it settled is visited again.
  expect(again.rollover).toEqual({
    processed: expect.any(Number),
    settledDays: 0,
    penaltiesOpened: 0,
    nextCursor: null,
  });
  expect(again.rollover.processed).toBeLessThanOrEqual(first.processed);

  // The four ended days are settled (the current one, if history lists it, is still open).
  const ended = (await getHistory(api, today, addDays(today, 4))).filter((d) => d.day < addDays(today, 4));
  expect(ended.map((d) => d.day)).toEqual([0, 1, 2, 3].map((n) => addDays(today, n)));
  expect(ended.every((d) => d.outcome !== null)).toBe(true);
});

test("the tick checks its query like the rollover route does", async ({ request }) => {
  await expectInvalid(await request.get("/api/cron/tick?batchSize=0", { headers: cron }), ["batchSize"]);
  await expectInvalid(await request.post("/api/cron/tick?dryRun=1", { headers: cron }), [
    '(root): Unrecognized key: "dryRun"',
  ]);
});
