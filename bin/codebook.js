#!/usr/bin/env node
// A no-op generate or check runs from one bundled file (see generator/cli.ts, runCliIfCurrent); anything else from
// the CLI's modules.
import { runCliIfCurrent } from "../dist/generator/bundle/no-op-cli.js";

if (!(await runCliIfCurrent())) {
  const { runCli } = await import("../dist/generator/cli.js");
  await runCli();
}
