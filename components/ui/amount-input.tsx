/** How much of a target's unit a check-in records ("7500 steps"): a compact number field beside its button. */
export function AmountInput({
  value,
  onChange,
  unit,
  label,
}: {
  value: string;
  onChange: (value: string) => void;
  unit: string;
  label: string;
}) {
  return (
    <input
      type="number"
      inputMode="decimal"
      min={0}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      placeholder={unit}
      aria-label={label}
      className="min-h-11 w-20 border border-system/40 bg-void px-2 text-slate-100"
    />
  );
}
