/**
 * What-if responsiveness in the built app (issue 11): one node taken down from the What if panel,
 * frames recorded from the click until the panel lists the affected nodes with their states.
 * Prints that time, the longest frame gap and the long tasks. Designs: the reproducer (a
 * 400-service chain, names at the 1,000-character limit, every node failing) and the generated
 * 1,000 and 4,000-service systems.
 *
 * Run: npx vite build && npx tsx bench/whatif-browser.ts [--port 4212]
 */
import { launchChromium, startFrameRecording, startPreview, stopFrameRecording, storeDesign } from './browser';
import { generateLargeDesign } from '../src/core/fixtures/generate';
import type { Design, Link } from '../src/core/model/types';

const portArg = process.argv.indexOf('--port');
const PORT = Number(portArg >= 0 ? process.argv[portArg + 1] : 4212);

function chain(count: number, nameLength: number): Design {
  const nodes: Design['nodes'] = { web: { kind: 'client', name: 'Web', at: [0, 0] } };
  const links: Link[] = [{ from: 'web', to: 's0', kind: 'sync' }];
  for (let i = 0; i < count; i++) {
    nodes[`s${i}`] = {
      kind: 'service',
      name: `${String(i).padStart(4, '0')}${'x'.repeat(nameLength - 4)}`,
      at: [(i + 1) * 260, 0],
    };
    if (i > 0) links.push({ from: `s${i - 1}`, to: `s${i}`, kind: 'sync' });
  }
  return { signalbox: 1, name: 'Chain', nodes, links };
}

const scenarios: { label: string; design: Design; down: string }[] = [
  { label: '400-service chain, 1,000-character names', design: chain(400, 1000), down: 's399' },
  ...[1000, 4000].map((services) => {
    const design = generateLargeDesign({ services });
    const broker = Object.entries(design.nodes).find(([, n]) => n.kind === 'broker')!;
    return { label: `generated ${services} services (${Object.keys(design.nodes).length} nodes)`, design, down: broker[1].name };
  }),
];

const server = await startPreview('dist', PORT);
const browser = await launchChromium();
try {
  for (const { label, design, down } of scenarios) {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(server.base);
    await storeDesign(page, design);
    await page.reload();
    await page.getByRole('tab', { name: 'What if' }).click({ timeout: 120_000 });
    const panel = page.getByTestId('whatif-panel');
    await panel.getByRole('button', { name: 'Start what-if' }).click({ timeout: 120_000 });
    const name = design.nodes[down]?.name ?? down;
    await panel.getByRole('searchbox').click();
    await page.keyboard.type(name.slice(0, 20));
    const box = panel
      .getByRole('checkbox', { name: name.length > 60 ? new RegExp(`^${name.slice(0, 20)}`) : name, exact: name.length <= 60 })
      .first();
    await box.waitFor({ timeout: 120_000 });
    // The result a person reads: the panel's "Affected nodes" list, the node taken down first with
    // its "Down" (then what it takes with it). Before the click the panel says "Nothing else is
    // affected."; a state word anywhere else (the legend's "Down", the picker's) is on screen at
    // once and would end the wait before the simulation has answered.
    const affected = panel.getByRole('list', { name: 'Affected nodes' });
    if ((await affected.count()) > 0) throw new Error(`${label}: nodes are affected before anything is down`);
    await startFrameRecording(page);
    const start = Date.now();
    await box.check({ timeout: 120_000 });
    await affected.getByText('Down', { exact: true }).first().waitFor({ timeout: 120_000 });
    const settled = Date.now() - start;
    await page.waitForTimeout(500);
    const { frames, longTasks } = await stopFrameRecording(page);
    let worst = 0;
    for (let i = 1; i < frames.length; i++) worst = Math.max(worst, frames[i]! - frames[i - 1]!);
    console.log(
      `${label}: result shown in ${settled} ms; longest frame ${worst.toFixed(0)} ms; ${longTasks.length} long tasks (longest ${Math.max(0, ...longTasks).toFixed(0)} ms)`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  server.stop();
}
