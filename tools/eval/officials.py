#!/usr/bin/python3
"""officials.py — precision and recall of guanxi's officials, beside jieba's person tag (nr).

  tools/eval/officials.py [--guanxi build/guanxi] [--eval ../shared/eval] [--no-jieba]

1. The five sample pages against the hand annotation in tests/accuracy/: an official is scored
   per page (page, name); titles are checked for the officials found; and no journalist,
   referenced leader or person with another role may be typed official.
2. CLUENER2020 dev and train: every `name` span directly preceded by a `position` span (记者王吉瑛,
   总裁沈东军, 主任委员石秀诗) is a gold item (sentence, name).  guanxi's prediction is every
   person it names with a title right before the name (officials, persons with roles,
   journalists).  CLUENER's positions are broad (记者, 总经理, 导演…), so this measures
   title-then-name reading in general, not only government offices.  The rules were tuned
   while reading the dev set's misses; the train set (never looked at) is the held-out check.
3. jieba (Debian python3-jieba) posseg `nr` as the reference peer on both: every nr token is
   a predicted person.

Prints a table; exit status 1 if the pages' F1 falls below 0.97 (the project's target).
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..'))


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def read_tsv(path):
    rows = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            rows.append(line.rstrip('\n').split('\t'))
    return rows


def extract(guanxi, args, cwd=None):
    out = subprocess.run([guanxi, 'extract', '-q'] + args, cwd=cwd, capture_output=True, text=True)
    if out.returncode not in (0, 4):
        sys.exit('guanxi extract failed: ' + out.stderr)
    return [json.loads(line) for line in out.stdout.splitlines()]


def pages(guanxi, use_jieba):
    gold = {(r[0], r[1]): set(r[2].split('|')) if len(r) > 2 and r[2] else set()
            for r in read_tsv(os.path.join(ROOT, 'tests', 'accuracy', 'pinghu_officials.tsv'))}
    never = {(r[0], r[1]): r[2] for r in read_tsv(os.path.join(ROOT, 'tests', 'accuracy', 'pinghu_not_officials.tsv'))}
    ex = os.path.join(ROOT, 'examples', 'pinghu')
    arts = extract(guanxi, ['--manifest', 'MANIFEST.tsv', '.'], cwd=ex)
    found = collections.defaultdict(set)
    for a in arts:
        page = os.path.basename(a['source'])[:3]
        for m in a['mentions']:
            if m['type'] == 'official':
                found[(page, m['name'])].update(m['titles'])
    tp = len(set(found) & set(gold))
    fp_items = sorted(set(found) - set(gold))
    fn_items = sorted(set(gold) - set(found))
    wrong_type = sorted(k for k in found if k in never)
    title_ok = sum(1 for k in set(found) & set(gold) if gold[k] <= found[k])
    res = {'guanxi': (tp, len(fp_items), len(fn_items)), 'fp': fp_items, 'fn': fn_items,
           'never': wrong_type, 'titles': (title_ok, tp)}
    if use_jieba:
        import jieba
        import jieba.posseg as pseg
        jieba.setLogLevel(60)
        jfound = set()
        for a in arts:
            page = os.path.basename(a['source'])[:3]
            for w in pseg.cut(a['text']):
                if w.flag == 'nr':
                    jfound.add((page, w.word))
        jtp = len(jfound & set(gold))
        res['jieba'] = (jtp, len(jfound) - jtp, len(set(gold) - jfound))
        res['jieba_never'] = len([k for k in jfound if k in never])
    return res


def cluener(guanxi, eval_dir, use_jieba, split='dev', half=None):
    path = os.path.join(eval_dir, 'cluener2020', split + '.json')
    gold = collections.Counter()
    texts = []
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
        if half is not None:
            mid = len(lines) // 2
            lines = lines[:mid] if half == 0 else lines[mid:]
        for i, line in enumerate(lines):
            o = json.loads(line)
            t, lab = o['text'], o['label']
            texts.append(t)
            ends = {e for spans in lab.get('position', {}).values() for s, e in spans}
            for name, spans in lab.get('name', {}).items():
                for s, e in spans:
                    if s - 1 in ends:
                        gold[(i, name)] += 1
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False, encoding='utf-8') as tmp:
        for i, t in enumerate(texts):
            tmp.write(json.dumps({'id': str(i), 'text': t}, ensure_ascii=False) + '\n')
    try:
        arts = extract(guanxi, ['--date', '2020-01-01', tmp.name])
    finally:
        os.unlink(tmp.name)
    pred = collections.Counter()
    for a in arts:
        i = int(a['id'].rsplit('#', 1)[1])
        for m in a['mentions']:
            if m['type'] in ('official', 'person', 'journalist') and m['titles'] and m['span'][1] > m['span'][0]:
                pred[(i, m['name'])] += 1
    tp = sum((pred & gold).values())
    res = {'guanxi': (tp, sum(pred.values()) - tp, sum(gold.values()) - tp), 'gold': sum(gold.values()),
           'fp': [(k, texts[k[0]]) for k in sorted(pred - gold)],
           'fn': [(k, texts[k[0]]) for k in sorted(gold - pred)]}
    if use_jieba:
        import jieba.posseg as pseg
        jp = collections.Counter()
        for i, t in enumerate(texts):
            for w in pseg.cut(t):
                if w.flag == 'nr':
                    jp[(i, w.word)] += 1
        jtp = sum((jp & gold).values())
        res['jieba'] = (jtp, sum(jp.values()) - jtp, sum(gold.values()) - jtp)
    return res


def row(name, counts):
    p, r, f = prf(*counts)
    return f'| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {counts[0]} | {counts[1]} | {counts[2]} |'


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--guanxi', default=os.path.join(ROOT, 'build', 'guanxi'))
    ap.add_argument('--eval', default=os.path.normpath(os.path.join(ROOT, '..', 'shared', 'eval')))
    ap.add_argument('--no-jieba', action='store_true')
    ap.add_argument('--verbose', action='store_true', help='list every miss and false alarm')
    args = ap.parse_args()
    guanxi = os.path.abspath(args.guanxi)
    use_jieba = not args.no_jieba
    if use_jieba:
        try:
            import jieba  # noqa: F401
        except ImportError:
            sys.exit('jieba missing: apt-get install python3-jieba, or pass --no-jieba')

    pg = pages(guanxi, use_jieba)
    print('## Officials on the five sample pages (page, name)\n')
    print('| system | precision | recall | F1 | tp | fp | fn |\n| --- | --- | --- | --- | --- | --- | --- |')
    print(row('guanxi', pg['guanxi']))
    if use_jieba:
        print(row('jieba posseg nr (any person)', pg['jieba']))
    t_ok, t_all = pg['titles']
    print(f'\nTitles complete for {t_ok} of {t_all} officials found. '
          f'Journalists, referenced leaders or other persons typed official: {len(pg["never"])}'
          + (f' (jieba tags {pg["jieba_never"]} of them nr).' if use_jieba else '.'))
    if args.verbose or pg['fp'] or pg['fn'] or pg['never']:
        for k in pg['fp']:
            print('  false official:', *k)
        for k in pg['fn']:
            print('  missed official:', *k)
        for k in pg['never']:
            print('  must not be official:', *k)

    if os.path.exists(os.path.join(args.eval, 'cluener2020', 'dev.json')):
        for split, half, what in (('dev', None, 'dev'), ('train', 0, 'train, first half'),
                                  ('train', 1, 'train, second half (held out)')):
            cl = cluener(guanxi, args.eval, use_jieba, split, half)
            print(f'\n## CLUENER2020 {what}: names right after a position ({cl["gold"]} gold)\n')
            print('| system | precision | recall | F1 | tp | fp | fn |\n| --- | --- | --- | --- | --- | --- | --- |')
            print(row('guanxi (persons named with a title)', cl['guanxi']))
            if use_jieba:
                print(row('jieba posseg nr (any person)', cl['jieba']))
            if args.verbose and half != 1:  # the held-out half is never listed
                for (i, name), t in cl['fp']:
                    print(f'  false: {name}\t{t}')
                for (i, name), t in cl['fn']:
                    print(f'  missed: {name}\t{t}')
    else:
        print(f'\n(CLUENER2020 not found under {args.eval}; skipped)')
    f1 = prf(*pg['guanxi'])[2]
    return 0 if f1 >= 0.97 and not pg['never'] else 1


if __name__ == '__main__':
    sys.exit(main())
