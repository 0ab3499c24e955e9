#!/usr/bin/env python3
"""gen_corpus.py — writes a deterministic (seeded) corpus of pages in the style of the sample pages
(examples/pinghu/), so benchmarks have realistic input at any size and a network that grows with it
as a county paper's does.

The paper is a county-level city's daily edition, eight pages a day from 2000-01-01. Its world:
- Offices, held in turn: the city's leadership (市委书记, 市委副书记、市长, title chains such as
  市委常委、市纪委书记、市监委主任, the vice mayors, the heads of 市人大常委会 and 市政协 and their
  deputies) and the towns' and departments' heads (新埭镇党委书记, 市发改局局长). A holder serves
  about four years; the successor is a new name or a promotion from another office. So about 60
  officials are in office on any day, and the officials ever named grow with the years.
- Firms (region + trade name + industry word + legal suffix; the trade name, or trade name +
  industry word, alone later in the article): a population founded over the years; leaders visit
  new firms and return to the established ones, so a firm is named on many days.
- Places: the development zones, the towns and their villages, the prefecture and the province,
  and for investment trips other cities and countries.

A page holds six to ten articles of these kinds — meetings (a lead, the chair, the leaders' list,
paragraphs of what the secretary stressed), visits to firms, signing and groundbreaking ceremonies,
reports from a town or village, short briefs, investment trips — with 本报讯 leads, ■记者/通讯员
bylines, headlines, adverts, weather boxes and photo captions; half the pages wrap their articles'
lines every 14–26 characters, mid-word and mid-name, as the e-paper's text does.

usage: bench/gen_corpus.py --mb 100 --out DIR [--seed 20240221]
Writes DIR/page-NNNNNN.txt and DIR/MANIFEST.tsv. The same seed gives the same bytes.
Figures before stop 36 in docs/PERFORMANCE-HISTORY.md came from the earlier generator (git show
8fa87f9:bench/gen_corpus.py): four small pages a day of visit articles only, every official kept in
office forever and every firm new.
"""
import argparse
import datetime
import os
import random

SURNAMES = list('王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤') + ['欧阳', '司马', '诸葛']
GIVEN = list('伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉鹏宇浩凯晨晓东旭波振健坤进捷烈生晶加琳玉红梅兰峰林斌志新海春雪飞燕亮成荣清瑞')
TOWNS = ['当湖街道', '钟埭街道', '曹桥街道', '新埭镇', '新仓镇', '广陈镇', '林埭镇', '乍浦镇', '独山港镇']
ZONES = ['平湖经济技术开发区', '独山港经济开发区', '张江长三角科技城平湖园', '平湖农业经济开发区']
CITY_POSTS = ['市委书记', '市委副书记、市长', '市委副书记', '市委常委、常务副市长', '市委常委、组织部长',
              '市委常委、宣传部长', '市委常委、市纪委书记、市监委主任', '市委常委、统战部长', '市委常委、政法委书记',
              '市委常委、副市长', '市委常委、秘书长', '副市长', '副市长', '副市长', '副市长', '市人大常委会主任',
              '市人大常委会副主任', '市人大常委会副主任', '市人大常委会副主任', '市政协主席', '市政协副主席',
              '市政协副主席', '市政协副主席', '市政协副主席']
DEPARTMENTS = ['市发改局', '市经信局', '市商务局', '市科技局', '市住建局', '市农业农村局', '市教育局', '市卫健局',
               '市交通运输局', '市文广旅体局']
TOWN_POSTS = [t + p for t in TOWNS for p in (['党工委书记', '办事处主任'] if t.endswith('街道') else ['党委书记', '镇长'])]
POSTS = CITY_POSTS + TOWN_POSTS + [d + '局长' for d in DEPARTMENTS]  # from the highest office down
REGIONS = ['浙江', '平湖', '嘉兴', '上海', '江苏', '']
TRADE = list('钛迩赛安佐杰上科廷锋源华海恒鑫瑞嘉宏达金隆泰和新元通宇博远晶朗盛诚信丰益景卓帆凯德')
INDUSTRY = ['新材料', '科技', '化学', '药业', '能源', '电子', '机械', '纺织', '服饰', '汽车零部件', '智能装备',
            '光电', '食品', '包装', '精密']
SUFFIX = ['有限公司', '有限公司', '有限公司', '股份有限公司', '集团有限公司', '有限责任公司']
VILLAGE_CHARS = list('山塘石龙金桥新华红星东湖西河南庄北港联丰永胜兴民福安乐和平溪泾浜')
ABROAD = ['德国', '瑞士', '日本', '韩国', '新加坡', '法国', '意大利', '荷兰']
CITIES = ['上海', '杭州', '苏州', '宁波', '深圳', '北京']
VERBS = ['来到', '走进', '走访', '调研', '考察']
TOPICS = ['创新攻坚', '共同富裕', '营商环境', '人才引育', '安全生产', '乡村振兴', '数字经济', '项目建设',
          '招商引资', '清廉建设', '文明城市创建', '生态环境保护', '防汛防台', '双拥工作', '民生实事']
