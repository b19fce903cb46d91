import { get, postEntityChange, setWriteToken, writeToken, type CorpusEntity, type DocumentSummary, type EntityView, type Page, type Passage } from '../api';
import { append, clear, el, errorBox, loading, number, route } from '../dom';

function passageNode(p: Passage, label?: string): HTMLElement {
  return el('li', { class: 'passage' },
    el('a', { href: route.document(p.document, p.start, p.end) }, label ?? p.documentName), ' ',
    el('span', { class: 'kwic' }, p.before ? '…' + p.before : '', el('mark', {}, p.text), p.after ? p.after + '…' : ''));
}

async function guarded(main: HTMLElement, what: string, body: () => Promise<void>): Promise<void> {
  clear(main);
  main.appendChild(loading(what));
  try { await body(); } catch (error) { clear(main); main.appendChild(errorBox(error)); }
}

/** The list of documents, by date, with a filter by name or title. */
export function documentsPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  return guarded(main, 'the documents', async () => {
    const q = params.get('q') ?? '';
    const offset = Number(params.get('offset') ?? 0) || 0;
    const page = await get<Page<DocumentSummary>>(`/api/documents?limit=100&offset=${offset}&q=${encodeURIComponent(q)}`);
    clear(main);
    const input = el('input', { type: 'search', id: 'doc-filter', name: 'q', value: q, placeholder: 'name or title' });
    const form = el('form', { class: 'filter', role: 'search' }, el('label', { for: 'doc-filter' }, 'Filter '), input, el('button', { type: 'submit' }, 'Filter'));
    form.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/?q=${encodeURIComponent(input.value)}`; });
    const rows = page.items.map(d => el('tr', {},
      el('td', {}, el('a', { href: route.document(d.id) }, d.title || d.name)),
      el('td', {}, d.date ?? (d.earliest ? d.earliest.slice(0, 10) : '')),
      el('td', { class: 'num' }, number(d.length)), el('td', { class: 'num' }, d.turns), el('td', { class: 'num' }, d.entities), el('td', { class: 'num' }, d.events)));
    const pager = el('p', { class: 'pager' }, `${number(page.total)} documents`,
      offset > 0 ? el('a', { href: `#/?q=${encodeURIComponent(q)}&offset=${Math.max(0, offset - page.limit)}` }, ' ← previous') : null,
      offset + page.limit < page.total ? el('a', { href: `#/?q=${encodeURIComponent(q)}&offset=${offset + page.limit}` }, ' next →') : null);
    append(main, el('h1', {}, 'Documents'), form, pager,
      el('table', { class: 'grid' }, el('thead', {}, el('tr', {}, ...['Document', 'Date', 'Characters', 'Turns', 'Entities', 'Events'].map(h => el('th', {}, h)))), el('tbody', {}, ...rows)));
  });
}

export function entitiesPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  return guarded(main, 'the entities', async () => {
    const type = params.get('type') ?? 'person';
    const page = await get<Page<{ id: string; name: string; documents: number; mentions: number }>>(`/api/entities?limit=300&type=${encodeURIComponent(type)}`);
    clear(main);
    const tabs = el('p', { class: 'tabs' }, ...['person', 'place', 'organization', 'group', 'other'].map(t =>
      el('a', { href: `#/entities?type=${t}`, aria: t === type ? { current: 'page' } : {} }, t)));
    append(main, el('h1', {}, 'People, places and organizations'), tabs, el('p', {}, `${number(page.total)} entities of type ${type}`),
      el('ul', { class: 'columns' }, ...page.items.map(e => el('li', {}, el('a', { href: route.entity(e.id) }, e.name),
        ` · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} in ${e.documents} doc${e.documents === 1 ? '' : 's'}`))));
  });
}

/** An entity: its names and the evidence that gathered them, what it said, where it is mentioned, its events. */
export function entityPage(main: HTMLElement, id: string): Promise<void> {
  return guarded(main, 'the entity', async () => {
    const view = await get<EntityView>(`/api/entities/${encodeURIComponent(id)}`);
    const e = view.entity;
    clear(main);
    append(main,
      el('h1', {}, e.name), el('p', { class: 'meta' }, [e.type, e.gazetteer, e.latitude !== undefined && e.latitude !== null ? `${e.latitude}, ${e.longitude}` : null].filter(Boolean).join(' · ')),
      e.roles.length ? el('p', {}, el('strong', {}, 'Roles: '), e.roles.join('; ')) : null,
      el('section', { class: 'facts' }, el('h2', {}, 'Names and why they are one'),
        el('ul', {}, ...e.evidence.map(v => el('li', {}, el('q', {}, v.variant), ` — ${v.reason}, in ${v.documents.length} document${v.documents.length === 1 ? '' : 's'} `,
          ...v.documents.slice(0, 8).map(d => el('a', { class: 'at', href: route.document(d) }, `#${d}`))))),
        el('p', { class: 'hint' }, 'To merge a mention into this entity or split one off, open its document, press “Correct annotations” and click the name.')),
      entityChanges(e),
      view.turns.length ? el('section', { class: 'facts' }, el('h2', {}, `What ${e.name} said (${view.turns.length} turns)`), el('ul', {}, ...view.turns.map(t => passageNode(t.passage)))) : null,
      view.events.length ? el('section', { class: 'facts' }, el('h2', {}, `Events (${view.events.length})`),
        el('ul', {}, ...view.events.map(ev => passageNode(ev.passage, `${ev.type}${ev.roles.length ? ' as ' + ev.roles.join(', ') : ''} · ${ev.passage.documentName}`)))) : null,
      el('section', { class: 'facts' }, el('h2', {}, `Mentions (${view.totalMentions} in ${e.occurrences.length} documents)`), el('ul', {}, ...view.mentions.map(p => passageNode(p)))));
  });
}

