import { ApiError, get, postCorrection, setWriteToken, writeToken, type Annotation, type DocumentView } from '../api';
import { append, clear, el, errorBox, loading, number, route } from '../dom';
import { entityNames, layer, renderText, shownLayers, type RenderedText, type Segment } from '../annotated-text';

interface Shown { id: number; view: DocumentView; text: RenderedText; side: HTMLElement; correcting: boolean }
let shown: Shown | null = null;

const entityTypes = ['person', 'place', 'organization', 'group', 'other'];

/** The document page: the text with its layers in place and a side panel of its people, places, dates and events. */
export async function documentPage(main: HTMLElement, id: number, at: string | null): Promise<void> {
  if (shown && shown.id === id && document.getElementById('document-text')) { highlight(at); return; }
  clear(main);
  main.appendChild(loading('the document'));
  let view: DocumentView;
  try {
    view = await get<DocumentView>(`/api/documents/${id}?layers=${shownLayers.join(',')}`);
  } catch (error) {
    clear(main); main.appendChild(errorBox(error)); shown = null; return;
  }
  draw(main, id, view);
  highlight(at);
}

function draw(main: HTMLElement, id: number, view: DocumentView): void {
  clear(main);
  const text = renderText(view);
  const side = el('aside', { class: 'side', aria: { label: 'What the document holds' } });
  const correcting = shown?.id === id ? shown.correcting : false;
  shown = { id, view, text, side, correcting };
  const toggle = el('button', { type: 'button', class: 'toggle', aria: { pressed: String(correcting) } }, 'Correct annotations');
  toggle.addEventListener('click', () => {
    if (!shown) return;
    shown.correcting = !shown.correcting;
    toggle.setAttribute('aria-pressed', String(shown.correcting));
    main.classList.toggle('correcting', shown.correcting);
    if (!shown.correcting) showSelection(null);
  });
  main.classList.toggle('correcting', correcting);
  const meta = view.metadata ?? {};
  const header = el('header', { class: 'doc-head' },
    el('h1', {}, meta.title || view.name),
    el('p', { class: 'meta' }, [meta.date && `Dated ${meta.date}`, view.name, `${number(view.text.length)} characters`, `analysed by ${view.pipelineVersion}`].filter(Boolean).join(' · ')),
    el('div', { class: 'legend', aria: { label: 'Legend' } },
      el('span', { class: 'seg mention m-person' }, 'person'), el('span', { class: 'seg mention m-place' }, 'place'),
      el('span', { class: 'seg mention m-organization' }, 'organization'), el('span', { class: 'seg timex' }, 'date'),
      el('span', { class: 'seg event' }, 'event'), el('span', { class: 'seg event trigger' }, 'trigger'),
      el('span', { class: 'seg ed ed-supplied ed-first ed-last' }, 'supplied'), el('span', { class: 'seg quote' }, '“quoted”'),
      toggle));
  text.root.addEventListener('click', event => onTextClick(event));
  const body = el('div', { class: 'doc-body' }, el('article', { class: 'doc-article', aria: { label: 'Text' } }, text.root), side);
  append(main, header, body);
  fillSide(view, text, side);
}

function onTextClick(event: Event): void {
  if (!shown?.correcting) return;
  const target = (event.target as HTMLElement).closest('.seg') as HTMLElement | null;
  if (!target) return;
  event.preventDefault();
  const start = Number(target.dataset.start);
  const segment = shown.text.segments.find(s => s.start === start) ?? null;
  showSelection(segment);
}