MEETINGS = ['全市经济工作会议', '市委常委会会议', '市政府常务会议', '全市三级干部大会', '半年度经济形势分析会',
            '市委理论学习中心组专题学习会', '全市安全生产工作会议', '全市组织工作会议', '重大项目推进会',
            '市人大常委会会议', '市政协常委会议']
# clauses in the paper's own manner, composed for the generator
CLAUSES = [
    '要坚持稳中求进工作总基调', '全面推进高质量发展', '以更实的举措、更新的作为抓好各项工作',
    '切实增强责任感和紧迫感', '聚焦短板弱项、深入分析研判', '压实责任、务实举措', '紧扣主题主线抓好落实',
    '持续擦亮平湖外贸“金名片”', '全力破解要素制约', '进一步稳主体、稳增长', '以企业的“稳”和“进”保障大局的“稳”和“进”',
    '要树立战略眼光', '快马加鞭、真抓实干、奋勇争先', '努力为平湖跨越赶超构建新引擎、注入强动力',
    '要聚焦投资，狠抓招商引资、项目推进、项目谋划等重点工作', '积极挖掘潜力、增强发展后劲',
    '千方百计稳住外贸基本盘', '防范化解风险、筑牢安全堤坝', '为经济稳进提质构筑社会稳定大局',
    '要履行好主体责任', '以思想自觉引领行动自觉', '推动形成同题共答、一体落实的良好局面',
    '坚持问题导向、效果导向', '找准关键岗位的风险点', '不断补齐短板，堵塞监管漏洞',
    '让老百姓感受到实实在在的变化', '紧盯群众切身利益的事情', '不断提高服务业发展水平',
    '强化政策推动，激活市场需求', '加快政策兑现、跟进部门服务', '营造干事创业的浓厚氛围',
    '全市上下要找准主攻方向', '确保各项目标任务取得实效', '形成众人划桨开大船的生动局面',
    '以优异成绩交出高分报表', '推动各项工作走深走实', '着力提升群众获得感、幸福感、安全感',
    '加快建设现代化产业体系', '大力培育专精特新企业', '持续优化营商环境',
]
FACTS = [
    '今年以来，全市规上工业增加值同比增长{n}%', '项目总投资{n}亿元，建成后预计年产值{m}亿元',
    '目前已有{n}家企业入驻', '全年共完成有效投资{n}亿元', '累计帮扶困难群众{n}户',
    '新建农村道路{n}公里', '已累计吸引{n}名高层次人才落户', '今年计划实施民生实事项目{n}个',
]
# headlines as the paper sets them: phrases apart by spaces, no commas or enumeration marks
HEADS = ['坚定信心携手奋斗', '奋力打造共同富裕示范', '以更实举措推动高质量发展', '推动清廉建设走深走实',
         '全力以赴稳经济促发展', '奋进新征程建功新时代', '跑出项目建设加速度', '凝聚攻坚奋进力量',
         '持续优化营商环境', '争当跨越赶超排头兵']
WEATHER = ['多云', '晴', '阴有小雨', '小到中雨', '多云转晴', '阴']


def make_name(rng, used):
    while True:
        s = rng.choice(SURNAMES)
        n = s + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.75 else '')
        if n not in used:
            used.add(n)
            return n


def make_firm(rng, used):
    while True:
        trade = ''.join(rng.sample(TRADE, rng.choice([2, 2, 3])))
        industry = rng.choice(INDUSTRY)
        full = rng.choice(REGIONS) + trade + industry + rng.choice(SUFFIX)
        if full not in used:
            used.add(full)
            short = trade if len(trade) == 3 or rng.random() < 0.5 else trade + industry
            return full, short


def village(rng):
    return ''.join(rng.sample(VILLAGE_CHARS, 2)) + '村'


