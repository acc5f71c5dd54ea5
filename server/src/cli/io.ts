// Where command output goes: the process streams, or buffers in tests.
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

/**
 * A progress line that rewrites itself ("Analysing 120/1000 articles"), on stderr and only when
 * stderr is a terminal: pipes and log files get no control characters.
 */
export interface Progress {
  update(line: string): void;
  done(): void;
}

export const noProgress: Progress = { update: () => undefined, done: () => undefined };

export function terminalProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return noProgress;
  let last = 0, shown = false;
  return {
    update(line) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[K${line}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
