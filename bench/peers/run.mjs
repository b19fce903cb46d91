// Runs one peer tool over the given text files and prints one JSON line with the time it took.
// Usage: node run.mjs PEER FILE...   (PEER: compromise | chrono | wink)
// Each file is processed as one document; the first file is processed once untimed to warm up.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const [peer, ...files] = process.argv.slice(2);
if (!peer || files.length === 0) {
  console.error('usage: node run.mjs compromise|chrono|wink FILE...');
  process.exit(2);
}

function version(name) {
  return JSON.parse(readFileSync(join(here, 'node_modules', name, 'package.json'), 'utf8')).version;
}

async function load(name) {
  switch (name) {
    case 'compromise': {
      const nlp = (await import('compromise')).default;
      // Tokenize and tag (compromise tags on construction), then pull out people, as its users do.
      return { package: 'compromise', work: (text) => nlp(text).people().length };
    }
    case 'chrono': {
      const chrono = await import('chrono-node');
      return { package: 'chrono-node', work: (text) => chrono.strict.parse(text).length };
    }
    case 'wink': {
      const winkNLP = (await import('wink-nlp')).default;
      const model = (await import('wink-eng-lite-web-model')).default;
      const nlp = winkNLP(model, ['sbd', 'pos']);
      const its = nlp.its;
      return { package: 'wink-nlp', work: (text) => nlp.readDoc(text).tokens().out(its.pos).length };
    }
    default:
      console.error(`unknown peer: ${name}`);
      process.exit(2);
  }
}

const tool = await load(peer);
const texts = files.map((file) => readFileSync(file, 'utf8'));
tool.work(texts[0]);
let items = 0;
let characters = 0;
const started = process.hrtime.bigint();
for (const text of texts) {
  items += tool.work(text);
  characters += text.length;
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
console.log(JSON.stringify({ peer, package: tool.package, version: version(tool.package), documents: texts.length, characters, items, seconds }));
