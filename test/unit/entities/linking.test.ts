import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { linkEntities } from '../../../server/src/engine/entities/linking';
import type { EntityMention, EntityType } from '../../../server/src/engine/model';

// The gold of the bundled samples, shipped with the repository (test/fixtures/gold/README.md).
const goldDir = path.resolve(__dirname, '..', '..', 'fixtures', 'gold', 'seeds');

type Doc = { path: string; entities: EntityMention[] };

/** The gold PER/ORG/LOC/MISC mentions of the five seed articles, one doc per article. */
function goldDocs(): Doc[] {
  return fs
    .readdirSync(goldDir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(goldDir, f), 'utf8'));
      const entities = (j.entities as { start: number; end: number; type: string; text: string }[])
        .filter((e) => e.type !== 'DATE')
        .map((e) => ({ start: e.start, end: e.end, type: e.type as EntityType, text: e.text }));
      return { path: j.file as string, entities };
    });
}

/** Small docs from (type, text) pairs; offsets are only used as identities here. */
function docs(spec: Record<string, [EntityType, string][]>): Doc[] {
  return Object.entries(spec).map(([p, ms]) => {
    let at = 0;
    return {
      path: p,
      entities: ms.map(([type, text]) => {
        const m = { start: at, end: at + text.length, type, text };
        at += text.length + 1;
        return m;
      }),
    };
  });
}

/** Entity ids of every mention with this exact spelling (and type, when given). */
function idsOf(ds: Doc[], text: string, type?: EntityType): Set<string> {
  const out = new Set<string>();
  for (const d of ds) for (const m of d.entities) if (m.text === text && (!type || m.type === type)) out.add(m.entity!);
  assert.ok(out.size > 0, `no mention spelled ${text}`);
  return out;
}

function oneId(ds: Doc[], ...texts: string[]): string {
  const all = new Set(texts.flatMap((t) => [...idsOf(ds, t)]));
  assert.equal(all.size, 1, `${texts.join(' / ')} → ${[...all].join(', ')}`);
  return [...all][0];
}

function apart(ds: Doc[], a: string, b: string): void {
  const ia = idsOf(ds, a), ib = idsOf(ds, b);
  for (const x of ia) assert.ok(!ib.has(x), `${a} and ${b} share ${x}`);
}

describe('entity linking across the seed articles (gold mentions)', () => {
  const ds = goldDocs();
  const { canonical } = linkEntities(ds);

  it('gives every mention a canonical id that is in the returned list, sorted by id', () => {
    const ids = new Set(canonical.map((c) => c.id));
    for (const d of ds) for (const m of d.entities) assert.ok(m.entity && ids.has(m.entity), `${m.text} has ${m.entity}`);
    const sorted = [...canonical].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    assert.deepEqual(canonical.map((c) => c.id), sorted.map((c) => c.id));
    assert.equal(ids.size, canonical.length);
  });

  it('counts every mention once in the spellings of its entity', () => {
    const total = ds.reduce((n, d) => n + d.entities.length, 0);
    assert.equal(canonical.reduce((n, c) => n + c.spellings.reduce((k, s) => k + s.count, 0), 0), total);
  });

  it('joins the transliterations of McGurk, with and without the given name', () => {
    oneId(ds, 'ماكجورك', 'ماكغورك', 'بريت ماكجورك', 'بريت ماكغورك');
  });

  it('joins partial and full names: علي باقري / علي باقري كاني, بايدن / جو بايدن, خامنئي / علي خامنئي', () => {
    const bagheri = oneId(ds, 'علي باقري', 'علي باقري كاني');
    assert.equal(canonical.find((c) => c.id === bagheri)!.name, 'علي باقري كاني');
    oneId(ds, 'بايدن', 'جو بايدن');
    oneId(ds, 'خامنئي', 'علي خامنئي');
    oneId(ds, 'زاهدي', 'محمد رضا زاهدي');
  });

  it('joins a country under its diacritised, short and official names', () => {
    oneId(ds, 'عمان', 'عُمان', 'سلطنة عمان', 'سلطنة عُمان');
    oneId(ds, 'السعودية', 'المملكة العربية السعودية');
    oneId(ds, 'أميركا', 'أمريكا');
  });

  it('joins a place name whose article was cut off with a preposition (للشرق الأوسط)', () => {
    oneId(ds, 'الشرق الأوسط', 'لشرق الأوسط');
  });

  it('joins a typo of a long organisation name', () => {
    oneId(ds, 'وزارة الخارجية الأميركية', 'وزارة الخارجية الأميكرية');
  });

  it('keeps different things that share words apart', () => {
    apart(ds, 'علي خامنئي', 'علي باقري كاني');
    apart(ds, 'المملكة المتحدة', 'المملكة العربية السعودية');
    apart(ds, 'المملكة المتحدة', 'الولايات المتحدة');
    apart(ds, 'الشرق', 'الشرق الأوسط');
    apart(ds, 'إيران', 'الرئاسة الإيرانية');
    apart(ds, 'القدس العربي', 'فيلق القدس');
    apart(ds, 'المنامة', 'حوار المنامة');
    apart(ds, 'عمان', 'مسقط');
  });

  it('names an entity by its fullest spelling and lists where each spelling occurs', () => {
    const mcgurk = canonical.find((c) => c.spellings.some((s) => s.text === 'ماكجورك'))!;
    assert.equal(mcgurk.type, 'PER');
    assert.ok(['بريت ماكغورك', 'بريت ماكجورك'].includes(mcgurk.name));
    assert.ok(mcgurk.spellings.some((s) => s.text === 'ماكجورك' && s.path === '000_733615ac9775bde5.txt'));
  });
});

