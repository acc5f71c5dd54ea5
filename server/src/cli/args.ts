// Command-line parsing for `qarina`. Pure: no I/O, so it is tested in-process. Usage errors carry
// a message and exit code 2.
import { EXPORT_FORMATS, type ExportFormat } from '../storage/export';

export class UsageError extends Error {
  readonly exitCode = 2;
}

export type Command =
  | { kind: 'help'; topic?: string }
  | { kind: 'version' }
  | { kind: 'annotate'; paths: string[]; referenceDate: string | null; out: string | null; jobs: number | null; cache: boolean }
  | { kind: 'export'; format: ExportFormat; folder: string; out: string | null }
  | { kind: 'validate'; files: string[] };

export const USAGE = `Usage: qarina <command> [options]

Commands:
  annotate <folder|file>... [--reference-date YYYY-MM-DD] [--out DIR] [--jobs N] [--no-cache]
      Analyse the articles (.txt, .md) as one corpus and write NAME.txt.annotations.json
      next to each article (or under DIR, mirroring relative paths). Decisions already
      in the sidecars are kept; corrupt sidecars are reported and left untouched.
      --jobs N analyses articles in N worker threads (default: one per core, at most 4;
      0 = none). Per-article analysis is kept in a cache ($QARINA_CACHE_DIR or the
      user's cache folder); --no-cache neither reads nor writes it.
  export --format brat|w3c|jsonl <folder> [--out DIR]
      Convert the sidecars of a folder for other tools (offsets in code points).
      Default DIR: <folder>/.qarina/export-<format>
  validate <sidecar.json>...
      Check sidecars against the schema; exit 1 if any is invalid.

Options:
  -h, --help       Show this help
  -V, --version    Show the version

Exit codes: 0 success, 1 nothing could be processed / invalid sidecar, 2 usage error.
`;

/** A real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

interface Spec { [option: string]: 'value' | 'flag' }

/** Split argv into positionals and options (--opt value, --opt=value, -- ends options). */
function split(argv: string[], spec: Spec, command: string): { positionals: string[]; options: Map<string, string | true> } {
  const positionals: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') { positionals.push(...argv.slice(i + 1)); break; }
    if (arg === '-h' || arg === '--help') { options.set('--help', true); continue; }
    if (arg.startsWith('-') && arg !== '-') {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(0, eq) : arg;
      const kind = spec[name];
      if (!kind) throw new UsageError(`unknown option for '${command}': ${name}`);
      if (kind === 'flag') {
        if (eq > 0) throw new UsageError(`option ${name} takes no value`);
        options.set(name, true);
      } else {
        const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined || value === '') throw new UsageError(`option ${name} needs a value`);
        if (options.has(name)) throw new UsageError(`option ${name} given twice`);
        options.set(name, value);
      }
      continue;
    }
    positionals.push(arg);
  }
  return { positionals, options };
}

export function parseArgs(argv: string[]): Command {
  if (argv.length === 0) throw new UsageError('no command given');
  const [command, ...rest] = argv;
  if (command === '-h' || command === '--help' || command === 'help') return { kind: 'help', topic: rest[0] };
  if (command === '-V' || command === '--version') return { kind: 'version' };
  switch (command) {
    case 'annotate': {
      const { positionals, options } = split(rest, { '--reference-date': 'value', '--out': 'value', '--jobs': 'value', '--no-cache': 'flag' }, command);
      if (options.has('--help')) return { kind: 'help', topic: command };
      if (positionals.length === 0) throw new UsageError("'annotate' needs at least one folder or file");
      const date = options.get('--reference-date') as string | undefined;
      if (date !== undefined && !isIsoDate(date)) throw new UsageError(`--reference-date must be a date as YYYY-MM-DD, got '${date}'`);
      const jobsText = options.get('--jobs') as string | undefined;
      if (jobsText !== undefined && !/^\d{1,3}$/.test(jobsText)) throw new UsageError(`--jobs must be a number of worker threads (0 or more), got '${jobsText}'`);
      return { kind: 'annotate', paths: positionals, referenceDate: date ?? null, out: (options.get('--out') as string | undefined) ?? null, jobs: jobsText === undefined ? null : Number(jobsText), cache: !options.has('--no-cache') };
    }
    case 'export': {
      const { positionals, options } = split(rest, { '--format': 'value', '--out': 'value' }, command);
      if (options.has('--help')) return { kind: 'help', topic: command };
      const format = options.get('--format') as string | undefined;
      if (!format) throw new UsageError(`'export' needs --format ${EXPORT_FORMATS.join('|')}`);
      if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown export format '${format}' (expected ${EXPORT_FORMATS.join(', ')})`);
      if (positionals.length !== 1) throw new UsageError(`'export' needs exactly one folder, got ${positionals.length}`);
      return { kind: 'export', format: format as ExportFormat, folder: positionals[0], out: (options.get('--out') as string | undefined) ?? null };
    }
    case 'validate': {
      const { positionals, options } = split(rest, {}, command);
      if (options.has('--help')) return { kind: 'help', topic: command };
      if (positionals.length === 0) throw new UsageError("'validate' needs at least one sidecar file");
      return { kind: 'validate', files: positionals };
    }
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}
