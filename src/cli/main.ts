#!/usr/bin/env node
// The juesuan command. See runCli for the commands and README.md for usage.
import { runCli } from "./run.js";

// `juesuan export | head` closes stdout early: that is not an error.
process.stdout.on("error", (err: NodeJS.ErrnoException) => {
  if (err.code === "EPIPE") process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
