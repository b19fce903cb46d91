// Lays a document's stand-off layers over its text. The text is cut at every boundary of every shown
// annotation into segments; each segment is one element (a link when it lies in a mention) whose classes
// say which annotations cover it. Paragraphs become blocks, speakers' turns colour their words and open
// with the speaker's name. Every character of the text is placed once, as a text node.

import { el, route } from './dom';
import type { Annotation, DocumentView } from './api';

export const shownLayers = ['paragraphs', 'editorial', 'quotations', 'timexes', 'mentions', 'entities', 'events', 'turns', 'attributions', 'quantities', 'participants'];
const spanLayers = ['editorial', 'quotations', 'timexes', 'mentions', 'events', 'turns', 'attributions', 'quantities'];

export interface Covering { layer: string; item: Annotation }
export interface Segment { start: number; end: number; node: HTMLElement; covering: Covering[] }

export interface RenderedText {
  root: HTMLElement;
  segments: Segment[];
  speakerNames: Map<string, string>;
  speakerColours: Map<string, number>;
  /** The segments that overlap [start, end). */
  segmentsIn(start: number, end: number): Segment[];
}

export function layer(view: DocumentView, name: string): Annotation[] {
  return view.layers.find(l => l.name === name)?.items ?? [];
}

export function entityNames(view: DocumentView): Map<string, string> {
  const names = new Map<string, string>();
  for (const entity of layer(view, 'entities')) if (entity.fields?.id) names.set(entity.fields.id, entity.fields.name ?? entity.fields.id);
  return names;
}

export function renderText(view: DocumentView): RenderedText {
  const text = view.text;
  const names = entityNames(view);
  const speakerColours = new Map<string, number>();
  const speakerNames = new Map<string, string>();
  for (const turn of layer(view, 'turns')) {
    for (const speaker of turn.fields?.speakers ?? []) {
      if (!speakerColours.has(speaker)) speakerColours.set(speaker, speakerColours.size % 10);
      if (!speakerNames.has(speaker)) speakerNames.set(speaker, names.get(speaker) ?? turn.fields?.speaker_text ?? speaker);
    }
  }

  // Boundaries, opening and closing lists per offset.
  const opens = new Map<number, Covering[]>();
  const closes = new Map<number, Covering[]>();
  const cuts = new Set<number>([0, text.length]);
  const push = (map: Map<number, Covering[]>, at: number, c: Covering) => { const list = map.get(at); if (list) list.push(c); else map.set(at, [c]); };
  for (const name of spanLayers) {
    for (const item of layer(view, name)) {
      if (!(item.start >= 0 && item.end <= text.length && item.end > item.start)) continue;
      const c = { layer: name, item };
      push(opens, item.start, c); push(closes, item.end, c);
      cuts.add(item.start); cuts.add(item.end);
      const trigger = name === 'events' ? item.fields?.trigger : null;
      if (trigger && trigger.start >= item.start && trigger.end <= item.end) { cuts.add(trigger.start); cuts.add(trigger.end); }
    }
  }
  let paragraphs = layer(view, 'paragraphs').filter(p => p.start >= 0 && p.end <= text.length && p.end > p.start);
  if (paragraphs.length === 0) paragraphs = [{ start: 0, end: text.length, fields: {} }];
  for (const p of paragraphs) { cuts.add(p.start); cuts.add(p.end); }
  const offsets = [...cuts].sort((a, b) => a - b);

  const root = el('div', { class: 'document-text', id: 'document-text' });
  const segments: Segment[] = [];
  const active: Covering[] = [];
  let paragraphIndex = 0;
  let block: HTMLElement | null = null;
  let blockEnd = -1;

  for (let i = 0; i < offsets.length - 1; i++) {
    const start = offsets[i], end = offsets[i + 1];
    for (const c of closes.get(start) ?? []) { const at = active.indexOf(c); if (at >= 0) active.splice(at, 1); }
    const opening = opens.get(start) ?? [];
    active.push(...opening);
    if (start >= blockEnd) {
      while (paragraphIndex < paragraphs.length && paragraphs[paragraphIndex].end <= start) paragraphIndex++;
      const p = paragraphs[paragraphIndex];
      if (p && p.start <= start) {
        block = el('p', { class: 'para', data: { start: String(p.start) } });
        blockEnd = p.end;
        const turn = active.find(c => c.layer === 'turns');
        if (turn) block.classList.add('in-turn', speakerClass(speakerColours, turn.item));
        root.appendChild(block);
      } else {
        block = null; // white space between paragraphs: kept in the page, outside any block
      }
    }
    for (const c of opening) {
      if (c.layer !== 'turns') continue;
      const label = speakerLabel(c.item, speakerNames);
      const container = block ?? root;
      const role = speakerRole(c.item);
      const data: Record<string, string> = { turn: `${c.item.start}-${c.item.end}` };
      if (role) data.role = role;
      container.appendChild(el('span', { class: `speaker-label ${speakerClass(speakerColours, c.item)}`, data }, label));
      if (block && !block.classList.contains('in-turn')) block.classList.add('in-turn', speakerClass(speakerColours, c.item));
    }
    const covering = [...active];
    const node = segmentNode(text.slice(start, end), start, end, covering, names, speakerColours);
    (block ?? root).appendChild(node);
    segments.push({ start, end, node, covering });
  }

  return {
    root, segments, speakerNames, speakerColours,
    segmentsIn(start: number, end: number) {
      let lo = 0, hi = segments.length;
      while (lo < hi) { const mid = (lo + hi) >> 1; if (segments[mid].end <= start) lo = mid + 1; else hi = mid; }
      const found: Segment[] = [];
      for (let i = lo; i < segments.length && segments[i].start < Math.max(end, start + 1); i++) found.push(segments[i]);
      return found;
    },
  };
}

