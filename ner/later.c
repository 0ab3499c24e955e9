/* later.c — an article's officials named again after their first mention: 仲旭东, 仲书记, 军波同志.
 *
 * The forms of every official the article names go into one small table keyed by their first
 * character, so the text is read once however many officials there are, and building the table
 * costs a few stores a form (an article names about four officials and eleven forms). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A form of an official's name: its spelling, the mention it names and how. */
typedef struct later_form {
    size_t at, len;  /* its spelling: bytes [at, at + len) of later_forms.text */
    int32_t next;    /* the form added before it in its bucket, or -1 */
    size_t official; /* the official's first mention: an index into the extraction's mentions */
    size_t span;     /* bytes the mention covers (军波 of 军波同志) */
    unsigned flags;  /* GX_MF_ALIAS for the short forms */
    unsigned taken;  /* mention types that already cover it */
} later_form;

enum { BUCKETS_MIN = 16 };

typedef struct later_forms {
    later_form *form;
    size_t n, cap;
    int32_t *head;      /* per bucket of first characters, the last form added, or -1 */
    size_t buckets;     /* a power of two, at least half the forms */
    uint64_t first[16]; /* gx_trie_first_bit of each form's first character, if three bytes */
    bool four;          /* some form starts with a four-byte character */
    gx_buf text;        /* the spellings, one after another */
    gx_buf word;        /* a form being put together (仲 + 书记) */
} later_forms;

/* The first character of s (len > 0 bytes) packed as the trie packs a three-byte one, and its
 * length. */
static inline uint32_t first_char(const char *s, size_t len, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = gx_utf8_len(u[0]);
    n = n <= len ? n : 1;
    uint32_t c = 0;
    for (size_t j = 0; j < n; j++)
        c = c << 8 | u[j];
    *k = n;
    return c;
}

static inline size_t bucket_of(const later_forms *f, uint32_t c)
{
    return (c * 2654435761u) >> 7 & (f->buckets - 1);
}

static void rehash(later_forms *f, size_t buckets)
{
    free(f->head);
    f->buckets = buckets;
    f->head = gx_xmalloc(buckets * sizeof *f->head);
    memset(f->head, 0xFF, buckets * sizeof *f->head);
    for (size_t k = 0; k < f->n; k++) {
        later_form *lf = &f->form[k];
        size_t b = bucket_of(f, first_char(f->text.data + lf->at, lf->len, &(size_t){0}));
        lf->next = f->head[b];
        f->head[b] = (int32_t)k;
    }
}

/* The longest form that starts s (len bytes), or NULL; with exact, only one of exactly len bytes. */
static const later_form *form_at(const later_forms *f, const char *s, size_t len, bool exact)
{
    if (!f->n || !len)
        return NULL;
    const later_form *best = NULL;
    for (int32_t k = f->head[bucket_of(f, first_char(s, len, &(size_t){0}))]; k >= 0; k = f->form[k].next) {
        const later_form *lf = &f->form[k];
        if ((exact ? lf->len == len : lf->len <= len && (!best || lf->len > best->len)) &&
            memcmp(f->text.data + lf->at, s, lf->len) == 0)
            best = lf;
    }
    return best;
}

/* Adds a form; a spelling two officials share stays with the first. */
static void add_form(later_forms *f, const char *w, size_t len, later_form lf)
{
    if (!len || form_at(f, w, len, true))
        return;
    if (f->n + 1 > f->buckets * 2)
        rehash(f, f->buckets ? f->buckets * 2 : BUCKETS_MIN);
    size_t k;
    uint32_t c = first_char(w, len, &k);
    if (k == 3) {
        unsigned b = gx_trie_first_bit(c);
        f->first[b >> 6] |= 1ull << (b & 63);
    }
    f->four |= k == 4;
    lf.at = f->text.len;
    lf.len = len;
    gx_buf_add(&f->text, w, len);
    size_t b = bucket_of(f, c);
    lf.next = f->head[b];
    GX_GROW(f->form, f->cap, f->n + 1);
    f->form[f->n] = lf;
    f->head[b] = (int32_t)f->n++;
}

/* The surname + office word of each title (仲书记, 周市长): the office word is the longest title
 * word that ends the title. */
