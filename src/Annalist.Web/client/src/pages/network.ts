import cytoscape from 'cytoscape';
import { get } from '../api';
import { append, clear, el, errorBox, loading, route } from '../dom';

interface Network {
  nodes: { id: string; name: string; documents: number; turns: number }[];
  edges: { source: string; target: string; weight: number; kinds: Record<string, number>; evidence: { kind: string; document: number; documentName: string; start: number; end: number }[] }[];
}

/** Who met or spoke with whom, each tie as thick as its evidence; filterable by the documents' dates. */
export async function networkPage(main: HTMLElement, params: URLSearchParams): Promise<void> {
  clear(main);
  main.appendChild(loading('the network'));
  const from = params.get('from') ?? '', to = params.get('to') ?? '';
  try {
    const data = await get<Network>(`/api/network?limit=120&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
    clear(main);
    const fromInput = el('input', { id: 'nw-from', value: from, placeholder: '1955' });
    const toInput = el('input', { id: 'nw-to', value: to, placeholder: '1957' });
    const form = el('form', { class: 'filter' }, el('label', { for: 'nw-from' }, 'Documents dated from '), fromInput, ' ', el('label', { for: 'nw-to' }, 'to '), toInput, ' ', el('button', { type: 'submit' }, 'Apply'));
    form.addEventListener('submit', e => { e.preventDefault(); location.hash = `#/network?from=${encodeURIComponent(fromInput.value)}&to=${encodeURIComponent(toInput.value)}`; });
    const holder = el('div', { id: 'network', class: 'network-holder', role: 'img', aria: { label: `Network of ${data.nodes.length} people and ${data.edges.length} ties` } });
    const names = new Map(data.nodes.map(n => [n.id, n.name]));
    const ties = el('ol', { class: 'ties' }, ...data.edges.slice(0, 50).map(e => el('li', {},
      el('a', { href: route.entity(e.source) }, names.get(e.source) ?? e.source), ' — ', el('a', { href: route.entity(e.target) }, names.get(e.target) ?? e.target),
      ` (${e.weight}: ${Object.entries(e.kinds).map(([k, n]) => `${k} ${n}`).join(', ')}) `,
      ...e.evidence.slice(0, 5).map(v => el('a', { class: 'at', href: route.document(v.document, v.start, v.end) }, v.documentName)))));
    append(main, el('h1', {}, 'Network'), form, el('p', {}, `${data.nodes.length} people, ${data.edges.length} ties`),
      el('div', { class: 'split' }, holder, el('section', { class: 'facts' }, el('h2', {}, 'Strongest ties and their evidence'), ties)));
    if (!data.nodes.length) return;
    const maxWeight = Math.max(1, ...data.edges.map(e => e.weight));
    const cy = cytoscape({
      container: holder,
      minZoom: 0.2,
      maxZoom: 1.6,
      elements: [
        ...data.nodes.map(n => ({ data: { id: n.id, label: n.name, size: 14 + Math.min(36, n.turns + n.documents * 2) } })),
        ...data.edges.map((e, i) => ({ data: { id: `e${i}`, source: e.source, target: e.target, width: 1 + 7 * e.weight / maxWeight } })),
      ],
      style: [
        { selector: 'node', style: { label: 'data(label)', width: 'data(size)', height: 'data(size)', 'background-color': '#2f5d8a', color: '#1b1b1b', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3 } },
        { selector: 'edge', style: { width: 'data(width)', 'line-color': '#9aa9b8', 'curve-style': 'haystack', opacity: 0.8 } },
      ],
      layout: { name: 'cose', animate: false, fit: true, padding: 40, nodeRepulsion: () => 9000, idealEdgeLength: () => 90 } as any,
    });
    cy.on('tap', 'node', event => { location.hash = route.entity(event.target.id()); });
  } catch (error) {
    clear(main); main.appendChild(errorBox(error));
  }
}
