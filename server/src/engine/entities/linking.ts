// Corpus-wide entity linking: one canonical entity per real-world thing across all articles.
//
// Mentions are grouped into spelling forms (type + article-free normalised tokens). Forms are then
// joined in two passes, each a union over a partition so the result never depends on the order of
// articles or mentions:
//  1. spellings of the same name: orthographic variants (norm), spaces (عبد الله/عبدالله), the ل of
//     لل (لشرق الأوسط/الشرق الأوسط), transliteration variants of long tokens (ماكجورك/ماكغورك), a
//     country under any of its ICU names and styles (سلطنة عمان/عُمان);
//  2. partial names, longest first: a shorter name joins the one longer entity that contains it
//     (باقري → علي باقري → علي باقري كاني, غزة → قطاع غزة). When two different longer entities contain
//     it (جو بايدن / هانتر بايدن), it joins one only inside an article where that one alone appears;
//     elsewhere it stays on its own.
// Types must agree, except a country tagged ORG (the state acting: قطر, إيران), which joins the
// country; a city and its football club, or a region and a newspaper named after it, stay apart.
import type { CanonicalEntity, EntityMention, EntityType } from '../model';
import { nameTokens, stripArticle, sameToken, skeleton, PARTICLES, BOUND_PARTICLES } from './spelling';
import { countryOf, foldPlace, PLACE_WORDS, ORG_WORDS } from './places';

interface Form {
  type: EntityType;
  /** Normalised tokens as written. */
  raw: string[];
  /** Article-free tokens (place names also fold -ية/-يا). */
  keys: string[];
  id: string;
  paths: Set<string>;
}

interface Container {
  form: number;
  /** May join across articles (otherwise only inside an article where both appear). */
  corpus: boolean;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  /** The smaller index stays the root, so roots do not depend on the order of unions. */
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

const isName = (t: string) => t.length >= 2 && !PARTICLES.has(t);

function formKeys(type: EntityType, raw: string[]): string[] {
  const keys = raw.map(stripArticle);
  return type === 'LOC' ? foldPlace(keys) : keys;
}

/** Spelling variants of the same name (pass 1): pairs of forms to join. Forms read as another with
 *  a proclitic removed go into `clitic` (they never name the entity). */
function* variantPairs(forms: Form[], clitic: Set<number>): Generator<void, [number, number][]> {
  const pairs: [number, number][] = [];
  const byKey = new Map<string, number[]>();
  const add = (k: string, i: number) => {
    const l = byKey.get(k);
    if (l) l.push(i);
    else byKey.set(k, [i]);
  };
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (i % STEP === 0) yield;
    // Spaces inside names come and go (عبد الله/عبدالله, أبو ظبي/أبوظبي).
    add(`c|${f.type}|${f.raw.join('')}`, i);
    // A country under any of its names; tagged ORG it is the state acting (قطر, إيران), the same
    // thing. Other places and organisations sharing words stay apart: برشلونة the city and the
    // club, الشرق الأوسط the region and the newspaper, الجزيرة the peninsula and the channel.
    if (f.type === 'LOC' || f.type === 'ORG') {
      const c = countryOf(f.raw.map(stripArticle));
      if (c) add(`country|${c}`, i);
    }
  }
  for (const l of byKey.values()) for (let k = 1; k < l.length; k++) pairs.push([l[0], l[k]]);

