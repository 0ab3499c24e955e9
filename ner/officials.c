/* officials.c — persons named with an office: title chains, group lists, bare names (later.c finds
 * their short forms).
 *
 * Anchors are title words from data/titles.tsv.  A name after an office word
 * is a surname (data/surnames.tsv) plus one or two characters, ending where a
 * separator or a word that follows names (data/name_follow.tsv) begins.  The
 * organisation before an office word (市委, 市人大常委会, 市征兵工作领导小组) is read
 * back to the previous separator, and titles joined by 、 form one chain. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Characters never inside a given name in news text. */
static bool never_in_name(uint32_t cp)
{
    static const uint32_t C[] = {0x7684 /* 的 */, 0x4E86 /* 了 */, 0x5728 /* 在 */, 0x662F /* 是 */,
                                 0x548C /* 和 */, 0x4E0E /* 与 */, 0x53CA /* 及 */, 0x7B49 /* 等 */,
                                 0x5E02 /* 市 */, 0x53BF /* 县 */, 0x59D4 /* 委 */,
                                 0x884C /* 行 */};
    for (size_t i = 0; i < sizeof C / sizeof C[0]; i++)
        if (C[i] == cp)
            return true;
    return false;
}

static bool is_sep(const char *s, size_t i, size_t len)
{
    if (i >= len)
        return true;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80)
        return true; /* punctuation, digits, newline, Latin: all end a name */
    return !gx_is_han_at(s, i, len);
}

/* How clearly a name ends at j: 3 at a separator, 2 before a title or a
 * follow word of two or more characters (来到, 主持), 1 before a one-character
 * follow word (在, 对, 等) or before another name that ends at a separator
 * (记者李蕾张羽飞), 0 if nothing ends it there. */
static int name_end_score(const gx_lexicon *lex, const char *s, size_t j, size_t len)
{
    if (is_sep(s, j, len))
        return 3;
    if (gx_trie_longest(&lex->titles, s + j, len - j, NULL))
        return 2; /* a title: 记者朱楠实习生李泽玲, 市长周军波副市长… */
    size_t n = gx_trie_longest(&lex->follow, s + j, len - j, NULL);
    if (n)
        return gx_utf8_count(s + j, n) >= 2 ? 2 : 1;
    /* a byline's dateline: 记者龙跃北京报道 */
    int32_t kind;
    size_t pl = gx_trie_longest(&lex->places, s + j, len - j, NULL);
    if (pl && (gx_at(s, j + pl, len, "报道") || gx_at(s, j + pl, len, "电")))
        return 2;
    size_t sl = gx_trie_longest(&lex->surnames, s + j, len - j, &kind);
    if (sl && kind == SN_STRONG) {
        for (size_t given = 1, e = j + sl; given <= 2 && gx_is_han_at(s, e, len); given++) {
            e += gx_utf8_len((unsigned char)s[e]);
            if (is_sep(s, e, len))
                return 1;
        }
    }
    return 0;
}

/* Is [i, e) with given part from g an ordinary word (包括, 阴影; 和|各位)? */
static bool stop_word(const gx_lexicon *lex, const char *s, size_t i, size_t g, size_t e)
{
    int32_t k = gx_trie_get(&lex->name_stop, s + i, e - i);
    if (k >= 0)
        return true;
    return gx_trie_get(&lex->name_stop, s + g, e - g) == 1;
}

/* May [i, e), given part from g, be a name though nothing ends it?  Not when its first two
 * characters are an ordinary word (来到世…, 通过调…) or its given part begins with a place
 * (记者从北京…, 专家谈武汉…). */
static bool plausible_unended(const gx_lexicon *lex, const char *s, size_t i, size_t g, size_t e)
{
    size_t two = g + gx_utf8_len((unsigned char)s[g]);
    if (gx_trie_get(&lex->name_stop, s + i, two - i) >= 0)
        return false;
    size_t pl = gx_trie_longest(&lex->places, s + g, e - g, NULL);
    return pl == 0 || gx_utf8_count(s + g, pl) < 2;
}

/* A name starting at i; returns its end or 0.  Of the one- and two-character
 * given names, the one that ends more clearly wins (戴振|来到 over 戴振来|到), the
 * longer on a tie (周军波|在) — but not when the longer ends only at
 * punctuation and the shorter before a one-character follow word (林森|以《海》).  `weak_ok` lets
 * weak surnames (同, 和 …) start a name, as they may in a list or right after a
 * title; a weak surname starts only a three-character name. */
