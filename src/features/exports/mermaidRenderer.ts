import type { Mermaid, MermaidConfig } from 'mermaid';

/**
 * Why these settings: `strict` runs labels through DOMPurify and disables click handlers, and the
 * core's exporter already writes every special character of a name as an entity (mermaidText.ts),
 * so a hostile name renders as text. Mermaid 12 lays flowcharts out with ELK by default (a 470 KB
 * chunk, ~290 ms a render); dagre takes ~56 ms (RECIPES.md), and the exported text asks for it too.
 */
const CONFIG: MermaidConfig = {
  startOnLoad: false,
  securityLevel: 'strict',
  layout: 'dagre',
  theme: 'neutral',
  fontFamily: 'Inter, system-ui, sans-serif',
  // Errors come back to us as a message; without this Mermaid draws its own bomb into the page.
  suppressErrorRendering: true,
  flowchart: { useMaxWidth: true },
  sequence: { useMaxWidth: true },
};

let mermaidPromise: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();
let renderCount = 0;

function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize(CONFIG);
    return mermaid;
  });
  return mermaidPromise;
}

export type MermaidRenderResult = { ok: true; svg: string } | { ok: false; error: string };

/**
 * Render one diagram to SVG text; never throws. Renders run one at a time: Mermaid keeps global
 * state during a render (its config, a scratch element in the body), so two at once corrupt each other.
 */
export function renderMermaid(text: string): Promise<MermaidRenderResult> {
  const job = queue.then(async (): Promise<MermaidRenderResult> => {
    renderCount += 1;
    const id = `sb-export-mermaid-${renderCount}`;
    try {
      const mermaid = await loadMermaid();
      const { svg } = await mermaid.render(id, text);
      return { ok: true, svg };
    } catch (error) {
      return { ok: false, error: readableError(error) };
    } finally {
      // A failed render can leave its scratch container behind in the body.
      document.getElementById(`d${id}`)?.remove();
      document.getElementById(id)?.remove();
    }
  });
  queue = job;
  return job;
}

function readableError(error: unknown): string {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : 'Mermaid could not draw this diagram';
  // Parser messages carry a caret drawing over several lines; the first lines say what went wrong.
  return message.split('\n').slice(0, 4).join('\n');
}
