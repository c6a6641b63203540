// An Upstash-compatible REST endpoint in front of a real redis-server, so tests run the real @upstash/redis and
// @upstash/ratelimit code: POST / (one JSON array command), /pipeline, /multi-exec; Bearer token; {result} /
// {error} replies, base64-encoded when the client asks (Upstash-Encoding: base64, as @upstash/redis does).
// Run alone: node tests/support/upstash-proxy.mjs [port] (REDIS_URL, UPSTASH_PROXY_TOKEN from the environment).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import net from "node:net";
import { pathToFileURL } from "node:url";

function encodeCommand(args) {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) {
    const bytes = Buffer.from(typeof arg === "string" ? arg : JSON.stringify(arg));
    parts.push(`$${bytes.length}\r\n`, bytes, "\r\n");
  }
  return Buffer.concat(parts.map((p) => (Buffer.isBuffer(p) ? p : Buffer.from(p))));
}

/** Parses one RESP reply at `offset`; returns [value, nextOffset] or null when more bytes are needed. */
function parseReply(buffer, offset) {
  const end = buffer.indexOf("\r\n", offset);
  if (end === -1) return null;
  const type = String.fromCharCode(buffer[offset]);
  const line = buffer.toString("utf8", offset + 1, end);
  const next = end + 2;
  if (type === "+") return [{ value: Buffer.from(line) }, next];
  if (type === "-") return [{ error: line }, next];
  if (type === ":") return [{ value: Number(line) }, next];
  if (type === "$") {
    const length = Number(line);
    if (length === -1) return [{ value: null }, next];
    if (buffer.length < next + length + 2) return null;
    return [{ value: buffer.subarray(next, next + length) }, next + length + 2];
  }
  if (type === "*") {
    const count = Number(line);
    if (count === -1) return [{ value: null }, next];
    const items = [];
    let at = next;
    for (let i = 0; i < count; i++) {
      const parsed = parseReply(buffer, at);
      if (!parsed) return null;
      items.push(parsed[0]);
      at = parsed[1];
    }
    return [{ value: items }, at];
  }
  throw new Error(`Unexpected RESP type ${type}`);
}

/** One connection, opened again after Redis went away and came back; a request's commands are written in one go
 * and replies come back in order. */
function connectRedis(redisUrl) {
  const { hostname, port } = new URL(redisUrl);
  let socket = null;
  let waiting = [];
  const open = () => {
    const current = net.connect(Number(port || 6379), hostname);
    const mine = [];
    let buffer = Buffer.alloc(0);
    waiting = mine;
    current.on("data", (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const parsed = mine.length > 0 && parseReply(buffer, 0);
        if (!parsed) break;
        buffer = buffer.subarray(parsed[1]);
        mine.shift()(parsed[0]);
      }
    });
    const fail = (message) => mine.splice(0).forEach((resolve) => resolve({ error: `ERR ${message}` }));
    current.on("error", (error) => fail(error.message));
    current.on("close", () => {
      fail("connection closed");
      if (socket === current) socket = null;
    });
    return current;
  };
  return {
    send: (commands) => {
      socket ??= open();
      const queue = waiting;
      const replies = commands.map(() => new Promise((resolve) => queue.push(resolve)));
      socket.write(Buffer.concat(commands.map(encodeCommand)));
      return Promise.all(replies);
    },
    close: () => socket?.destroy(),
  };
}

// @upstash/ratelimit's scripts start with `#!lua flags=allow-key-locking`, which Redis 7.0 rejects. The flag line
// is stripped, and the SHA the client computed for the original script is mapped to the stripped one's.
const sha1 = (text) => createHash("sha1").update(text).digest("hex");
function adaptScripts(command, shas) {
  const [name, ...args] = command.map(String);
  const upper = name.toUpperCase();
  const strip = (script) => {
    const stripped = script.replace(/^#!lua[^\n]*\n/, "");
    shas.set(sha1(script), sha1(stripped));
    return stripped;
  };
  if (upper === "EVAL" || upper === "EVAL_RO") return [name, strip(args[0]), ...args.slice(1)];
  if (upper === "SCRIPT" && args[0]?.toUpperCase() === "LOAD") return [name, args[0], strip(args[1])];
  if (upper === "EVALSHA" || upper === "EVALSHA_RO") return [name, shas.get(args[0]) ?? args[0], ...args.slice(1)];
  return command;
}

function toJson(reply, base64, shaBack) {
  const encode = (value) => {
    if (Buffer.isBuffer(value)) {
      const text = value.toString("utf8");
      if (shaBack.has(text)) return shaBack.get(text);
      return base64 && text !== "OK" ? value.toString("base64") : text;
    }
    if (Array.isArray(value)) return value.map((item) => (item.error ? item.error : encode(item.value)));
    return value;
  };
  return reply.error ? { error: reply.error } : { result: encode(reply.value) };
}

export async function startUpstashProxy({ redisUrl = "redis://127.0.0.1:6379", token, port = 0 }) {
  const redis = connectRedis(redisUrl);
  const shas = new Map();
  const server = createServer(async (request, response) => {
    const reply = (status, body) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.headers.authorization !== `Bearer ${token}`) return reply(401, { error: "Unauthorized" });
    let body = "";
    for await (const chunk of request) body += chunk;
    const base64 = request.headers["upstash-encoding"] === "base64";
    try {
      const path = new URL(request.url ?? "/", "http://proxy").pathname;
      const parsed = JSON.parse(body || "[]");
      const batch = path === "/pipeline" || path === "/multi-exec";
      const commands = (batch ? parsed : [parsed]).map((command) => adaptScripts(command, shas));
      // SCRIPT LOAD answers with the stripped script's SHA; the client expects the SHA of what it sent.
      const shaBack = new Map([...shas].map(([original, stripped]) => [stripped, original]));
      const json = (r) => toJson(r, base64, shaBack);
      if (path === "/pipeline") return reply(200, (await redis.send(commands)).map(json));
      if (path === "/multi-exec") {
        const exec = (await redis.send([["MULTI"], ...commands, ["EXEC"]])).at(-1);
        if (exec.error) return reply(400, { error: exec.error });
        return reply(200, exec.value.map(json));
      }
      const [single] = await redis.send(commands);
      const result = json(single);
      return reply(result.error ? 400 : 200, result);
    } catch (error) {
      return reply(400, { error: `ERR ${error.message}` });
    }
  });
  await new Promise((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address();
  return {
    url: `http://127.0.0.1:${address.port}`,
    token,
    close: () =>
      new Promise((resolve) => {
        redis.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const proxy = await startUpstashProxy({
    redisUrl: process.env.REDIS_URL,
    token: process.env.UPSTASH_PROXY_TOKEN ?? "local-upstash-token",
    port: Number(process.argv[2] ?? 8079),
  });
  console.log(`Upstash-compatible endpoint at ${proxy.url} (token from UPSTASH_PROXY_TOKEN)`);
}
