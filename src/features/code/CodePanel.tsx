// Scaffolding: the owner of this feature replaces it.
export function CodePanel() {
  return <div className="placeholder">CodePanel</div>;
}
