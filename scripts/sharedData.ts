// Where evaluation and training read their data: the team's data folder `shared` beside the clone
// (../shared), or $QARINA_SHARED. It is not part of the repository (corpora under their own
// licences, some evaluation-only); `npm test` never needs it. A command that needs it and does not
// find it says so in one line and exits with code 2, instead of failing on the first missing file.
import * as fs from 'fs';
import * as path from 'path';

const repo = path.resolve(__dirname, '..');

export function sharedFolder(): string {
  return path.resolve(process.env.QARINA_SHARED ?? path.join(repo, '..', 'shared'));
}

/** The shared folder, after checking that every `needed` path (relative to it) exists. */
export function requireShared(command: string, needed: string[]): string {
  const shared = sharedFolder();
  const missing = needed.filter((p) => !fs.existsSync(path.join(shared, p)));
  if (missing.length) {
    const where = fs.existsSync(shared) ? `${missing.map((p) => path.join(shared, p)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing` : `${shared} does not exist`;
    console.error(`${command} needs the shared data folder (../shared beside the clone, or $QARINA_SHARED): ${where}. See README.md, "Data and licences".`);
    process.exit(2);
  }
  return shared;
}