class World:
    """Who holds which office, and which firms exist, on the paper's current day."""

    def __init__(self, rng):
        self.rng = rng
        self.names, self.firm_names = set(), set()
        self.holder = {p: make_name(rng, self.names) for p in POSTS}
        self.firms = [make_firm(rng, self.firm_names) for _ in range(300)]
        self.villages = {t: [village(rng) for _ in range(8)] for t in TOWNS}
        self.reporters = [make_name(rng, self.names) for _ in range(30)]
        self.correspondents = [make_name(rng, self.names) for _ in range(60)]

    def next_day(self):
        rng = self.rng
        for i, p in enumerate(POSTS):
            if rng.random() < 1 / (4 * 365):  # about four years in office
                lower = POSTS[i + 1:]  # POSTS run from the highest office down
                if lower and rng.random() < 0.3:  # a promotion: the office left is filled anew
                    q = rng.choice(lower)
                    self.holder[p], self.holder[q] = self.holder[q], make_name(rng, self.names)
                else:
                    self.holder[p] = make_name(rng, self.names)
        if rng.random() < 1 / 30:  # the departments' correspondents come and go
            self.correspondents[rng.randrange(len(self.correspondents))] = make_name(rng, self.names)
        for _ in range(rng.randint(0, 3)):  # firms founded or first reported
            self.firms.append(make_firm(rng, self.firm_names))

    def firm(self):
        rng = self.rng
        if rng.random() < 0.4:  # a newer firm
            return self.firms[-1 - int(rng.random() * min(400, len(self.firms)))]
        return self.firms[int(len(self.firms) * rng.random() ** 2)]  # the established ones more often

    def leaders(self, k):
        return self.rng.sample(CITY_POSTS, k)


def clauses(rng, k):
    out = []
    for _ in range(k):
        c = rng.choice(CLAUSES)
        if rng.random() < 0.2:
            c = rng.choice(FACTS).format(n=rng.randint(2, 98), m=rng.randint(10, 300))
        out.append(c)
    return '，'.join(out) + '。'


def when(rng, day):
    r = rng.random()
    if r < 0.5:
        return '昨天' + rng.choice(['上午', '下午'])
    if r < 0.8:
        d = day - datetime.timedelta(days=rng.randint(1, 5))
        return f'{d.month}月{d.day}日' + rng.choice(['上午', '下午', ''])
    return rng.choice(['近日', '日前'])


def byline(rng, w):
    s = '■记者 ' + ' '.join(rng.sample(w.reporters, rng.randint(1, 2)))
    if rng.random() < 0.5:
        s += ' 通讯员 ' + rng.choice(w.correspondents)
    return s


def leaders_list(rng, w, posts):
    names = [w.holder[p] for p in posts]
    if rng.random() < 0.8:
        return '市领导' + '、'.join(names) + rng.choice(['等出席', '等参加', '出席'])
    return '、'.join(names) + '等市四套班子领导出席'


def meeting(rng, w, day):
    name = rng.choice(MEETINGS)
    lead, chair = rng.sample(['市委书记', '市委副书记、市长'], 2)
    boss = w.holder[lead]
    title = f'{boss}在{name}上强调 {rng.choice(HEADS)}'
    paras = [f'本报讯 {when(rng, day)}，{name}召开。{lead}{boss}出席会议并讲话，{chair}{w.holder[chair]}主持会议。'
             f'{leaders_list(rng, w, w.leaders(rng.randint(3, 7)))}。']
    for _ in range(rng.randint(3, 7)):
        paras.append(f'{boss}{rng.choice(["强调", "指出", "要求", "表示"])}，{clauses(rng, rng.randint(4, 12))}')
    if rng.random() < 0.5:
        t = rng.choice(TOWNS)
        paras.append(f'会上，{t}、{rng.choice(ZONES)}作交流发言，{w.holder[rng.choice(TOWN_POSTS)]}等作表态发言。')
    return title, paras


def visit(rng, w, day):
    post = rng.choice(CITY_POSTS)
    who, topic = w.holder[post], rng.choice(TOPICS)
    other = rng.choice([p for p in CITY_POSTS if p != post])
    title = f'{who}调研{topic}工作'
    paras = [f'本报讯 {when(rng, day)}，{post}{who}带队走访{topic}重点企业，{other}{w.holder[other]}参加。']
    for _ in range(rng.randint(1, 3)):
        full, short = w.firm()
        paras.append(f'{who}{rng.choice(VERBS)}位于{rng.choice(ZONES)}的{full}，详细了解企业生产经营、技术研发和市场拓展等情况。'
                     f'{short}是一家专精特新中小企业，近年来在{rng.choice(TOWNS)}扩建生产线。{clauses(rng, 2)}')
    paras.append(f'{who}指出，{clauses(rng, rng.randint(4, 10))}')
    paras.append(clauses(rng, rng.randint(4, 10)))
    return title, paras


def ceremony(rng, w, day):
    (f1, s1), (f2, s2) = w.firm(), w.firm()
    zone = rng.choice(ZONES)
    kind = rng.choice(['签约仪式', '开工仪式', '奠基仪式', '投产仪式'])
    title = f'{s1}项目{kind}举行'
    paras = [f'本报讯 {when(rng, day)}，{f1}年产{rng.randint(2, 50)}万吨新材料项目{kind}在{zone}举行。'
             f'{leaders_list(rng, w, w.leaders(rng.randint(2, 4)))}{kind}。',
             f'{clauses(rng, 1)[:-1]}，{s1}项目总投资{rng.randint(2, 90)}亿元。{f2}相关负责人参加。'
             f'据悉，{s2}与{s1}将在{zone}开展合作。{clauses(rng, rng.randint(3, 8))}',
             clauses(rng, rng.randint(4, 10))]
    return title, paras


