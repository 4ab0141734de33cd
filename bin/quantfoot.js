#!/usr/bin/env node
// The `quantfoot` command: runs the TypeScript sources through ts-node (transpile only; the type
// check is `npm run typecheck`), so a checkout needs no build step.
const path = require('node:path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
require('../src/cli').main(process.argv.slice(2));
