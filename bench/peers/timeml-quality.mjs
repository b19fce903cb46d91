// Scores chrono-node's strict parser on TimeML (.tml) or WikiWars (.key.xml) files the way
// `annalist eval timeml` scores Annalist: relaxed F1 (any overlap, paired one to one) and value F1
// (value accuracy over relaxed pairs whose gold has a value, times relaxed F1).
// chrono states a point, not a TIMEX3 value: its value is written from the components it is certain of
// (1944-01-07, 1944-01, 1944-01-07T03:00); durations, sets and references it does not give.
// Every file is parsed with its creation time as chrono's reference date (chrono has no narrative anchoring).
// Usage: node timeml-quality.mjs FILE...   (for development corpora; the figures are a peer comparison only)
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function read(file) {
  const markup = readFileSync(file, 'utf8');
  const open = markup.indexOf('<TEXT>');
  const close = markup.lastIndexOf('</TEXT>');
  const created = /<(?:DCT|DATETIME)>[\s\S]*?(?:value|val|VAL)="([^"]+)"/.exec(markup);
  const body = markup.slice(open + 6, close < 0 ? markup.length : close);
  let text = '';
  const gold = [];
  const stack = [];
  const tag = /<(\/?)(TIMEX[23])?([^>]*)>|&(amp|lt|gt|quot|apos);/g;
  let last = 0;
  for (let m; (m = tag.exec(body)); ) {
    text += body.slice(last, m.index);
    last = tag.lastIndex;
    if (m[4]) { text += entities[m[4]]; continue; }
    if (!m[2]) continue;
    if (m[1]) {
      const start = stack.pop();
      if (start) gold.push({ start: start.at, end: text.length, value: start.value });
    } else {
      const value = /(?:value|val|VAL)="([^"]*)"/.exec(m[3]);
      stack.push({ at: text.length, value: value ? value[1] : null });
    }
  }
  text += body.slice(last);
  const reference = created ? new Date(created[1].slice(0, 10) + 'T12:00:00Z') : new Date();
  return { text, gold, reference };
}

function pad(n, width = 2) { return String(n).padStart(width, '0'); }

function valueOf(component) {
  if (!component.isCertain('year')) return null;
  let value = pad(component.get('year'), 4);
  if (!component.isCertain('month')) return value;
  value += '-' + pad(component.get('month'));
  if (!component.isCertain('day')) return value;
  value += '-' + pad(component.get('day'));
  if (!component.isCertain('hour')) return value;
  return value + 'T' + pad(component.get('hour')) + ':' + pad(component.get('minute') ?? 0);
}

let goldCount = 0, systemCount = 0, pairs = 0, valued = 0, right = 0;
for (const file of process.argv.slice(2)) {
  const { text, gold, reference } = read(file);
  const system = chrono.strict.parse(text, reference).map((r) => ({ start: r.index, end: r.index + r.text.length, value: valueOf(r.start) }));
  goldCount += gold.length;
  systemCount += system.length;
  const used = new Set();
  for (const g of gold) {
    let best = -1, overlap = 0;
    system.forEach((s, i) => {
      const o = Math.min(g.end, s.end) - Math.max(g.start, s.start);
      if (o > overlap && !used.has(i)) { best = i; overlap = o; }
    });
    if (best < 0) continue;
    used.add(best);
    pairs++;
    if (g.value) {
      valued++;
      if (g.value === system[best].value) right++;
    }
  }
}
const precision = systemCount ? pairs / systemCount : 0, recall = goldCount ? pairs / goldCount : 0;
const relaxed = precision + recall ? 2 * precision * recall / (precision + recall) : 0;
const accuracy = valued ? right / valued : 0;
console.log(JSON.stringify({ tool: 'chrono-node strict', files: process.argv.length - 2, gold: goldCount, system: systemCount,
  relaxed_f1: +relaxed.toFixed(3), value_accuracy: +accuracy.toFixed(3), value_f1: +(accuracy * relaxed).toFixed(3) }));
