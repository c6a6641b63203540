"use client";
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useOptimistic, useState, useTransition } from "react";
import { IntentLink } from "@/components/nav/intent-link";
import { describeSchedule, describeTarget, titleCase } from "@/components/quests/describe";
import type { QuestBoardEntry } from "@/lib/quests/queries";
import { reorderQuestsAction, restoreQuestAction } from "@/lib/quests/actions";

const SECTIONS = [
  { kind: "DAILY", title: "Dailies" },
  { kind: "HABIT", title: "Habits" },
  { kind: "ONE_TIME", title: "To-dos" },
] as const;

/** What a row says at a glance: difficulty, stats, schedule or due day, target, streak, today's state. */
function facts(quest: QuestBoardEntry): string[] {
  const out = [titleCase(quest.difficulty)];
  if (quest.kind !== "ONE_TIME" && quest.stats.length > 0) out.push(quest.stats.join("/"));
  if (quest.schedule) out.push(describeSchedule(quest.schedule));
  if (quest.kind === "HABIT") out.push(quest.positive ? "good habit" : "bad habit");
  if (quest.target) out.push(describeTarget(quest.target));
  if (quest.timesPerDay > 1 && !quest.target) out.push(`${quest.timesPerDay}× a day`);
  if (quest.dueDay) out.push(`due ${quest.dueDay}`);
  if (quest.checklistProgress) out.push(`${quest.checklistProgress.done}/${quest.checklistProgress.total} items`);
  if (quest.streak !== null && quest.kind !== "ONE_TIME") out.push(`streak ${quest.streak}`);
  return out;
}

function state(quest: QuestBoardEntry): { text: string; tone: string } | null {
  if (quest.kind === "ONE_TIME") {
    if (quest.done) return { text: "done", tone: "text-slate-400" };
    if (quest.overdue) return { text: "overdue", tone: "text-[#ff6680]" };
    return null;
  }
  if (quest.completeToday) return { text: "done today", tone: "text-system" };
  if (quest.kind === "DAILY" && !quest.dueToday) return { text: "not due today", tone: "text-slate-400" };
  return null;
}

function QuestRow({ quest, sortable }: { quest: QuestBoardEntry; sortable: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: quest.id,
    disabled: !sortable,
  });
  const now = state(quest);
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 border bg-panel px-2 py-1 ${
        isDragging ? "relative z-10 border-system shadow-[0_0_18px_rgba(0,217,255,0.35)]" : "border-system/20"
      }`}
    >
      {sortable && (
        <button
          type="button"
          ref={setActivatorNodeRef}
          {...attributes}
          {...listeners}
          aria-label={`Move ${quest.title}`}
          className="flex min-h-11 min-w-11 shrink-0 cursor-grab touch-none items-center justify-center text-slate-400 hover:text-system"
        >
          <svg viewBox="0 0 24 24" aria-hidden className="h-5 w-5" fill="currentColor">
            <circle cx="9" cy="6" r="1.6" />
            <circle cx="15" cy="6" r="1.6" />
            <circle cx="9" cy="12" r="1.6" />
            <circle cx="15" cy="12" r="1.6" />
            <circle cx="9" cy="18" r="1.6" />
            <circle cx="15" cy="18" r="1.6" />
          </svg>
        </button>
      )}
      <IntentLink
        href={`/quests/${quest.id}`}
        className="flex min-h-11 min-w-0 flex-1 flex-col justify-center py-1 hover:text-system"
      >
        <span className="flex items-baseline gap-2">
          <span className="truncate text-slate-100">{quest.title}</span>
          {now && <span className={`shrink-0 text-xs ${now.tone}`}>{now.text}</span>}
        </span>
        <span className="text-xs text-slate-400">{facts(quest).join(" · ")}</span>
      </IntentLink>
    </li>
  );
}

/** What a screen reader hears while a quest is moved: titles, not ids. */
function announcements(titleOf: (id: string | number) => string): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      over && over.id !== active.id ? `${titleOf(active.id)} is over ${titleOf(over.id)}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `${titleOf(active.id)} dropped in the place of ${titleOf(over.id)}.` : `${titleOf(active.id)} dropped.`,
    onDragCancel: ({ active }) => `Moving ${titleOf(active.id)} was cancelled.`,
  };
}

const INSTRUCTIONS = {
  draggable: "To move a quest, press Space, then the up and down arrows; Space again drops it, Escape cancels.",
};

/**
 * The quests screen's list: one section per kind, each sortable by drag (pointer or touch, from the handle) and by
 * keyboard (focus the handle, Space to lift, arrows to move, Space to drop). The new order is saved as the order of
 * every active quest, which the dashboard follows. A filter narrows the list (reordering waits until it is clear).
 */
