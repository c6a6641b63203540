// The native engine's one-shot commands (`schema-engine --datasource … cli <command>`), which the CLI runs to
// create a missing database before `migrate dev`, `migrate reset` or `db push`. The wasm engine has none of
// them, so they are done here with pg.
import pg from "pg";
import { adminQuery, connectionConfig } from "./adapter.mjs";
import { log } from "./log.mjs";

const COMMANDS = {
  "can-connect-to-database": (config) => adminQuery(config, "SELECT 1"),
  "create-database": (config) =>
    adminQuery({ ...config, database: "postgres" }, `CREATE DATABASE ${pg.escapeIdentifier(config.database)}`),
  "drop-database": (config) =>
    adminQuery({ ...config, database: "postgres" }, `DROP DATABASE ${pg.escapeIdentifier(config.database)}`),
};

export async function runDatabaseCommand(command, url) {
  // The CLI skips the first stderr line, then reads every other line as a JSON log record.
  log("INFO", { message: `schema-engine-wasm cli ${command}` });
  if (!Object.hasOwn(COMMANDS, command)) {
    log("ERROR", { message: `Unknown command: ${command}` });
    return 1;
  }
  const config = connectionConfig(url);
  try {
    await COMMANDS[command](config);
    return 0;
  } catch (error) {
    log("ERROR", describeError(error, config));
    return 1;
  }
}

// The native engine's user-facing errors, by Postgres error code or socket error. Never echoes the URL.
function describeError(error, { host, port, user, database }) {
  const server = `${host}:${port ?? 5432}`;
  switch (error.code ?? error.errors?.[0]?.code) {
    case "3D000":
      return {
        error_code: "P1003",
        message: `Database \`${database}\` does not exist on the database server at \`${server}\`.`,
      };
    case "42P04":
      return {
        error_code: "P1009",
        message: `Database \`${database}\` already exists on the database server at \`${server}\``,
      };
    case "28P01":
    case "28000":
      return {
        error_code: "P1000",
        message: `Authentication failed against database server, the provided database credentials for \`${user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${server}\`.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return {
        error_code: "P1001",
        message: `Can't reach database server at \`${server}\`\n\nPlease make sure your database server is running at \`${server}\`.`,
      };
    default:
      return { message: error.message };
  }
}
