// What the drill compares between the source (in the snapshot pg_dump read) and the restored copy.

// Player totals are kept in step with the append-only ledger, in the same transaction.
const LEDGER_DRIFT = `
  SELECT p.id FROM "Player" p
  LEFT JOIN (
    SELECT "playerId", sum(xp) AS xp, sum(gold) AS gold, sum("heldXp") AS held_xp, sum("heldGold") AS held_gold
    FROM "LedgerEntry" GROUP BY "playerId"
  ) l ON l."playerId" = p.id
  WHERE p.xp <> coalesce(l.xp, 0) OR p.gold <> coalesce(l.gold, 0)
     OR p."heldXp" <> coalesce(l.held_xp, 0) OR p."heldGold" <> coalesce(l.held_gold, 0)
  ORDER BY p.id`;

/** Row count of every table in the public schema, and the players whose totals disagree with their ledger. */
export async function snapshotOf(client) {
  const { rows } = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
  const counts = {};
  for (const { tablename } of rows) {
    counts[tablename] = (await client.query(`SELECT count(*)::int AS n FROM "${tablename}"`)).rows[0].n;
  }
  const ledgerDrift = (await client.query(LEDGER_DRIFT)).rows.map((row) => row.id);
  return { counts, ledgerDrift };
}

/**
 * Problems fail the drill: the restore lost, added or changed data. A source whose totals already disagree with
 * its ledger is a warning: the backup faithfully kept what was there, but someone should look.
 */
export function compareSnapshots(source, restored) {
  const problems = [];
  const rows = (n) => (n === undefined ? "no table" : `${n} rows`);
  for (const table of new Set([...Object.keys(source.counts), ...Object.keys(restored.counts)])) {
    if (source.counts[table] !== restored.counts[table]) {
      problems.push(`${table}: ${rows(source.counts[table])} in the source, ${rows(restored.counts[table])} restored`);
    }
  }
  if (source.ledgerDrift.join() !== restored.ledgerDrift.join()) {
    problems.push(
      `ledger = totals: ${source.ledgerDrift.length} players disagree in the source, ${restored.ledgerDrift.length} in the restore`,
    );
  }
  const warnings =
    source.ledgerDrift.length > 0
      ? [
          `${source.ledgerDrift.length} players' totals already disagree with the ledger in the source: ${source.ledgerDrift.join(", ")}`,
        ]
      : [];
  return { problems, warnings };
}
