#!/usr/bin/python3
"""Compares veille's dates with two peers users pick today, on the same gold sentences.

  bench/dates_vs_peers.py [GOLD.jsonl ...]     (default: tests/gold/dates/*.jsonl and
                                                tests/gold/heldout/dates-*.jsonl)

Peers: Debian's python3-dateparser (search_dates, the line's language, PREFER_DATES_FROM past,
RELATIVE_BASE = publication date at noon, day-first order for fr/es/en) and npm's chrono-node
(the language's casual parser, reference = publication date, forwardDate false), installed by
`bench/peers/install` (apt and npm; not needed for building or testing veille).

Scoring, the same for all three: a gold date is found when the system gives a date span
overlapping its words whose value agrees at the gold precision (the same day; the same week
for week precision; the same month or year for month or year precision). Extra dates are the
spans that overlap no gold date. Speed: sentences per second of parsing, on one core; veille's
is measured over the whole command (`veille annotate` on the file repeated until it runs for
about a second), start-up included.
"""
import datetime
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VEILLE = os.environ.get('VEILLE', os.path.join(ROOT, 'build', 'veille'))


def load(path):
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


def agrees(gold, value):
    if value is None or gold.get('value') is None:
        return value is None and gold.get('value') is None
    g = datetime.date.fromisoformat(gold['value'])
    v = datetime.date.fromisoformat(value)
    p = gold.get('precision')
    if p == 'week':
        return g.isocalendar()[:2] == v.isocalendar()[:2]
    if p == 'month':
        return (g.year, g.month) == (v.year, v.month)
    if p == 'year':
        return g.year == v.year
    return g == v


def locate(text, needle, start=0):
    at = text.find(needle, start)
    if at < 0:
        at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def score(records, predictions):
    """predictions: id -> list of (start, end, value)."""
    found = gold_total = extra = 0
    for r in records:
        preds = predictions.get(r['id'], [])
        used = set()
        cursor = 0
        for g in r.get('spans', []):
            if g.get('kind') != 'date':
                continue
            gold_total += 1
            where = locate(r['text'], g['text'], cursor)
            if not where:
                continue
            cursor = where[0]
            for k, (s, e, v) in enumerate(preds):
                if k not in used and s < where[1] and where[0] < e and agrees(g, v):
                    used.add(k)
                    found += 1
                    break
        for k, (s, e, v) in enumerate(preds):
            if k in used:
                continue
            overlaps_gold = any(
                (lambda w: w and s < w[1] and w[0] < e)(locate(r['text'], g['text']))
                for g in r.get('spans', []))
            if not overlaps_gold:
                extra += 1
    return found, gold_total, extra


def run_veille(path, records):
    out = subprocess.run([VEILLE, 'annotate', path], capture_output=True, text=True, check=False).stdout
    predictions = {}
    for line in out.splitlines():
        d = json.loads(line)
        text = next(r['text'] for r in records if r['id'] == d['doc_id'])
        spans = []
        for s in d['spans']:
            if s['kind'] != 'date':
                continue
            # Byte offsets -> character offsets for the comparison.
            b = text.encode('utf-8')
            start = len(b[:s['start']].decode('utf-8', 'ignore'))
            end = len(b[:s['end']].decode('utf-8', 'ignore'))
            spans.append((start, end, s.get('value')))
        predictions[d['doc_id']] = spans
    # Speed: in-process, like the peers' loops: `veille bench --stage dates` parses the
    # sentences repeatedly for about a second and prints documents/s on one core.
    size_mb = max(0.2, os.path.getsize(path) / 1e6 * 50)
    bench = subprocess.run([VEILLE, 'bench', path, '--stage', 'dates', '--mb', f'{size_mb:.2f}'],
                           capture_output=True, text=True, check=True).stdout
    speed = float(bench.split(' documents/s')[0].split(', ')[-1])
    return predictions, speed


def run_dateparser(records):
    from dateparser.search import search_dates
    predictions = {}
    t0 = time.perf_counter()
    for r in records:
        base = datetime.datetime.fromisoformat(r['published'] + 'T12:00:00') if r.get('published') else None
        settings = {'PREFER_DATES_FROM': 'past', 'DATE_ORDER': 'DMY'}
        if base:
            settings['RELATIVE_BASE'] = base
        try:
            found = search_dates(r['text'], languages=[r['lang']], settings=settings) or []
        except Exception:  # the peer's own failures count as finding nothing
            found = []
        spans = []
        cursor = 0
        for text, when in found:
            where = locate(r['text'], text, cursor)
            if where:
                cursor = where[1]
                spans.append((where[0], where[1], when.date().isoformat() if base else None))
        predictions[r['id']] = spans
    return predictions, len(records) / (time.perf_counter() - t0)


def run_chrono(path, records):
    script = os.path.join(ROOT, 'bench', 'peers', 'chrono_dates.mjs')
    with open(path, encoding='utf-8') as f:
        proc = subprocess.run(['node', script], stdin=f, capture_output=True, text=True, check=True,
                              cwd=os.path.join(ROOT, 'bench', 'peers'))
    seconds = float(proc.stderr.split()[-1])
    by_id = {r['id']: r for r in records}
    predictions = {}
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        text = by_id[d['id']]['text']
        spans, cursor = [], 0
        for x in d['dates']:
            where = locate(text, x['text'], cursor)
            if where:
                cursor = where[1]
                spans.append((where[0], where[1], x['value']))
        predictions[d['id']] = spans
    return predictions, len(records) / seconds


def main():
    paths = sys.argv[1:] or [os.path.join(ROOT, 'tests', 'gold', d) for d in (
        'dates/en.jsonl', 'dates/fr.jsonl', 'dates/es.jsonl',
        'heldout/dates-en.jsonl', 'heldout/dates-fr.jsonl', 'heldout/dates-es.jsonl')]
    print(f'{"gold set":<28} {"system":<11} {"accuracy":>9} {"found":>11} {"extra":>6} {"sentences/s":>12}')
    for path in paths:
        records = load(path)
        rows = []
        for name, runner in (('veille', lambda: run_veille(path, records)),
                             ('chrono', lambda: run_chrono(path, records)),
                             ('dateparser', lambda: run_dateparser(records))):
            predictions, speed = runner()
            found, total, extra = score(records, predictions)
            rows.append((name, found / total if total else 0, found, total, extra, speed))
        for name, acc, found, total, extra, speed in rows:
            print(f'{os.path.relpath(path, ROOT):<28} {name:<11} {acc:>9.3f} {found:>5}/{total:<5} {extra:>6} {speed:>12.0f}')
        v = rows[0][5]
        print(f'{"":<28} veille is {v / rows[1][5]:.0f}x chrono-node and {v / rows[2][5]:.0f}x dateparser in sentences/s')


if __name__ == '__main__':
    main()
