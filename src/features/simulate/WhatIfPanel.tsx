// Scaffolding: the owner of this feature replaces it.
export function WhatIfPanel() {
  return <div className="placeholder">WhatIfPanel</div>;
}
