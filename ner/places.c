/* places.c — divisions from the GB/T 2260 gazetteer, countries and regions, zones and villages by suffix. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Is the character before p a boundary (non-Han, or a word that comes before names)? */
static bool open_before(const gx_lexicon *lex, const char *s, size_t p)
{
    if (p == 0)
        return true;
    size_t q = gx_utf8_prev(s, p);
    if (!gx_cp_is_han(gx_utf8_at(s + q, NULL)))
        return true;
    char rev[16];
    size_t n = 0, e = p;
    for (int k = 0; k < 2 && e > 0; k++) {
        size_t b = gx_utf8_prev(s, e);
        memcpy(rev + n, s + b, e - b);
        n += e - b;
        e = b;
    }
    return gx_trie_longest(&lex->cbound_rev, rev, n, NULL) > 0;
}

static const char *const LEVEL_NAMES[] = {"province", "prefecture", "county", "town", "country",
                                          "region", "zone", "village", "city"};

static void add_place(gx_extraction *x, size_t b, size_t e, const char *name, const char *code,
                      const char *parent, place_level level)
{
    gx_mention *m = gx_x_add(x, GX_ENT_PLACE, b, e, name, strlen(name), LEVEL_NAMES[level], 0);
    gx_x_set(&m->code, code);
    gx_x_set(&m->parent, parent);
}

/* Does the text before p end with a town's or street's suffix (曹桥街道|石龙村)? */
static bool after_town(const char *s, size_t p)
{
    return gx_ends_at(s, p, "街道") || gx_ends_at(s, p, "镇") || gx_ends_at(s, p, "乡");
}

/* Start of the name of a zone or village whose suffix begins at i: back to a boundary, at most
 * max characters (a village: exactly two), through a bracketed place in a zone's name
 * (长三角(平湖)汽车电子产业园); i if there is none. */
static size_t suffixed_start(const gx_lexicon *lex, const char *s, size_t i, size_t len, bool village)
{
    size_t b = i, max = village ? 2 : 10, chars = 0;
    for (;;) {
        while (b > 0 && chars < max && !open_before(lex, s, b)) {
            b = gx_utf8_prev(s, b);
            chars++;
        }
        if (village || chars == 0 || chars >= max || b < 2 || s[b - 1] != ')')
            break;
        size_t r = b - 1, k = 0;
        while (r > 0 && k < 6 && s[r] != '(') {
            r = gx_utf8_prev(s, r);
            k++;
        }
        if (s[r] != '(' || k < 3 || r == 0 || !gx_is_han_at(s, gx_utf8_prev(s, r), len))
            break;
        b = r;
        chars += k + 1;
        max += k + 1;
    }
    if (village)
        return chars == 2 && (open_before(lex, s, b) || after_town(s, b)) ? b : i;
    return chars >= 2 ? b : i;
}

/* Does the village suffix at i..e begin a word instead (清廉村居, 进村社区: villages in general;
 * 实行村民代表, 调整村干部, 改善村容, 附近村庄)? */
static bool word_after_village(const char *s, size_t i, size_t e, size_t len)
{
    if (e >= len)
        return false;
    return gx_char_in("居社", s, e) ||
           (e - i == 3 && memcmp(s + i, "村", 3) == 0 && gx_char_in("民委干务容庄级办落官医管", s, e));
}

/* Zones (…经济开发区) and villages (石龙村): the words before the suffix name them.  A zone's
 * name of more than four characters starts with a place (长三角(平湖)汽车电子产业园), so that a
 * clause is not read as one (专家们还指出当前制约高新区). */
