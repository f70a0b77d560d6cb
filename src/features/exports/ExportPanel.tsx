// Scaffolding: the owner of this feature replaces it.
export function ExportPanel() {
  return <div className="placeholder">ExportPanel</div>;
}
