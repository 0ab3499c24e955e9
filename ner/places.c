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

static const char *const LEVEL_NAMES[] = {"province", "prefecture", "county", "town",
                                          "country", "region", "zone", "village"};

static void add_place(gx_extraction *x, size_t b, size_t e, const char *name, const char *code,
                      place_level level)
{
    gx_mention *m = gx_x_add(x, GX_ENT_PLACE, b, e, name, strlen(name), LEVEL_NAMES[level], 0);
    free(m->code);
    m->code = gx_xstrdup(code);
}

/* Zones (…经济开发区) and villages (石龙村): the words before the suffix name them. */
static void suffixed(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    for (size_t i = 0; i < len && !x->truncated;) {
        int32_t level;
        size_t n = gx_is_han_at(s, i, len) ? gx_trie_longest(&lex->place_sfx, s + i, len - i, &level) : 0;
        if (!n) {
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        size_t e = i + n, b = i;
        size_t max = level == PL_VILLAGE ? 2 : 10, chars = 0;
        while (b > 0 && chars < max && !open_before(lex, s, b)) {
            b = gx_utf8_prev(s, b);
            chars++;
        }
        bool ok = level == PL_VILLAGE ? chars == 2 && open_before(lex, s, b) : chars >= 2;
        if (ok && !gx_x_covered(x, b, e, ~0u)) {
            char *name = gx_xstrndup(s + b, e - b);
            add_place(x, b, e, name, "", (place_level)level);
            free(name);
        }
        i = e;
    }
}

void gx_ner_places(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    const char *s = a->text;
    size_t len = a->len;
    suffixed(lex, a, x);
    for (size_t i = 0; i < len && !x->truncated;) {
        int32_t id;
        size_t n = gx_is_han_at(s, i, len) ? gx_trie_longest(&lex->places, s + i, len - i, &id) : 0;
        if (!n || gx_x_covered(x, i, i + n, ~0u)) {
            i += n ? n : gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        const place *p = gx_place_best(lex, id);
        add_place(x, i, i + n, p->name, p->code, p->level);
        i += n;
    }
}
