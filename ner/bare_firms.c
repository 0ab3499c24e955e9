/* bare_firms.c — firms named without their legal suffix, where the text vouches for them: before a
 * project word (开拓药业(浙江)产业化基地, 独山能源三期聚酯项目, 瑞士西卡新材料独山港项目) and in a list
 * closed by 等 and a word for firms (中通客车、宇通汽车、吉利汽车等国内多家一线车企). */
#include "internal.h"

#include <string.h>

enum { TRADE_MIN = 2, TRADE_MAX = 4 };

static bool han_run(const char *s, size_t b, size_t e)
{
    for (size_t i = b; i < e; i += gx_utf8_len((unsigned char)s[i]))
        if (!gx_cp_is_han(gx_utf8_at(s + i, NULL)))
            return false;
    return e > b;
}

/* Start of the trade name of 2–4 characters that ends at e (back to a boundary), without a
 * leading country or region (瑞士西卡 → 西卡), nor the end of one that began before the four
 * characters (新加坡凯金 → 凯金, not 加坡凯金); e if there is none. */
static size_t trade_start(const gx_lexicon *lex, const char *s, size_t e)
{
    size_t p = e, chars = 0;
    while (p > 0 && chars < TRADE_MAX && !gx_company_boundary_before(lex, s, p)) {
        size_t q = gx_utf8_prev(s, p);
        if (!gx_cp_is_han(gx_utf8_at(s + q, NULL)))
            break;
        p = q;
        chars++;
    }
    /* a place that starts at p, or, where the walk stopped inside a longer run of characters,
     * within the three before it, and ends inside the window: the trade name starts after it */
    size_t from = p;
    for (int k = 0; chars == TRADE_MAX && k < 3 && from > 0 && !gx_company_boundary_before(lex, s, from); k++) {
        size_t q = gx_utf8_prev(s, from);
        if (!gx_cp_is_han(gx_utf8_at(s + q, NULL)))
            break;
        from = q;
    }
    size_t start = p;
    for (size_t q = from; q <= p; q += gx_utf8_len((unsigned char)s[q])) {
        int32_t id;
        size_t n = gx_trie_longest(&lex->places, s + q, e - q, &id);
        if (n && q + n > start && gx_utf8_count(s + q + n, e - q - n) >= TRADE_MIN)
            start = q + n;
    }
    return gx_utf8_count(s + start, e - start) >= TRADE_MIN ? start : e;
}

/* Is [q, p) what may stand between a firm's industry word and its project word?  Nothing (before
 * 产业化基地, not before a bare 项目: 科技项目 is no firm), a bracketed region ((浙江)), a phase or a
 * size and a product (三期聚酯, 百亿), or a place (独山港). */
static bool project_gap(const char *s, size_t q, size_t p, bool bare_project)
{
    if (q == p)
        return !bare_project;
    if (s[q] == '(' && s[p - 1] == ')' && gx_utf8_count(s + q, p - q) <= 8)
        return true;
    size_t chars = gx_utf8_count(s + q, p - q);
    if (!han_run(s, q, p) || chars > 4)
        return false;
    /* a phase or a size: 独山能源三期聚酯项目, 卫星能源百亿项目 */
    static const char *const PHASE[] = {"一期", "二期", "三期", "四期", "五期", "百亿", "千亿", "十亿", "亿元", "超亿",
                                        NULL};
    for (int k = 0; PHASE[k]; k++)
        if (gx_at(s, q, p, PHASE[k]))
            return true;
    return chars >= 2 && gx_char_in("港区镇园县市村", s, gx_utf8_prev(s, p));
}

/* May project_gap(s, q, p, bare_project) hold for some q before p?  Nothing between, a bracket
 * closing at p, a place's last character before p, or a phase or size starting within four
 * characters of it; else no industry word before p need be looked for (重大项目, 该项目: most of
 * the 项目 of a paper). */
static bool some_project_gap(const char *s, size_t p, bool bare_project)
{
    if (!bare_project || p == 0)
        return true;
    size_t last = gx_utf8_prev(s, p);
    if (s[p - 1] == ')' || gx_char_in("港区镇园县市村", s, last))
        return true;
    size_t q = p;
    for (int k = 0; k < 4 && q > 0; k++) {
        q = gx_utf8_prev(s, q);
        if (project_gap(s, q, p, bare_project))
            return true;
    }
    return false;
}

/* A firm named [b, name_end); its mention spans to e (past a bracketed region, 开拓药业(浙江)). */
static void add_suffixless(gx_extraction *x, const char *s, size_t b, size_t name_end, size_t e)
{
    if (!gx_x_covered(x, b, e, ~0u))
        gx_x_add(x, GX_ENT_COMPANY, b, e, s + b, name_end - b, "", 0);
}

/* 开拓药业(浙江)产业化基地, 独山能源三期聚酯项目, 瑞士西卡新材料独山港项目: trade name + industry
 * word before a project word. */
