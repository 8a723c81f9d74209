/**
 * How the cost grows with pairs, as a small SVG the bench writes next to latest.json (issue
 * 21.6): p99 card → verdict, ours and bare Colyseus's, on the left scale; the server's CPU on
 * the right one; one column per level, equally spaced (levels are not evenly apart).
 */
import type { LevelResult } from './levelRun.ts';

const W = 560;
const H = 300;
const PAD = { left: 48, right: 48, top: 28, bottom: 40 };

interface Series {
  readonly name: string;
  readonly colour: string;
  readonly values: readonly number[];
  readonly scale: 'ms' | 'cpu';
}

/** A round upper bound for a scale: 1, 2 or 5 times a power of ten, at least `max`. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((c) => c >= max)!;
}

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export function chartSvg(levels: readonly LevelResult[]): string {
  const xs = levels.map((_, i) => PAD.left + (levels.length === 1 ? 0.5 : i / (levels.length - 1)) * (W - PAD.left - PAD.right));
  const series: Series[] = [
    { name: 'p99 ours (ms)', colour: '#d62728', values: levels.map((l) => l.game.latency.p99), scale: 'ms' },
    { name: 'p99 bare Colyseus (ms)', colour: '#1f77b4', values: levels.map((l) => l.bare?.latency.p99 ?? NaN), scale: 'ms' },
    { name: 'server CPU (%)', colour: '#7f7f7f', values: levels.map((l) => l.server.cpuPercent), scale: 'cpu' },
  ];
  const top = {
    ms: niceCeiling(Math.max(0, ...series.filter((s) => s.scale === 'ms').flatMap((s) => s.values.filter(Number.isFinite)))),
    cpu: niceCeiling(Math.max(0, ...series.filter((s) => s.scale === 'cpu').flatMap((s) => s.values.filter(Number.isFinite)))),
  };
  const y = (value: number, scale: 'ms' | 'cpu'): number => H - PAD.bottom - (value / top[scale]) * (H - PAD.top - PAD.bottom);
  const lines = series.map((s) => {
    const points = s.values.flatMap((v, i) => (Number.isFinite(v) ? [`${xs[i]!.toFixed(1)},${y(v, s.scale).toFixed(1)}`] : []));
    const dash = s.scale === 'cpu' ? ' stroke-dasharray="4 3"' : '';
    return `<polyline fill="none" stroke="${s.colour}" stroke-width="2"${dash} points="${points.join(' ')}"/>`
      + points.map((p) => `<circle cx="${p.split(',')[0]}" cy="${p.split(',')[1]}" r="2.5" fill="${s.colour}"/>`).join('');
  });
  const text = (x: number, yy: number, body: string, anchor = 'middle'): string =>
    `<text x="${x.toFixed(1)}" y="${yy.toFixed(1)}" text-anchor="${anchor}">${escape(body)}</text>`;
  const legend = series.map((s, i) => `<rect x="${PAD.left + i * 165}" y="8" width="10" height="10" fill="${s.colour}"/>${text(PAD.left + i * 165 + 14, 17, s.name, 'start')}`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="sans-serif" font-size="11">`,
    `<rect width="${W}" height="${H}" fill="white"/>`,
    `<line x1="${PAD.left}" y1="${H - PAD.bottom}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    `<line x1="${W - PAD.right}" y1="${PAD.top}" x2="${W - PAD.right}" y2="${H - PAD.bottom}" stroke="#333"/>`,
    text(PAD.left - 6, PAD.top + 4, `${top.ms} ms`, 'end'),
    text(PAD.left - 6, H - PAD.bottom + 4, '0', 'end'),
    text(W - PAD.right + 6, PAD.top + 4, `${top.cpu} %`, 'start'),
    ...levels.map((l, i) => text(xs[i]!, H - PAD.bottom + 16, String(l.pairs))),
    text(W / 2, H - 6, 'pairs'),
    ...lines,
    ...legend,
    '</svg>',
  ].join('\n');
}
