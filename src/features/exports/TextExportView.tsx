import { useState } from 'react';
import { getEmptyExportReason } from '../../core/export/emptyReasons';
import type { ExportFile } from '../../core/export/index';
import type { ExportTab } from './exportTabs';
import { downloadFile, downloadZip } from './download';
import { MermaidPreview } from './MermaidPreview';
import { ReadOnlyCodeView } from './ReadOnlyCodeView';
import { useCopyText } from './useCopyText';
import { useExportFiles } from './useExportFiles';

interface TextExportViewProps {
  tab: Extract<ExportTab, { kind: 'text' }>;
  /** The design's slug, for the zip of a many-file format. */
  baseName: string;
}

const COPY_LABELS = { idle: 'Copy', copied: 'Copied', failed: 'Copy failed' } as const;

/** One text format: its files, Copy and Download, the text in an editor and, for Mermaid, the drawing. */
export function TextExportView({ tab, baseName }: TextExportViewProps) {
  const { files, error, pending } = useExportFiles(tab.id);
  const [chosen, setChosen] = useState<string | null>(null);
  const { state: copyState, copy } = useCopyText();

  // The chosen file may vanish after an edit (a flow renamed): fall back to the first one.
  const file: ExportFile | undefined = files?.find((f) => f.fileName === chosen) ?? files?.[0];

  const status = error ? (
    <p className="export-preview__error" role="alert">
      This export failed: {error}
    </p>
  ) : !files ? (
    <p className="export-preview__status">Exporting…</p>
  ) : !file ? (
    <p className="export-hint">Nothing to export in this format yet: {emptyReason(tab.id)}</p>
  ) : null;
  const many = tab.many && files !== null && files.length > 1;

  return (
    <div className="export-text">
      {status}
      {file && many && (
        <label className="export-file-picker">
          <span>File</span>
          <select value={file.fileName} onChange={(event) => setChosen(event.target.value)}>
            {files?.map((f) => (
              <option key={f.fileName} value={f.fileName}>
                {f.fileName}
              </option>
            ))}
          </select>
          <span className="export-file-count">{files?.length} files</span>
        </label>
      )}
      {file && (
        <div className="export-actions">
          <button type="button" className="export-button" onClick={() => void copy(file.text)} aria-live="polite">
            {COPY_LABELS[copyState]}
          </button>
          <button type="button" className="export-button export-button--primary" onClick={() => downloadFile(file)}>
            Download
          </button>
          {many && files && (
            <button type="button" className="export-button" onClick={() => downloadZip(files, `${baseName}-${tab.id}.zip`)}>
              Download all (.zip)
            </button>
          )}
          <span className="export-file-name">{pending ? 'Updating…' : many ? '' : file.fileName}</span>
        </div>
      )}
      {file && tab.mermaid && <MermaidPreview text={file.text} label={`Preview of ${file.fileName}`} />}
      {/* Always mounted: switching formats swaps the text instead of building a new editor. */}
      <ReadOnlyCodeView
        text={file?.text ?? ''}
        language={tab.language}
        label={file ? `${tab.label}: ${file.fileName}` : tab.label}
      />
    </div>
  );
}

function emptyReason(format: ExportTab['id']): string {
  return `${getEmptyExportReason(format)}.`;
}
