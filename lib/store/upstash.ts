import http from "node:http";
import https from "node:https";
import { Ratelimit } from "@upstash/ratelimit";
import { errors, Redis, type Requester, type UpstashRequest, type UpstashResponse } from "@upstash/redis";
import type { BoardRead, LimitResult, LimitRule, RankedEntry, Store, StoreWrite } from "@/lib/store/types";

/** KEYS[1] is set to ARGV[2] for ARGV[3] seconds only while it holds ARGV[1] ("" for absent). */
const SET_IF_UNCHANGED = `
local current = redis.call("GET", KEYS[1])
if (current or "") ~= ARGV[1] then return 0 end
redis.call("SET", KEYS[1], ARGV[2], "EX", ARGV[3])
return 1`;

export class RedisTimeoutError extends Error {
  override name = "RedisTimeoutError";
}

/**
 * The REST calls of @upstash/redis over node:http(s) with kept-alive connections, in place of the library's own
 * transport (fetch): 0.07–0.16 ms of CPU a call against 0.38–0.81 with fetch and its AbortSignal.timeout, whose
 * timer also builds a DOMException each time it fires after the answer came (#16; measured with a throwaway loop of
 * 4,000 pipelines against tests/support/upstash-proxy.mjs). The protocol is the library's: the command (or a pipeline's
 * commands) POSTed as JSON under the Bearer token, `{result}`/`{error}` answers, and the read-your-writes sync token
 * carried from each answer to the next request. Answers come as plain JSON (no base64): everything the app stores
 * is UTF-8 text. Each call gives up after `timeoutMs`; an idle connection is closed after 4 s, before the server's
 * own keep-alive timeout could close it under a request. With tracing on, @vercel/otel's "fetch" instrumentation
 * makes a client span of each call (it covers node:http too).
 */
class NodeRequester implements Requester {
  readYourWrites = true;
  upstashSyncToken = "";
  private readonly base: URL;
  private readonly transport: typeof http | typeof https;
  private readonly agent: http.Agent;