function fillSide(view: DocumentView, text: RenderedText, side: HTMLElement): void {
  clear(side);
  side.appendChild(el('section', { id: 'selection', class: 'selection', aria: { live: 'polite' } },
    el('p', { class: 'hint' }, 'Press “Correct annotations”, then click a name, a date or a speaker’s words to fix it.')));
  const entities = layer(view, 'entities');
  const group = (title: string, types: string[]) => {
    const items = entities.filter(e => types.includes(e.fields?.type)).sort((a, b) => (b.fields?.mentions?.length ?? 0) - (a.fields?.mentions?.length ?? 0));
    if (!items.length) return null;
    return el('section', { class: 'facts' }, el('h2', {}, `${title} (${items.length})`),
      el('ul', {}, ...items.map(e => el('li', {},
        el('a', { href: route.entity(e.fields.id) }, e.fields.name ?? e.fields.id),
        ' ', el('a', { class: 'at', href: route.document(view.id, e.start, e.end), title: 'Show in the text' }, `×${e.fields.mentions?.length ?? 1}`),
        e.fields.roles?.length ? el('span', { class: 'roles' }, ` ${e.fields.roles.join(', ')}`) : null))));
  };
  const turns = layer(view, 'turns');
  const bySpeaker = new Map<string, number>();
  for (const t of turns) for (const s of t.fields?.speakers ?? []) bySpeaker.set(s, (bySpeaker.get(s) ?? 0) + 1);
  const unattributed = turns.filter(t => !(t.fields?.speakers?.length)).length;
  const speakers = turns.length ? el('section', { class: 'facts' }, el('h2', {}, `Turns (${turns.length})`),
    el('ul', {}, ...[...bySpeaker].map(([s, n]) => el('li', {},
      el('span', { class: `swatch spk-${text.speakerColours.get(s) ?? 0}`, aria: { hidden: 'true' } }),
      el('a', { href: route.entity(s) }, text.speakerNames.get(s) ?? s), ` ${n} turn${n === 1 ? '' : 's'}`)),
      unattributed ? el('li', {}, el('span', { class: 'swatch spk-none', aria: { hidden: 'true' } }), `no speaker found: ${unattributed} turn${unattributed === 1 ? '' : 's'}`) : null)) : null;
  const timexes = layer(view, 'timexes');
  const dates = timexes.length ? el('section', { class: 'facts' }, el('h2', {}, `Dates (${timexes.length})`),
    el('ul', {}, ...timexes.map(t => el('li', {},
      el('a', { href: route.document(view.id, t.start, t.end) }, view.text.slice(t.start, t.end)), ' ',
      el('code', {}, t.fields?.value ?? '?'))))) : null;
  const events = layer(view, 'events');
  const eventList = events.length ? el('section', { class: 'facts' }, el('h2', {}, `Events (${events.length})`),
    el('ul', {}, ...events.map(e => el('li', {},
      el('span', { class: 'tag' }, e.fields?.type ?? 'event'), ' ',
      el('a', { href: route.document(view.id, e.start, e.end) }, e.fields?.trigger?.text ?? view.text.slice(e.start, Math.min(e.end, e.start + 40))),
      e.fields?.polarity === 'negative' ? ' (negated)' : null,
      e.fields?.time?.start ? el('span', { class: 'roles' }, ` ${e.fields.time.start}`) : null)))) : null;
  const diagnostics = view.diagnostics.length ? el('details', { class: 'facts' }, el('summary', {}, `Diagnostics (${view.diagnostics.length})`),
    el('ul', {}, ...view.diagnostics.map(d => el('li', {},
      d.start !== undefined && d.start !== null ? el('a', { href: route.document(view.id, d.start, d.end ?? d.start) }, d.code) : d.code, ` ${d.message}`)))) : null;
  const corrections = view.corrections.length ? el('section', { class: 'facts' }, el('h2', {}, `Corrections (${view.corrections.length})`),
    el('ul', { id: 'corrections' }, ...view.corrections.map(c => el('li', {},
      el('a', { href: route.document(view.id, c.start, c.end) }, `${c.action} “${c.exact}”`), ` on ${c.layer} ${JSON.stringify(c.fields)}`)))) : null;
  append(side, speakers, group('People', ['person']), group('Places', ['place']), group('Organizations', ['organization', 'group']), dates, eventList, corrections, diagnostics);
}

/** Highlights the words of ?at=start-end and scrolls them into view. */
function highlight(at: string | null): void {
  if (!shown) return;
  for (const node of document.querySelectorAll('.seg.hit')) node.classList.remove('hit');
  const match = at ? /^(\d+)-(\d+)$/.exec(at) : null;
  if (!match) return;
  const found = shown.text.segmentsIn(Number(match[1]), Number(match[2]));
  for (const s of found) s.node.classList.add('hit');
  found[0]?.node.scrollIntoView({ block: 'center' });
}

function showSelection(segment: Segment | null): void {
  const box = document.getElementById('selection');
  if (!box || !shown) return;
  clear(box);
  for (const node of document.querySelectorAll('.seg.selected')) node.classList.remove('selected');
  if (!segment) { box.appendChild(el('p', { class: 'hint' }, 'Click a name, a date or a speaker’s words to fix it.')); return; }
  segment.node.classList.add('selected');
  const view = shown.view;
  box.appendChild(el('h2', {}, 'Correct'));
  const forms: HTMLElement[] = [];
  const names = entityNames(view);
  for (const c of segment.covering) {
    const words = view.text.slice(c.item.start, c.item.end);
    if (c.layer === 'mentions') forms.push(mentionForm(view, c.item, words, names));
    if (c.layer === 'turns') forms.push(turnForm(view, c.item, words, names));
    if (c.layer === 'timexes') forms.push(timexForm(view, c.item, words));
  }
  if (!segment.covering.some(c => c.layer === 'mentions')) forms.push(newMentionForm(view, segment));
  append(box, tokenField(), ...forms, el('p', { id: 'correction-status', class: 'status', role: 'status' }));
}

function tokenField(): HTMLElement {
  const input = el('input', { type: 'password', id: 'write-token', value: writeToken(), placeholder: 'printed by annalist serve' });
  input.addEventListener('change', () => setWriteToken(input.value));
  return el('p', {}, el('label', { for: 'write-token' }, 'Write token '), input);
}

function select(id: string, options: string[], value: string): HTMLSelectElement {
  const node = el('select', { id });
  for (const option of options) node.appendChild(el('option', { value: option }, option));
  node.value = options.includes(value) ? value : options[0];
  return node;
}

