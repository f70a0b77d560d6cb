// Scaffolding: the owner of this feature replaces it.
export function FindingsPanel() {
  return <div className="placeholder">FindingsPanel</div>;
}
