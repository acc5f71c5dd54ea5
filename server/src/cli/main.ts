#!/usr/bin/env node
// Entry point of the `qarina` command (bundled into dist/cli.js). Parsing is in args.ts, each
// command in its own module.
import { version } from '../../../package.json';
import { parseArgs, UsageError, USAGE } from './args';
import { processIo, terminalProgress, type Io } from './io';

export async function run(argv: string[], io: Io = processIo, cwd = process.cwd()): Promise<number> {
  let cmd;
  try {
    cmd = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`qarina: ${e.message}`);
      io.err("Run 'qarina --help' for usage.");
      return e.exitCode;
    }
    throw e;
  }
  switch (cmd.kind) {
    case 'help':
      io.out(USAGE.trimEnd());
      return 0;
    case 'version':
      io.out(`qarina ${version}`);
      return 0;
    case 'annotate': {
      const { annotate } = await import('./annotate');
      return annotate(cmd, io, cwd, io === processIo ? terminalProgress() : undefined);
    }
    case 'export': {
      const { exportCommand } = await import('./export');
      return exportCommand(cmd, io, cwd);
    }
    case 'validate': {
      const { validateCommand } = await import('./validate');
      return validateCommand(cmd.files, io);
    }
  }
}

// Run only when executed as the program, not when imported by tests.
if (require.main === module) {
  run(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (e) => {
      process.stderr.write(`qarina: unexpected error: ${(e as Error).stack ?? e}\n`);
      process.exitCode = 1;
    },
  );
}