/** Merge another entity into this one, or split a name off it, through the store (needs the write token). */
function entityChanges(e: CorpusEntity): HTMLElement {
  const token = el('input', { type: 'password', id: 'entity-write-token', value: writeToken(), placeholder: 'printed by annalist serve' });
  const from = el('input', { type: 'text', id: 'merge-from', placeholder: 'id of the other entity' });
  const status = el('p', { id: 'entity-change-status', class: 'status', role: 'status' });
  const run = async (path: string, body: Record<string, unknown>) => {
    setWriteToken(token.value);
    status.textContent = 'Saving…';
    try {
      const changed = await postEntityChange(path, body);
      status.textContent = `Saved: ${changed.map(c => `${c.name} (#${c.id})`).join(', ')}.`;
      if (changed.length) location.hash = route.entity(changed[0].id);
    } catch (error) {
      clear(status);
      status.appendChild(errorBox(error));
    }
  };
  const merge = el('form', { class: 'filter' }, el('label', { for: 'merge-from' }, 'Merge entity '), from, el('button', { type: 'submit' }, 'into this one'));
  merge.addEventListener('submit', event => { event.preventDefault(); void run(`/api/entities/${encodeURIComponent(e.id)}/merge`, { from: from.value.trim() }); });
  // A split takes whole document entities out, so it is offered by their names, and only when there is more than one.
  const names = [...new Set(e.evidence.map(v => v.variant))];
  const splits = names.length > 1 ? el('ul', {}, ...names.map(name => {
    const button = el('button', { type: 'button' }, `Split “${name}” off`);
    button.addEventListener('click', () => void run(`/api/entities/${encodeURIComponent(e.id)}/split`, { names: [name] }));
    return el('li', {}, button);
  })) : null;
  return el('section', { class: 'facts' }, el('h2', {}, 'Merge or split'),
    el('p', {}, el('label', { for: 'entity-write-token' }, 'Write token '), token), merge, splits, status);
}

export function searchPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const q = params.get('q') ?? '';
  const input = el('input', { type: 'search', id: 'search-q', name: 'q', value: q, placeholder: 'words or "a phrase"' });
  const form = el('form', { class: 'filter', role: 'search' }, el('label', { for: 'search-q' }, 'Search '), input, el('button', { type: 'submit' }, 'Search'));
  form.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/search?q=${encodeURIComponent(input.value)}`; });
  clear(main);
  append(main, el('h1', {}, 'Search'), form);
  if (!q.trim()) { input.focus(); return Promise.resolve(); }
  const results = el('div', {}, loading('matches'));
  main.appendChild(results);
  return get<{ hits: any[]; milliseconds: number }>(`/api/search?limit=50&q=${encodeURIComponent(q)}`).then(view => {
    clear(results);
    append(results, el('p', {}, `${view.hits.length} paragraph${view.hits.length === 1 ? '' : 's'} in ${view.milliseconds.toFixed(1)} ms`),
      el('ol', { class: 'hits' }, ...view.hits.map(h => el('li', { class: 'passage' },
        h.document !== null ? el('a', { href: route.document(h.document, h.start, h.end) }, h.citation) : h.citation, el('br'),
        el('span', { class: 'kwic' }, (h.moreBefore ? '…' : '') + h.before, el('mark', {}, h.matched), h.after + (h.moreAfter ? '…' : ''))))));
  }).catch(error => { clear(results); results.appendChild(errorBox(error)); });
}

export function ledgerPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  return guarded(main, 'the ledger', async () => {
    const status = params.get('status') ?? '';
    const documentId = params.get('document');
    const scope = documentId ? `&document=${encodeURIComponent(documentId)}` : '';
    const page = await get<Page<any>>(`/api/ledger?limit=500&status=${encodeURIComponent(status)}${scope}`);
    clear(main);
    const tabs = el('p', { class: 'tabs' }, ...['', 'open', 'granted', 'promised', 'refused', 'answered', 'fulfilled', 'stated', 'pending'].map(s =>
      el('a', { href: `#/ledger?status=${s}${scope}`, aria: s === status ? { current: 'page' } : {} }, s || 'all')),
      ...(documentId ? [' · ', el('a', { href: `#/ledger?status=${status}` }, 'all documents')] : []));
    const names = (list: string[] | undefined) => (list ?? []).join(', ');
    append(main, el('h1', {}, 'Ledger of commitments'), tabs, el('p', {}, `${number(page.total)} entries${page.total > page.items.length ? `, the first ${page.items.length} shown` : ''}`),
      el('table', { class: 'grid ledger' },
        el('thead', {}, el('tr', {}, ...['Status', 'Who', 'Action', 'What', 'To', 'When', 'Evidence', 'Document'].map(h => el('th', {}, h)))),
        el('tbody', {}, ...page.items.map(l => el('tr', {},
          el('td', {}, el('span', { class: `status-${String(l.status).split(' ')[0]}` }, l.status)), el('td', {}, names(l.who)),
          el('td', {}, l.action + (l.via?.length ? ` via ${names(l.via)}` : '')),
          el('td', {}, l.item === null || l.item === undefined ? '' : (l.quantity !== null && l.quantity !== undefined ? `${l.quantity} ${l.item}` : l.item)),
          el('td', {}, names(l.to) + (l.for?.length ? ` (for ${names(l.for)})` : '')), el('td', {}, l.when ?? ''),
          el('td', {}, el('a', { href: route.document(l.document, l.start, l.end) }, l.evidence.length > 160 ? l.evidence.slice(0, 157) + '…' : l.evidence)),
          el('td', {}, el('a', { href: route.document(l.document) }, l.documentName)))))));
  });
}
