// The benchmark's report: a markdown table and an SVG chart of time and memory against N (a
// hand-drawn line chart: a few polylines on log axes need no charting library).
import type { CliFigures } from './cli';
import type { ServerFigures } from './lsp';

export interface Row { corpus: string; n: number; chars: number; server: ServerFigures | null; cli: CliFigures[] }

const f0 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : Math.round(x).toLocaleString('en-US'));
const f1 = (x: number | null | undefined) => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(1));
const sec = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : (ms / 1000).toFixed(1) + ' s');

export function markdown(rows: Row[], header: string): string {
  const lines = [header, ''];
  lines.push('| corpus | articles | cold → fully indexed (CPU) | articles/s | peak RSS | links/article | hover p50 / p95 / p99 | floor p50 / p95 / p99 | typed word → diagnostics p50 / p95 | hover while typing p95 | reopen → first hover | reopen → indexed | CLI wall (CPU, peak RSS) |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const r of rows) {
    const s = r.server;
    const cli = r.cli.map((c) => `${c.jobs === null ? '' : `--jobs ${c.jobs}: `}${c.wallMs === null ? c.note ?? '—' : `${sec(c.wallMs)} (${sec(c.cpuMs)}, ${f0(c.peakRssMb)} MB)`}`).join('<br>') || '—';
    if (!s) { lines.push(`| ${r.corpus} | ${r.n} | — | — | — | — | — | — | — | — | — | — | ${cli} |`); continue; }
    const rate = s.indexedMs ? (s.articles / (s.indexedMs / 1000)).toFixed(1) : '—';
    const l3 = (x: { p50: number; p95: number; p99: number } | null) => (x ? `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)} / ${x.p99.toFixed(1)} ms` : '—');
    lines.push([
      '', r.corpus, `${s.articles}${s.skipped ? ` (+${s.skipped} skipped)` : ''}`,
      s.indexedMs === null ? s.notes.join('; ') : `${sec(s.indexedMs)} (${sec(s.indexedCpuMs)})`,
      rate, `${f0(s.peakRssMb)} MB`, s.links === null || !s.articles ? '—' : f1(s.links / s.articles),
      l3(s.hover), l3(s.floor), s.edit ? `${f0(s.edit.p50)} / ${f0(s.edit.p95)} ms (n=${s.edit.n})` : '—',
      s.hoverWhileTyping ? `${f1(s.hoverWhileTyping.p95)} ms (n=${s.hoverWhileTyping.n})` : '—',
      s.reopenFirstHoverMs === null ? '—' : sec(s.reopenFirstHoverMs), sec(s.reopenIndexedMs), cli, '',
    ].join(' | ').trim());
  }
  const notes = rows.flatMap((r) => (r.server?.notes ?? []).map((n) => `- ${r.corpus}: ${n}`));
  if (notes.length) lines.push('', ...notes);
  return lines.join('\n') + '\n';
}

interface Series { name: string; color: string; points: [number, number][] }

function panel(x0: number, title: string, unit: string, series: Series[], xs: number[]): string {
  const W = 420, H = 300, L = 60, B = 40, T = 30;
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return `<text x="${x0 + 20}" y="60">no data</text>`;
  const lx = (v: number) => Math.log10(v);
  const xmin = lx(Math.min(...xs)), xmax = lx(Math.max(...xs)) + 1e-9;
  const ymin = Math.floor(Math.log10(Math.min(...all.map((p) => p[1])))), ymax = Math.ceil(Math.log10(Math.max(...all.map((p) => p[1])))) + (all.length === 1 ? 1 : 0);
  const px = (v: number) => x0 + L + ((lx(v) - xmin) / (xmax - xmin || 1)) * (W - L - 20);
  const py = (v: number) => T + (1 - (Math.log10(v) - ymin) / (ymax - ymin || 1)) * (H - T - B);
  const out: string[] = [`<text x="${x0 + W / 2}" y="18" text-anchor="middle" font-weight="bold">${title}</text>`];
  for (let e = ymin; e <= ymax; e++) {
    const y = py(10 ** e);
    out.push(`<line x1="${x0 + L}" x2="${x0 + W - 20}" y1="${y}" y2="${y}" stroke="#ddd"/><text x="${x0 + L - 6}" y="${y + 4}" text-anchor="end">${(10 ** e).toLocaleString('en-US')} ${unit}</text>`);
  }
  for (const v of xs) out.push(`<line x1="${px(v)}" x2="${px(v)}" y1="${T}" y2="${H - B}" stroke="#eee"/><text x="${px(v)}" y="${H - B + 16}" text-anchor="middle">${v.toLocaleString('en-US')}</text>`);
  out.push(`<text x="${x0 + W / 2}" y="${H - 6}" text-anchor="middle">articles (N)</text>`);
  series.forEach((s, i) => {
    if (!s.points.length) return;
    out.push(`<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([x, y]) => `${px(x)},${py(y)}`).join(' ')}"/>`);
    for (const [x, y] of s.points) out.push(`<circle cx="${px(x)}" cy="${py(y)}" r="3" fill="${s.color}"/>`);
    out.push(`<rect x="${x0 + L + 8}" y="${T + 6 + i * 16}" width="10" height="10" fill="${s.color}"/><text x="${x0 + L + 22}" y="${T + 15 + i * 16}">${s.name}</text>`);
  });
  return out.join('\n');
}

/** Time and memory against N for the real-news corpora (the reprint corpus as separate points). */
export function svg(rows: Row[]): string {
  const real = rows.filter((r) => r.corpus.startsWith('news'));
  const reprint = rows.filter((r) => r.corpus.startsWith('reprint'));
  const xs = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  const pts = (rs: Row[], f: (r: Row) => number | null | undefined): [number, number][] => rs.flatMap((r) => { const v = f(r); return v ? [[r.n, v] as [number, number]] : []; });
  const cli1 = (r: Row) => r.cli.find((c) => c.jobs === null || c.jobs === 1)?.wallMs;
  const time: Series[] = [
    { name: 'server: cold → indexed', color: '#1f77b4', points: pts(real, (r) => r.server?.indexedMs && r.server.indexedMs / 1000) },
    { name: 'CLI annotate', color: '#2ca02c', points: pts(real, (r) => { const v = cli1(r); return v && v / 1000; }) },
    { name: 'reopen → first hover', color: '#ff7f0e', points: pts(real, (r) => r.server?.reopenFirstHoverMs && r.server.reopenFirstHoverMs / 1000) },
    { name: 'reprint corpus: cold → indexed', color: '#d62728', points: pts(reprint, (r) => r.server?.indexedMs && r.server.indexedMs / 1000) },
  ];
  const mem: Series[] = [
    { name: 'server peak RSS', color: '#1f77b4', points: pts(real, (r) => r.server?.peakRssMb) },
    { name: 'CLI peak RSS', color: '#2ca02c', points: pts(real, (r) => r.cli.find((c) => c.jobs === null || c.jobs === 1)?.peakRssMb) },
    { name: 'reprint corpus: server peak RSS', color: '#d62728', points: pts(reprint, (r) => r.server?.peakRssMb) },
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="860" height="300" font-family="sans-serif" font-size="11">
<rect width="860" height="300" fill="white"/>
${panel(0, 'Time against N', 's', time, xs)}
${panel(430, 'Peak memory against N', 'MB', mem, xs)}
</svg>
`;
}