// A voice no person holds (the press, a questioner, a side) is named by the record's own words and its role:
// "Q (press)", "The Soviet side (group)"; a person by the entity's name.
function speakerLabel(turn: Annotation, speakerNames: Map<string, string>): string {
  const speakers: string[] = turn.fields?.speakers ?? [];
  const role = speakerRole(turn);
  if (role) {
    const said = typeof turn.fields?.speaker_text === 'string' && turn.fields.speaker_text.trim() ? turn.fields.speaker_text.trim() : '';
    const words = said || speakers.map(s => speakerNames.get(s) ?? s).join(', ');
    return words ? `${words} (${role})` : role;
  }
  return speakers.length ? speakers.map(s => speakerNames.get(s) ?? s).join(', ') : 'unknown speaker';
}

function speakerRole(turn: Annotation): string | null {
  const role = turn.fields?.speaker_role;
  return typeof role === 'string' && /^[a-z]{1,24}$/.test(role) ? role : null;
}

function speakerClass(colours: Map<string, number>, turn: Annotation): string {
  const speaker = turn.fields?.speakers?.[0];
  return speaker === undefined ? 'spk-none' : `spk-${colours.get(speaker) ?? 0}`;
}

function segmentNode(words: string, start: number, end: number, covering: Covering[], names: Map<string, string>, colours: Map<string, number>): HTMLElement {
  const mention = covering.find(c => c.layer === 'mentions');
  const node = mention?.item.fields?.entity
    ? el('a', { href: route.entity(mention.item.fields.entity), class: 'seg' })
    : el('span', { class: 'seg' });
  node.dataset.start = String(start);
  node.dataset.end = String(end);
  const titles: string[] = [];
  for (const c of covering) {
    const f = c.item.fields ?? {};
    switch (c.layer) {
      case 'mentions':
        node.classList.add('mention', `m-${cssName(f.type)}`);
        titles.push(`${f.type ?? 'mention'}: ${names.get(f.entity) ?? f.entity ?? ''}`);
        break;
      case 'timexes':
        node.classList.add('timex');
        titles.push(`${f.type ?? 'date'} ${f.value ?? ''}` + (f.earliest && f.latest && f.earliest !== f.latest ? ` (${f.earliest} – ${f.latest})` : ''));
        break;
      case 'editorial':
        node.classList.add('ed', `ed-${cssName(f.kind)}`);
        if (start === c.item.start) node.classList.add('ed-first');
        if (end === c.item.end) node.classList.add('ed-last');
        titles.push(`editor's ${f.kind ?? 'mark'}`);
        break;
      case 'quotations':
        node.classList.add('quote');
        break;
      case 'events': {
        node.classList.add('event', `ev-${cssName(f.type)}`);
        const trigger = f.trigger;
        if (trigger && start >= trigger.start && end <= trigger.end) node.classList.add('trigger');
        const roles = Object.entries(f.roles ?? {}).map(([role, fillers]) => `${role}: ${(fillers as string[]).map(x => names.get(x) ?? x).join(', ')}`);
        titles.push(`event ${f.type}${f.polarity === 'negative' ? ' (negated)' : ''}${f.modality ? ` (${f.modality})` : ''}${roles.length ? ' — ' + roles.join('; ') : ''}`);
        break;
      }
      case 'turns':
        node.classList.add('turn', speakerClass(colours, c.item));
        break;
      case 'attributions':
        node.classList.add('attribution');
        titles.push(`${f.evidentiality ?? 'attributed'}`);
        break;
      case 'quantities':
        node.classList.add('quantity');
        titles.push(`quantity ${f.value ?? ''} ${f.unit ?? ''}`.trim());
        break;
    }
  }
  if (titles.length) node.title = titles.join('\n');
  node.appendChild(document.createTextNode(words));
  return node;
}

function cssName(value: unknown): string {
  return typeof value === 'string' && /^[a-z0-9_-]{1,32}$/i.test(value) ? value.toLowerCase() : 'other';
}
