#!/usr/bin/python3
"""pages.py — precision and recall of guanxi's companies and places on the five sample pages.

  tools/eval/pages.py [--guanxi build/guanxi] [--misses] [--check]

guanxi runs as the paper's users would run it, with --home 330482 (平湖市).
Gold: tests/accuracy/pinghu_companies.tsv and pinghu_places.tsv, annotated by reading the pages.
An item is (page, entity).  guanxi's entities on a page are the names of its company (place)
mentions on that page; a name matches a gold entity if it is the entity's name or one of the
other names listed for it.  Aliases must be merged: when two of guanxi's names on one page match
the same gold entity (开拓药业 and 开拓药业(浙江) as two firms), the first is a hit and the second a
false positive.  With --misses, prints what was missed and what was wrongly found; with --check,
exits 1 if company F1 < 0.9, place recall < 0.95 or place precision < 0.9 (issue 4's targets).
"""
import argparse
import collections
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))
HOME = '330482'  # the sample pages are 平湖's paper: run as its users would, with --home 平湖市


def fold(s):
    """Full-width ASCII to ASCII, as guanxi normalises text."""
    return ''.join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else c for c in s)


def gold(path):
    """{page: [(name, {name and other names})]}"""
    out = collections.defaultdict(list)
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            cols = line.split('\t')
            names = {fold(cols[1])} | {fold(n) for n in (cols[2].split('|') if len(cols) > 2 else []) if n}
            out[cols[0]].append((fold(cols[1]), names))
    return out


def found(guanxi):
    """{type: {page: [names in order of first mention]}}"""
    ex = os.path.join(ROOT, 'examples', 'pinghu')
    out = subprocess.run([guanxi, 'extract', '-q', '--home', HOME, '--manifest', 'MANIFEST.tsv', '.'], cwd=ex,
                         capture_output=True, text=True)
    if out.returncode not in (0, 4):
        sys.exit('guanxi extract failed: ' + out.stderr)
    res = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in out.stdout.splitlines():
        d = json.loads(line)
        page = os.path.basename(d['source'])[:3]
        for m in d['mentions']:
            names = res[m['type']][page]
            if m['name'] not in names:
                names.append(m['name'])
    return res


def score(g, f):
    """tp, fp, fn and the lists of misses and false finds."""
    tp = fp = fn = 0
    misses, wrong = [], []
    for page in sorted(set(g) | set(f)):
        entities = g.get(page, [])
        hit = [False] * len(entities)
        for name in f.get(page, []):
            k = next((i for i, (_, names) in enumerate(entities) if fold(name) in names), None)
            if k is None or hit[k]:
                fp += 1
                wrong.append(f'{page} {name}' + ('' if k is None else f'  (second name for {entities[k][0]})'))
            else:
                hit[k] = True
                tp += 1
        for (name, _), h in zip(entities, hit):
            if not h:
                fn += 1
                misses.append(f'{page} {name}')
    return tp, fp, fn, misses, wrong


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--guanxi', default=os.path.join(ROOT, 'build', 'guanxi'))
    ap.add_argument('--misses', action='store_true')
    ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    f = found(a.guanxi)
    print('| entities on the sample pages | precision | recall | F1 | tp | fp | fn |')
    print('| --- | --- | --- | --- | --- | --- | --- |')
    figures = {}
    for kind, file in (('company', 'pinghu_companies.tsv'), ('place', 'pinghu_places.tsv')):
        tp, fp, fn, misses, wrong = score(gold(os.path.join(ROOT, 'tests', 'accuracy', file)), f[kind])
        p, r, f1 = prf(tp, fp, fn)
        figures[kind] = (p, r, f1)
        print(f'| {kind} | {p:.3f} | {r:.3f} | {f1:.3f} | {tp} | {fp} | {fn} |')
        if a.misses:
            for m in misses:
                print(f'  missed {kind}: {m}')
            for w in wrong:
                print(f'  wrong {kind}: {w}')
    if a.check:
        ok = figures['company'][2] >= 0.9 and figures['place'][1] >= 0.95 and figures['place'][0] >= 0.9
        sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
