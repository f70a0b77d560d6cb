import { describe, expect, it } from 'vitest';
import { readDesign } from '../format/read';
import { EXPORT_FORMATS, exportDesign, getEmptyExportReason, isExportFormat } from './index';
import { getTestDesigns } from './testDesigns';

describe('exportDesign', () => {
  const { design } = getTestDesigns()[0]!;

  it.each(EXPORT_FORMATS.map((format) => format))(
    '$id: files with the format extension, a mime type and text',
    ({ id, extension, many }) => {
      const files = exportDesign(design, id, { findings: [], blastRadius: false });
      expect(files.length).toBeGreaterThan(0);
      if (!many) expect(files).toHaveLength(1);
      for (const file of files) {
        expect(file.fileName.endsWith(extension)).toBe(true);
        expect(file.mime).toMatch(/^(text|application)\//);
        expect(file.text.length).toBeGreaterThan(0);
      }
    },
  );

  it('yaml and json round-trip to the same design', () => {
    for (const format of ['yaml', 'json'] as const) {
      const [file] = exportDesign(design, format);
      expect(readDesign(file!.text, file!.fileName).design).toEqual(design);
    }
  });

  it('markdown lists the findings it is given, else those of the rules engine', () => {
    const given = exportDesign(design, 'markdown', {
      findings: [{ rule: 'made-up-rule', severity: 'info', message: 'given', nodes: [], links: [], fix: 'none' }],
      blastRadius: false,
    })[0]!.text;
    expect(given).toContain('| info | made-up-rule | given | none |');
    expect(given).toContain('## 10. Failure scenarios\n\nLeft out of this export');
    expect(exportDesign(design, 'markdown')[0]!.text).toContain('## 10. Failure scenarios\n\nEach node taken down in turn');
  });

  it('knows its format ids', () => {
    expect(EXPORT_FORMATS.map((f) => f.id).filter(isExportFormat)).toHaveLength(13);
    expect(isExportFormat('pdf')).toBe(false);
  });

  it('a design without what an artefact needs gives no file, and a one-line reason', () => {
    const lonely = { signalbox: 1, name: 'Lonely', nodes: { a: { kind: 'service' as const, name: 'A' } }, links: [] };
    for (const format of ['proto', 'istio', 'gateway', 'alerts', 'schemas', 'code', 'openapi'] as const) {
      expect(exportDesign(lonely, format)).toEqual([]);
      expect(getEmptyExportReason(format)).toMatch(/^[^\n]{10,100}$/);
    }
  });
});
