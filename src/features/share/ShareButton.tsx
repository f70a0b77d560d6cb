// Scaffolding: the owner of this feature replaces it.
export function ShareButton() {
  return <div className="placeholder">ShareButton</div>;
}
