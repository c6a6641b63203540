/** "My day ends at 3:00 AM" for a day start of 180 minutes; 0 is midnight. */
export function dayEndLabel(minute: number): string {
  if (minute === 0) return "My day ends at midnight";
  const h = Math.floor(minute / 60);
  const m = String(minute % 60).padStart(2, "0");
  return `My day ends at ${h === 0 ? 12 : h}:${m} AM`;
}

/** Choices every 15 minutes from midnight to 5:45 AM, plus the current value if it lies between them. */
export function dayStartChoices(current: number): number[] {
  const choices = Array.from({ length: 24 }, (_, i) => i * 15);
  if (!choices.includes(current)) choices.push(current);
  return choices.sort((a, b) => a - b);
}
