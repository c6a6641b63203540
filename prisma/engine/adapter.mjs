// The migration-aware driver adapter the wasm schema engine runs on: @prisma/adapter-pg, with the gaps that
// only the schema engine hits filled in.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { parseIntoClientConfig } from "pg-connection-string";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, DriverAdapterError, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// pg's URL parser gives discrete fields: a pool given both a connectionString and a database ignores the
// database, which would point the shadow at the main one.

const CHAR_OID = 18;
const TEXT_OID = 25;

// Like the native engine, give up on an unreachable server after 5 s rather than hang.
export function connectionConfig(url) {
  return { connectionTimeoutMillis: 5_000, ...parseIntoClientConfig(url) };
}

// The catalogue queries read pg_constraint.contype, of type "char", which adapter-pg refuses; the engine wants
// it as a character column. The pool hands it over as text and notes which columns to re-type.
const charColumnsOf = new WeakMap();

class CharAwarePool extends pg.Pool {
  async query(...args) {
    const result = await super.query(...args);
    if (!Array.isArray(result)) {
      const charColumns = result.fields.flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
      for (const i of charColumns) result.fields[i].dataTypeID = TEXT_OID;
      if (charColumns.length > 0) charColumnsOf.set(result.rows, charColumns);
    }
    return result;
  }
}

async function openAdapter(config, afterDispose = async () => {}) {
  // One connection, like the native engine: the advisory lock it takes while migrating belongs to a session,
  // and PGlite serves a single connection anyway.
  const pool = new CharAwarePool({ ...config, max: 1 });
  const inner = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
  return Object.assign(Object.create(inner), {
    async queryRaw(query) {
      const resultSet = await inner.queryRaw(query);
      for (const i of charColumnsOf.get(resultSet.rows) ?? []) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
      return resultSet;
    },
    // adapter-pg splits scripts on every ";", breaking functions and string literals. A query without
    // parameters goes over the simple protocol, which runs a whole multi-statement script as the native engine does.
    async executeScript(script) {
      await inner.executeRaw({ sql: script, args: [], argTypes: [] });
    },
    async dispose() {
      await inner.dispose();
      await afterDispose();
    },
  });
}

export async function adminQuery(config, sql) {
  const client = new pg.Client(config);
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const TEMPORARY_SHADOW_HINT =
  "migrate dev creates its shadow database on the main server. Where it cannot (no CREATEDB right, or PGlite, which serves one database over one connection), set SHADOW_DATABASE_URL to a separate empty database.";

const describeServer = ({ host, port, database }) => `${host}:${port ?? 5432}/${database}`;

class PgMigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor(url, shadowDatabaseUrl) {
    if (!url) throw new Error("No datasource URL: set DATABASE_URL or the datasource in prisma.config.ts.");
    this.config = connectionConfig(url);
    this.shadowConfig = shadowDatabaseUrl ? connectionConfig(shadowDatabaseUrl) : null;
  }

  connect() {
    return openAdapter(this.config);
  }

  async connectToShadowDb() {
    try {
      return await (this.shadowConfig ? this.openConfiguredShadow() : this.openTemporaryShadow());
    } catch (error) {
      if (error instanceof DriverAdapterError) throw error;
      // Anything but a driver error reaches the CLI as a bare "External error id#0".
      const message = this.shadowConfig ? error.message : `${error.message}\n${TEMPORARY_SHADOW_HINT}`;
      throw new DriverAdapterError({ kind: "postgres", code: error.code ?? "", severity: "ERROR", message });
    }
  }

  // The native engine empties a configured shadow database before replaying migrations on it; the wasm
  // engine leaves that to the adapter.
  async openConfiguredShadow() {
    if (describeServer(this.shadowConfig) === describeServer(this.config)) {
      throw new Error(
        "The shadow database URL points at the main database. Set SHADOW_DATABASE_URL to another database.",
      );
    }
    const shadow = await openAdapter(this.shadowConfig);
    await shadow.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
    return shadow;
  }

  async openTemporaryShadow() {
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    await adminQuery(this.config, `CREATE DATABASE "${database}"`);
    // Its pool must be closed before the database can be dropped.
    const shadow = await openAdapter({ ...this.config, database }, () =>
      adminQuery(this.config, `DROP DATABASE "${database}"`),
    );
    // A server that ignores the database name would have migrations replayed on the main database.
    try {
      const { rows } = await shadow.queryRaw({ sql: "SELECT current_database()", args: [], argTypes: [] });
      if (rows[0][0] !== database)
        throw new Error("The server ignores database names, so it cannot host a shadow database.");
      return shadow;
    } catch (error) {
      await shadow.dispose();
      throw error;
    }
  }
}

export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  return bindMigrationAwareSqlAdapterFactory(new PgMigrationAdapterFactory(url, shadowDatabaseUrl));
}
