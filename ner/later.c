/* later.c — an article's officials named again after their first mention: 仲旭东, 仲书记, 军波同志.
 *
 * The forms of every official the article names go into one small set of words (words.c), so the
 * text is read once however many officials there are (an article names about four officials and
 * eleven forms). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* A form of an official's name: the mention it names and how. */
typedef struct later_form {
    size_t official; /* the official's first mention: an index into the extraction's mentions */
    size_t span;     /* bytes the mention covers (军波 of 军波同志) */
    unsigned flags;  /* GX_MF_ALIAS for the short forms */
    unsigned taken;  /* mention types that already cover it */
} later_form;

typedef struct later_forms {
    gx_words words; /* the spellings; value: an index into form[] */
    later_form *form;
    size_t n, cap;
    gx_buf word; /* a form being put together (仲 + 书记) */
} later_forms;

/* Adds a form; a spelling two officials share stays with the first. */
static void add_form(later_forms *f, const char *w, size_t len, later_form lf)
{
    if (len && gx_words_add(&f->words, w, len, (int32_t)f->n) < 0) {
        GX_GROW(f->form, f->cap, f->n + 1);
        f->form[f->n++] = lf;
    }
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

void gx_ner_later_mentions(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t first)
{
    size_t n0 = x->n, officials = 0, bytes = 0;
    for (size_t k = first; k < n0; k++)
        if (x->m[k].type == GX_ENT_OFFICIAL) {
            officials++;
            bytes += strlen(x->m[k].name);
        }
    if (!officials)
        return;
    /* room for the usual three forms each (the name, one office form, 同志) at once */
    later_forms f = {0};
    gx_words_init(&f.words, 3 * officials, 3 * bytes + 16 * officials);
    GX_GROW(f.form, f.cap, 3 * officials);
    for (size_t k = first; k < n0; k++) {
        if (x->m[k].type != GX_ENT_OFFICIAL)
            continue;
        const char *name = x->m[k].name;
        size_t nl = strlen(name);
        if (gx_words_get(&f.words, name, nl) >= 0)
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
        i = gx_words_next(&f.words, s, i, a->len);
        if (i >= a->len)
            break;
        if (gx_x_taken_at(x, i, 1u << GX_ENT_OFFICIAL)) { /* every form gives way to an official */
            i += gx_utf8_len((unsigned char)s[i]);
            continue;
        }
        int32_t id;
        size_t n = gx_words_longest(&f.words, s + i, a->len - i, &id);
        const later_form *lf = n ? &f.form[id] : NULL;
        if (lf && !gx_x_covered(x, i, i + lf->span, lf->taken)) {
            const char *name = x->m[lf->official].name; /* a string of its own: adding moves x->m only */
            gx_x_add(x, GX_ENT_OFFICIAL, i, i + lf->span, name, strlen(name), "", lf->flags);
            i += n;
            continue;
        }
        i += gx_utf8_len((unsigned char)s[i]);
    }
    gx_words_destroy(&f.words);
    free(f.form);
    gx_buf_destroy(&f.word);
}