static void suffixed(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_to(x, i, len, SB_PLACE_SFX);
        if (i >= len)
            break;
        int32_t level;
        bool han = gx_starts_han(gx_starts_of(x, i)) || gx_is_han_at(s, i, len);
        size_t n = han ? gx_trie_longest(&lex->place_sfx, s + i, len - i, &level) : 0;
        if (!n) {
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        size_t e = i + n;
        bool village = level == PL_VILLAGE;
        size_t b = suffixed_start(lex, s, i, len, village);
        bool ok = b < i && !gx_trie_longest(&lex->not_lead, s + b, i - b, NULL) &&
                  !(village && word_after_village(s, i, e, len)) &&
                  (village || gx_utf8_count(s + b, i - b) <= 4 || gx_trie_longest(&lex->places, s + b, i - b, NULL));
        if (ok && !gx_x_covered(x, b, e, ~0u)) {
            char *name = gx_xstrndup(s + b, e - b);
            add_place(x, b, e, name, "", "", (place_level)level);
            free(name);
        }
        i = e;
    }
}

/* Does a word for a whole service follow an organisation's suffix (常州市公安机关, 山东省教育系统)?
 * Then the suffix names no one organisation. */
static bool generic_after(const char *s, size_t e, size_t len)
{
    static const char *const W[] = {"机关", "系统", "战线", "干警", "民警", "队伍", "工作", NULL};
    for (int k = 0; W[k]; k++)
        if (gx_at(s, e, len, W[k]))
            return true;
    return false;
}

/* 中国队, 北京大学, 中国计算机函授学院: an organisation's suffix within a few characters after the
 * place (with no break between) makes the place part of the organisation's name — unless another
 * place or division comes first (北京市怀柔县民政局: 北京市 is where the bureau's county is), the place is named
 * as a region (台湾地区有关法院), or the suffix begins a title or a generic word (财政部长, 卫生部门).
 * Right after a division, 委 is its party committee (陕西省委). */
static bool in_organisation(const gx_lexicon *lex, const char *s, size_t e, size_t len)
{
    enum { WITHIN = 5 };
    static const char BREAKS[] = "的和与在是对从向为将把被、及或等到";
    static const char DIVISION_ENDS[] = "省市州县区";
    if (gx_at(s, e, len, "地区"))
        return false;
    if (gx_at(s, e, len, "委") && gx_char_in(DIVISION_ENDS, s, gx_utf8_prev(s, e))) /* 陕西省委 */
        return true;
    if (gx_at(s, e, len, "军") && !gx_at(s, e, len, "军方")) /* an army is an organisation: 中国军队, 俄军 (as 中国人民解放军) */
        return true;
    for (int k = 0; k <= WITHIN && gx_is_han_at(s, e, len); k++) {
        int32_t unused;
        if (k > 0 && gx_char_in(DIVISION_ENDS, s, e)) /* 栾城县委: the organisation is that division's */
            return false;
        size_t n = gx_trie_longest(&lex->place_org, s + e, len - e, NULL);
        if (n)
            return !gx_char_in("长门", s, e + n) && !generic_after(s, e + n, len);
        if (gx_char_in(BREAKS, s, e) || gx_trie_longest(&lex->places, s + e, len - e, &unused))
            return false;
        e += gx_utf8_len((unsigned char)s[e]);
    }
    return false;
}

/* Does a transliterated name end at i (its last character before i, and no boundary there)? */
static bool ends_translit(const gx_lexicon *lex, const char *s, size_t i)
{
    return i > 0 && !open_before(lex, s, i) && gx_translit_char(lex, gx_utf8_at(s + gx_utf8_prev(s, i), NULL));
}

/* One-character country forms: a run before a word of relations (中美关系, 中日韩合作), a list
 * (中、美、日、英等), one before 方 (中方, 美方), or one after a verb of travel (访华, 抵京, 赴美),
 * each character standing for its country.  Returns the bytes read (0 if none). */
