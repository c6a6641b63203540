import "server-only";
import { randomBytes } from "node:crypto";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

type QueryListener = (event: Prisma.QueryEvent) => void;

export function createPrismaClient(connectionString: string, max: number, options: pg.PoolConfig = {}) {
  // The pool is ours, not the adapter's, so /api/metrics can read its gauges (poolStats) and sqlTransaction can
  // take a connection of it; the adapter still ends it on $disconnect.
  const pool = new pg.Pool({ ...options, connectionString, max });
  // Query events (not logs): tests subscribe with db.$on("query") to count the queries a request costs. A listener
  // hears sqlTransaction's statements too (`queryListeners`).
  const client = new PrismaClient({
    adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    log: [{ emit: "event", level: "query" }],
  });
  const queryListeners = new Set<QueryListener>();
  const on = client.$on.bind(client) as (event: "query", listener: QueryListener) => void;
  const $on = ((event: "query", listener: QueryListener) => {
    if (event === "query") queryListeners.add(listener);
    on(event, listener);
  }) as typeof client.$on;
  return Object.assign(client, { pool, queryListeners, $on });
}

type Client = ReturnType<typeof createPrismaClient>;

/**
 * A model's columns for a raw SELECT (of the table aliased `table`), read back exactly as the ORM reads them: each
 * column named in `casts` is cast (enums to `text`, arrays of them to `text[]`). The check-in's statements go through
 * `$queryRaw`, which skips the ORM's query compiler: about a quarter of a millisecond of CPU per statement (#16).
 */
export function rawColumns(
  table: string,
  columns: readonly string[],
  casts: Record<string, "text" | "text[]"> = {},
  /** Put before each column's name in the result, for a read of two tables with columns of the same name. */
  prefix = "",
): Prisma.Sql {
  const cast = (column: string) => (casts[column] ? `::${casts[column]}` : "");
  return Prisma.join(
    columns.map((column) => Prisma.raw(`"${table}"."${column}"${cast(column)} AS "${prefix}${column}"`)),
  );
}

/** `columns` of a raw row read with rawColumns, each from its name after `prefix`. */
export function rowColumns(row: Record<string, unknown>, columns: readonly string[], prefix = "") {
  const picked: Record<string, unknown> = {};
  for (const column of columns) picked[column] = row[`${prefix}${column}`];
  return picked;
}

/** A transaction's client: services pass it down so every write of one action commits together. */
export type Tx = Prisma.TransactionClient;

/**
 * What code written in raw SQL needs of a client: Prisma's clients (`db`, a `Tx`) and `sqlTransaction`'s both
 * serve it, so the ledger, penalty and achievement writes run inside either kind of transaction.
 */
export interface Sql {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
  $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
}

/** Ids made in this process within one millisecond still sort in the order they were made. */
let idCounter = 0;

/**
 * A new row id, for rows inserted in raw SQL, cuid-like: a letter, the time in base 36, a counter, 48 random bits.
 * Ids sort by creation time (and within a millisecond by creation order in one process), as the ORM's cuids did:
 * two check-ins of one instant still list in the order they were made.
 */
export function newId(): string {
  idCounter = (idCounter + 1) % 36 ** 4;
  return `c${Date.now().toString(36)}${idCounter.toString(36).padStart(4, "0")}${randomBytes(6).toString("hex")}`;
}

/** Postgres's `timestamp` (without time zone), as Prisma stores DateTime: a UTC wall clock. */
const TIMESTAMP_OID = 1114;
/** How sqlTransaction reads columns: as Prisma's $queryRaw does (a timestamp is the UTC instant it holds). */
const PRISMA_TYPES = {
  getTypeParser: (oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_OID
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format),
} as pg.CustomTypesConfig;

/** A Date parameter as the UTC instant (pg's own would write the process's local time, which a timestamp keeps). */
const parameter = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/** sqlTransaction's spans: a no-op unless tracing is on (lib/tracing.ts), as Prisma's own are. */
const tracer = trace.getTracer("the-system.db");

/**
 * `work` in one transaction on a connection of the process's pool, through node-postgres itself: Prisma's
 * interactive transaction costs 0.63 ms of CPU more per transaction and each of its raw statements 0.13 ms more (#16,
 * measured with a throwaway loop), and a check-in pays that on every tap. Same contract as `db.$transaction` with
 * TX_OPTIONS: at most `maxWait` for a connection (then the pool's own "timeout exceeded when trying to connect",
 * which is answered as the database being unreachable), statements refused after `timeout`, any error rolls back.
 * Its statements (and COMMIT or ROLLBACK, as Prisma's are) reach db.$on("query") listeners. Traced as a
 * `db:transaction` span over a `db:query` span per statement (the SQL with its placeholders, never the values).
 */