static size_t name_at_(const gx_lexicon *lex, const char *s, size_t i, size_t len, bool weak_ok,
                       bool after_title)
{
    int32_t kind;
    size_t sl = gx_trie_longest(&lex->surnames, s + i, len - i, &kind);
    if (!sl || (kind == SN_WEAK && !weak_ok))
        return 0;
    /* 王先生, 李女士: a form of address; 向记者: a title, not a given name */
    static const char *const ADDRESS[] = {"先生", "女士", "同志", "老师", "师傅", "小姐", NULL};
    for (int k = 0; ADDRESS[k]; k++)
        if (gx_at(s, i + sl, len, ADDRESS[k]))
            return 0;
    if (gx_trie_longest(&lex->titles, s + i + sl, len - i - sl, NULL))
        return 0;
    size_t end[3] = {0, 0, 0};
    int score[3] = {0, 0, 0};
    for (size_t given = 1; given <= 2; given++) {
        size_t e = i + sl, k;
        for (k = 0; k < given; k++) {
            if (!gx_is_han_at(s, e, len) || never_in_name(gx_utf8_at(s + e, NULL)))
                break;
            e += gx_utf8_len((unsigned char)s[e]);
        }
        if (k == given && !(kind == SN_WEAK && given < 2) && !stop_word(lex, s, i, i + sl, e)) {
            end[given] = e;
            score[given] = name_end_score(lex, s, e, len);
        }
    }
    /* Nothing ends the name clearly (局长吴晓国免职, 部长陈德铭办公桌): after a title, take the
     * commoner three-character form. */
    if (after_title && kind == SN_STRONG && score[1] == 0 && score[2] == 0 && end[1] && end[2] &&
        plausible_unended(lex, s, i, i + sl, end[2]))
        return end[2];
    /* 林森以《海》: the longer ends only because a one-character follow word
     * stands before punctuation; the shorter is the name. */
    if (score[1] == 1 && score[2] == 3)
        return end[1];
    if (score[2] >= score[1] && score[2] > 0)
        return end[2];
    return score[1] > 0 ? end[1] : 0;
}

static size_t name_at(const gx_lexicon *lex, const char *s, size_t i, size_t len, bool weak_ok)
{
    return name_at_(lex, s, i, len, weak_ok, false);
}

/* A name right after a title word: the title vouches for it, so a name that nothing
 * ends clearly is still read (as three characters). */
static size_t titled_name_at(const gx_lexicon *lex, const char *s, size_t i, size_t len, bool weak_ok)
{
    return name_at_(lex, s, i, len, weak_ok, true);
}

/* The three bytes of a character as one number, to compare a character at a time. */
static inline uint32_t char_key(const char *c)
{
    const unsigned char *u = (const unsigned char *)c;
    return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
}

/* Words that stop the backward scan for an office's organisation: 由 在 和 与 及 对 向 是 为 请 等
 * 的 了 并 将 任 兼 原, and 陪同 听取 会见 看望 以及 担任 (以及 and 担任 end with one of the first).
 * The scan asks at every character it passes, so the words are told apart by their last character
 * first (a word list compared word by word took 2 % of extraction). */
static bool org_stop_before(const char *s, size_t e)
{
    static const char ONE[] = "由在和与及对向是为请等的了并将任兼原";
    static const char *const TWO[] = {"陪同", "听取", "会见", "看望"};
    if (e < 3)
        return false;
    uint32_t last = char_key(s + e - 3);
    for (size_t k = 0; k + 3 <= sizeof ONE - 1; k += 3)
        if (char_key(ONE + k) == last)
            return true;
    for (size_t k = 0; k < sizeof TWO / sizeof *TWO; k++)
        if (e >= 6 && char_key(TWO[k] + 3) == last && char_key(TWO[k]) == char_key(s + e - 6))
            return true;
    return false;
}

/* Start of the organisation before an office word at i (at most 16 characters). */
static size_t org_start(const char *s, size_t i)
{
    size_t p = i, n = 0;
    while (p > 0 && n < 16) {
        size_t q = gx_utf8_prev(s, p);
        if (!gx_cp_is_han(gx_utf8_at(s + q, NULL)) || org_stop_before(s, p))
            break;
        p = q;
        n++;
    }
    return p;
}

