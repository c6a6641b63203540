import { formatLocalTime } from "@/lib/time/rules";

/** "My day ends at 03:00" for a day start of 180 minutes; 0 is midnight. */
export function dayEndLabel(minute: number): string {
  return minute === 0 ? "My day ends at midnight" : `My day ends at ${formatLocalTime(minute)}`;
}

/** Choices every 15 minutes from midnight to 5:45 AM, plus the current value if it lies between them. */
export function dayStartChoices(current: number): number[] {
  const choices = Array.from({ length: 24 }, (_, i) => i * 15);
  if (!choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}