describe('entity linking: partial names', () => {
  it('joins a bare surname to the one full name of the corpus that contains it', () => {
    const ds = docs({ 'a.txt': [['PER', 'علي باقري كاني']], 'b.txt': [['PER', 'باقري']], 'c.txt': [['PER', 'علي باقري']] });
    linkEntities(ds);
    oneId(ds, 'باقري', 'علي باقري', 'علي باقري كاني');
  });

  it('does not join a surname shared by two people, except inside an article naming only one of them', () => {
    const ds = docs({
      'a.txt': [['PER', 'جو بايدن'], ['PER', 'بايدن']],
      'b.txt': [['PER', 'هانتر بايدن'], ['PER', 'بايدن']],
      'c.txt': [['PER', 'بايدن']],
    });
    linkEntities(ds);
    apart(ds, 'جو بايدن', 'هانتر بايدن');
    const joe = oneId(ds, 'جو بايدن'), hunter = oneId(ds, 'هانتر بايدن');
    assert.equal(ds[0].entities[1].entity, joe);
    assert.equal(ds[1].entities[1].entity, hunter);
    assert.notEqual(ds[2].entities[0].entity, joe);
    assert.notEqual(ds[2].entities[0].entity, hunter);
  });

  it('keeps people with the same family name and different given names apart', () => {
    const ds = docs({ 'a.txt': [['PER', 'محمد رضا زاهدي']], 'b.txt': [['PER', 'حسن زاهدي']] });
    linkEntities(ds);
    apart(ds, 'محمد رضا زاهدي', 'حسن زاهدي');
  });

  it('does not take a father\'s name for the person (محمد بن سلمان is not سلمان)', () => {
    const ds = docs({ 'a.txt': [['PER', 'محمد بن سلمان']], 'b.txt': [['PER', 'سلمان'], ['PER', 'بن سلمان']] });
    linkEntities(ds);
    apart(ds, 'محمد بن سلمان', 'سلمان');
    oneId(ds, 'محمد بن سلمان', 'بن سلمان');
  });

  it('does not take a father\'s name chain inside a son\'s full name for the son', () => {
    const ds = docs({ 'a.txt': [['PER', 'أحمد علي عبد الله صالح']], 'b.txt': [['PER', 'علي عبد الله صالح']] });
    linkEntities(ds);
    apart(ds, 'أحمد علي عبد الله صالح', 'علي عبد الله صالح');
  });

  it('joins a two-word surname that starts inside the full name (حسني مبارك, عبد الناصر), not half of a compound', () => {
    const ds = docs({
      'a.txt': [['PER', 'محمد حسني مبارك'], ['PER', 'جمال عبد الناصر']],
      'b.txt': [['PER', 'حسني مبارك'], ['PER', 'عبد الناصر']],
      'c.txt': [['PER', 'الناصر']],
    });
    linkEntities(ds);
    oneId(ds, 'محمد حسني مبارك', 'حسني مبارك');
    oneId(ds, 'جمال عبد الناصر', 'عبد الناصر');
    apart(ds, 'الناصر', 'جمال عبد الناصر');
  });

  it('strips و or ل from a person\'s name but never takes a given name for a clitic (فريد is not ف + ريد)', () => {
    const ds = docs({ 'a.txt': [['PER', 'جاك شيراك'], ['PER', 'ريتشارد ريد']], 'b.txt': [['PER', 'وشيراك'], ['PER', 'فريد'], ['PER', 'ريد']] });
    const { canonical } = linkEntities(ds);
    oneId(ds, 'جاك شيراك', 'وشيراك');
    apart(ds, 'فريد', 'ريتشارد ريد');
    const chirac = canonical.find((c) => c.id === ds[0].entities[0].entity)!;
    assert.equal(chirac.name, 'جاك شيراك');
  });

  it('joins a given name alone only inside the article that gives the full name', () => {
    const ds = docs({ 'a.txt': [['PER', 'هيثم بن طارق آل سعيد'], ['PER', 'هيثم']], 'b.txt': [['PER', 'هيثم']] });
    linkEntities(ds);
    assert.equal(ds[0].entities[1].entity, ds[0].entities[0].entity);
    assert.notEqual(ds[1].entities[0].entity, ds[0].entities[0].entity);
  });

  it('does not treat short native names that differ by a long vowel as spellings of one name', () => {
    const ds = docs({ 'a.txt': [['PER', 'محمود عباس'], ['PER', 'جمال']], 'b.txt': [['PER', 'محمد عباس'], ['PER', 'جميل']] });
    linkEntities(ds);
    apart(ds, 'محمود عباس', 'محمد عباس');
    apart(ds, 'جمال', 'جميل');
  });

  it('joins a foreign name with a dropped ا or ي, alone or inside the full name (ترامب/ترمب, بوتين/بوتن)', () => {
    const ds = docs({ 'a.txt': [['PER', 'ترامب'], ['PER', 'فلاديمير بوتين']], 'b.txt': [['PER', 'ترمب'], ['PER', 'بوتن']] });
    linkEntities(ds);
    oneId(ds, 'ترامب', 'ترمب');
    oneId(ds, 'فلاديمير بوتين', 'بوتن');
  });

  it('joins vowel and g-letter variants of a long foreign name written alone', () => {
    const ds = docs({ 'a.txt': [['PER', 'زيلينسكي']], 'b.txt': [['PER', 'زيلنسكي']], 'c.txt': [['PER', 'ماكغورك']], 'd.txt': [['PER', 'ماكجورك']] });
    linkEntities(ds);
    oneId(ds, 'زيلينسكي', 'زيلنسكي');
    oneId(ds, 'ماكغورك', 'ماكجورك');
    apart(ds, 'زيلينسكي', 'ماكغورك');
  });
});

