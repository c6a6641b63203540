// The native engine's JSON-RPC 2.0 server: one JSON message per line, requests on stdin, responses on stdout.
import readline from "node:readline";
import { log } from "./log.mjs";

// The CLI calls these by name; the wasm engine has a method for each, `version` under a different name.
const METHODS = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  debugPanic: "debugPanic",
  devDiagnostic: "devDiagnostic",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  diff: "diff",
  ensureConnectionValidity: "ensureConnectionValidity",
  evaluateDataLoss: "evaluateDataLoss",
  getDatabaseVersion: "version",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

// The error code the native engine gives every failed request; the details live in `data`.
const ENGINE_ERROR = 4466;
const MIGRATION_FAILED =
  "A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve";
const SHADOW_NOT_READY = /shadow DB must be provided through an external factory/;

// `engineReady` is the engine being created. Failures, even in creating it, become responses: the CLI only
// learns of an engine that exits early by hanging, so the process stays up until the CLI closes stdin.
export function serveJsonRpc(engineReady, panics) {
  engineReady.catch(() => {});
  const unanswered = new Set();
  const handling = [];
  const printAcks = new Map();
  let nextPrintId = 1;
  let panicError = null;

  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
  const respond = (id, outcome) => unanswered.delete(id) && send({ id, ...outcome });

  // A trapped wasm instance is unusable: every request, pending or later, is answered as a panic, and the
  // process exits as a panicking native engine does.
  const panic = (error) => {
    const message = panics.message || String(error?.message ?? error);
    panicError ??= {
      code: ENGINE_ERROR,
      message,
      data: { is_panic: true, message, meta: { full_error: message }, error_code: null },
    };
    log("ERROR", { message, is_panic: true });
    for (const id of unanswered) respond(id, { error: panicError });
    process.exitCode = 101;
  };
  process.on("uncaughtException", panic);
  process.on("unhandledRejection", panic);

  // A native engine prints a diff itself, by asking the CLI to print it.
  const print = (content) => {
    const id = nextPrintId++;
    const acknowledged = new Promise((resolve) => printAcks.set(id, resolve));
    send({ id, method: "print", params: { content: content.replace(/\n$/, "") } });
    return acknowledged;
  };

  const invoke = async (method, params) => {
    const engine = await engineReady;
    if (method === "diff") {
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout !== null) await print(stdout);
      return { exitCode };
    }
    return (await engine[METHODS[method]](params)) ?? {};
  };

  // On a new database with existing migrations, the wasm engine has no shadow database for `migrate dev`'s
  // data-loss evaluation until devDiagnostic has run against the migrated database. Run it, then retry once.
  const call = async (method, params) => {
    try {
      return await invoke(method, params);
    } catch (error) {
      if (!SHADOW_NOT_READY.test(error?.message) || !params?.migrationsList) throw error;
      await (await engineReady).devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
      return invoke(method, params);
    }
  };

  const handle = async ({ id, method, params }) => {
    if (panicError) return respond(id, { error: panicError });
    if (!Object.hasOwn(METHODS, method)) {
      return respond(id, { error: { code: -32601, message: `Method not found: ${method}` } });
    }
    try {
      respond(id, { result: await call(method, params) });
    } catch (error) {
      if (error instanceof WebAssembly.RuntimeError) panic(error);
      else respond(id, { error: rpcError(error) });
    }
  };

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (message.method === undefined) {
      printAcks.get(message.id)?.();
      printAcks.delete(message.id);
      return;
    }
    unanswered.add(message.id);
    handling.push(handle(message));
  });
  // The CLI stops the engine by closing stdin. After a panic, pending wasm calls never settle.
  lines.on("close", async () => {
    if (!panicError) await Promise.all(handling);
    process.exit();
  });
}

function rpcError(error) {
  // The wasm engine appends its span trace to the message; the native engine shows the message alone.
  const [message, spanTrace = ""] = String(error?.message ?? error).split(/\n {3}0: /);
  // A failing migration script reaches the wasm engine as a bare driver error; report it as the native
  // engine does, naming the migration.
  const failedMigration = /apply_script\s+with migration_name="([^"]+)"/.exec(spanTrace)?.[1];
  if (failedMigration) {
    const databaseError = message.replace(/^external connector error\n/, "");
    return engineError(
      "P3018",
      `${MIGRATION_FAILED}\n\nMigration name: ${failedMigration}\n\nDatabase error:\n${databaseError}\n`,
    );
  }
  return engineError(error?.code ?? null, message);
}

function engineError(errorCode, message) {
  return { code: ENGINE_ERROR, message, data: { is_panic: false, message, meta: {}, error_code: errorCode } };
}