  // A conjunction or preposition left on the name (وإيران, بالعراق), or the ل of لل cut off with
  // the article (لشرق الأوسط for للشرق الأوسط): join the bare name when the corpus has it.
  const index = new Map(forms.map((f, i) => [`${f.type}|${f.keys.join(' ')}`, i]));
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (i % STEP === 0) yield;
    for (const { alt, keys } of cliticFreeKeys(f)) {
      const j = index.get(`${f.type}|${keys.join(' ')}`);
      // The bare reading must be attested as written: with its article when the clitic took one.
      if (j === undefined || j === i || (alt.startsWith('ال') && !forms[j].raw[0].startsWith('ال'))) continue;
      pairs.push([i, j]);
      clitic.add(i);
    }
  }

  // Transliteration variants: forms of one type and length that differ in one token. Candidates
  // share the other tokens and the consonant skeleton of this one up to one letter (its one-letter
  // deletions), which every variant within the budget does; the distance decides.
  const masked = new Map<string, { i: number; pos: number }[]>();
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (i % STEP === 0) yield;
    f.keys.forEach((t, pos) => {
      if (t.length < 4) return; // too short to be granted any tolerance
      const context = `${f.type}|${f.keys.length}|${f.keys.map((x, p) => (p === pos ? '*' : x)).join(' ')}`;
      const sk = skeleton(t);
      const variants = new Set([sk]);
      // Alone, a word only gets transliteration habits, which keep the skeleton; inside a longer
      // name a typo may change one letter of it.
      if (f.keys.length > 1) for (let k = 0; k < sk.length; k++) variants.add(sk.slice(0, k) + sk.slice(k + 1));
      for (const v of variants) {
        const k = `${context}|${v}`;
        const l = masked.get(k);
        if (l) l.push({ i, pos });
        else masked.set(k, [{ i, pos }]);
      }
    });
  }
  const tried = new Set<string>();
  let n = 0;
  for (const l of masked.values()) {
    if (++n % STEP === 0) yield;
    for (let a = 0; a < l.length; a++) {
      for (let b = a + 1; b < l.length; b++) {
        const pair = `${l[a].i},${l[b].i}`;
        if (tried.has(pair)) continue;
        tried.add(pair);
        const fa = forms[l[a].i], fb = forms[l[b].i];
        const pos = l[a].pos;
        const withContext = fa.keys.some((t, p) => p !== pos && isName(t));
        const foreign = !fa.raw[pos].startsWith('ال') && !fb.raw[pos].startsWith('ال');
        if (sameToken(fa.keys[pos], fb.keys[pos], withContext, foreign)) pairs.push([l[a].i, l[b].i]);
      }
    }
  }
  return pairs;
}

/** Readings of a first token with a proclitic removed: وإيران → إيران, بالعراق → العراق, لشرق → الشرق. */
function procliticReadings(t: string, type: EntityType, alone: boolean): string[] {
  const out: string[] = [];
  if (t.startsWith('ال')) return out;
  // Many given names begin with a letter that can be a proclitic (فريد, بشار, كمال): a person only
  // loses و or ل, and alone keeps a name of four letters or more (وشيراك, لخاتمي; not وليد → ليد).
  if (type === 'PER') {
    if (/^[ول]/.test(t) && t.length - 1 >= (alone ? 4 : 2)) out.push(t.slice(1));
    return out;
  }
  // The article after a one-letter proclitic (وال, بال, فال, كال), or لل whose first ل went with it.
  if (/^[وفبك]ال/.test(t)) out.push(t.slice(1));
  if (/^[وف]?لل/.test(t)) out.push('ال' + t.slice(t.indexOf('لل') + 2));
  if (/^[وف]?ل[^ل]/.test(t) && !t.startsWith('ال')) out.push('ال' + t.slice(t.indexOf('ل') + 1));
  // A bare proclitic, possibly two (وب, ول, فب).
  if (/^[وفبلك]/.test(t)) out.push(t.slice(1));
  if (/^[وف][بلك]/.test(t)) out.push(t.slice(2));
  return out;
}

const hasArticle = (t: string) => t.startsWith('ال') && t.length >= 4;

/** Index of `short` tokens inside `long` as a subsequence, honouring name particles; null if absent.
 *  The raw (article-bearing) tokens go along, aligned with the keys. */
function subsequence(short: string[], long: string[], shortRaw: string[], longRaw: string[]): number[] | null {
  const at: number[] = [];
  let j = 0;
  for (let i = 0; i < short.length; i++) {
    let found = -1;
    for (; j < long.length; j++) {
      const foreign = !hasArticle(shortRaw[i]) && !hasArticle(longRaw[j]);
      if (!sameToken(short[i], long[j], short.length > 1, foreign)) continue;
      // محمد بن سلمان does not contain سلمان: the token after بن names the father.
      if (j > 0 && BOUND_PARTICLES.has(long[j - 1]) && !(i > 0 && at[i - 1] === j - 1)) continue;
      found = j;
      break;
    }
    if (found < 0) return null;
    at.push(found);
    j = found + 1;
  }
  return at;
}

/** Words of a name, counting a bound particle with the word it binds (عبد الله, بن لادن) and a
 *  compound's second part with its first (نصر الله, صلاح الدين). */
