// Scaffolding: the owner of this feature replaces it.
export function Inspector() {
  return <div className="placeholder">Inspector</div>;
}
