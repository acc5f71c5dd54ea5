// Validation of sidecars against the shipped JSON Schema (server/schema/annotations-1.schema.json),
// plus the few rules a JSON Schema cannot say (a span ends after it starts, ids are unique).
import Ajv2020 from 'ajv/dist/2020';
import schemaJson from '../../schema/annotations-1.schema.json';

export const annotationsSchema: object = schemaJson;

let compiled: ReturnType<Ajv2020['compile']> | null = null;

function validator() {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    compiled = ajv.compile(schemaJson as object);
  }
  return compiled;
}

const MAX_ERRORS = 10;

export function validateSidecar(x: unknown): { ok: true } | { ok: false; errors: string[] } {
  const validate = validator();
  if (!validate(x)) {
    const errors = (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => {
      const where = e.instancePath || '/';
      const extra = e.keyword === 'additionalProperties' || e.keyword === 'unevaluatedProperties'
        ? ` (${String((e.params as Record<string, unknown>).additionalProperty ?? (e.params as Record<string, unknown>).unevaluatedProperty)})`
        : e.keyword === 'enum' ? ` (${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)})` : '';
      return `${where}: ${e.message ?? e.keyword}${extra}`;
    });
    return { ok: false, errors };
  }
  const errors = semanticErrors(x as Record<string, unknown>);
  return errors.length ? { ok: false, errors: errors.slice(0, MAX_ERRORS) } : { ok: true };
}

const SPANNED = ['sentences', 'entities', 'dates', 'quantities', 'links', 'notes', 'checks'] as const;

function semanticErrors(s: Record<string, unknown>): string[] {
  const errors: string[] = [];
  const lists: [string, unknown][] = SPANNED.map((k) => [`/${k}`, s[k]]);
  const corpus = s.corpus as Record<string, unknown>;
  lists.push(['/corpus/splits', corpus.splits]);
  for (const [where, list] of lists) {
    const seen = new Set<string>();
    (list as { id: string; start: number; end: number }[]).forEach((item, i) => {
      if (item.end < item.start) errors.push(`${where}/${i}: end (${item.end}) is before start (${item.start})`);
      if (seen.has(item.id)) errors.push(`${where}/${i}: duplicate id "${item.id}"`);
      seen.add(item.id);
    });
  }
  (s.links as { target: { start: number; end: number } }[]).forEach((l, i) => {
    if (l.target.end < l.target.start) errors.push(`/links/${i}/target: end is before start`);
  });
  return errors;
}
