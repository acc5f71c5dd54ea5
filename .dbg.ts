import { linkEntities } from './server/src/engine/entities/linking';
import { sameToken, spellingDistance } from './server/src/engine/entities/spelling';
const mk = (sp: Record<string, [any, string][]>) => Object.entries(sp).map(([p, ms]) => ({ path: p, entities: ms.map(([type, text], i) => ({ start: i * 30, end: i * 30 + text.length, type, text })) }));
const ds = mk({ a: [['LOC', 'بالسعيدية']], b: [['LOC', 'بالسعودية'], ['LOC', 'السعودية']] });
console.log(JSON.stringify(linkEntities(ds).canonical.map(c => [c.id, c.spellings.map(s => s.text)])));
console.log(spellingDistance('بالسعيديا', 'بالسعوديا', 1, 2), sameToken('بالسعيديا', 'بالسعوديا', false));