export function QuestBoard({ quests }: { quests: QuestBoardEntry[] }) {
  // The server's order, moved at once while a move or restore is on its way (and back if it fails).
  const [order, setOrder] = useOptimistic(quests.filter((q) => !q.archived).map((q) => q.id));
  const [query, setQuery] = useState("");
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const byId = new Map(quests.map((q) => [q.id, q]));
  const needle = query.trim().toLowerCase();
  const matches = (q: QuestBoardEntry) =>
    needle === "" || q.title.toLowerCase().includes(needle) || q.notes.toLowerCase().includes(needle);
  const active = order.map((id) => byId.get(id)).filter((q): q is QuestBoardEntry => q !== undefined);
  const archived = quests.filter((q) => q.archived && !order.includes(q.id) && matches(q));

  function onDragEnd({ active: moved, over }: DragEndEvent) {
    if (!over || moved.id === over.id) return;
    const next = arrayMove(order, order.indexOf(String(moved.id)), order.indexOf(String(over.id)));
    startTransition(async () => {
      setOrder(next);
      const result = await reorderQuestsAction({ ids: next });
      setMessage(
        result.ok
          ? { text: `[SYSTEM] '${byId.get(String(moved.id))?.title}' moved.`, error: false }
          : { text: result.error, error: true },
      );
    });
  }

  function restore(quest: QuestBoardEntry) {
    startTransition(async () => {
      setOrder([...order, quest.id]);
      const result = await restoreQuestAction({ id: quest.id });
      setMessage(
        result.ok ? { text: `[SYSTEM] '${quest.title}' restored.`, error: false } : { text: result.error, error: true },
      );
    });
  }

  return (
    <div className="flex flex-col gap-5" aria-busy={pending}>
      <label className="flex flex-col gap-1 text-sm text-slate-300">
        Filter
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Title or notes"
          className="min-h-11 border border-system/40 bg-void px-3 text-slate-100"
        />
      </label>
      <p
        role="status"
        aria-live="polite"
        data-testid="quests-reply"
        className={`text-sm ${message?.error ? "text-[#ff6680]" : "text-system"}`}
      >
        {message?.text}
      </p>
      {needle !== "" && <p className="text-xs text-slate-400">Clear the filter to reorder.</p>}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        {SECTIONS.map((section) => {
          const rows = active.filter((q) => q.kind === section.kind);
          const shown = rows.filter(matches);
          return (
            <section key={section.kind} aria-labelledby={`section-${section.kind}`} className="flex flex-col gap-2">
              <h2
                id={`section-${section.kind}`}
                className="font-display text-sm font-bold tracking-widest text-mist uppercase"
              >
                {section.title} <span className="text-slate-400">({rows.length})</span>
              </h2>
              {shown.length === 0 ? (
                <p className="text-sm text-slate-400">
                  {rows.length === 0 ? `No ${section.title.toLowerCase()} yet.` : "None match the filter."}
                </p>
              ) : (
                // One drag context per section: a quest moves among its own kind.
                <DndContext
                  id={`quests-${section.kind}`}
                  sensors={sensors}
                  collisionDetection={closestCenter}
                  accessibility={{
                    announcements: announcements((id) => byId.get(String(id))?.title ?? "the quest"),
                    screenReaderInstructions: INSTRUCTIONS,
                  }}
                  onDragEnd={onDragEnd}
                >
                  <SortableContext items={shown.map((q) => q.id)} strategy={verticalListSortingStrategy}>
                    <ul className="flex flex-col gap-2">
                      {shown.map((quest) => (
                        <QuestRow key={quest.id} quest={quest} sortable={needle === "" && rows.length > 1} />
                      ))}
                    </ul>
                  </SortableContext>
                </DndContext>
              )}
            </section>
          );
        })}
      </div>
      {archived.length > 0 && (
        <section aria-labelledby="section-archived" className="flex flex-col gap-2">
          <h2 id="section-archived" className="font-display text-sm font-bold tracking-widest text-mist uppercase">
            Archived <span className="text-slate-400">({archived.length})</span>
          </h2>
          <ul className="flex flex-col gap-2">
            {archived.map((quest) => (
              <li key={quest.id} className="flex items-center gap-2 border border-system/10 px-3 py-1 opacity-80">
                <IntentLink href={`/quests/${quest.id}`} className="flex min-h-11 min-w-0 flex-1 items-center truncate">
                  {quest.title}
                </IntentLink>
                <button
                  type="button"
                  onClick={() => restore(quest)}
                  disabled={pending}
                  aria-label={`Restore ${quest.title}`}
                  className="min-h-11 px-2 text-sm text-system underline"
                >
                  Restore
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
