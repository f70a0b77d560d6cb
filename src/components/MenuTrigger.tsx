/** The top bar's dropdown button: a label and a chevron; `popup` says what it opens. */
export function MenuTrigger({
  label,
  open,
  popup,
  onToggle,
}: {
  label: string;
  open: boolean;
  popup: 'menu' | 'dialog';
  onToggle: () => void;
}) {
  return (
    <button type="button" className="button button--ghost" aria-haspopup={popup} aria-expanded={open} onClick={onToggle}>
      {label}
      <svg viewBox="0 0 12 12" width="10" height="10" aria-hidden="true">
        <path d="m3 4.5 3 3 3-3" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </button>
  );
}
