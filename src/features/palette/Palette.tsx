// Scaffolding: the owner of this feature replaces it.
export function Palette() {
  return <div className="placeholder">Palette</div>;
}