/* Does [a, e) end with an office word? */
static bool ends_with_office(const gx_lexicon *lex, const char *s, size_t a, size_t e)
{
    for (size_t p = a; p < e; p += gx_utf8_len((unsigned char)s[p])) {
        int32_t k;
        size_t n = gx_trie_longest(&lex->titles, s + p, e - p, &k);
        if (n && p + n == e && k == TK_OFFICE)
            return true;
    }
    return false;
}

static bool is_list_sep(const char *s, size_t i, size_t len, size_t *n)
{
    if (gx_at(s, i, len, "、")) {
        *n = strlen("、");
        return true;
    }
    if (gx_at(s, i, len, ",")) {
        *n = 1;
        return true;
    }
    return false;
}

/* Titles of the chain ending at office word [i, e): "市委副书记|市长". */
static void chain_titles(const gx_lexicon *lex, const char *s, size_t i, size_t e, gx_buf *out)
{
    size_t start = org_start(s, i);
    gx_strvec parts;
    gx_strvec_init(&parts);
    gx_strvec_pushn(&parts, s + start, e - start);
    while (start >= strlen("、") && gx_ends_at(s, start, "、")) {
        size_t se = start - strlen("、");
        size_t sa = org_start(s, se);
        if (sa == se || !ends_with_office(lex, s, sa, se))
            break;
        gx_strvec_pushn(&parts, s + sa, se - sa);
        start = sa;
    }
    out->len = 0;
    for (size_t k = parts.n; k-- > 0;) {
        if (out->len)
            gx_buf_addc(out, '|');
        gx_buf_adds(out, parts.v[k]);
    }
    if (!out->data)
        gx_buf_reserve(out, 0);
    gx_strvec_destroy(&parts);
}

static bool is_journalist(const gx_article *a, const char *name, size_t n)
{
    for (size_t i = 0; i < a->journalists.n; i++)
        if (strlen(a->journalists.v[i]) == n && memcmp(a->journalists.v[i], name, n) == 0)
            return true;
    return false;
}

static void add_person(const gx_article *a, gx_extraction *x, gx_etype type, size_t b, size_t e,
                       const char *titles, unsigned flags)
{
    if (type == GX_ENT_OFFICIAL && is_journalist(a, a->text + b, e - b))
        type = GX_ENT_JOURNALIST;
    gx_x_add(x, type, b, e, a->text + b, e - b, titles, flags);
}

/* A reporter's name of three characters or more that ends in 摄 ends before it: the photo credit
 * (记者 李文 摄, 记者王芳摄于当湖街道), whose padding spaces normalisation has dropped. */
static size_t before_credit(const char *s, size_t p, size_t e)
{
    return e - p >= 3 * 3 && memcmp(s + e - 3, "摄", 3) == 0 ? e - 3 : e;
}

/* Names after position p separated by 、 or , ; each gets `titles`.  Returns the end. */
static size_t name_list(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t p,
                        gx_etype type, const char *titles, unsigned flags)
{
    const char *s = a->text;
    size_t len = a->len;
    for (bool first = true;; first = false) {
        size_t e = first ? titled_name_at(lex, s, p, len, true) : name_at(lex, s, p, len, true);
        if (!e)
            return p;
        if (type == GX_ENT_JOURNALIST)
            e = before_credit(s, p, e);
        add_person(a, x, type, p, e, titles, flags);
        size_t sl;
        if (!is_list_sep(s, e, len, &sl))
            return e;
        size_t next = e + sl;
        /* a title after the separator starts its own chain */
        int32_t k;
        if (gx_trie_longest(&lex->titles, s + next, len - next, &k))
            return e;
        if (!name_at(lex, s, next, len, true))
            return e;
        p = next;
    }
}

/* Names before a group title: "仲旭东、周军波…、毛捷等市四套班子领导".  Each
 * element runs from a separator to a separator, and the list must end in 等 or
 * hold two names at least (仲旭东代表市四套班子… is no list). */
