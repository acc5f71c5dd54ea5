import * as fs from 'fs';
import { linkEntities } from './server/src/engine/entities/linking';
const lines = fs.readFileSync('/work/shared/data/anercorp/train.txt', 'utf8').split('\n');
const mentions: { type: any; text: string }[] = [];
let cur: { type: string; toks: string[] } | null = null;
const flush = () => { if (cur) mentions.push({ type: cur.type === 'PERS' ? 'PER' : cur.type, text: cur.toks.join(' ') }); cur = null; };
for (const l of lines) {
  const [w, tag] = l.trim().split(/\s+/);
  if (!tag || tag === 'O') { flush(); continue; }
  const [bi, ty] = tag.split('-');
  if (bi === 'B' || !cur || cur.type !== ty) { flush(); cur = { type: ty, toks: [w] }; } else cur.toks.push(w);
}
flush();
const docs: any[] = [];
for (let i = 0; i < mentions.length; i += 40) docs.push({ path: `d${String(i / 40).padStart(4, '0')}`, entities: mentions.slice(i, i + 40).map((m, k) => ({ start: k * 50, end: k * 50 + m.text.length, type: m.type, text: m.text })) });
for (let k = 0; k < 3; k++) linkEntities(JSON.parse(JSON.stringify(docs)));
const cpu0 = process.cpuUsage(); const t = performance.now();
const { canonical } = linkEntities(docs);
console.error(mentions.length, 'mentions', docs.length, 'docs', canonical.length, 'entities', (performance.now() - t).toFixed(0), 'ms wall', (process.cpuUsage(cpu0).user / 1000).toFixed(0), 'ms cpu');
for (const c of canonical) { const sp = [...new Set(c.spellings.map(s => s.text))]; if (sp.length > 1) console.log(c.id, '←', sp.join(' / ')); }
