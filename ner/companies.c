/* companies.c — firms by legal suffix, scanned back to a boundary, with their trade-name aliases
 * (firms without a suffix: bare_firms.c).
 *
 * 在安佐化学有限公司 → 安佐化学有限公司 (stops at 在); 位于…的浙江钛迩赛新材料有限公司 → aliases
 * 钛迩赛新材料 and 钛迩赛 (region, industry word and suffix dropped); later bare aliases in the
 * same article resolve to the full name. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_NAME_CHARS = 24, MIN_PREFIX_CHARS = 2 };

/* Length in bytes of the boundary word that ends at p, 0 if none. */
static size_t boundary_len(const gx_lexicon *lex, const char *s, size_t p)
{
    char rev[32];
    size_t n = 0, e = p;
    for (int k = 0; k < 4 && e > 0; k++) {
        size_t b = gx_utf8_prev(s, e);
        if (n + (e - b) > sizeof rev)
            break;
        memcpy(rev + n, s + b, e - b);
        n += e - b;
        e = b;
    }
    return n ? gx_trie_longest(&lex->cbound_rev, rev, n, NULL) : 0;
}

bool gx_company_boundary_before(const gx_lexicon *lex, const char *s, size_t p)
{
    return boundary_len(lex, s, p) > 0;
}

bool gx_industry_only(const gx_lexicon *lex, const char *s, size_t b, size_t e)
{
    while (b < e) {
        size_t n = gx_trie_longest(&lex->cindustry, s + b, e - b, NULL);
        if (!n)
            return false;
        b += n;
    }
    return true;
}

static bool name_char(uint32_t cp)
{
    return gx_cp_is_han(cp) || (cp < 0x80 && ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') ||
                                               (cp >= 'a' && cp <= 'z') || cp == '&'));
}

/* Is the character at q the 家 of a count (日本10家大银行, 三家公司)?  No name runs back past it. */
static bool counted_firms(const char *s, size_t q)
{
    if (q == 0 || memcmp(s + q, "家", strlen("家")) != 0)
        return false;
    size_t d = gx_utf8_prev(s, q);
    return (s[d] >= '0' && s[d] <= '9') || gx_char_in("一二三四五六七八九十百千万两几多数", s, d);
}

/* Does a region's name (a province, prefecture or county, two characters or more) end at q? */
static bool region_ends_at(const gx_lexicon *lex, const char *s, size_t q)
{
    size_t k = q;
    for (int chars = 1; chars <= 4 && k > 0; chars++) {
        k = gx_utf8_prev(s, k);
        int32_t id;
        if (chars >= 2 && gx_trie_longest(&lex->places, s + k, q - k, &id) == q - k &&
            gx_place_best(lex, id)->level <= PL_COUNTY)
            return true;
    }
    return false;
}

/* Start of the name whose suffix begins at i, or i if there is none. */
static size_t scan_back(const gx_lexicon *lex, const char *s, size_t i)
{
    size_t p = i, chars = 0;
    while (p > 0 && chars <= MAX_NAME_CHARS) {
        /* 服务, 投资, 建设 stand before names (服务企业) and end them (…创意服务有限公司): next to
         * the suffix, with only industry words between, such a word is the name's */
        size_t bl = boundary_len(lex, s, p);
        /* 在, 和, 经 stand before names, and begin words of them (浙江在线, 浙江经纬, 同方股份):
         * a boundary word that starts such a word across p is the name's */
        bool in_name = bl && gx_trie_longest(&lex->cinname, s + p - bl, i - (p - bl), NULL) > bl;
        /* 嘉兴和信科技有限公司, 平湖向阳机械有限公司: after a region, a one-character boundary word
         * before a one-character trade name begins that name (no firm is 信科技 or 阳机械) */
        bool lone = bl && bl == gx_utf8_len((unsigned char)s[p - bl]) && p < i &&
                    gx_industry_only(lex, s, p + gx_utf8_len((unsigned char)s[p]), i) &&
                    region_ends_at(lex, s, p - bl);
        if (bl && !in_name && !lone && !(gx_industry_only(lex, s, p - bl, p) && gx_industry_only(lex, s, p, i)))
            break;
        size_t q = gx_utf8_prev(s, p);
        uint32_t cp = gx_utf8_at(s + q, NULL);
        if (cp == ')') {
            /* a bracketed region: 科廷表面科技(浙江)有限公司 */
            size_t r = q, k = 0;
            while (r > 0 && k < 8 && s[r] != '(') {
                r = gx_utf8_prev(s, r);
                k++;
            }
            if (s[r] != '(' || k < 2)
                break;
            p = r;
            chars += k + 1;
            continue;
        }
        if (!name_char(cp) || counted_firms(s, q))
            break;
        p = q;
        chars++;
    }
    return chars > MAX_NAME_CHARS ? i : p;
}