static void before_project(const gx_lexicon *lex, const char *s, size_t p, bool bare_project,
                           gx_extraction *x)
{
    if (!some_project_gap(s, p, bare_project))
        return;
    /* the nearest industry word that ends where the gap to p may begin */
    size_t from = p > 40 ? p - 40 : 0;
    while (from < p && ((unsigned char)s[from] & 0xC0) == 0x80)
        from++;
    size_t best_b = p, best_e = 0; /* the latest end; of words ending there, the longest */
    for (size_t j = from; j < p; j += gx_utf8_len((unsigned char)s[j])) {
        size_t n = gx_trie_longest(&lex->cindustry, s + j, p - j, NULL);
        if (n && j + n > best_e && project_gap(s, j + n, p, bare_project)) {
            best_b = j;
            best_e = j + n;
        }
    }
    if (!best_e)
        return;
    size_t b = trade_start(lex, s, best_b), e = best_e;
    if (s[e] == '(') /* the bracket project_gap allowed */
        e = (size_t)(strchr(s + e, ')') - s) + 1;
    if (b < best_b)
        add_suffixless(x, s, b, best_e, e);
}

/* One item of a list of firms: a trade name of 2–4 characters and an industry word (宇通汽车,
 * 德马吉森精机); its end, or 0. */
static size_t list_item(const gx_lexicon *lex, const char *s, size_t i, size_t len)
{
    for (size_t tl = TRADE_MIN; tl <= TRADE_MAX; tl++) {
        size_t j = gx_adv_chars(s, i, len, tl);
        size_t n = han_run(s, i, j) ? gx_trie_longest(&lex->cindustry, s + j, len - j, NULL) : 0;
        if (n)
            return j + n;
    }
    return 0;
}

/* The first item of a list, ending at the first 、 (at c): its trade name runs back to a boundary
 * within four characters, else — nothing marks where it starts (其中包括独山能源) — it is taken
 * as two.  Returns its start, or c if no industry word ends at c. */
static size_t first_item(const gx_lexicon *lex, const char *s, size_t c)
{
    if (!c || !gx_industry_last_char(lex, gx_utf8_at(s + gx_utf8_prev(s, c), NULL)))
        return c; /* no industry word ends at c */
    size_t w = c, scan = c;
    for (int k = 0; k < 6 && scan > 0; k++) { /* the longest industry word ending at c */
        scan = gx_utf8_prev(s, scan);
        if (gx_trie_longest(&lex->cindustry, s + scan, c - scan, NULL) == c - scan)
            w = scan;
    }
    if (w == c)
        return c;
    size_t p = w, chars = 0;
    while (p > 0 && chars < TRADE_MAX && !gx_company_boundary_before(lex, s, p) && gx_is_han_at(s, gx_utf8_prev(s, p), c)) {
        p = gx_utf8_prev(s, p);
        chars++;
    }
    if (chars == TRADE_MAX && p > 0 && gx_is_han_at(s, gx_utf8_prev(s, p), c) && !gx_company_boundary_before(lex, s, p)) {
        p = w; /* no boundary in sight: the shortest trade name */
        for (int k = 0; k < TRADE_MIN; k++)
            p = gx_utf8_prev(s, p);
        chars = TRADE_MIN;
    }
    return chars >= TRADE_MIN ? p : c;
}

/* 中通客车、宇通汽车、吉利汽车等国内多家一线车企: two or more firms (trade name + industry word)
 * joined by 、, then 等 and a word for firms (or their projects) within sixteen characters.  c is
 * the first 、.  Returns the end of the list (0 if none). */
static size_t firm_list(const gx_lexicon *lex, const char *s, size_t c, size_t len, gx_extraction *x)
{
    size_t at[16], end[16], k = 0, p;
    at[0] = first_item(lex, s, c);
    if (at[0] == c)
        return 0;
    end[k++] = c;
    for (p = c + 3; k < 16;) {
        size_t e = list_item(lex, s, p, len);
        if (!e)
            return 0;
        at[k] = p;
        end[k++] = e;
        if (!gx_at(s, e, len, "、")) {
            p = e;
            break;
        }
        p = e + 3;
    }
    if (!gx_at(s, p, len, "等"))
        return 0;
    size_t q = p + 3, limit = gx_adv_chars(s, q, len, 16);
    bool firms = false;
    for (; q < limit && !firms; q += gx_utf8_len((unsigned char)s[q]))
        firms = gx_trie_longest(&lex->cgroup, s + q, len - q, NULL) > 0;
    if (!firms)
        return 0;
    for (size_t j = 0; j < k; j++)
        add_suffixless(x, s, at[j], end[j], end[j]);
    return p;
}

void gx_ner_bare_firms(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_to(x, i, len, SB_CPROJECT); /* 、 is outside the table */
        if (i >= len)
            break;
        size_t e = gx_at(s, i, len, "、") ? firm_list(lex, s, i, len, x) : 0;
        if (e || !(gx_starts_han(gx_starts_of(x, i)) || gx_is_han_at(s, i, len))) {
            i = e ? e : i + gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        size_t n = gx_trie_longest(&lex->cproject, s + i, len - i, NULL);
        if (n) {
            before_project(lex, s, i, n == strlen("项目") && gx_at(s, i, len, "项目"), x);
            i += n;
            continue;
        }
        i += gx_utf8_len((unsigned char)s[i]);
    }
}
