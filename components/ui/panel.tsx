/** The System's window: a thin cyan frame with corner brackets. */
export function Panel({
  title,
  children,
  className = "",
}: {
  title?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <section
      className={`relative border border-system/40 bg-panel/80 p-5 shadow-[0_0_24px_rgba(0,217,255,0.12)] ${className}`}
    >
      <span aria-hidden className="absolute -top-px -left-px h-3 w-3 border-t-2 border-l-2 border-system" />
      <span aria-hidden className="absolute -top-px -right-px h-3 w-3 border-t-2 border-r-2 border-system" />
      <span aria-hidden className="absolute -bottom-px -left-px h-3 w-3 border-b-2 border-l-2 border-system" />
      <span aria-hidden className="absolute -right-px -bottom-px h-3 w-3 border-r-2 border-b-2 border-system" />
      {title && (
        <h1 className="font-display mb-4 text-center text-xl font-bold tracking-widest text-system uppercase">
          {title}
        </h1>
      )}
      {children}
    </section>
  );
}
