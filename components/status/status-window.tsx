import { Panel } from "@/components/ui/panel";
import { Countdown } from "@/components/status/countdown";
import { SpendStatPoint } from "@/components/status/spend-stat-point";
import { STAT_GLOSSARY, STATS, type Stat } from "@/lib/progression/rules";

type Stats = Record<Stat, number>;
type StatSource = {
  base: number;
  job: number;
  allocated: number;
  quests: { id: string; title: string; strength: number }[];
};

export type StatusWindowProps = {
  hunterName: string;
  title: string | null;
  job: string | null;
  level: number;
  rank: string;
  xp: number;
  xpIntoLevel: number;
  xpForNextLevel: number;
  xpToNextLevel: number;
  gold: number;
  held: { xp: number; gold: number };
  stats: Stats;
  statSources: Record<keyof Stats, StatSource>;
  statPointsAvailable: number;
  streak: number;
  shields: number;
  secondsUntilReset: number;
};

const STAT_NAMES = Object.fromEntries(STATS.map((stat) => [stat, STAT_GLOSSARY[stat].name])) as Record<Stat, string>;

function statFormula(source: StatSource, job: string | null): string {
  const parts = [`${source.base} base`];
  if (source.job > 0) parts.push(`${source.job} ${job ?? "job"}`);
  if (source.allocated > 0) parts.push(`${source.allocated} points`);
  const fromQuests = source.quests.map((q) => `${Math.round(q.strength * 100)}% ${q.title}`).join(", ");
  const questPoints = Math.round(10 * source.quests.reduce((sum, q) => sum + q.strength, 0));
  parts.push(source.quests.length > 0 ? `${questPoints} from ${fromQuests}` : "0 from quests (tag one with it)");
  return parts.join(" + ");
}

/** The System's status window: who the Hunter is now, in numbers a screen reader reads as well as an eye. */
export function StatusWindow(props: StatusWindowProps) {
  const percent = Math.floor((props.xpIntoLevel / props.xpForNextLevel) * 100);
  const sRank = props.rank === "S";
  return (
    <Panel title="Status">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-xs tracking-widest text-slate-400 uppercase">Hunter{props.job && ` · ${props.job}`}</p>
          <p className="font-display text-2xl font-bold text-slate-100" data-testid="hunter-name">
            {props.hunterName}
          </p>
          {props.title && <p className="text-sm text-gold">{props.title}</p>}
        </div>
        <div className="text-right">
          <p
            className={`font-display text-4xl leading-none font-bold ${sRank ? "text-gold" : "text-system"}`}
            aria-label={`Rank ${props.rank}`}
          >
            {props.rank}
          </p>
          <p className="text-xs text-slate-400 uppercase">Rank</p>
        </div>
      </div>

      <div className="mt-4">
        <div className="flex items-baseline justify-between text-sm">
          <span>
            Level{" "}
            <strong className="text-lg text-slate-100" data-testid="level">
              {props.level}
            </strong>
          </span>
          <span className="text-slate-300">
            <span data-testid="xp">{props.xp.toLocaleString("en")}</span> XP ·{" "}
            {props.xpToNextLevel.toLocaleString("en")} to level {props.level + 1}
          </span>
        </div>
        <div
          role="progressbar"
          aria-label={`Experience toward level ${props.level + 1}`}
          aria-valuemin={0}
          aria-valuemax={props.xpForNextLevel}
          aria-valuenow={props.xpIntoLevel}
          aria-valuetext={`${props.xpIntoLevel} of ${props.xpForNextLevel} XP`}
          className="mt-1 h-2 overflow-hidden border border-system/40 bg-void"
        >
          <div className="h-full bg-system motion-safe:transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      </div>

      <dl className="mt-4 grid grid-cols-3 gap-2 text-center text-sm">
        <div>
          <dt className="text-xs text-slate-400 uppercase">Gold</dt>
          <dd className="text-gold" data-testid="gold">
            {props.gold.toLocaleString("en")}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-400 uppercase">Streak</dt>
          <dd data-testid="streak">
            {props.streak} {props.streak === 1 ? "day" : "days"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-400 uppercase">Shields</dt>
          <dd aria-label={`${props.shields} of 2 shields`}>
            {"◆".repeat(props.shields)}
            {"◇".repeat(Math.max(0, 2 - props.shields))}
          </dd>
        </div>
      </dl>
      {props.held.xp > 0 && (
        <p className="mt-2 text-center text-sm text-[#ff6680]">
          {props.held.xp} XP and {props.held.gold} gold held by the Penalty Zone
        </p>
      )}

      <ul aria-label="Stats" className="mt-4 grid grid-cols-5 gap-1 text-center">
        {(Object.keys(STAT_NAMES) as (keyof Stats)[]).map((stat) => (
          <li key={stat} className="border border-system/20 py-1">
            <abbr title={STAT_NAMES[stat]} className="block text-xs text-slate-400 no-underline">
              {stat}
            </abbr>
            <span className="text-slate-100" aria-label={`${STAT_NAMES[stat]} ${props.stats[stat]}`}>
              {props.stats[stat]}
            </span>
            {props.statPointsAvailable > 0 && <SpendStatPoint stat={stat} name={STAT_NAMES[stat]} />}
          </li>
        ))}
      </ul>
      {props.statPointsAvailable > 0 && (
        <p className="mt-2 text-center text-sm text-system">{props.statPointsAvailable} stat points to spend</p>
      )}
      <details className="mt-2 text-sm text-slate-300">
        <summary className="flex min-h-11 cursor-pointer items-center justify-center text-mist">
          What feeds your stats
        </summary>
        <ul className="flex flex-col gap-2" aria-label="Stat breakdown">
          {(Object.keys(STAT_NAMES) as (keyof Stats)[]).map((stat) => (
            <li key={stat} data-testid={`stat-source-${stat}`}>
              <strong className="text-slate-100">
                {STAT_NAMES[stat]} {props.stats[stat]}
              </strong>{" "}
              = {statFormula(props.statSources[stat], props.job)}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-400">
          Each quest tagged with a stat adds 10 × its strength: dailies by how often you complete them, good habits by
          the days you do them, bad habits by the days you resist. To-dos feed no stats.
        </p>
      </details>
      <p className="mt-4 text-center text-sm text-slate-300">
        <Countdown seconds={props.secondsUntilReset} prefix="Daily quests reset in" />
      </p>
    </Panel>
  );
}