function nameUnits(keys: string[]): number {
  let n = 0;
  keys.forEach((t, i) => {
    if (i > 0 && (BOUND_PARTICLES.has(keys[i - 1]) || COMPOUND_TAILS.has(t))) return;
    n++;
  });
  return n;
}
/** Article-free second parts of compound names (… الله, … الدين). */
const COMPOUND_TAILS = new Set(['له', 'دين']);

/** Longer forms that contain form `i` as a partial name (pass 2). */
function containers(forms: Form[], i: number, byToken: Map<string, number[]>): Container[] {
  const f = forms[i];
  const found = new Map<number, boolean>();
  // The name as written, and read without a proclitic (وشيراك inside جاك شيراك).
  const readings = [{ keys: f.keys, raw: f.raw }, ...cliticFreeKeys(f).map((r) => ({ keys: r.keys, raw: [r.alt, ...f.raw.slice(1)] }))];
  for (const { keys, raw } of readings) {
    const anchor = keys.find(isName);
    if (!anchor) continue;
    for (const j of byToken.get(`${f.type}|${skeleton(anchor)}`) ?? []) {
      const g = forms[j];
      if (j === i || g.keys.length <= keys.length) continue;
      const corpus = contains(f.type, keys, g.keys, raw, g.raw);
      if (corpus !== undefined) found.set(j, (found.get(j) ?? false) || corpus);
    }
  }
  return [...found.entries()].map(([form, corpus]) => ({ form, corpus }));
}

/** Whether the longer name `long` contains `short` as a partial name: undefined if not, else
 *  whether that may join across articles (true) or only inside one (false). */
function contains(type: EntityType, short: string[], long: string[], shortRaw: string[], longRaw: string[]): boolean | undefined {
  if (type === 'PER') {
    const at = subsequence(short, long, shortRaw, longRaw);
    if (!at) return undefined;
    // A name that starts inside a longer one: a surname (بايدن, نصر الله, بن لادن, حسني مبارك)
    // joins, but a longer chain is the father's name (أحمد علي عبد الله صالح ⊃ علي عبد الله صالح).
    if (at[0] > 0 && nameUnits(short) > 2) return undefined;
    // A surname alone may join across articles; a given name alone only next to the full name.
    return short.length > 1 || at[0] === long.length - 1;
  }
  const extra = long.length - short.length;
  const joined = short.join(' ');
  const words = type === 'LOC' ? PLACE_WORDS : type === 'ORG' ? ORG_WORDS : undefined;
  // قطاع غزة / غزة, حركة حماس / حماس: a word for the kind of thing in front of its name.
  if (extra === 1 && words?.has(long[0]) && long.slice(1).join(' ') === joined) return true;
  // الحرس الثوري / الحرس الثوري الإيراني: a longer official name, trusted inside one article only
  // (a bare وزارة الخارجية is a different ministry in each article). Places never grow this way
  // (السودان / جنوب السودان).
  if (type !== 'LOC' && long.slice(0, short.length).join(' ') === joined) return false;
  return undefined;
}

/** Keys of a form read without a proclitic on its first word. */
function cliticFreeKeys(f: Form): { alt: string; keys: string[] }[] {
  const first = f.raw[0];
  if (!first || first.length < 4) return [];
  const out: { alt: string; keys: string[] }[] = [];
  for (const alt of procliticReadings(first, f.type, f.raw.length === 1)) {
    if (stripArticle(alt).length < (f.raw.length === 1 ? 3 : 2)) continue;
    out.push({ alt, keys: formKeys(f.type, [alt, ...f.raw.slice(1)]) });
  }
  return out;
}

// Names recur from one relink to the next (the language server relinks on every edit): keep their
// tokens, bounded.
const tokenCache = new Map<string, string[]>();
function cachedTokens(text: string): string[] {
  let t = tokenCache.get(text);
  if (!t) {
    if (tokenCache.size > 50_000) tokenCache.clear();
    tokenCache.set(text, (t = nameTokens(text)));
  }
  return t;
}