static size_t country_forms(const gx_lexicon *lex, const char *s, size_t i, size_t len, gx_extraction *x)
{
    int32_t ids[8];
    size_t at[8], k = 0, e = i, element = 0; /* forms in the list's current element */
    bool listed = false, long_element = false; /* forms separated by 、; an element of three or more */
    while (k < 8 && gx_is_han_at(s, e, len)) {
        size_t n = gx_trie_longest(&lex->abbrev, s + e, len - e, &ids[k]);
        /* 美中|科技合作: the word after the pair may begin with a form (科 for Kuwait) */
        if (!n || (k >= 2 && gx_trie_longest(&lex->pair_follow, s + e, len - e, NULL)))
            break;
        long_element |= ++element >= 3;
        at[k++] = e;
        e += n;
        if (gx_at(s, e, len, "、") && gx_trie_longest(&lex->abbrev, s + e + 3, len - e - 3, NULL)) {
            e += 3;
            listed = true;
            element = 0;
        }
    }
    /* no form ends a transliterated name (孔帕尼、西蒙斯, 乌迪内斯、罗马): checked below, once
     * the forms read would be taken, as the rules that take none are cheaper */
    bool read_forms = k > 0;
    int32_t lead_kind = 0, unused;
    size_t lead = k == 0 ? gx_trie_longest(&lex->abbrev_lead, s + i, len - i, &lead_kind) : 0;
    size_t one = lead ? gx_trie_longest(&lex->abbrev, s + i + lead, len - i - lead, &ids[0]) : 0;
    if (one && (ids[0] & ABBR_TRAVEL) && (lead_kind == LEAD_TRAVEL || (ids[0] & ABBR_AT)) &&
        !gx_trie_longest(&lex->places, s + i + lead, len - i - lead, &unused) &&
        !gx_trie_longest(&lex->not_place, s + i + lead, len - i - lead, NULL) && /* 在京剧院, 对华侨 */
        !gx_at(s, i + lead + one, len, "、")) { /* 远离欧、美等: a list, read from 欧 */
        at[0] = i + lead;
        k = 1;
        e = at[0] + gx_utf8_len((unsigned char)s[at[0]]);
    } else {
        bool pair = k >= 2 && (gx_trie_longest(&lex->pair_follow, s + e, len - e, NULL) ||
                               (k == 2 && !listed && open_before(lex, s, i) &&
                                gx_trie_get(&lex->pair_word, s + i, e - i) >= 0));
        bool list = !long_element && ((k >= 3 && listed) || (k >= 2 && listed && gx_at(s, e, len, "等")));
        bool side = k == 1 && gx_at(s, e, len, "方") && ((ids[0] & ABBR_TRAVEL) || gx_at(s, i, len, "中")) &&
                    !gx_trie_longest(&lex->places, s + i, len - i, &unused); /* not 西方 */
        if (!pair && !list && !side) {
            /* 俄 alone (俄金融市场, 俄外长), not in an organisation's name (俄国防部) and without
             * the characters after it (俄新社 names no Singapore) */
            size_t one_end = i + gx_utf8_len((unsigned char)s[i]);
            if (k == 0 || !(ids[0] & ABBR_ALONE) || ends_translit(lex, s, i) || in_organisation(lex, s, one_end, len))
                return 0;
            read_forms = false; /* checked */
            k = 1;
            e = one_end;
        }
    }
    if ((read_forms && ends_translit(lex, s, i)) || gx_x_covered(x, i, e, ~0u))
        return 0;
    for (size_t j = 0; j < k; j++) {
        const place *c = &lex->place[ids[j] >> ABBR_SHIFT];
        add_place(x, at[j], at[j] + gx_utf8_len((unsigned char)s[at[j]]), c->name, c->code, c->parent, c->level);
    }
    return e - i;
}

/* A city's name whose 市 begins a word (北京市民, 北京市场, 重庆市郊 — not 平湖市民政局): the place
 * is the name without 市 when the gazetteer knows it.  Returns the place's length; *id follows. */
static size_t city_word_after(const gx_lexicon *lex, const char *s, size_t i, size_t n, size_t len, int32_t *id)
{
    size_t e = i + n, shi = strlen("市");
    if (n <= shi || !gx_ends_at(s, e, "市") ||
        !(gx_at(s, e, len, "场") || gx_at(s, e, len, "郊") ||
          (gx_at(s, e, len, "民") && !gx_at(s, e, len, "民政") && !gx_at(s, e, len, "民族"))))
        return n;
    int32_t k = gx_trie_get(&lex->places, s + i, n - shi);
    if (k < 0)
        return n;
    *id = k;
    return n - shi;
}

