#!/usr/bin/env node
// A no-op generate or check runs from one bundled file (see generator/cli.ts, runCliIfCurrent), which ends the
// process when it is done; anything else from the CLI's modules, with the compile cache on
// (generator/compile-cache.ts): the no-op path compiles too little for a cache to pay, and never loads it.
// CommonJS (bin/package.json), so that the no-op path loads through one synchronous `require` and never starts the
// ES module loader: see scripts/bundle-cli.mjs.
"use strict";

const { runCliIfCurrent } = require("../dist/generator/bundle/no-op-cli.cjs");

runCliIfCurrent().then(async (done) => {
  if (done) return;
  const { installCompileCache } = await import("../dist/generator/compile-cache.js");
  installCompileCache();
  const { runCli } = await import("../dist/generator/cli.js");
  await runCli();
});
