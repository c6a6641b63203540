/** The System's sounds: off until the player turns them on (kept in this browser only). */
const KEY = "the-system:sound";
const listeners = new Set<() => void>();

export function isSoundOn(): boolean {
  return typeof localStorage !== "undefined" && localStorage.getItem(KEY) === "on";
}

export function setSoundOn(on: boolean): void {
  localStorage.setItem(KEY, on ? "on" : "off");
  listeners.forEach((listener) => listener());
}

export function onSoundChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A short chime, synthesised (no audio files to download): one note for a check-in, a rising pair for a level-up. */
export function chime(kind: "check-in" | "level-up"): void {
  if (!isSoundOn() || typeof AudioContext === "undefined") return;
  const context = new AudioContext();
  const notes = kind === "level-up" ? [660, 990] : [880];
  notes.forEach((frequency, i) => {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    const start = context.currentTime + i * 0.12;
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.08, start);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.25);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + 0.25);
  });
  setTimeout(() => void context.close(), 1_000);
}
