// The drill's verdict: a restore that lost, added or changed rows, or whose ledger check differs from the
// source's, fails; drift already in the source is reported, not blamed on the backup.
import { describe, expect, it } from "vitest";
import { compareSnapshots } from "@/deploy/backup/verify.mjs";

const source = { counts: { Player: 3, LedgerEntry: 9, _prisma_migrations: 4 }, ledgerDrift: [] as string[] };

describe("compareSnapshots", () => {
  it("passes an exact restore", () => {
    expect(compareSnapshots(source, structuredClone(source))).toEqual({ problems: [], warnings: [] });
  });

  it.each([
    [
      "a table with fewer rows",
      { ...source, counts: { ...source.counts, LedgerEntry: 8 } },
      /LedgerEntry: 9 rows in the source, 8 rows restored/,
    ],
    [
      "a missing table",
      { ...source, counts: { Player: 3, LedgerEntry: 9 } },
      /_prisma_migrations: 4 rows in the source, no table restored/,
    ],
    [
      "an extra table",
      { ...source, counts: { ...source.counts, Extra: 0 } },
      /Extra: no table in the source, 0 rows restored/,
    ],
    ["ledger drift the source did not have", { ...source, ledgerDrift: ["p1"] }, /0 players disagree in the source, 1/],
  ])("fails %s", (_, restored, message) => {
    const { problems } = compareSnapshots(source, restored);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(message);
  });

  it("warns about drift already in the source, restored identically", () => {
    const drifting = { ...source, ledgerDrift: ["p1", "p2"] };
    expect(compareSnapshots(drifting, structuredClone(drifting))).toEqual({
      problems: [],
      warnings: ["2 players' totals already disagree with the ledger in the source: p1, p2"],
    });
  });
});
