#!/usr/bin/python3
"""entities.py — precision and recall of guanxi's places and companies, beside jieba's ns and nt.

  tools/eval/entities.py [--guanxi build/guanxi] [--eval ../shared/eval] [--no-jieba] [--misses N]

1. People's Daily NER test split (../shared/eval/peoples_daily_ner/example.test, char-per-line
   BIO): LOC against guanxi's places, ORG against guanxi's companies.  PD's ORG holds every
   organisation (ministries, parties, teams, schools); guanxi's companies are firms only, so its
   ORG recall is bounded by the share of firms, and it is printed for the record.
2. CLUENER2020 dev: `address` against places, `company` against companies; the same on the train
   set, which was never read while writing the rules, as the held-out check.  CLUENER's addresses
   are often whole postal addresses (北京市海淀区中关村大街), which guanxi reads as the divisions
   inside them; both exact and overlapping matches are shown.
3. jieba (Debian python3-jieba) posseg on the same sentences: every ns token a place, every nt
   token an organisation.

Items are (sentence, surface string) sets, compared after full-width ASCII is folded as guanxi's
normalisation does; exact match unless said.  Prints Markdown tables for docs/ACCURACY.md.
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


def fold(s):
    """Full-width ASCII to ASCII and U+3000 to a space, as guanxi normalises text."""
    return ''.join(chr(ord(c) - 0xFEE0) if 0xFF01 <= ord(c) <= 0xFF5E else ' ' if c == '\u3000' else c
                   for c in s)


def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def row(name, tp, fp, fn):
    p, r, f = prf(tp, fp, fn)
    return f'| {name} | {p:.3f} | {r:.3f} | {f:.3f} | {tp} | {fp} | {fn} |'


HEAD = '| system | precision | recall | F1 | tp | fp | fn |\n| --- | --- | --- | --- | --- | --- | --- |'


def peoples_daily(path):
    """Sentences and their gold spans {type: [(start, end)]} from char-per-line BIO."""
    sents, chars, tags = [], [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line.strip():
                if chars:
                    sents.append((chars, tags))
                chars, tags = [], []
                continue
            c, t = line.split(' ') if line.count(' ') == 1 else (line[0], line.split()[-1])
            chars.append(c)
            tags.append(t)
    if chars:
        sents.append((chars, tags))
    out = []
    for chars, tags in sents:
        spans = collections.defaultdict(list)
        start, typ = None, None
        for i, t in enumerate(tags + ['O']):
            # PD marks each character of some names as B- (欧 B-LOC 美 B-LOC are two places)
            if start is not None and (t == 'O' or t.startswith('B-') or t[2:] != typ):
                spans[typ].append((start, i))
                start = None
            if t.startswith('B-') or (t.startswith('I-') and start is None):
                start, typ = i, t[2:]
        out.append((''.join(chars), spans))
    return out


def cluener(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            d = json.loads(line)
            spans = collections.defaultdict(list)
            for typ, names in d.get('label', {}).items():
                for _, where in names.items():
                    for s, e in where:
                        spans[typ].append((s, e + 1))
            out.append((d['text'], spans))
    return out


def run_guanxi(guanxi, texts):
    """Mentions per sentence: [{type: set(surface)}], read from extract on one JSONL line each."""
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in.jsonl')
        with open(src, 'w', encoding='utf-8') as f:
            for i, t in enumerate(texts):
                f.write(json.dumps({'id': str(i), 'text': t}, ensure_ascii=False) + '\n')
        out = subprocess.run([guanxi, 'extract', '-q', '--date', '2000-01-01', src], capture_output=True, text=True)
        if out.returncode not in (0, 4):
            sys.exit('guanxi extract failed: ' + out.stderr)
    found = [collections.defaultdict(set) for _ in texts]
    for line in out.stdout.splitlines():
        d = json.loads(line)
        i = int(d['id'].rsplit('#', 1)[1].split('.')[0])
        for m in d['mentions']:
            found[i][m['type']].add(m['text'])
    return found


def run_jieba(texts):
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    found = []
    for t in texts:
        d = collections.defaultdict(set)
        for w in pseg.cut(t):
            if w.flag in ('ns', 'nt'):
                d[w.flag].add(fold(w.word))
        found.append(d)
    return found


def score(data, found, gold_type, pred_type, overlap=False, misses=None):
    tp = fp = fn = 0
    for i, (text, spans) in enumerate(data):
        gold = {fold(text[s:e]) for s, e in spans.get(gold_type, [])}
        pred = found[i].get(pred_type, set())
        if overlap:
            hit_g = {g for g in gold if any(p in g or g in p for p in pred)}
            hit_p = {p for p in pred if any(p in g or g in p for g in gold)}
            tp += len(hit_g)
            fn += len(gold) - len(hit_g)
            fp += len(pred) - len(hit_p)
        else:
            tp += len(gold & pred)
            fp += len(pred - gold)
            fn += len(gold - pred)
            if misses is not None:
                misses['fp'].extend(pred - gold)
                misses['fn'].extend(gold - pred)
    return tp, fp, fn


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--guanxi', default=os.path.join(ROOT, 'build', 'guanxi'))
    ap.add_argument('--eval', default=os.path.join(ROOT, '..', 'shared', 'eval'))
    ap.add_argument('--no-jieba', action='store_true')
    ap.add_argument('--misses', type=int, default=0, help='print the N commonest misses of each kind')
    args = ap.parse_args()
    use_jieba = not args.no_jieba
    sets = [
        ("People's Daily test split", peoples_daily(os.path.join(args.eval, 'peoples_daily_ner', 'example.test')),
         [('LOC', 'place', 'ns', 'places'), ('ORG', 'company', 'nt', 'companies')]),
        ('CLUENER2020 dev', cluener(os.path.join(args.eval, 'cluener2020', 'dev.json')),
         [('address', 'place', 'ns', 'places'), ('company', 'company', 'nt', 'companies')]),
        # never read while writing the rules: the held-out check on the dev set's figures
        ('CLUENER2020 train (held out)', cluener(os.path.join(args.eval, 'cluener2020', 'train.json')),
         [('address', 'place', 'ns', 'places'), ('company', 'company', 'nt', 'companies')]),
    ]
    for title, data, pairs in sets:
        texts = [t for t, _ in data]
        g = run_guanxi(args.guanxi, texts)
        j = run_jieba(texts) if use_jieba else None
        for gold_type, gx_type, jb_type, what in pairs:
            n = sum(len(s.get(gold_type, [])) for _, s in data)
            print(f'\n### {title}: {gold_type} ({n} gold, {len(data)} sentences)\n')
            print(HEAD)
            misses = {'fp': [], 'fn': []}
            print(row(f'guanxi {what}', *score(data, g, gold_type, gx_type, misses=misses)))
            if use_jieba:
                print(row(f'jieba posseg {jb_type}', *score(data, j, gold_type, jb_type)))
            print(row(f'guanxi {what}, overlapping', *score(data, g, gold_type, gx_type, overlap=True)))
            if use_jieba:
                print(row(f'jieba posseg {jb_type}, overlapping', *score(data, j, gold_type, jb_type, overlap=True)))
            if args.misses:
                for k in ('fp', 'fn'):
                    common = collections.Counter(misses[k]).most_common(args.misses)
                    print(f'\n{k}: ' + ' '.join(f'{w}×{c}' for w, c in common))


if __name__ == '__main__':
    main()
