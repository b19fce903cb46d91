import 'leaflet/dist/leaflet.css';
import 'vis-timeline/styles/vis-timeline-graph2d.min.css';
import './styles.css';
import { documentPage } from './pages/document';
import { documentsPage, entitiesPage, entityPage, ledgerPage, searchPage } from './pages/lists';

// The timeline, graph and map libraries are most of the code: each is loaded when its page is first opened,
// so that a document page does not wait for them.

// Routes live in the fragment (#/document/12?at=40-52), so the server serves one page and every view can be bookmarked.
async function show(): Promise<void> {
  const main = document.getElementById('main')!;
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = hash.split('?', 2);
  const params = new URLSearchParams(query);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const page = parts[0] ?? '';
  document.body.dataset.page = page || 'documents';
  for (const link of document.querySelectorAll('nav a')) {
    const target = (link.getAttribute('href') ?? '').replace(/^#\/?/, '').split('?')[0];
    if (target === page || (target === 'entities' && page === 'entity') || (target === '' && page === 'document')) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  switch (page) {
    case 'document': await documentPage(main, Number(parts[1]), params.get('at')); break;
    case 'entity': await entityPage(main, parts[1] ?? ''); break;
    case 'entities': await entitiesPage(main, params); break;
    case 'timeline': await (await import('./pages/timeline')).timelinePage(main, params); break;
    case 'network': await (await import('./pages/network')).networkPage(main, params); break;
    case 'map': await (await import('./pages/map')).mapPage(main); break;
    case 'ledger': await ledgerPage(main, params); break;
    case 'search': await searchPage(main, params); break;
    default: await documentsPage(main, params);
  }
  document.body.dataset.ready = hash;
}

window.addEventListener('hashchange', () => { void show(); });
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => { void show(); });
else void show();
