import * as fs from 'fs';
import { linkEntities } from './server/src/engine/entities/linking';
const dir = '/work/shared/gold/seeds';
const gold = fs.readdirSync(dir).filter(f => f.endsWith('.json')).flatMap(f => JSON.parse(fs.readFileSync(dir + '/' + f, 'utf8')).entities.filter((e: any) => e.type !== 'DATE'));
const mk = () => Array.from({ length: 50 }, (_, k) => ({ path: `a${k}.txt`, entities: Array.from({ length: 100 }, (_, i) => { const g = gold[(k * 37 + i * 11) % gold.length]; const text = i % 3 === 0 ? `${g.text} ${['الأول', 'الثاني', 'الثالث', 'الرابع', 'الخامس'][(k + i) % 5]}${k % 7}` : g.text; return { start: i * 20, end: i * 20 + text.length, type: g.type, text }; }) }));
for (let k = 0; k < 20; k++) { const d = mk(); const c = process.cpuUsage(); const t = performance.now(); linkEntities(d); const u = process.cpuUsage(c); if (k % 4 == 3) console.log("wall", (performance.now() - t).toFixed(1), "cpu", ((u.user) / 1000).toFixed(1)); }
