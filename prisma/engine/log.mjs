// The native engine logs JSON lines on stderr; the CLI parses them for error codes and messages.
export function log(level, fields) {
  writeLogLine(JSON.stringify({ timestamp: new Date().toISOString(), level, fields, target: "schema_engine::logger" }));
}

export function writeLogLine(line) {
  process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
}

// Node prints warnings (pg's about sslmode, for one) as plain text, which the CLI cannot parse.
export function logWarningsAsJson() {
  process.removeAllListeners("warning").on("warning", (warning) => log("WARN", { message: warning.message }));
}
