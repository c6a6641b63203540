// lib/log: one JSON object per line, secrets redacted by key (and masked in error text), the request id on every
// line logged while a request is handled, however deep, and nowhere else.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, withRequestContext } from "@/lib/log/logger";
import { requestIdFrom } from "@/lib/log/request-id";

function capture(level = "info") {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split("\n").filter(Boolean));
      done();
    },
  });
  const log = createLogger({ level, pretty: false }, destination);
  const records = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, records };
}

describe("the logger", () => {
  it("writes JSON lines with a level name, an ISO time and the message", () => {
    const { log, records } = capture();
    log.info({ questId: "q1" }, "checked in");
    log.debug("not at info");
    expect(records()).toEqual([
      expect.objectContaining({ level: "info", msg: "checked in", questId: "q1", time: expect.any(String) }),
    ]);
    expect(new Date(records()[0]!.time as string).toISOString()).toBe(records()[0]!.time);
  });

  it.each(["password", "token", "authorization", "Authorization", "cookie", "set-cookie", "email", "passwordHash"])(
    "redacts %s at any depth, in objects and arrays",
    (key) => {
      const { log, lines } = capture();
      const secret = `the-${key}-value-0123456789`;
      const nested = { [key]: secret, a: { b: { c: { d: { e: { [key]: secret } } } } }, list: [{ [key]: secret }] };
      log.info(nested, "x");
      expect(lines[0]).not.toContain(secret);
      expect(lines[0]!.match(/\[Redacted\]/g)).toHaveLength(3);
      expect(JSON.parse(lines[0]!)).toMatchObject({ a: { b: { c: { d: { e: { [key]: "[Redacted]" } } } } } });
    },
  );

  it("redacts what an error carries under those keys", () => {
    const { log, lines } = capture();
    const error = Object.assign(new Error("request failed"), {
      config: { headers: { Authorization: "Bearer sys_0123456789abcdefghij" } },
    });
    log.error({ err: error }, "upstream");
    expect(lines[0]).not.toContain("sys_0123456789");
    expect(JSON.parse(lines[0]!).err.config).toEqual({ headers: { Authorization: "[Redacted]" } });
  });

  it("redacts request headers as the debug access line logs them", () => {
    const { log, lines } = capture("debug");
    const headers = Object.fromEntries(
      new Headers({ authorization: "Bearer sys_abc", cookie: "next-auth.session-token=eyJx", accept: "*/*" }),
    );
    log.debug({ method: "GET", headers }, "request");
    expect(lines[0]).not.toMatch(/sys_abc|eyJx/);
    expect(JSON.parse(lines[0]!).headers).toEqual({
      authorization: "[Redacted]",
      cookie: "[Redacted]",
      accept: "*/*",
    });
  });

  it("masks addresses and access tokens that an error carries in its text", () => {
    const { log, lines } = capture();
    // What nodemailer throws when the server refuses the recipient, and a token caught in a message.
    const error = Object.assign(
      new Error("Can't send mail - all recipients were rejected: 550 5.1.1 <hunter.one@example.com>: no such user"),
      {
        response: "550 5.1.1 <hunter.one@example.com>: no such user",
        rejected: ["hunter.one@example.com"],
        code: "EENVELOPE",
      },
    );
    log.error({ err: error }, "mail failed");
    log.error({ err: new Error("bad token sys_AbCdEfGhIjKlMnOpQrStUv0123") }, "token");
    expect(lines.join("\n")).not.toMatch(/hunter\.one@example\.com|sys_AbCdEf/);
    const [mail, token] = lines.map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    expect(mail!.err).toMatchObject({
      type: "Error",
      message: expect.stringContaining("<[email]>"),
      rejected: ["[email]"],
      code: "EENVELOPE",
    });
    expect(mail!.err.stack).toEqual(expect.stringContaining("[email]"));
    expect(token!.err.message).toBe("bad token [token]");
  });

  it("puts the request id on every line logged inside the request, however deep, and only there", async () => {
    const { log, records } = capture();
    const deep = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      log.info("deep in a service");
    };
    log.info("before");
    await Promise.all([
      withRequestContext("req-1", async () => {
        log.info("handling");
        await deep();
      }),
      withRequestContext("req-2", deep),
    ]);
    log.info("after");
    expect(records().map((r) => [r.msg, r.requestId])).toEqual([
      ["before", undefined],
      ["handling", "req-1"],
      ["deep in a service", "req-1"],
      ["deep in a service", "req-2"],
      ["after", undefined],
    ]);
  });
});

describe("requestIdFrom", () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it.each(["3f1c2a9e-5b7d-4c1e-9a2b-7d6e5f4c3b2a", "01JBZ8Q6Y1X8W7V6T5S4R3Q2P1", "iad1::abc12-1700000000000-9f"])(
    "keeps a sane incoming id: %s",
    (id) => {
      expect(requestIdFrom(new Headers({ "x-request-id": id }))).toBe(id);
    },
  );

  it.each([
    ["none", undefined],
    ["empty", ""],
    ["too long", "a".repeat(129)],
    ["markup", "<script>"],
    ["JSON", '{"level":"fatal"}'],
    ["spaces", "abc def"],
  ])("replaces an id with %s by a new UUID", (_, id) => {
    const headers = new Headers();
    if (id !== undefined) headers.set("x-request-id", id);
    const made = requestIdFrom(headers);
    expect(made).toMatch(uuid);
    expect(requestIdFrom(headers)).not.toBe(made);
  });
});