describe('entity linking: organisations and places', () => {
  it('keeps the ministries of two countries apart and resolves a bare ministry inside its article only', () => {
    const ds = docs({
      'a.txt': [['ORG', 'وزارة الخارجية الأميركية'], ['ORG', 'وزارة الخارجية']],
      'b.txt': [['ORG', 'وزارة الخارجية الإيرانية']],
      'c.txt': [['ORG', 'وزارة الخارجية']],
    });
    linkEntities(ds);
    apart(ds, 'وزارة الخارجية الأميركية', 'وزارة الخارجية الإيرانية');
    assert.equal(ds[0].entities[1].entity, ds[0].entities[0].entity);
    assert.notEqual(ds[2].entities[0].entity, ds[0].entities[0].entity);
    assert.notEqual(ds[2].entities[0].entity, ds[1].entities[0].entity);
  });

  it('reduces official state names to the country (ICU names)', () => {
    const ds = docs({
      'a.txt': [['LOC', 'جمهورية مصر العربية'], ['LOC', 'الولايات المتحدة الأمريكية'], ['LOC', 'دولة قطر']],
      'b.txt': [['LOC', 'مصر'], ['LOC', 'الولايات المتحدة'], ['LOC', 'قطر'], ['LOC', 'سورية']],
      'c.txt': [['LOC', 'سوريا'], ['LOC', 'السودان'], ['LOC', 'جنوب السودان'], ['LOC', 'كوريا الشمالية'], ['LOC', 'كوريا الجنوبية']],
    });
    linkEntities(ds);
    oneId(ds, 'جمهورية مصر العربية', 'مصر');
    oneId(ds, 'الولايات المتحدة الأمريكية', 'الولايات المتحدة');
    oneId(ds, 'دولة قطر', 'قطر');
    oneId(ds, 'سورية', 'سوريا');
    apart(ds, 'السودان', 'جنوب السودان');
    apart(ds, 'كوريا الشمالية', 'كوريا الجنوبية');
  });

  it('joins a place to its name with a word for its kind, unless two kinds share it', () => {
    const one = docs({ 'a.txt': [['LOC', 'قطاع غزة']], 'b.txt': [['LOC', 'غزة']] });
    linkEntities(one);
    oneId(one, 'قطاع غزة', 'غزة');
    const two = docs({ 'a.txt': [['LOC', 'قطاع غزة']], 'b.txt': [['LOC', 'مدينة غزة']], 'c.txt': [['LOC', 'غزة']] });
    linkEntities(two);
    apart(two, 'قطاع غزة', 'مدينة غزة');
    apart(two, 'غزة', 'قطاع غزة');
    apart(two, 'غزة', 'مدينة غزة');
  });

  it('keeps one-word places apart when they differ by more than one spelling habit (السعيدية / السعودية)', () => {
    const ds = docs({ 'a.txt': [['LOC', 'بالسعيدية']], 'b.txt': [['LOC', 'بالسعودية'], ['LOC', 'السعودية']] });
    const { canonical } = linkEntities(ds);
    apart(ds, 'بالسعيدية', 'السعودية');
    oneId(ds, 'بالسعودية', 'السعودية');
    assert.equal(canonical.find((c) => c.id === ds[1].entities[0].entity)!.name, 'السعودية');
  });

  it('joins a name with a conjunction or preposition left on it to the bare name', () => {
    const ds = docs({ 'a.txt': [['LOC', 'وإيران'], ['LOC', 'بالعراق'], ['LOC', 'لبنان']], 'b.txt': [['LOC', 'إيران'], ['LOC', 'العراق'], ['LOC', 'سوريا']] });
    linkEntities(ds);
    oneId(ds, 'وإيران', 'إيران');
    oneId(ds, 'بالعراق', 'العراق');
    apart(ds, 'لبنان', 'سوريا');
  });

  it('joins a country tagged ORG (the state acting) to the country, but not a city to its club or a person', () => {
    const ds = docs({
      'a.txt': [['ORG', 'قطر'], ['ORG', 'برشلونة'], ['PER', 'عمان']],
      'b.txt': [['LOC', 'دولة قطر'], ['LOC', 'برشلونة'], ['LOC', 'عمان']],
    });
    const { canonical } = linkEntities(ds);
    const qatar = oneId(ds, 'قطر', 'دولة قطر');
    assert.equal(canonical.find((c) => c.id === qatar)!.type, 'LOC');
    assert.notEqual(ds[0].entities[1].entity, ds[1].entities[1].entity);
    assert.notEqual(ds[0].entities[2].entity, ds[1].entities[2].entity);
  });
});