/* Drops a leading region (province, prefecture or county name) from [*a, e) — but not one that
 * would leave an industry word alone: then it is the trade name (浙江瑞安光电 → 瑞安光电, not 光电). */
static void drop_region(const gx_lexicon *lex, const char *s, size_t *a, size_t e)
{
    for (int round = 0; round < 2; round++) {
        int32_t id;
        size_t n = gx_trie_longest(&lex->places, s + *a, e - *a, &id);
        if (!n || gx_place_best(lex, id)->level > PL_COUNTY || gx_utf8_count(s + *a + n, e - *a - n) < 2 ||
            gx_industry_only(lex, s, *a + n, e))
            return;
        *a += n;
    }
}

/* Drops "(浙江)"-style bracketed regions anywhere in the name. */
static void drop_brackets(gx_buf *b)
{
    char *o = strchr(b->data, '(');
    char *c = o ? strchr(o, ')') : NULL;
    if (!o || !c)
        return;
    memmove(o, c + 1, strlen(c + 1) + 1);
    b->len = strlen(b->data);
}

/* Drops trailing industry words: 钛迩赛新材料 → 钛迩赛. */
static void drop_industry(const gx_lexicon *lex, gx_buf *b)
{
    for (int round = 0; round < 3; round++) {
        bool cut = false;
        for (size_t p = 0; p < b->len; p += gx_utf8_len((unsigned char)b->data[p])) {
            size_t n = gx_trie_longest(&lex->cindustry, b->data + p, b->len - p, NULL);
            if (n && p + n == b->len && gx_utf8_count(b->data, p) >= 2) {
                b->len = p;
                b->data[p] = '\0';
                cut = true;
                break;
            }
        }
        if (!cut)
            return;
    }
}

/* Adds b as a short name of the firm, unless it is too short, the name itself, a word that
 * begins with a boundary word (在线, 如意: ordinary words as often as a trade name), or a place's
 * name (瑞安 of 瑞安光电: the place is what the bare word names as often as the firm). */
static void add_alias(const gx_lexicon *lex, gx_strvec *al, const char *name, const gx_buf *b)
{
    if (b->len && gx_utf8_count(b->data, b->len) >= 2 && strcmp(b->data, name) != 0 &&
        gx_trie_get(&lex->cinname, b->data, b->len) < 0 && gx_trie_get(&lex->places, b->data, b->len) < 0 &&
        !gx_strvec_contains(al, b->data))
        gx_strvec_push(al, b->data);
}

/* The mention types a firm's short name gives way to. */
static const unsigned SHORT_TAKEN = 1u << GX_ENT_COMPANY | 1u << GX_ENT_OFFICIAL | 1u << GX_ENT_PERSON;

/* The short name [i, i + n) of the firm names->v[id] (id negative: a name two firms share, left
 * alone), taken as a mention unless a firm's or person's covers it; where the scan goes on. */
static size_t short_name_at(const gx_strvec *names, const gx_article *a, gx_extraction *x, size_t i, size_t n,
                            int32_t id)
{
    if (n && id >= 0 && !gx_x_covered(x, i, i + n, SHORT_TAKEN)) {
        gx_x_add(x, GX_ENT_COMPANY, i, i + n, names->v[id], strlen(names->v[id]), "", GX_MF_ALIAS);
        return i + n;
    }
    return i + gx_utf8_len((unsigned char)a->text[i]);
}

/* Mentions of the corpus's firms by their short names: at each place in the text the longest name
 * in t (its value the firm's index in names) not inside a firm's or person's mention already. */
static void known_short_names(const gx_trie *t, const gx_strvec *names, const gx_article *a, gx_extraction *x)
{
    for (size_t i = 0; names->n && i < a->len && !x->truncated;) {
        i = gx_scan_han(x, t, a->text, i, a->len, SB_KNOWN_FIRMS);
        if (i >= a->len)
            break;
        if (gx_x_taken_at(x, i, SHORT_TAKEN)) { /* whatever starts here overlaps a mention */
            i += gx_utf8_len((unsigned char)a->text[i]);
            continue;
        }
        int32_t id = -1;
        size_t n = gx_trie_longest(t, a->text + i, a->len - i, &id);
        i = short_name_at(names, a, x, i, n, id);
    }
}

/* Later mentions of the article's firms by their aliases, found in one pass over the text with a
 * set of every alias (a spelling two firms share goes to the first). */