function cleanText(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

const TYPE_ORDER: EntityType[] = ['PER', 'ORG', 'LOC', 'MISC'];

/** Forms or clusters handled between two yields of linkEntitiesSteps. */
const STEP = 256;

export function linkEntities(docs: { path: string; entities: EntityMention[] }[]): { canonical: CanonicalEntity[] } {
  const steps = linkEntitiesSteps(docs);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** linkEntities in steps: it yields every few hundred forms, mentions' articles or clusters, so that
 *  the language server can do it a slice at a time and answer an edit in between (lsp/indexer.ts).
 *  Nothing is written on the mentions before the last step. */
export function* linkEntitiesSteps(docs: { path: string; entities: EntityMention[] }[]): Generator<void, { canonical: CanonicalEntity[] }> {
  // Forms, indexed in sorted order so that every tie below is broken the same way for any input order.
  const formIds = new Map<string, { type: EntityType; raw: string[] }>();
  const tokensOf = cachedTokens;
  const formOfText = new Map<EntityType, Map<string, string>>();
  const formOf = (m: EntityMention): string => {
    let byText = formOfText.get(m.type);
    if (!byText) formOfText.set(m.type, (byText = new Map()));
    const known = byText.get(m.text);
    if (known !== undefined) return known;
    const raw = tokensOf(m.text);
    const toks = raw.length ? raw : [m.text.trim()];
    const id = `${m.type}|${formKeys(m.type, toks).join(' ')}`;
    const prev = formIds.get(id);
    // Keep the lexicographically smallest raw spelling: forms must not depend on the order of mentions.
    if (!prev || prev.raw.join(' ') > toks.join(' ')) formIds.set(id, { type: m.type, raw: toks });
    byText.set(m.text, id);
    return id;
  };
  const mentionForm: string[][] = [];
  for (const d of docs) {
    mentionForm.push(d.entities.map(formOf));
    yield;
  }
  const ids = [...formIds.keys()].sort();
  const formIndex = new Map(ids.map((id, i) => [id, i]));
  const forms: Form[] = ids.map((id) => {
    const { type, raw } = formIds.get(id)!;
    return { type, raw, keys: formKeys(type, raw), id, paths: new Set<string>() };
  });
  const mentionIndex = mentionForm.map((ids) => ids.map((id) => formIndex.get(id)!));
  docs.forEach((d, di) => mentionIndex[di].forEach((fi) => forms[fi].paths.add(d.path)));

  const uf = new UnionFind(forms.length);
  const clitic = new Set<number>();
  for (const [a, b] of yield* variantPairs(forms, clitic)) uf.union(a, b);

  // Pass 2: partial names, longest first; each level decides on the state the longer levels left.
  const byToken = new Map<string, number[]>();
  for (let i = 0; i < forms.length; i++) {
    const f = forms[i];
    if (i % STEP === 0) yield;
    for (const t of new Set(f.keys.filter(isName).map(skeleton))) {
      const k = `${f.type}|${t}`;
      const l = byToken.get(k);
      if (l) l.push(i);
      else byToken.set(k, [i]);
    }
  }
  /** `${form}|${path}` → form whose entity this form's mentions in that article join. */
  const local = new Map<string, number>();
  const maxLen = forms.reduce((n, f) => Math.max(n, f.keys.length), 0);
  const lengths = new Set(forms.map((f) => f.keys.length));
  for (let len = maxLen - 1; len >= 1; len--) {
    if (!lengths.has(len)) continue;
    // Which articles each entity appears in, computed only for the entities asked about.
    const members = new Map<number, number[]>();
    for (let i = 0; i < forms.length; i++) {
      if (i % (4 * STEP) === 0) yield;
      const r = uf.find(i);
      const l = members.get(r);
      if (l) l.push(i);
      else members.set(r, [i]);
    }
    const localPaths = new Map<number, Set<string>>();
    for (const [k, j] of local) {
      const r = uf.find(j);
      let set = localPaths.get(r);
      if (!set) localPaths.set(r, (set = new Set()));
      set.add(k.slice(k.indexOf('|') + 1));
    }
    const rootPaths = new Map<number, Set<string>>();
    const presentIn = (root: number, path: string): boolean => {
      let set = rootPaths.get(root);
      if (!set) {
        set = new Set(localPaths.get(root));
        for (const i of members.get(root) ?? []) for (const p of forms[i].paths) set.add(p);
        rootPaths.set(root, set);
      }
      return set.has(path);
    };

    const unions: [number, number][] = [];
    const overrides: [string, number][] = [];
    for (let i = 0; i < forms.length; i++) {
      const f = forms[i];
      if (i % STEP === 0) yield;
      if (f.keys.length !== len) continue;
      const own = uf.find(i);
      const cs = containers(forms, i, byToken).filter((c) => uf.find(c.form) !== own);
      if (cs.length === 0) continue;
      const roots = new Map<number, { form: number; corpus: boolean }>();
      for (const c of cs) {
        const r = uf.find(c.form);
        const prev = roots.get(r);
        if (!prev) roots.set(r, { form: c.form, corpus: c.corpus });
        else if (c.corpus) prev.corpus = true;
      }
      if (roots.size === 1) {
        const [only] = roots.values();
        if (only.corpus) {
          unions.push([i, only.form]);
          continue;
        }
      }
      for (const path of [...f.paths].sort()) {
        const here = [...roots.entries()].filter(([r]) => presentIn(r, path));
        if (here.length === 1) overrides.push([`${i}|${path}`, here[0][1].form]);
      }
    }
    for (const [a, b] of unions) uf.union(a, b);
    for (const [k, j] of overrides) local.set(k, j);
  }

  // Clusters of mentions.
  interface Cluster {
    root: number;
    mentions: { m: EntityMention; path: string; text: string; clitic: boolean }[];
  }
  const clusters = new Map<number, Cluster>();
  const cleanCache = new Map<string, string>();
  for (let di = 0; di < docs.length; di++) {
    const d = docs[di];
    yield;
    d.entities.forEach((m, mi) => {
      const fi = mentionIndex[di][mi];
      const target = local.get(`${fi}|${d.path}`) ?? fi;
      const root = uf.find(target);
      let c = clusters.get(root);
      if (!c) clusters.set(root, (c = { root, mentions: [] }));
      let text = cleanCache.get(m.text);
      if (text === undefined) cleanCache.set(m.text, (text = cleanText(m.text) || m.text));
      c.mentions.push({ m, path: d.path, text, clitic: clitic.has(fi) });
    });
  }

  const entities: { c: Cluster; e: CanonicalEntity }[] = [];
  for (const c of clusters.values()) {
    if (entities.length % STEP === 0) yield;
    const textCount = new Map<string, number>();
    const typeCount = new Map<EntityType, number>();
    const spell = new Map<string, { text: string; path: string; count: number }>();
    const bare = c.mentions.some((x) => !x.clitic);
    for (const { m, path, text, clitic: withClitic } of c.mentions) {
      if (!withClitic || !bare) textCount.set(text, (textCount.get(text) ?? 0) + 1);
      typeCount.set(m.type, (typeCount.get(m.type) ?? 0) + 1);
      const k = `${path}\u0000${m.text}`;
      const s = spell.get(k);
      if (s) s.count++;
      else spell.set(k, { text: m.text, path, count: 1 });
    }
    // The fullest spelling (most words, then letters), then the most frequent, then a fixed order.
    const name = [...textCount.entries()].sort((a, b) => {
      const ta = tokensOf(a[0]), tb = tokensOf(b[0]);
      return tb.length - ta.length || b[1] - a[1] || tb.join('').length - ta.join('').length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    })[0][0];
    // Only a country mixes types (LOC with ORG): it is a place.
    const type = typeCount.has('LOC') ? 'LOC' : [...typeCount.entries()].sort((a, b) => b[1] - a[1] || TYPE_ORDER.indexOf(a[0]) - TYPE_ORDER.indexOf(b[0]))[0][0];
    const spellings = [...spell.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    const key = tokensOf(name).join('_') || name;
    entities.push({ c, e: { id: `${type}:${key}`, type, name, spellings } });
  }

  // Two entities with the same name stay apart with a suffix, given in a fixed order of their forms.
  const byId = new Map<string, { c: Cluster; e: CanonicalEntity }[]>();
  for (const x of entities) {
    const l = byId.get(x.e.id);
    if (l) l.push(x);
    else byId.set(x.e.id, [x]);
  }
  for (const l of byId.values()) {
    if (l.length < 2) continue;
    yield;
    const first = (c: Cluster) => c.mentions.map((mm) => `${mm.path}\u0000${String(mm.m.start).padStart(9, '0')}`).sort()[0];
    const ranked = l.map((x) => ({ x, n: x.c.mentions.length, sig: first(x.c) }));
    ranked.sort((a, b) => b.n - a.n || (a.sig < b.sig ? -1 : 1));
    ranked.forEach(({ x }, k) => {
      if (k > 0) x.e.id = `${x.e.id}~${k + 1}`;
    });
  }
  for (const { c, e } of entities) for (const { m } of c.mentions) m.entity = e.id;
  const canonical = entities.map((x) => x.e).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { canonical };
}