static void names_before(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t g,
                         const char *titles)
{
    const char *s = a->text;
    size_t e = g;
    bool etc = gx_ends_at(s, e, "等");
    if (etc)
        e -= strlen("等");
    gx_span found[40];
    size_t n = 0;
    while (n < 40) {
        size_t b = e, chars = 0;
        while (b > 0 && chars < 5 && gx_cp_is_han(gx_utf8_at(s + gx_utf8_prev(s, b), NULL))) {
            b = gx_utf8_prev(s, b);
            chars++;
        }
        if (b == e || (b > 0 && gx_cp_is_han(gx_utf8_at(s + gx_utf8_prev(s, b), NULL))) ||
            name_at(lex, s, b, e, true) != e)
            break;
        found[n++] = (gx_span){b, e};
        if (b < strlen("、") || !gx_ends_at(s, b, "、"))
            break;
        e = b - strlen("、");
    }
    if (!etc && n < 2)
        return;
    for (size_t i = n; i-- > 0;)
        add_person(a, x, GX_ENT_OFFICIAL, found[i].start, found[i].end, titles, GX_MF_LIST);
}

/* Does a place's name hold [b, i) in part — one begun before b that runs into it (巴基斯坦 over
 * 斯坦), or the given part after a weak surname (和|印度)? */
static bool place_in_name(const gx_lexicon *lex, const char *s, size_t b, size_t i)
{
    size_t p = b;
    for (int k = 0; k < 4 && p > 0; k++) {
        p = gx_utf8_prev(s, p);
        size_t n = gx_trie_longest(&lex->places, s + p, i - p, NULL);
        if (n && p + n > b && gx_utf8_count(s + p, n) >= 2)
            return true;
    }
    int32_t kind;
    size_t sl = gx_trie_longest(&lex->surnames, s + b, i - b, &kind);
    return kind == SN_WEAK && gx_trie_get(&lex->places, s + b + sl, i - b - sl) >= 0;
}

/* 习近平总书记: a name before a national title is a reference, not a presence. */
static bool referenced_before(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t i)
{
    const char *s = a->text;
    for (size_t chars = 3; chars >= 2; chars--) {
        size_t b = i;
        for (size_t k = 0; k < chars && b > 0; k++)
            b = gx_utf8_prev(s, b);
        if (b < i && name_at(lex, s, b, i, true) == i && !place_in_name(lex, s, b, i)) {
            gx_x_add(x, GX_ENT_PERSON, b, i, s + b, i - b, "", GX_MF_REFERENCED);
            return true;
        }
    }
    return false;
}

/* A transliterated name after a role: 2–10 such characters, then a clear end. */
static size_t foreign_name_at(const gx_lexicon *lex, const char *s, size_t i, size_t len)
{
    size_t e = i, chars = 0;
    while (e < len && chars < 10) {
        size_t n;
        uint32_t cp = gx_utf8_at(s + e, &n);
        if (!gx_translit_char(lex, cp))
            break;
        e += n;
        chars++;
    }
    /* the run itself ends at a character no transliteration uses: 梅德韦杰夫|当天 */
    if (chars >= 3 && gx_utf8_at(s + gx_utf8_prev(s, e), NULL) != 0x00B7)
        return e;
    while (chars >= 2) {
        if (name_end_score(lex, s, e, len) >= 1 && gx_utf8_at(s + gx_utf8_prev(s, e), NULL) != 0x00B7)
            return e;
        e = gx_utf8_prev(s, e);
        chars--;
    }
    return 0;
}

/* A name in Latin letters after a role (编剧CoreyMay): a capital, then letters, 2–24 in all. */
static size_t latin_name_at(const char *s, size_t i, size_t len)
{
    if (i >= len || s[i] < 'A' || s[i] > 'Z')
        return 0;
    size_t e = i;
    while (e < len && e - i < 24 && ((s[e] >= 'A' && s[e] <= 'Z') || (s[e] >= 'a' && s[e] <= 'z')))
        e++;
    bool ends = e >= len || !((s[e] >= 'A' && s[e] <= 'Z') || (s[e] >= 'a' && s[e] <= 'z') ||
                              (s[e] >= '0' && s[e] <= '9'));
    bool lower = false;
    for (size_t k = i; k < e; k++)
        lower |= s[k] >= 'a' && s[k] <= 'z';
    return ends && lower && e - i >= 2 ? e : 0;
}

/* Bare mentions of officials confirmed elsewhere in the corpus: 许静出席, 戴振对应征青年.
 * The known name must end where a name can end. */
