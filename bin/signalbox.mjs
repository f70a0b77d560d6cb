#!/usr/bin/env node
// The signalbox command inside this repository: the same built bundle the package ships
// (packages/cli/dist), rebuilt first when any file it was built from changed, so it is never stale.
import { pathToFileURL } from 'node:url';
import { BUNDLE, buildCli, isCliFresh } from '../scripts/build-cli.mjs';

if (!isCliFresh()) await buildCli();
await import(pathToFileURL(BUNDLE).href);