  constructor(
    url: string,
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {
    this.base = new URL(url);
    this.transport = this.base.protocol === "https:" ? https : http;
    this.agent = new this.transport.Agent({ keepAlive: true, timeout: 4_000 });
  }

  request<T>(req: UpstashRequest): Promise<UpstashResponse<T>> {
    const path = [this.base.pathname.replace(/\/$/, ""), ...(req.path ?? [])].join("/") || "/";
    const body = JSON.stringify(req.body);
    return new Promise((resolve, reject) => {
      const sent = this.transport.request(
        {
          host: this.base.hostname,
          port: this.base.port,
          path,
          method: "POST",
          agent: this.agent,
          headers: {
            authorization: `Bearer ${this.token}`,
            "content-type": "application/json",
            "content-length": Buffer.byteLength(body),
            ...(this.readYourWrites && { "upstash-sync-token": this.upstashSyncToken }),
            ...req.headers,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("error", fail);
          response.on("end", () => {
            clearTimeout(timer);
            const raw = Buffer.concat(chunks).toString("utf8");
            let answer: UpstashResponse<T> & { error?: string };
            try {
              answer = JSON.parse(raw) as UpstashResponse<T>;
            } catch (error) {
              return reject(new errors.UpstashJSONParseError(raw, { cause: error }));
            }
            const status = response.statusCode ?? 0;
            if (status < 200 || status >= 300) return reject(new errors.UpstashError(String(answer.error)));
            if (this.readYourWrites) this.upstashSyncToken = String(response.headers["upstash-sync-token"] ?? "");
            resolve(answer);
          });
        },
      );
      const timer = setTimeout(
        () => sent.destroy(new RedisTimeoutError(`Redis did not answer within ${this.timeoutMs} ms`)),
        this.timeoutMs,
      );
      function fail(error: Error) {
        clearTimeout(timer);
        reject(error);
      }
      sent.on("error", fail);
      sent.end(body);
    });
  }
}

/** @upstash/redis's client, its calls sent by NodeRequester (its `client` is the library's Requester interface). */
class NodeRedis extends Redis {
  constructor(url: string, token: string, timeoutMs: number) {
    // Auto-pipelining off: it would wrap the client in a proxy before the requester is in place, and the store
    // already sends what belongs together as one pipeline.
    super({ url, token, automaticDeserialization: false, enableAutoPipelining: false });
    this.client = new NodeRequester(url, token, timeoutMs);
  }
}

/** Upstash over REST, with a hard timeout on every call. Errors propagate; callers decide how to degrade. */
export class UpstashStore implements Store {
  readonly kind = "upstash" as const;
  private readonly redis: Redis;
  private readonly limiters = new Map<string, Ratelimit>();
  private readonly setIfUnchangedScript: ReturnType<Redis["createScript"]>;

  /** `timeoutMs`: every call gives up after this long, so a slow Redis cannot slow the app down. */
  constructor(
    url: string,
    token: string,
    private readonly prefix: string,
    private readonly timeoutMs = 300,
  ) {
    this.redis = new NodeRedis(url, token, timeoutMs);
    this.setIfUnchangedScript = this.redis.createScript(SET_IF_UNCHANGED);
  }

  private key(key: string) {
    return this.prefix + key;
  }

  async ping() {
    await this.redis.ping();
  }

  async get(key: string) {
    return this.redis.get<string>(this.key(key));
  }

  async set(key: string, value: string, ttlSeconds: number) {
    await this.redis.set(this.key(key), value, { ex: ttlSeconds });
  }

  /** One round trip once Redis knows the script (EVALSHA; the first call per server also sends it). */
  async setIfUnchanged(key: string, expected: string | null, value: string, ttlSeconds: number) {
    const set = await this.setIfUnchangedScript.exec([this.key(key)], [expected ?? "", value, String(ttlSeconds)]);
    return Number(set) === 1;
  }

  async del(...keys: string[]) {
    if (keys.length > 0) await this.redis.del(...keys.map((k) => this.key(k)));
  }

  async incr(key: string, ttlSeconds: number) {
    // One round trip: the count and its lifetime together.
    const [count] = await this.redis
      .multi()
      .incr(this.key(key))
      .expire(this.key(key), ttlSeconds)
      .exec<[number, 0 | 1]>();
    return count;
  }

  async zset(key: string, entries: readonly RankedEntry[]) {
    const [first, ...rest] = entries;
    if (!first) return;
    await this.redis.zadd(
      this.key(key),
      { score: first.score, member: first.member },
      ...rest.map(({ score, member }) => ({ score, member })),
    );
  }

  async apply(writes: readonly StoreWrite[]) {
    if (writes.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const write of writes) {
      if (write.op === "del") pipeline.del(this.key(write.key));
      else if (write.op === "set") pipeline.set(this.key(write.key), write.value, { ex: write.ttlSeconds });
      else if (write.op === "zrem") pipeline.zrem(this.key(write.key), write.member);
      else {
        const [first, ...rest] = write.entries;
        if (first) pipeline.zadd(this.key(write.key), first, ...rest);
      }
    }
    await pipeline.exec();
  }

  async zrevrank(key: string, member: string) {
    return this.redis.zrevrank(this.key(key), member);
  }

  async zcard(key: string) {
    return this.redis.zcard(this.key(key));
  }

  async ztop(key: string, limit: number) {
    return pairs(
      await this.redis.zrange<(string | number)[]>(this.key(key), 0, limit - 1, { rev: true, withScores: true }),
    );
  }

  async zread(key: string, member: string, limit: number, marker: string): Promise<BoardRead> {
    const k = this.key(key);
    const [flat, rank, total, markerScore] = await this.redis
      .pipeline()
      .zrange<(string | number)[]>(k, 0, limit - 1, { rev: true, withScores: true })
      .zrevrank(k, member)
      .zcard(k)
      .zscore(k, marker)
      .exec<[(string | number)[], number | null, number, number | null]>();
    return { top: pairs(flat), rank, total, marked: markerScore !== null };
  }

  async claim(key: string, ttlSeconds: number) {
    return (await this.redis.set(this.key(key), "1", { nx: true, ex: ttlSeconds })) === "OK";
  }

  async limit(name: string, identifier: string, rule: LimitRule): Promise<LimitResult> {
    const id = `${name}:${rule.limit}:${rule.windowSeconds}`;
    let limiter = this.limiters.get(id);
    if (!limiter) {
      limiter = new Ratelimit({
        redis: this.redis,
        limiter: Ratelimit.slidingWindow(rule.limit, `${rule.windowSeconds} s`),
        prefix: this.key(`rl:${name}`),
        timeout: this.timeoutMs,
        // A denial cached in this process must not outlive a test's or an operator's reset of Redis.
        ephemeralCache: false,
      });
      this.limiters.set(id, limiter);
    }
    const { success, limit, remaining, reset, reason } = await limiter.limit(identifier);
    // @upstash/ratelimit lets a request through when Redis does not answer in time; say so to the caller.
    if (reason === "timeout") throw new RedisTimeoutError("Rate limit check timed out");
    return { success, limit, remaining, reset };
  }

  /** @upstash/ratelimit's sliding window keeps `<prefix>:<identifier>:<window number>`, this one and the last. */
  async forgetLimit(name: string, identifier: string, rule: LimitRule) {
    const window = Math.floor(Date.now() / (rule.windowSeconds * 1000));
    await this.del(`rl:${name}:${identifier}:${window}`, `rl:${name}:${identifier}:${window - 1}`);
  }
}

function pairs(flat: (string | number)[]): RankedEntry[] {
  const entries: RankedEntry[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) entries.push({ member: String(flat[i]), score: Number(flat[i + 1]) });
  return entries;
}