export function sqlTransaction<T>(
  work: (tx: Sql) => Promise<T>,
  options: { maxWait: number; timeout: number } = TX_OPTIONS,
): Promise<T> {
  return tracer.startActiveSpan("db:transaction", { kind: SpanKind.INTERNAL }, async (span) => {
    try {
      return await transaction(work, options);
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * One statement on `client` (a connection of the pool, or the pool itself: whichever connection is free), read and
 * written as Prisma's $queryRaw does, traced as a `db:query` span and told to db.$on("query") listeners (BEGIN goes
 * unreported, as Prisma's driver adapter leaves it).
 */
async function send(client: pg.Pool | pg.PoolClient, text: string, values: unknown[] = []) {
  const { queryListeners } = getPrisma();
  const started = performance.now();
  const span = tracer.startSpan("db:query", {
    kind: SpanKind.CLIENT,
    attributes: { "db.system.name": "postgresql", "db.query.text": text },
  });
  const result = await client
    .query({ text, values: values.map(parameter), types: PRISMA_TYPES })
    .finally(() => span.end());
  if (queryListeners.size > 0 && text !== "BEGIN") {
    const event = {
      timestamp: new Date(),
      query: text,
      params: JSON.stringify(values.map(parameter)),
      duration: performance.now() - started,
      target: "node-postgres",
    };
    for (const listener of queryListeners) listener(event);
  }
  return result;
}

/** The Sql interface over `run`, which sends one statement with its bound values. */
function sqlOver(run: (text: string, values: unknown[]) => Promise<pg.QueryResult>): Sql {
  const bind = (query: TemplateStringsArray | Prisma.Sql, values: unknown[]) =>
    query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
  return {
    async $queryRaw<R>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { text, values: bound } = bind(query, values);
      return (await run(text, bound)).rows as R;
    },
    async $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) {
      const { text, values: bound } = bind(query, values);
      return (await run(text, bound)).rowCount ?? 0;
    },
  };
}

/**
 * Raw statements outside any transaction, each on whichever connection of the pool is free, through node-postgres
 * as sqlTransaction's are: for the reads every request makes (the token's or the session's player, the status
 * window, the boards' totals after a write), where Prisma's $queryRaw costs 0.13 ms of CPU more per statement (#16).
 * Same results as `db.$queryRaw`; errors are node-postgres's own (lib/errors.ts isDatabaseUnavailable knows them).
 */
export const rawSql: Sql = sqlOver((text, values) => send(getPrisma().pool, text, values));

async function transaction<T>(work: (tx: Sql) => Promise<T>, options: { maxWait: number; timeout: number }) {
  const connection = await connect(getPrisma().pool, options.maxWait);
  const deadline = Date.now() + options.timeout;
  const tx = sqlOver((text, values) => {
    if (Date.now() > deadline) throw new Error(`Transaction expired after ${options.timeout} ms`);
    return send(connection, text, values);
  });
  // A connection whose ROLLBACK failed is in no state to serve again: the pool drops it.
  let broken: Error | undefined;
  try {
    await send(connection, "BEGIN");
    const result = await work(tx);
    await tx.$executeRaw`COMMIT`;
    return result;
  } catch (error) {
    await send(connection, "ROLLBACK").catch((failed: Error) => void (broken = failed));
    throw error;
  } finally {
    connection.release(broken);
  }
}

/** A connection of `pool` within `maxWait` ms; one that arrives later goes straight back. */
async function connect(pool: pg.Pool, maxWait: number): Promise<pg.PoolClient> {
  const pending = pool.connect();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("timeout exceeded when trying to connect")), maxWait);
  });
  try {
    return await Promise.race([pending, late]);
  } catch (error) {
    pending.then(
      (connection) => connection.release(),
      () => undefined,
    );
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** A player's writes queue on their row lock (lib/ledger/service.ts lockPlayer): give them time rather than fail. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
/** Settling a long absence day by day may take longer than one check-in. */
export const SETTLEMENT_TX_OPTIONS = { maxWait: 15_000, timeout: 60_000 } as const;

// One client per process; dev hot reloads would otherwise open a new pool on every edit.
const globalForPrisma = globalThis as unknown as { prisma?: Client; boundedReads?: Client };

function getPrisma(): Client {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = env();
    globalForPrisma.prisma = createPrismaClient(DATABASE_URL, DATABASE_POOL_MAX);
  }
  return globalForPrisma.prisma;
}

/** The Prisma client, created on first use. */
export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const client = getPrisma();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

/** Reads through `boundedReads()`: each statement gives up after this long. */
export const BOUNDED_STATEMENT_TIMEOUT_MS = 500;

/**
 * A client for reads that must never pile up (the leaderboards' SQL fallback while Redis is away): a pool of its
 * own of at most 4 connections, each statement cut off after 500 ms and at most 1 s spent waiting for a
 * connection, so a burst queues here instead of taking the connections check-ins need. The embedded database
 * serves a single connection: there these reads share it, without the cut-off.
 */
export function boundedReads(): Client {
  const { DATABASE_URL, DATABASE_POOL_MAX } = env();
  if (DATABASE_POOL_MAX === 1) return db;
  globalForPrisma.boundedReads ??= createPrismaClient(DATABASE_URL, Math.min(4, DATABASE_POOL_MAX), {
    statement_timeout: BOUNDED_STATEMENT_TIMEOUT_MS,
    connectionTimeoutMillis: 2 * BOUNDED_STATEMENT_TIMEOUT_MS,
  });
  return globalForPrisma.boundedReads;
}

export type PoolStats = { inUse: number; idle: number; waiting: number; max: number };

/** The process's connection pool right now; null before the first query made the client. */
export function poolStats(): PoolStats | null {
  const pool = globalForPrisma.prisma?.pool;
  if (!pool) return null;
  return {
    inUse: pool.totalCount - pool.idleCount,
    idle: pool.idleCount,
    waiting: pool.waitingCount,
    max: pool.options.max ?? 10,
  };
}
