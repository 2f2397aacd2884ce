#!/usr/bin/env node
import { runCli } from "../dist/generator/cli.js";

await runCli();
