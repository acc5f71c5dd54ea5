import type { Io } from '../../../server/src/cli/io';

export function bufferIo(): Io & { stdout: string[]; stderr: string[]; all(): string } {
  const stdout: string[] = [], stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l), all: () => [...stdout, ...stderr].join('\n') };
}