function quoteOf(words: string): string {
  const line = words.replace(/\s+/g, ' ');
  return line.length > 60 ? line.slice(0, 57) + '…' : line;
}

function mentionForm(view: DocumentView, item: Annotation, words: string, names: Map<string, string>): HTMLElement {
  const type = select('mention-type', entityTypes, item.fields?.type ?? 'other');
  const entity = el('input', { id: 'mention-entity', value: item.fields?.entity ?? '', placeholder: 'entity id' });
  const datalist = el('datalist', { id: 'entity-ids' }, ...[...names].map(([id, name]) => el('option', { value: id }, name)));
  entity.setAttribute('list', 'entity-ids');
  return el('form', { class: 'correct-form', data: { layer: 'mentions' } },
    el('h3', {}, `Mention “${quoteOf(words)}”`),
    el('p', {}, el('label', { for: 'mention-type' }, 'Type '), type, ' ',
      button('Retype', () => send(view, { action: 'retype', layer: 'mentions', start: item.start, end: item.end, fields: { type: type.value } }))),
    el('p', {}, el('label', { for: 'mention-entity' }, 'Entity '), entity, datalist, ' ',
      button('Merge into', () => send(view, { action: 'merge', layer: 'mentions', start: item.start, end: item.end, fields: { entity: entity.value.trim() } })), ' ',
      button('Split off', () => send(view, { action: 'split', layer: 'mentions', start: item.start, end: item.end, fields: { entity: `${item.fields?.entity ?? 'entity'}@${item.start}` } }))),
    el('p', {}, button('Not a name: remove', () => send(view, { action: 'remove', layer: 'mentions', start: item.start, end: item.end, fields: {} }))));
}

function newMentionForm(view: DocumentView, segment: Segment): HTMLElement {
  const type = select('new-mention-type', entityTypes, 'person');
  const words = view.text.slice(segment.start, segment.end);
  return el('form', { class: 'correct-form' }, el('h3', {}, `Mark “${quoteOf(words)}” as a name`),
    el('p', {}, el('label', { for: 'new-mention-type' }, 'Type '), type, ' ',
      button('Add mention', () => send(view, { action: 'add', layer: 'mentions', start: segment.start, end: segment.end, fields: { type: type.value } }))));
}

function turnForm(view: DocumentView, item: Annotation, words: string, names: Map<string, string>): HTMLElement {
  const people = [...names].filter(([id]) => layer(view, 'entities').some(e => e.fields?.id === id && e.fields?.type === 'person')).map(([id]) => id);
  const current = item.fields?.speakers?.[0] ?? '';
  const speaker = select('turn-speaker', people.length ? people : [current], current);
  return el('form', { class: 'correct-form', data: { layer: 'turns' } },
    el('h3', {}, `Turn “${quoteOf(words)}”`),
    el('p', {}, el('label', { for: 'turn-speaker' }, 'Speaker '), speaker, ' ',
      button('Change speaker', () => send(view, { action: 'speaker', layer: 'turns', start: item.start, end: item.end, fields: { speaker: speaker.value, speakers: [speaker.value] } }))));
}

function timexForm(view: DocumentView, item: Annotation, words: string): HTMLElement {
  const value = el('input', { id: 'timex-value', value: item.fields?.value ?? '', placeholder: 'YYYY-MM-DD' });
  return el('form', { class: 'correct-form', data: { layer: 'timexes' } },
    el('h3', {}, `Date “${quoteOf(words)}”`),
    el('p', {}, el('label', { for: 'timex-value' }, 'Value '), value, ' ',
      button('Fix date', () => send(view, { action: 'date', layer: 'timexes', start: item.start, end: item.end, fields: { value: value.value.trim() } }))));
}

function button(label: string, action: () => void): HTMLButtonElement {
  const node = el('button', { type: 'button' }, label);
  node.addEventListener('click', action);
  return node;
}

async function send(view: DocumentView, request: { action: string; layer: string; start: number; end: number; fields: Record<string, unknown> }): Promise<void> {
  const status = document.getElementById('correction-status');
  const token = (document.getElementById('write-token') as HTMLInputElement | null)?.value ?? '';
  setWriteToken(token);
  if (status) status.textContent = 'Saving…';
  try {
    const result = await postCorrection({ document: view.id, ...request });
    const fresh = await get<DocumentView>(`/api/documents/${view.id}?layers=${shownLayers.join(',')}`);
    const main = document.getElementById('main')!;
    draw(main, view.id, fresh);
    const box = document.getElementById('selection');
    if (box) append(box, el('p', { id: 'correction-status', class: 'status ok', role: 'status' },
      `Correction ${result.id} saved (${result.changed} annotation${result.changed === 1 ? '' : 's'} changed). It is applied again after every re-analysis.`));
  } catch (error) {
    if (status) {
      status.className = 'status bad';
      status.textContent = error instanceof ApiError ? error.message : String(error);
    }
  }
}