describe('entity ids', () => {
  const snapshot = (ds: Doc[]) => ds.flatMap((d) => d.entities.map((m) => `${d.path}:${m.start}:${m.entity}`)).sort();
  const clone = (ds: Doc[]): Doc[] => ds.map((d) => ({ path: d.path, entities: d.entities.map((m) => ({ ...m, entity: undefined })) }));

  it('do not depend on the order of articles or of mentions', function () {
    this.timeout(30_000);
    const base = goldDocs();
    linkEntities(base);
    const expected = snapshot(base);
    fc.assert(
      fc.property(fc.shuffledSubarray(base.map((_, i) => i), { minLength: base.length, maxLength: base.length }), fc.integer(), (order, seed) => {
        const ds = clone(order.map((i) => base[i])).map((d, k) => {
          // Rotate each article's mentions by a seed-dependent amount.
          const r = Math.abs(seed + k) % Math.max(1, d.entities.length);
          return { path: d.path, entities: [...d.entities.slice(r), ...d.entities.slice(0, r)] };
        });
        linkEntities(ds);
        assert.deepEqual(snapshot(ds), expected);
      }),
      { numRuns: 40 },
    );
  });

  it('never put a person together with a non-person, nor MISC with anything else, on any subset of the seeds', function () {
    this.timeout(30_000);
    const all = goldDocs();
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 300, maxLength: 300 }), (keep) => {
        let k = 0;
        const ds = clone(all).map((d) => ({ path: d.path, entities: d.entities.filter(() => keep[k++ % keep.length]) }));
        const { canonical } = linkEntities(ds);
        const types = new Map<string, Set<string>>();
        for (const d of ds) for (const m of d.entities) types.set(m.entity!, (types.get(m.entity!) ?? new Set()).add(m.type));
        for (const [id, t] of types) {
          const ts = [...t].sort().join(',');
          assert.ok(t.size === 1 || ts === 'LOC,ORG', `${id} mixes ${ts}`);
          if (t.size > 1) assert.ok(id.startsWith('LOC:'), `${id} is a country`);
        }
        assert.equal(new Set(canonical.map((c) => c.id)).size, canonical.length);
      }),
      { numRuns: 30 },
    );
  });

  it('stay the same when an unrelated article is added', () => {
    const base = goldDocs();
    linkEntities(base);
    const before = snapshot(base);
    const more = [...clone(base), ...docs({ 'zz.txt': [['PER', 'فلاديمير بوتين'], ['LOC', 'موسكو'], ['ORG', 'حلف شمال الأطلسي']] })];
    linkEntities(more);
    assert.deepEqual(snapshot(more).filter((s) => !s.startsWith('zz.txt')), before);
  });

  it('are the type and the normalised name of the entity', () => {
    const ds = docs({ 'a.txt': [['PER', 'بريت ماكغورك']] });
    const { canonical } = linkEntities(ds);
    assert.equal(canonical[0].id, 'PER:بريت_ماكغورك');
    assert.equal(ds[0].entities[0].entity, 'PER:بريت_ماكغورك');
  });
});

