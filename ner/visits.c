/* visits.c — events: an official visiting a company, or attending its ceremony, with the evidence sentence. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Index of the sentence holding byte p, or n_sentences. */
static size_t sentence_of(const gx_article *a, size_t p)
{
    for (size_t i = 0; i < a->n_sentences; i++)
        if (p >= a->sentences[i].start && p < a->sentences[i].end)
            return i;
    return a->n_sentences;
}

/* Kinds of event words in a sentence, as bits (1 << event_word). */
static unsigned event_words(const gx_lexicon *lex, const gx_article *a, size_t si)
{
    unsigned bits = 0;
    const gx_span *sp = &a->sentences[si];
    for (size_t i = sp->start; i < sp->end;) {
        int32_t k;
        size_t n = gx_trie_longest(&lex->events, a->text + i, sp->end - i, &k);
        if (n) {
            bits |= 1u << k;
            i += n;
        } else {
            i += gx_utf8_len((unsigned char)a->text[i]);
        }
    }
    return bits;
}

static bool official_in(const gx_extraction *x, size_t si_start, size_t si_end, const char *name)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->m[i].type == GX_ENT_OFFICIAL && x->m[i].span.start >= si_start &&
            x->m[i].span.end <= si_end && (!name || strcmp(x->m[i].name, name) == 0))
            return true;
    return false;
}

/* 仲旭东带队走访人才企业: officials who lead a visit in the article's first two sentences. */
static void visiting_officials(const gx_lexicon *lex, const gx_article *a, const gx_extraction *x,
                               gx_strvec *out)
{
    for (size_t si = 0; si < a->n_sentences && si < 2; si++) {
        if (!(event_words(lex, a, si) & (1u << EW_VISIT)))
            continue;
        for (size_t i = 0; i < x->n; i++)
            if (x->m[i].type == GX_ENT_OFFICIAL && x->m[i].span.start >= a->sentences[si].start &&
                x->m[i].span.end <= a->sentences[si].end && !gx_strvec_contains(out, x->m[i].name))
                gx_strvec_push(out, x->m[i].name);
    }
}

void gx_ner_events(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    if (!a->n_sentences)
        return;
    gx_date date = a->event_date ? a->event_date : a->date;
    gx_strvec leaders;
    gx_strvec_init(&leaders);
    visiting_officials(lex, a, x, &leaders);
    for (size_t ci = 0; ci < x->n; ci++) {
        if (x->m[ci].type != GX_ENT_COMPANY)
            continue;
        size_t si = sentence_of(a, x->m[ci].span.start);
        if (si >= a->n_sentences)
            continue;
        const gx_span sp = a->sentences[si];
        const gx_span next = si + 1 < a->n_sentences ? a->sentences[si + 1] : sp;
        unsigned here = event_words(lex, a, si);
        unsigned after = si + 1 < a->n_sentences ? event_words(lex, a, si + 1) : 0;
        /* officials in the company's sentence with a visit or ceremony word */
        for (size_t oi = 0; oi < x->n; oi++) {
            const gx_mention *o = &x->m[oi];
            if (o->type != GX_ENT_OFFICIAL || o->span.start < sp.start || o->span.end > sp.end)
                continue;
            if (here & (1u << EW_VISIT))
                gx_x_add_event(x, GX_EV_VISIT, o->name, x->m[ci].name, date, sp);
            else if (here & (1u << EW_CEREMONY))
                gx_x_add_event(x, GX_EV_CEREMONY, o->name, x->m[ci].name, date, sp);
        }
        /* the leaders of a visit article, at each firm the piece walks through */
        for (size_t li = 0; li < leaders.n; li++) {
            bool present = official_in(x, sp.start, sp.end, leaders.v[li]) ||
                           (official_in(x, next.start, next.end, leaders.v[li]) && (after & (1u << EW_VISIT))) ||
                           (here & (1u << EW_VISIT));
            if (present && !(x->m[ci].flags & GX_MF_ALIAS))
                gx_x_add_event(x, GX_EV_VISIT, leaders.v[li], x->m[ci].name, date, sp);
        }
    }
    gx_strvec_destroy(&leaders);
}
