// Reads JSON Lines {id, lang, published, text} on stdin, writes {id, dates: [{text, value}]}
// per line with chrono-node's casual parser of the line's language, and the time spent
// parsing (not reading) on stderr as "seconds N".
import * as chrono from 'chrono-node';
import { readFileSync } from 'node:fs';

const parsers = { en: chrono.en.casual, fr: chrono.fr.casual, es: chrono.es.casual };
const lines = readFileSync(0, 'utf8').split('\n').filter((l) => l.trim());
const records = lines.map((l) => JSON.parse(l));
// One pass to warm the JIT up, as a long-running service would be, then the timed pass.
function parseAll(out) {
for (const r of records) {
  const parser = parsers[r.lang] || chrono.casual;
  const ref = r.published ? new Date(r.published + 'T12:00:00') : new Date(2000, 0, 1, 12);
  const results = parser.parse(r.text, ref, { forwardDate: false });
  out.push({ id: r.id, dates: results.map((x) => {
    const d = x.start.date();
    const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    return { text: x.text, value: r.published || x.start.isCertain('year') ? iso : null };
  }) });
}
}
parseAll([]);
const out = [];
const start = process.hrtime.bigint();
parseAll(out);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
for (const o of out) console.log(JSON.stringify(o));
console.error(`seconds ${seconds}`);