def town_report(rng, w, day):
    t = rng.choice(TOWNS)
    sec = t + ('党工委书记' if t.endswith('街道') else '党委书记')
    v1, v2 = rng.sample(w.villages[t], 2)
    title = f'{t}{rng.choice(TOPICS)}见实效'
    paras = [f'本报讯 {when(rng, day)}，{t}{v1}的文化礼堂里热闹非凡，{clauses(rng, 2)}',
             f'{sec}{w.holder[sec]}介绍，{clauses(rng, rng.randint(4, 10))}{v2}{clauses(rng, 3)}',
             clauses(rng, rng.randint(4, 12))]
    if rng.random() < 0.4:
        full, short = w.firm()
        paras.append(f'在{full}，{clauses(rng, 2)}{short}{clauses(rng, 1)}')
    if rng.random() < 0.4:
        p = rng.choice(CITY_POSTS)
        paras.append(f'{p}{w.holder[p]}来到{v2}，{clauses(rng, 2)}')
    return title, paras


def brief(rng, w, day):
    d = rng.choice(DEPARTMENTS) + '局长'
    title = f'{rng.choice(TOPICS)}工作推进会召开'
    return title, [f'本报讯 {when(rng, day)}，{d[:-2]}召开{rng.choice(TOPICS)}工作推进会，{d}{w.holder[d]}'
                   f'{rng.choice(["主持", "出席", "参加"])}会议。{clauses(rng, rng.randint(3, 8))}']


def trip(rng, w, day):
    boss = w.holder['市委书记']
    a, b = rng.sample(ABROAD, 2)
    full, short = w.firm()
    title = f'{boss}带队赴{a}招商推介 {rng.choice(HEADS)}'
    return title, [f'本报讯 {when(rng, day)}，市委书记{boss}带队赴{a}、{b}招商推介，其间，签下了超亿美元项目——'
                   f'{a}{short}{rng.choice(["独山港", "乍浦", "平湖"])}项目。{clauses(rng, 3)}',
                   f'在{rng.choice(CITIES)}，代表团拜访了{full}，{clauses(rng, 3)}', clauses(rng, rng.randint(4, 10))]


KINDS = [(meeting, 25), (visit, 25), (ceremony, 10), (town_report, 20), (brief, 15), (trip, 5)]


def wrap(text, rng):
    out, line, width = [], '', rng.randint(14, 26)
    for ch in text:
        line += ch
        if len(line) >= width:
            out.append(line)
            line, width = '', rng.randint(14, 26)
    if line:
        out.append(line)
    return '\n'.join(out)


def page(rng, w, day):
    parts = []
    narrow = rng.random() < 0.5  # the e-paper's narrow columns: the body's lines wrap, not the headlines
    for _ in range(rng.randint(6, 10)):
        kind = rng.choices([k for k, _ in KINDS], [n for _, n in KINDS])[0]
        title, paras = kind(rng, w, day)
        if narrow:
            paras = [wrap(p, rng) for p in paras]
        parts.append(title + '\n\n' + byline(rng, w) + '\n\n' + '\n\n'.join(paras))
    if rng.random() < 0.5:
        parts.append(f'广告\n{w.firm()[0]}诚聘 电话：0573-8{rng.randint(1000000, 9999999)}')
    if rng.random() < 0.3:
        parts.append(f'今天{rng.choice(WEATHER)}，{rng.randint(-2, 30)}℃~{rng.randint(5, 38)}℃')
    if rng.random() < 0.3:
        parts.append(f'图为{rng.choice(TOWNS)}{rng.choice(w.villages[rng.choice(TOWNS)])}一景。■记者 {rng.choice(w.reporters)} 摄')
    return '\n\n'.join(parts) + '\n'


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--mb', type=float, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=20240221)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    target = int(a.mb * 1024 * 1024)
    w = World(rng)
    day = datetime.date(2000, 1, 1)
    written, n = 0, 0
    with open(os.path.join(a.out, 'MANIFEST.tsv'), 'w', encoding='utf-8') as man:
        while written < target:
            data = page(rng, w, day).encode('utf-8')
            fn = f'page-{n:06d}.txt'
            with open(os.path.join(a.out, fn), 'wb') as f:
                f.write(data)
            man.write(f'{fn}\t{day.isoformat()}\n')
            written += len(data)
            n += 1
            if n % 8 == 0:  # eight pages a day
                day += datetime.timedelta(days=1)
                w.next_day()


if __name__ == '__main__':
    main()
