#!/usr/bin/env node
// Prisma's schema engine for the stock CLI, without the native binary (whose download host is unreachable):
// the same engine compiled to WebAssembly, on @prisma/adapter-pg. prisma.config.ts sets this file as
// PRISMA_SCHEMA_ENGINE_BINARY, and the CLI spawns it with the native engine's arguments and protocol.
import fs from "node:fs";
import { parseArgs } from "node:util";
import { createAdapterFactory } from "./adapter.mjs";
import { runDatabaseCommand } from "./database.mjs";
import { logWarningsAsJson, writeLogLine } from "./log.mjs";
import { serveJsonRpc } from "./rpc.mjs";

logWarningsAsJson();
const { values: args, positionals } = parseArgs({
  options: {
    datamodels: { type: "string", multiple: true },
    datasource: { type: "string" },
    // Accepted for compatibility; the wasm engine takes neither.
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
  allowPositionals: true,
});
const datasource = args.datasource ? JSON.parse(args.datasource) : {};

if (positionals[0] === "cli") {
  process.exitCode = await runDatabaseCommand(positionals[1], datasource.url);
} else {
  const panics = { message: "" };
  // The wasm build reports a panic's message here just before it traps.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (message) => (panics.message = message) };
  serveJsonRpc(startEngine(args.datamodels, datasource), panics);
}

async function startEngine(datamodelPaths, datasource) {
  const { SchemaEngine } = await loadWasmEngine();
  // With no schema files the engine wants undefined; an empty list makes it panic.
  const datamodels = datamodelPaths?.map((path) => [path, fs.readFileSync(path, "utf8")]);
  return SchemaEngine.new({ datamodels }, writeLogLine, createAdapterFactory(datasource));
}

// The package's entry imports the .wasm file as an ES module, which Node 20 cannot do without a flag.
async function loadWasmEngine() {
  const bindingsUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(bindingsUrl);
  const wasmModule = new WebAssembly.Module(fs.readFileSync(new URL("schema_engine_bg.wasm", bindingsUrl)));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}
