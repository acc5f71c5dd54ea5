// Entity linking figures on the five seed articles. There is no gold clustering to score against
// (the named pairs — ماكجورك/ماكغورك, باقري/علي باقري كاني, عمان/سلطنة عمان … — are unit
// tests), so this reports the shape of the result for review:
//  - on the gold mentions: mentions, canonical entities, entities with more than one spelling,
//    entities seen in more than one article, and spelling consistency (the share of normalised
//    spellings whose every mention got the same entity — a figure that needs no list of answers);
//  - the same on the system's own NER output when the NER module loads;
//  - scale: the 9,000 gold mentions of ANERcorp's training file cut into pseudo-articles of 40
//    mentions in corpus order (ANERcorp has no article boundaries), printed for review of merges;
//  - order independence (a reversed corpus gives the same ids) and the CPU time to link (warm).
// The merged clusters are printed so that a reader can judge each one (QARINA_EVAL_VERBOSE=1 also
// prints ANERcorp's). Run alone with `npx tsx scripts/eval.ts linking`.
import * as fs from 'fs';
import * as path from 'path';
import type { EntityMention, EntityType } from '../../server/src/engine/model';
import { linkEntities } from '../../server/src/engine/entities/linking';
import { norm } from '../../server/src/engine/text/normalize';
import { segmentSentences } from '../../server/src/engine/text/sentences';
import { tokenize } from '../../server/src/engine/text/tokens';

type Doc = { path: string; entities: EntityMention[] };

function goldDocs(shared: string): Doc[] {
  const dir = path.join(shared, 'gold', 'seeds');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      const entities = (j.entities as { start: number; end: number; type: string; text: string }[])
        .filter((e) => e.type !== 'DATE')
        .map((e) => ({ start: e.start, end: e.end, type: e.type as EntityType, text: e.text }));
      return { path: j.file as string, entities };
    });
}

const strip = (ds: Doc[]): Doc[] => ds.map((d) => ({ path: d.path, entities: d.entities.map((m) => ({ ...m, entity: undefined })) }));
const assignment = (ds: Doc[]) => ds.flatMap((d) => d.entities.map((m) => `${d.path}:${m.start}:${m.end}:${m.entity}`)).sort().join('\n');

/** ANERcorp's gold mentions (BIO, PERS → PER) in pseudo-articles of `size` mentions. */
function anercorpDocs(shared: string, size = 40): Doc[] {
  const file = path.join(shared, 'data', 'anercorp', 'train.txt');
  if (!fs.existsSync(file)) return [];
  const mentions: { type: EntityType; text: string }[] = [];
  let cur: { type: string; words: string[] } | null = null;
  const flush = () => {
    if (cur) mentions.push({ type: (cur.type === 'PERS' ? 'PER' : cur.type) as EntityType, text: cur.words.join(' ') });
    cur = null;
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const [word, tag] = line.trim().split(/\s+/);
    if (!tag || tag === 'O') {
      flush();
      continue;
    }
    const [bio, type] = tag.split('-');
    if (bio === 'B' || !cur || cur.type !== type) {
      flush();
      cur = { type, words: [word] };
    } else cur.words.push(word);
  }
  flush();
  const docs: Doc[] = [];
  for (let i = 0; i < mentions.length; i += size) {
    let at = 0;
    docs.push({
      path: `anercorp-${String(i / size).padStart(4, '0')}`,
      entities: mentions.slice(i, i + size).map((m) => {
        const e = { start: at, end: at + m.text.length, type: m.type, text: m.text };
        at += m.text.length + 1;
        return e;
      }),
    });
  }
  return docs;
}

function figures(label: string, ds: Doc[], show = true): Record<string, number | string> {
  // Timed warm (ICU's country names loaded, code compiled), in CPU time so that other processes on
  // a busy machine stay out of the figure.
  linkEntities(strip(ds));
  const t0 = process.cpuUsage();
  const { canonical } = linkEntities(ds);
  const used = process.cpuUsage(t0);
  const ms = (used.user + used.system) / 1000;
  const mentions = ds.reduce((n, d) => n + d.entities.length, 0);
  const multi = canonical.filter((c) => new Set(c.spellings.map((s) => norm(s.text))).size > 1);
  const crossArticle = canonical.filter((c) => new Set(c.spellings.map((s) => s.path)).size > 1);
  const bySpelling = new Map<string, Set<string>>();
  for (const d of ds) {
    for (const m of d.entities) {
      const k = `${m.type}|${norm(m.text)}`;
      if (!bySpelling.has(k)) bySpelling.set(k, new Set());
      bySpelling.get(k)!.add(m.entity!);
    }
  }
  const consistent = [...bySpelling.values()].filter((s) => s.size === 1).length;

  const reversed = strip(ds).reverse().map((d) => ({ path: d.path, entities: [...d.entities].reverse() }));
  linkEntities(reversed);
  const orderIndependent = assignment(reversed) === assignment(ds) ? 1 : 0;

  console.log(`${label}: ${mentions} mentions → ${canonical.length} entities (${multi.length} with several spellings, ${crossArticle.length} in several articles); linked in ${ms.toFixed(1)} ms of CPU`);
  if (show) {
    for (const c of multi) console.log(`  ${c.id}  ←  ${[...new Set(c.spellings.map((s) => s.text))].join(' / ')}`);
    const inconsistent = [...bySpelling.entries()].filter(([, s]) => s.size > 1);
    for (const [k, s] of inconsistent) console.log(`  split spelling ${k}: ${[...s].join(', ')}`);
  }
  return {
    [`${label}.mentions`]: mentions,
    [`${label}.entities`]: canonical.length,
    [`${label}.mentionsPerEntity`]: canonical.length ? mentions / canonical.length : 0,
    [`${label}.multiSpellingEntities`]: multi.length,
    [`${label}.crossArticleEntities`]: crossArticle.length,
    [`${label}.spellingConsistency`]: bySpelling.size ? consistent / bySpelling.size : 1,
    [`${label}.orderIndependent`]: orderIndependent,
    [`${label}.cpuMs`]: +ms.toFixed(2),
  };
}

export async function evaluate(shared: string): Promise<Record<string, number | string>> {
  const gold = goldDocs(shared);
  const out: Record<string, number | string> = { ...figures('gold', strip(gold)) };
  try {
    const { recognizeCorpus } = await import('../../server/src/engine/ner');
    const seeds = path.join(shared, 'seeds');
    const inputs = gold.map((d) => {
      const text = fs.readFileSync(path.join(seeds, d.path), 'utf8');
      return { path: d.path, text, tokens: tokenize(text), sentences: segmentSentences(text) };
    });
    const found = recognizeCorpus(inputs);
    Object.assign(out, figures('system', inputs.map((i) => ({ path: i.path, entities: found.get(i.path) ?? [] }))));
  } catch (e) {
    console.log(`(system NER unavailable: ${(e as Error).message.split('\n')[0]})`);
  }
  const aner = anercorpDocs(shared);
  if (aner.length) Object.assign(out, figures('anercorp', aner, process.env.QARINA_EVAL_VERBOSE === '1'));
  return out;
}
