import L from 'leaflet';
import { feature } from 'topojson-client';
import { get } from '../api';
import { append, clear, el, errorBox, loading, number, route } from '../dom';

interface Place { id: string; name: string; latitude: number; longitude: number; gazetteer?: string; mentions: number; documentCount: number; documents: { document: number; documentName: string; mentions: number; start: number; end: number }[] }

let world: any = null;

/** Places of the corpus on Natural Earth outlines (world-atlas, served by this server: no tile server). */
export async function mapPage(main: HTMLElement): Promise<void> {
  clear(main);
  main.appendChild(loading('the map'));
  try {
    const [places, topology] = await Promise.all([get<Place[]>('/api/places?limit=500'), world ? Promise.resolve(world) : get<any>('/countries-110m.json')]);
    world = topology;
    clear(main);
    const holder = el('div', { id: 'map', class: 'map-holder', role: 'region', aria: { label: 'Map of places' } });
    const list = el('ol', { class: 'places' }, ...places.slice(0, 100).map(p => el('li', {},
      el('a', { href: route.entity(p.id) }, p.name), ` · ${number(p.mentions)} mention${p.mentions === 1 ? '' : 's'} in ${p.documentCount} doc${p.documentCount === 1 ? '' : 's'}`)));
    append(main, el('h1', {}, 'Map'), el('p', {}, `${places.length} places with coordinates`), el('div', { class: 'split' }, holder, el('section', { class: 'facts' }, el('h2', {}, 'Places'), list)));
    const map = L.map(holder, { worldCopyJump: true, attributionControl: true, minZoom: 1, maxZoom: 8 }).setView([30, 20], 2);
    map.attributionControl.setPrefix('Natural Earth via world-atlas');
    const countries = unwrapped(feature(topology, topology.objects.countries) as any);
    L.geoJSON(countries, { style: { color: '#7a8896', weight: 0.6, fillColor: '#e9e4d8', fillOpacity: 1 } }).addTo(map);
    const max = Math.max(1, ...places.map(p => p.mentions));
    for (const p of places) {
      const marker = L.circleMarker([p.latitude, p.longitude], { radius: 4 + 14 * Math.sqrt(p.mentions / max), color: '#8a2f2f', weight: 1, fillColor: '#c0392b', fillOpacity: 0.7 });
      marker.bindTooltip(el('span', {}, `${p.name} (${p.mentions})`));
      marker.bindPopup(el('div', {}, el('strong', {}, el('a', { href: route.entity(p.id) }, p.name)),
        el('ul', {}, ...p.documents.slice(0, 10).map(d => el('li', {}, el('a', { href: route.document(d.document, d.start, d.end) }, d.documentName), ` ×${d.mentions}`)))));
      marker.addTo(map);
    }
    // Every place is shown: the view opens on all of them, not on a fixed part of the world.
    if (places.length > 0) map.fitBounds(L.latLngBounds(places.map(p => [p.latitude, p.longitude] as [number, number])), { padding: [12, 12], maxZoom: 5 });
  } catch (error) {
    clear(main); main.appendChild(errorBox(error));
  }
}

/**
 * Natural Earth rings that cross the antimeridian jump from +180 to -180 and would be drawn as lines across
 * the whole map: each such ring is unwrapped so that it continues past 180°. Antarctica is left out.
 */
function unwrapped(collection: any): any {
  const unwrapRing = (ring: number[][]) => {
    let shift = 0;
    return ring.map((point, i) => {
      const step = i > 0 ? point[0] - ring[i - 1][0] : 0;
      if (step > 180) shift -= 360; else if (step < -180) shift += 360;
      return [point[0] + shift, point[1]];
    });
  };
  const polygon = (rings: number[][][]) => rings.map(unwrapRing);
  return {
    ...collection,
    features: collection.features.filter((f: any) => f.id !== '010').map((f: any) => ({
      ...f,
      geometry: f.geometry?.type === 'Polygon' ? { ...f.geometry, coordinates: polygon(f.geometry.coordinates) }
        : f.geometry?.type === 'MultiPolygon' ? { ...f.geometry, coordinates: f.geometry.coordinates.map(polygon) } : f.geometry,
    })),
  };
}