/* A foreign division named by a transliteration and a division's suffix (得克萨斯州, 贝伦市,
 * 特罗波亚区): two to eight transliteration characters read from the first (the character before
 * is none, or a known place ends there: at_place, 巴西|罗赖马州), after a boundary, a known place or
 * a division's or country's name (美国|夏威夷州, 萨斯喀彻温省|里贾纳市) — so not from inside a longer
 * name (佛罗里达, 新泽西, 阿夸·伊博姆州) — the suffix not beginning another word (市场, 市长, 州立).
 * The caller has found no known place at i.  Returns its end, or i. */
static size_t foreign_division(const gx_lexicon *lex, const char *s, size_t i, size_t len, bool at_place,
                               place_level *level)
{
    if (!gx_translit_char(lex, gx_utf8_at(s + i, NULL)))
        return i;
    size_t q = i > 0 ? gx_utf8_prev(s, i) : 0;
    if (i > 0 && !at_place && gx_translit_char(lex, gx_utf8_at(s + q, NULL)))
        return i;
    size_t e = i, chars = 0;
    while (e < len && chars <= 8) {
        size_t n;
        if (!gx_translit_char(lex, gx_utf8_at(s + e, &n)))
            break;
        e += n;
        chars++;
    }
    if (chars < 2 || chars > 8 || !gx_char_in("市州省区县", s, e) || gx_utf8_at(s + gx_utf8_prev(s, e), NULL) == 0x00B7)
        return i;
    size_t se = e + gx_utf8_len((unsigned char)s[e]);
    if (se < len && gx_char_in("场民长委政府立域别份城", s, se))
        return i;
    if (i > 0 && !at_place && !open_before(lex, s, i) && !gx_char_in("省市州县区国", s, q))
        return i;
    *level = gx_at(s, e, len, "市") ? PL_CITY : PL_REGION;
    return se;
}

void gx_ner_places(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    suffixed(lex, a, x);
    size_t place_end = 0; /* where the last known place's name ended */
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_to(x, i, len, SB_NOT_PLACE | SB_PLACES | SB_TRANSLIT | SB_ABBREV | SB_ABBREV_LEAD);
        if (i >= len)
            break;
        int32_t id;
        uint32_t here = gx_starts_of(x, i); /* which of the scan's words may start here */
        bool han = gx_starts_han(here) || gx_is_han_at(s, i, len);
        size_t skip = han && (here & SB_NOT_PLACE) ? gx_trie_longest(&lex->not_place, s + i, len - i, NULL) : 0;
        if (skip) {
            i += skip;
            continue;
        }
        size_t n = han && (here & SB_PLACES) ? gx_trie_longest_paired(&lex->places, s + i, len - i, &id) : 0;
        place_level fl;
        size_t fe = !n && han && (here & SB_TRANSLIT) ? foreign_division(lex, s, i, len, i == place_end, &fl) : i;
        if (fe > i && !gx_x_covered(x, i, fe, ~0u) && !in_organisation(lex, s, fe, len)) {
            char *name = gx_xstrndup(s + i, fe - i);
            add_place(x, i, fe, name, "", "", fl);
            free(name);
            i = fe;
            continue;
        }
        if (!n) {
            size_t pair = han && (here & (SB_ABBREV | SB_ABBREV_LEAD)) ? country_forms(lex, s, i, len, x) : 0;
            i += pair ? pair : gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        n = city_word_after(lex, s, i, n, len, &id);
        place_end = i + n;
        const place *p = gx_place_best(lex, id);
        if (gx_x_covered(x, i, i + n, ~0u) || in_organisation(lex, s, i + n, len)) {
            i += n;
            continue;
        }
        add_place(x, i, i + n, p->name, p->code, p->parent, p->level);
        i += n;
    }
}
