// Migration of older sidecars to the current schema. Each step turns version n into n+1; a sidecar
// is migrated in memory when read and written back in the current version on the next save.
// Sidecars from a NEWER Qarina are refused (never downgraded or overwritten): we cannot know what
// their extra data means.
import { SCHEMA_PREFIX, SCHEMA_VERSION } from './format';

export type MigrationStep = (x: any) => any;

/** steps[n] migrates a version-n sidecar to version n+1. Version 1 is the first published one. */
export const MIGRATIONS: Record<number, MigrationStep> = {};

export function schemaVersionOf(x: any): number | null {
  if (typeof x?.schema !== 'string' || !x.schema.startsWith(SCHEMA_PREFIX)) return null;
  const v = Number(x.schema.slice(SCHEMA_PREFIX.length));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function migrate(x: any): { sidecar: unknown; from?: string } | { error: string } {
  return migrateWith(x, MIGRATIONS, SCHEMA_VERSION);
}

/** The migration walk with an explicit registry (tests exercise future versions with it). */
export function migrateWith(x: any, steps: Record<number, MigrationStep>, current: number): { sidecar: unknown; from?: string } | { error: string } {
  if (x === null || typeof x !== 'object' || Array.isArray(x)) return { error: 'not a Qarina annotations file (the top level is not a JSON object)' };
  const version = schemaVersionOf(x);
  if (version === null) {
    return { error: `not a Qarina annotations file (schema is ${JSON.stringify(x.schema ?? null)}, expected "${SCHEMA_PREFIX}${current}")` };
  }
  if (version > current) {
    return { error: `written by a newer Qarina (schema ${x.schema}; this version reads up to ${SCHEMA_PREFIX}${current}); left untouched` };
  }
  if (version === current) return { sidecar: x };
  let y = structuredClone(x);
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { error: `no migration from ${SCHEMA_PREFIX}${v} to ${SCHEMA_PREFIX}${v + 1}` };
    y = step(y);
    y.schema = `${SCHEMA_PREFIX}${v + 1}`;
  }
  return { sidecar: y, from: x.schema };
}