void gx_ner_known_officials(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_han(x, &known->trie, s, i, len, SB_KNOWN_OFFICIALS);
        if (i >= len)
            break;
        size_t n = gx_trie_longest(&known->trie, s + i, len - i, NULL);
        if (n && name_end_score(lex, s, i + n, len) > 0 &&
            !gx_x_covered(x, i, i + n, ~0u)) {
            add_person(a, x, GX_ENT_OFFICIAL, i, i + n, "", 0);
            i += n;
            continue;
        }
        i += n ? n : gx_utf8_len((unsigned char)s[i]);
    }
}

/* Does the title ending at e lend its last character to a place (区长|沙 is 长沙, 院长|江 长江)? */
static bool runs_into_place(const gx_lexicon *lex, const char *s, size_t e, size_t len)
{
    size_t last = gx_utf8_prev(s, e);
    size_t pl = gx_trie_longest(&lex->places, s + last, len - last, NULL);
    return pl > e - last && gx_utf8_count(s + last, pl) >= 2;
}

void gx_ner_officials(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    size_t first = x->n;
    gx_buf titles;
    gx_buf_init(&titles);
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_to(x, i, len, SB_TITLES);
        if (i >= len)
            break;
        int32_t kind;
        size_t tl = gx_trie_longest(&lex->titles, s + i, len - i, &kind);
        if (!tl || runs_into_place(lex, s, i + tl, len)) {
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        size_t e = i + tl;
        size_t next = e;
        switch ((title_kind)kind) {
        case TK_OFFICE: {
            if (gx_at(s, i, len, "总书记") || gx_at(s, i, len, "总理")) {
                /* national leaders: 习近平总书记… is a reference; 总理温家宝 a person named, as is a
                 * foreign head of government (印度总理瓦杰帕伊) */
                size_t ne = 0;
                if (!referenced_before(lex, a, x, i) &&
                    ((ne = titled_name_at(lex, s, e, len, true)) != 0 || (ne = foreign_name_at(lex, s, e, len)) != 0)) {
                    titles.len = 0;
                    gx_buf_add(&titles, s + i, tl);
                    gx_x_add(x, GX_ENT_PERSON, e, ne, s + e, ne - e, titles.data, GX_MF_REFERENCED);
                    next = ne;
                }
                break;
            }
            if (titled_name_at(lex, s, e, len, true)) {
                chain_titles(lex, s, i, e, &titles);
                next = name_list(lex, a, x, e, GX_ENT_OFFICIAL, titles.data, GX_MF_TITLED);
            }
            break;
        }
        case TK_GROUP: {
            titles.len = 0;
            gx_buf_add(&titles, s + i, tl);
            if (titled_name_at(lex, s, e, len, true))
                next = name_list(lex, a, x, e, GX_ENT_OFFICIAL, titles.data, GX_MF_LIST);
            else
                names_before(lex, a, x, i, titles.data);
            break;
        }
        case TK_ROLE:
            titles.len = 0;
            gx_buf_add(&titles, s + i, tl);
        {
            /* a transliterated name wins when it runs longer: 丹尼斯·霍珀, not 丹尼斯 */
            size_t ne = titled_name_at(lex, s, e, len, false), fe = foreign_name_at(lex, s, e, len);
            if (!ne && !fe)
                fe = latin_name_at(s, e, len);
            if (fe > ne) {
                gx_x_add(x, GX_ENT_PERSON, e, fe, s + e, fe - e, titles.data, GX_MF_TITLED);
                next = fe;
            } else if (ne) {
                next = name_list(lex, a, x, e, GX_ENT_PERSON, titles.data, GX_MF_TITLED);
            }
            break;
        }
        case TK_JOURNALIST: {
            /* 记者从浙江在线获悉: a weak surname before a place is a word (从, 在), not a name */
            size_t ne = titled_name_at(lex, s, e, len, true);
            if (ne && !place_in_name(lex, s, e, ne)) {
                titles.len = 0;
                gx_buf_add(&titles, s + i, tl);
                next = name_list(lex, a, x, e, GX_ENT_JOURNALIST, titles.data, 0);
            }
            break;
        }
        }
        i = next > e ? next : e;
    }
    gx_buf_destroy(&titles);
    gx_ner_later_mentions(lex, a, x, first);
}
