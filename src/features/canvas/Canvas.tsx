// Scaffolding: the owner of this feature replaces it.
export function Canvas() {
  return <div className="placeholder">Canvas</div>;
}
