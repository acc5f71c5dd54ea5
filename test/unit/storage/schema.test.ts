import { strict as assert } from 'assert';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { migrateWith, migrate } from '../../../server/src/storage/migrate';
import { validateSidecar } from '../../../server/src/storage/schema';
import { parseSidecar, serializeSidecar } from '../../../server/src/storage/sidecarFile';
import { handSidecar } from './helpers';

describe('sidecar schema', () => {
  it('ships a draft 2020-12 JSON Schema for version 1', () => {
    const schema = JSON.parse(readFileSync(path.resolve(__dirname, '../../../server/schema/annotations-1.schema.json'), 'utf8'));
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    assert.equal(schema.properties.schema.const, 'qarina/annotations@1');
  });

  it('accepts a built sidecar and rejects unknown fields, bad enums and reversed spans with their path', () => {
    const s = handSidecar();
    assert.deepEqual(validateSidecar(s), { ok: true });
    const extra = JSON.parse(serializeSidecar(s));
    extra.entities[0].colour = 'red';
    const r1 = validateSidecar(extra);
    assert.ok(!r1.ok && r1.errors.some((e) => e.startsWith('/entities/0') && e.includes('colour')));
    const badStatus = JSON.parse(serializeSidecar(s));
    badStatus.dates[0].status = 'maybe';
    const r2 = validateSidecar(badStatus);
    assert.ok(!r2.ok && r2.errors.some((e) => e.startsWith('/dates/0/status')));
    const reversed = JSON.parse(serializeSidecar(s));
    reversed.entities[0].end = reversed.entities[0].start - 1;
    const r3 = validateSidecar(reversed);
    assert.ok(!r3.ok && r3.errors.some((e) => /end .* is before start/.test(e)));
  });

  it('allows x- extension fields', () => {
    const x = JSON.parse(serializeSidecar(handSidecar()));
    x['x-tool'] = { any: 1 };
    x.entities[0]['x-confidence'] = 0.9;
    assert.deepEqual(validateSidecar(x), { ok: true });
  });
});

describe('schema migration', () => {
  it('leaves a current sidecar as it is', () => {
    const s = JSON.parse(serializeSidecar(handSidecar()));
    assert.deepEqual(migrate(s), { sidecar: s });
  });

  it('refuses sidecars from a newer Qarina', () => {
    const r = migrate({ schema: 'qarina/annotations@2' });
    assert.ok('error' in r && /newer Qarina/.test(r.error));
  });

  it('walks the registered steps from an older version to the current one', () => {
    // A future @2 that renamed "notes" to "comments", read by a Qarina whose current version is 2.
    const v1 = JSON.parse(serializeSidecar(handSidecar()));
    const steps = { 1: (x: any) => { x.comments = x.notes; delete x.notes; return x; } };
    const r = migrateWith(v1, steps, 2);
    assert.ok(!('error' in r));
    const out = r.sidecar as any;
    assert.equal(out.schema, 'qarina/annotations@2');
    assert.deepEqual(out.comments, []);
    assert.equal(r.from, 'qarina/annotations@1');
    assert.ok('notes' in v1, 'the input is not modified');
  });

  it('reports a missing step', () => {
    const r = migrateWith({ schema: 'qarina/annotations@1' }, {}, 3);
    assert.ok('error' in r && /no migration from qarina\/annotations@1/.test(r.error));
  });

  it('parseSidecar reports which file format it does not know', () => {
    const r = parseSidecar('[1, 2]');
    assert.ok(r.status === 'invalid' && /not a Qarina annotations file/.test(r.reason));
  });
});
