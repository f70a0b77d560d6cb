import { useDesignStore, useViewStore } from '../../editor/react';
import { useState } from 'react';
import { EXPORT_FORMATS } from '../../core/export/formats';
import { slugify } from '../../core/export/slug';
import { CanvasImageExport } from './CanvasImageExport';
import { FORMAT_BODY_ID, FormatTabs, getFormatTabId } from './FormatTabs';
import { TextExportView } from './TextExportView';
import { getExportTab, type ExportTabId } from './exportTabs';
import { isEmptyView } from '../../core/views/view';
import './exports.css';

/** The Export tab: pick a format, read it, copy or download it. */
export function ExportPanel() {
  const [selected, setSelected] = useState<ExportTabId>('mermaid');
  // Only the name, so edits to nodes do not re-render the panel (the files follow through their own hook).
  const baseName = useDesignStore((s) => slugify(s.design.name, 'design'));
  const tab = getExportTab(selected);
  const viewOn = useViewStore((s) => !!s.spec && !isEmptyView(s.spec));
  const description = tab.kind === 'text' ? EXPORT_FORMATS.find((f) => f.id === tab.id)?.label : `Canvas picture (${tab.label})`;

  return (
    <div className="export-panel">
      <FormatTabs selected={selected} onSelect={setSelected} />
      {/*
        Not role="tabpanel": the side panel around us is already the page's one tabpanel, and the
        page objects of other specs find it by that role. A labelled region keeps it navigable.
      */}
      <section id={FORMAT_BODY_ID} className="export-body" role="region" aria-labelledby={getFormatTabId(tab.id)}>
        <h3 className="export-title">{description}</h3>
        {viewOn && (tab.id === 'mermaid' || tab.kind !== 'text') && (
          <p className="export-view-note">Of the view on the canvas. Show all to export the whole design.</p>
        )}
        {tab.kind === 'text' ? (
          <TextExportView tab={tab} baseName={baseName} />
        ) : (
          <CanvasImageExport key={tab.id} format={tab.id} baseName={baseName} />
        )}
      </section>
    </div>
  );
}
