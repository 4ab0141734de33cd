#!/usr/bin/env node
// The `quantfoot` command: runs the TypeScript sources through tsx (esbuild, cached), so a checkout
// needs no build step; `npm run typecheck` is the type check. (The knex CLI loads knexfile.ts and the
// migrations through ts-node instead, the loader it knows.)
require('tsx/cjs');
require('../src/cli').main(process.argv.slice(2));