describe('entity linking speed', () => {
  // How long linking takes is the benchmark's business (npm run bench); what a test can check on a
  // shared machine is how it grows: ten times the articles must cost about ten times as much, not a
  // hundred (every mention compared with every other), whatever the machine's load.
  it('grows linearly with the corpus: 50 articles of 100 mentions cost about 10 times as much as 5', function () {
    this.timeout(60_000);
    const gold = goldDocs().flatMap((d) => d.entities);
    const corpus = (n: number): Doc[] => Array.from({ length: n }, (_, k) => ({
      path: `a${k}.txt`,
      entities: Array.from({ length: 100 }, (_, i) => {
        const g = gold[(k * 37 + i * 11) % gold.length];
        // Mix in distinct names so that the corpus is not only the seeds' 60 entities.
        const text = i % 3 === 0 ? `${g.text} ${['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس'][(k + i) % 5]}${k % 7}` : g.text;
        return { start: i * 20, end: i * 20 + text.length, type: g.type, text };
      }),
    }));
    const clone = (docs: Doc[]) => docs.map((d) => ({ path: d.path, entities: d.entities.map((m) => ({ ...m })) }));
    // CPU time of this process, best of several warm runs, keeps other processes out of it.
    const cpuMs = (docs: Doc[]) => {
      for (let k = 0; k < 3; k++) linkEntities(clone(docs));
      return Math.min(...Array.from({ length: 7 }, () => {
        const ds = clone(docs);
        const t0 = process.cpuUsage();
        linkEntities(ds);
        const used = process.cpuUsage(t0);
        return (used.user + used.system) / 1000;
      }));
    };
    const small = cpuMs(corpus(5)), large = cpuMs(corpus(50));
    assert.ok(large < 25 * Math.max(small, 1), `5 articles ${small.toFixed(1)} ms, 50 articles ${large.toFixed(1)} ms`);
  });
});

