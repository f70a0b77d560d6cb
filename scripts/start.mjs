#!/usr/bin/env node
// `npm start [-- --port N]`: build the app, then serve the built app (a first visit opens the
// food delivery template). One command on a fresh machine, after `npm install`.
import { build, preview } from 'vite';

const args = process.argv.slice(2);
const portIndex = args.findIndex((a) => a === '--port' || a.startsWith('--port='));
let port = 5173;
if (portIndex >= 0) {
  const value = args[portIndex].includes('=') ? args[portIndex].split('=')[1] : args[portIndex + 1];
  port = Number(value);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`signalbox: --port needs a port number, got "${value ?? ''}"`);
    process.exit(2);
  }
}

await build({ logLevel: 'warn' });
const server = await preview({ preview: { port, strictPort: true, host: 'localhost', open: false } });
server.printUrls();
console.log('Signalbox is running. Press Ctrl+C to stop.');
