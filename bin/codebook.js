#!/usr/bin/env node
// A no-op generate or check runs from one small bundled file (see generator/cli.ts, runCliIfCurrent), which ends
// the process when it is done; anything else from the bundle of the whole generator, with the compile cache on
// (generator/compile-cache.ts), installed before that bundle loads so that its compiled code is kept too: the
// no-op path compiles too little for a cache to pay, and never loads it.
// CommonJS (bin/package.json), as the bundles are, so that a run loads codebook through synchronous `require`s
// and starts the ES module loader only for a package that is an ES module: see scripts/bundle-cli.mjs.
"use strict";

const { runCliIfCurrent } = require("../dist/generator/bundle/no-op-cli.cjs");

runCliIfCurrent().then((done) => {
  if (done) return undefined;
  require("../dist/generator/bundle/compile-cache.cjs").installCompileCache();
  return require("../dist/generator/bundle/codebook.cjs").runCli();
});
