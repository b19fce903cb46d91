import { DataSet } from 'vis-data/peer';
import { Timeline } from 'vis-timeline/peer';
import { get } from '../api';
import { append, clear, el, errorBox, loading, number, route } from '../dom';

interface Item { id: string; kind: string; type: string; label: string; document: number; documentName: string; start: number; end: number; from: string; to: string; uncertain: boolean }

/** Dated events across the corpus; an uncertain date (a month, a year) is drawn as the range it may denote. */
export async function timelinePage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  clear(main);
  main.appendChild(loading('the timeline'));
  const kind = params.get('kind') ?? 'event';
  const from = params.get('from') ?? '', to = params.get('to') ?? '';
  try {
    const data = await get<{ earliest?: string; latest?: string; total: number; items: Item[] }>(
      `/api/timeline?limit=2000&kind=${encodeURIComponent(kind)}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    clear(main);
    const fromInput = el('input', { id: 'tl-from', value: from, placeholder: '1955' });
    const toInput = el('input', { id: 'tl-to', value: to, placeholder: '1957-06' });
    const kindSelect = el('select', { id: 'tl-kind' }, ...['event', 'timex', 'all'].map(k => el('option', { value: k }, k === 'timex' ? 'dates in the text' : k === 'event' ? 'events' : 'both')));
    kindSelect.value = kind;
    const form = el('form', { class: 'filter' }, el('label', { for: 'tl-kind' }, 'Show '), kindSelect, ' ', el('label', { for: 'tl-from' }, 'from '), fromInput,
      ' ', el('label', { for: 'tl-to' }, 'to '), toInput, ' ', el('button', { type: 'submit' }, 'Apply'));
    form.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/timeline?kind=${kindSelect.value}&from=${encodeURIComponent(fromInput.value)}&to=${encodeURIComponent(toInput.value)}`; });
    const holder = el('div', { id: 'timeline', class: 'timeline-holder' });
    append(main, el('h1', {}, 'Timeline'), form,
      el('p', {}, `${number(data.total)} dated ${kind === 'timex' ? 'expressions' : 'items'}${data.total > data.items.length ? `, the first ${data.items.length} shown` : ''}`,
        data.earliest ? ` · earliest ${data.earliest.slice(0, 10)}, latest ${data.latest?.slice(0, 10)}` : ''), holder);
    if (!data.items.length) { holder.appendChild(el('p', {}, 'Nothing dated here.')); return; }
    const items = new DataSet(data.items.map(i => ({
      id: i.id,
      content: el('span', { class: `tl-item tl-${i.kind}` }, `${i.label} · ${i.documentName}`),
      start: i.from,
      end: i.uncertain ? i.to : undefined,
      type: i.uncertain ? 'range' : 'point',
      className: i.uncertain ? 'uncertain' : 'certain',
    })) as any);
    const byId = new Map(data.items.map(i => [i.id, i]));
    const timeline = new Timeline(holder, items as any, { height: '70vh', zoomKey: 'ctrlKey', stack: true, maxHeight: 900, xss: { disabled: false } } as any);
    timeline.on('select', (properties: { items: string[] }) => {
      const item = byId.get(properties.items[0]);
      if (item) location.hash = route.document(item.document, item.start, item.end);
    });
  } catch (error) {
    clear(main); main.appendChild(errorBox(error));
  }
}
