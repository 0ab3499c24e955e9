#!/usr/bin/env python3
"""gen_corpus.py — writes a deterministic (seeded) corpus of pages in the style of the sample pages
(examples/pinghu/), so benchmarks have realistic input at any size and a graph that grows with it.

Each page holds several articles: a lead with a date, title chains and group lists of officials
drawn from surnames x given names, firm visits (region + trade name + industry + suffix, later the
trade name alone), places, bylines, adverts, and lines wrapped mid-sentence as on the e-paper.

usage: bench/gen_corpus.py --mb 100 --out DIR [--seed 20240221]
Writes DIR/page-NNNNNN.txt and DIR/MANIFEST.tsv.
"""
import argparse
import datetime
import os
import random

SURNAMES = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤') + ['欧阳', '司马', '诸葛']
GIVEN = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉鹏宇浩凯晨晓东旭波振健坤进捷烈生晶加') 
TITLES = ['市委书记', '市委副书记、市长', '市委常委、常务副市长', '市委常委、组织部长', '市委常委、宣传部长',
          '市委常委、市纪委书记、市监委主任', '副市长', '市人大常委会主任', '市政协主席', '市人大常委会副主任',
          '市政协副主席', '市委常委、统战部长', '市委常委、政法委书记']
REGIONS = ['浙江', '平湖', '嘉兴', '上海', '江苏', '']
TRADE = list('钛迩赛安佐杰上科廷锋源华海恒鑫瑞嘉宏达金隆泰和新元通宇博远晶')
INDUSTRY = ['新材料', '科技', '化学', '药业', '能源', '电子', '机械', '纺织', '服饰', '汽车零部件', '智能装备']
SUFFIX = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司']
ZONES = ['平湖经济技术开发区', '独山港经济开发区', '张江长三角科技城平湖园', '平湖农业经济开发区']
TOWNS = ['当湖街道', '钟埭街道', '曹桥街道', '新埭镇', '新仓镇', '广陈镇', '林埭镇', '乍浦镇', '独山港镇']
VERBS = ['来到', '走进', '走访', '调研']
TOPICS = ['创新攻坚', '共同富裕', '营商环境', '人才引育', '安全生产', '乡村振兴', '数字经济', '项目建设']


def name(rng):
    s = rng.choice(SURNAMES)
    g = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.8 else '')
    return s + g


def firm(rng):
    trade = ''.join(rng.sample(TRADE, rng.choice([2, 3])))
    region = rng.choice(REGIONS)
    return region + trade + rng.choice(INDUSTRY) + rng.choice(SUFFIX), trade


def wrap(text, rng):
    out, line = [], ''
    for ch in text:
        line += ch
        if len(line) >= rng.randint(18, 26):
            out.append(line)
            line = ''
    if line:
        out.append(line)
    return '\n'.join(out)


def article(rng, officials, day):
    lead_off = rng.sample(officials, 2)
    firms = [firm(rng) for _ in range(rng.randint(1, 4))]
    group = rng.sample(officials, rng.randint(2, 5))
    d = day
    parts = [f'{d.month}月{d.day}日上午，{lead_off[0][1]}{lead_off[0][0]}带队走访{rng.choice(TOPICS)}重点企业，'
             f'{lead_off[1][1]}{lead_off[1][0]}参加。']
    for full, trade in firms:
        parts.append(f'{lead_off[0][0]}{rng.choice(VERBS)}位于{rng.choice(ZONES)}的{full}，详细了解企业生产经营、'
                     f'技术研发和市场拓展等情况。{trade}是一家专精特新中小企业，近年来在{rng.choice(TOWNS)}扩建生产线。')
    parts.append(f'{lead_off[0][0]}指出，要坚持{rng.choice(TOPICS)}，以更实的举措推动高质量发展。')
    parts.append('市领导' + '、'.join(n for n, _ in group) + '等参加活动。')
    byline = f'记者 {name(rng)} 通讯员 {name(rng)}'
    title = f'{lead_off[0][0]}调研{rng.choice(TOPICS)}工作'
    body = '\n'.join(wrap(p, rng) for p in parts)
    return f'{title}\n{byline}\n{body}\n'


def advert(rng):
    return f'广告\n{firm(rng)[0]}诚聘 电话：0573-8{rng.randint(1000000, 9999999)}\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mb', type=float, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=20240221)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    target = int(a.mb * 1024 * 1024)
    # the pool of officials grows with the corpus, as over years of a paper
    officials = [(name(rng), rng.choice(TITLES)) for _ in range(40)]
    day = datetime.date(2015, 1, 1)
    written, page = 0, 0
    with open(os.path.join(a.out, 'MANIFEST.tsv'), 'w', encoding='utf-8') as man:
        while written < target:
            text = '\n\n'.join([article(rng, officials, day) for _ in range(rng.randint(3, 6))] + [advert(rng)])
            data = text.encode('utf-8')
            fn = f'page-{page:06d}.txt'
            with open(os.path.join(a.out, fn), 'wb') as f:
                f.write(data)
            man.write(f'{fn}\t{day.isoformat()}\n')
            written += len(data)
            page += 1
            if page % 4 == 0:
                day += datetime.timedelta(days=1)
            if rng.random() < 0.05:
                officials.append((name(rng), rng.choice(TITLES)))


if __name__ == '__main__':
    main()