static void alias_mentions(const gx_article *a, gx_extraction *x, size_t first)
{
    size_t n0 = x->n, firms = 0, bytes = 0;
    for (size_t k = first; k < n0; k++) {
        const gx_mention *m = &x->m[k];
        if (m->type == GX_ENT_COMPANY && !(m->flags & GX_MF_ALIAS) && *m->aliases) {
            firms++;
            bytes += strlen(m->aliases);
        }
    }
    if (!firms)
        return;
    gx_words ws;
    gx_words_init(&ws, 3 * firms, bytes);
    gx_strvec names;
    gx_strvec_init(&names);
    for (size_t k = first; k < n0; k++) {
        const gx_mention *m = &x->m[k];
        if (m->type != GX_ENT_COMPANY || (m->flags & GX_MF_ALIAS) || !*m->aliases)
            continue;
        for (const char *p = m->aliases; *p;) {
            const char *e = strchr(p, '|');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            gx_words_add(&ws, p, n, (int32_t)names.n); /* the first firm keeps its claim */
            p += n + (e != NULL);
        }
        gx_strvec_push(&names, m->name);
    }
    /* a firm named only by a short name (法国赛恒包装独山港项目) that another firm of the article has
     * as an alias (浙江赛恒包装股份有限公司, 赛恒包装) is that firm, wherever it is named first */
    for (size_t k = first; k < n0; k++) {
        gx_mention *m = &x->m[k];
        int32_t id = -1;
        if (m->type == GX_ENT_COMPANY && !(m->flags & GX_MF_ALIAS) && !*m->aliases &&
            (id = gx_words_get(&ws, m->name, strlen(m->name))) >= 0 && strcmp(names.v[id], m->name) != 0) {
            free(m->name);
            m->name = gx_xstrdup(names.v[id]);
            m->flags |= GX_MF_ALIAS;
        }
    }
    for (size_t i = 0; ws.n && i < a->len && !x->truncated;) {
        i = gx_words_next(&ws, a->text, i, a->len);
        if (i >= a->len)
            break;
        if (gx_x_taken_at(x, i, SHORT_TAKEN)) {
            i += gx_utf8_len((unsigned char)a->text[i]);
            continue;
        }
        int32_t id = -1;
        size_t n = gx_words_longest(&ws, a->text + i, a->len - i, &id);
        i = short_name_at(&names, a, x, i, n, id);
    }
    gx_strvec_destroy(&names);
    gx_words_destroy(&ws);
}

void gx_ner_companies(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    for (size_t i = 0; i < len && !x->truncated;) {
        i = gx_scan_to(x, i, len, SB_CSUFFIX);
        if (i >= len)
            break;
        bool han = gx_starts_han(gx_starts_of(x, i)) || gx_is_han_at(s, i, len);
        size_t sl = han ? gx_trie_longest(&lex->csuffix, s + i, len - i, NULL) : 0;
        if (!sl) {
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        size_t e = i + sl;
        size_t b = scan_back(lex, s, i);
        /* 该, 一家, 我市 … in front are not part of the name */
        for (int round = 0; round < 2; round++) {
            size_t n = gx_trie_longest(&lex->clead, s + b, i - b, NULL);
            if (n && b + n < i)
                b += n;
        }
        size_t pchars = gx_utf8_count(s + b, i - b);
        /* 服装厂, 贸易公司: an industry with no name is no firm (but 交通银行, 农业银行 are banks) */
        bool bank = gx_find(s + i, e - i, "银行", strlen("银行")) != NULL;
        bool generic = gx_trie_get(&lex->cgeneric, s + b, i - b) >= 0 || (!bank && gx_industry_only(lex, s, b, i));
        /* …船舶公司横滨工厂: a firm's works, not a firm of its own; 这家意大利公司: a firm of a place */
        int32_t unused;
        generic = generic || gx_find(s + b, i - b, "公司", strlen("公司")) != NULL ||
                  gx_trie_get(&lex->pair_word, s + b, i - b) >= 0 || /* 欧美银行: banks of two places */
                  (!bank && gx_trie_longest(&lex->places, s + b, i - b, &unused) == i - b);
        if (pchars < MIN_PREFIX_CHARS || generic || gx_x_covered(x, b, e, ~0u)) {
            i = e;
            continue;
        }
        gx_mention *m = gx_x_add(x, GX_ENT_COMPANY, b, e, s + b, e - b, "", 0);
        /* aliases: without region and suffix, then without the industry word */
        gx_strvec al;
        gx_strvec_init(&al);
        size_t ra = b;
        drop_region(lex, s, &ra, i);
        gx_buf t;
        gx_buf_init(&t);
        gx_buf_add(&t, s + ra, i - ra);
        drop_brackets(&t);
        add_alias(lex, &al, m->name, &t);
        drop_industry(lex, &t);
        add_alias(lex, &al, m->name, &t);
        gx_buf_destroy(&t);
        char *joined = gx_strvec_join(&al, "|");
        gx_x_set(&m->aliases, joined);
        free(joined);
        gx_strvec_destroy(&al);
        i = e;
    }
    gx_ner_bare_firms(lex, a, x);
}

void gx_ner_company_aliases(const gx_names *known, const gx_article *a, gx_extraction *x, size_t first)
{
    alias_mentions(a, x, first);
    /* then the firms the rest of the corpus names, by the short names it gave them (钛迩赛 in an
     * article that never names 浙江钛迩赛新材料有限公司 in full) */
    if (known)
        known_short_names(&known->firms, &known->firm_names, a, x);
}
