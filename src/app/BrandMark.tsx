/** The Signalbox mark: two nodes and a signal between them. */
export function BrandMark() {
  return (
    <svg className="brand-mark" width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
      <rect width="28" height="28" rx="7" fill="#2563eb" />
      <rect x="5" y="8" width="7" height="12" rx="2" fill="#fff" />
      <rect x="16" y="8" width="7" height="12" rx="2" fill="#bfdbfe" />
      <path d="M12 12h4M12 16h4" stroke="#fff" strokeWidth="1.6" strokeLinecap="round" strokeDasharray="1.5 1.5" />
    </svg>
  );
}