static void office_forms(const gx_lexicon *lex, later_forms *f, const char *name, size_t sl,
                         const char *titles, size_t who)
{
    for (const char *t = titles; sl && t && *t;) {
        const char *bar = strchr(t, '|');
        size_t tl = bar ? (size_t)(bar - t) : strlen(t);
        for (size_t p = 0; p < tl; p += gx_utf8_len((unsigned char)t[p])) {
            int32_t kind;
            size_t w = gx_trie_longest(&lex->titles, t + p, tl - p, &kind);
            if (w && p + w == tl && kind == TK_OFFICE) {
                gx_buf_clear(&f->word);
                gx_buf_add(&f->word, name, sl);
                gx_buf_add(&f->word, t + p, w);
                add_form(f, f->word.data, f->word.len,
                         (later_form){.official = who, .span = f->word.len, .flags = GX_MF_ALIAS,
                                      .taken = 1u << GX_ENT_OFFICIAL});
                break;
            }
        }
        t = bar ? bar + 1 : NULL;
    }
}

/* The first character boundary from i (of valid UTF-8 text) where a Han character stands that may
 * start a form: as gx_trie_next_han for a trie of the forms. */
static size_t next_start(const later_forms *f, const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    while (i < len) {
        unsigned c = u[i];
        if (c - 0xE3u < 0xF0u - 0xE3u) {
            if (i + 3 > len)
                return len;
            unsigned b = gx_trie_first_bit(c << 16 | (uint32_t)u[i + 1] << 8 | u[i + 2]);
            if (f->first[b >> 6] >> (b & 63) & 1 && gx_is_han_at(s, i, len))
                return i;
            i += 3;
        } else if (c >= 0xF0) {
            if (f->four && gx_is_han_at(s, i, len))
                return i;
            i += 4;
        } else {
            i += gx_utf8_len((unsigned char)c);
        }
    }
    return len;
}

void gx_ner_later_mentions(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t first)
{
    later_forms f = {0};
    size_t n0 = x->n, officials = 0, bytes = 0;
    for (size_t k = first; k < n0; k++)
        if (x->m[k].type == GX_ENT_OFFICIAL) {
            officials++;
            bytes += strlen(x->m[k].name);
        }
    if (!officials)
        return;
    /* room for the usual three forms each (the name, one office form, 同志) in one allocation */
    GX_GROW(f.form, f.cap, 3 * officials);
    gx_buf_reserve(&f.text, 3 * bytes + 16 * officials);
    size_t buckets = BUCKETS_MIN;
    while (buckets * 2 < 3 * officials)
        buckets *= 2;
    rehash(&f, buckets);
    for (size_t k = first; k < n0; k++) {
        if (x->m[k].type != GX_ENT_OFFICIAL)
            continue;
        const char *name = x->m[k].name;
        size_t nl = strlen(name);
        if (form_at(&f, name, nl, true))
            continue;
        add_form(&f, name, nl,
                 (later_form){.official = k, .span = nl, .taken = 1u << GX_ENT_OFFICIAL | 1u << GX_ENT_PERSON});
        int32_t sk;
        size_t sl = gx_trie_longest(&lex->surnames, name, nl, &sk);
        office_forms(lex, &f, name, sl, x->m[k].titles, k);
        if (sl && nl - sl >= 6) { /* given name + 同志 */
            gx_buf_clear(&f.word);
            gx_buf_add(&f.word, name + sl, nl - sl);
            gx_buf_adds(&f.word, "同志");
            add_form(&f, f.word.data, f.word.len,
                     (later_form){.official = k, .span = nl - sl, .flags = GX_MF_ALIAS,
                                  .taken = 1u << GX_ENT_OFFICIAL});
        }
    }
    const char *s = a->text;
    for (size_t i = 0; f.n && i < a->len && !x->truncated;) {
        i = next_start(&f, s, i, a->len);
        if (i >= a->len)
            break;
        if (gx_x_taken_at(x, i, 1u << GX_ENT_OFFICIAL)) { /* every form gives way to an official */
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        const later_form *lf = form_at(&f, s + i, a->len - i, false);
        if (lf && !gx_x_covered(x, i, i + lf->span, lf->taken)) {
            const char *name = x->m[lf->official].name; /* a string of its own: adding moves x->m only */
            gx_x_add(x, GX_ENT_OFFICIAL, i, i + lf->span, name, strlen(name), "", lf->flags);
            i += lf->len;
            continue;
        }
        i += gx_utf8_len((unsigned char)s[i]);
    }
    free(f.form);
    free(f.head);
    gx_buf_destroy(&f.text);
    gx_buf_destroy(&f.word);
}
