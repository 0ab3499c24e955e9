/* visits.c — events: an official visiting a company, or attending its ceremony, with the evidence sentence. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* Index of the sentence holding byte p, or n_sentences (sentences are in order and apart). */
static size_t sentence_of(const gx_article *a, size_t p)
{
    size_t lo = 0, hi = a->n_sentences;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->sentences[mid].end <= p)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->n_sentences && p >= a->sentences[lo].start ? lo : a->n_sentences;
}

/* Kinds of event words in a sentence, as bits (1 << event_word). */
static unsigned scan_event_words(const gx_lexicon *lex, const gx_article *a, const gx_extraction *x, size_t si)
{
    unsigned bits = 0;
    const gx_span *sp = &a->sentences[si];
    for (size_t i = sp->start; i < sp->end;) {
        i = gx_scan_to(x, i, sp->end, SB_EVENTS);
        if (i >= sp->end)
            break;
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

/* What the event rules look up about an article, each computed once. */
typedef struct scene {
    const gx_lexicon *lex;
    const gx_article *a;
    const gx_extraction *x;
    unsigned *words;     /* per sentence: event word bits, or NOT_YET */
    gx_strvec leaders;   /* who leads the visit the article reports, in order of mention */
    gx_strmap is_leader;
    gx_strmap events;    /* "kind|official|company" already recorded */
    gx_buf key;          /* add_event's key being put together */
} scene;
enum { NOT_YET = 1u << 31 };

static unsigned words_of(scene *sc, size_t si)
{
    if (si >= sc->a->n_sentences)
        return 0;
    if (sc->words[si] == NOT_YET)
        sc->words[si] = scan_event_words(sc->lex, sc->a, sc->x, si);
    return sc->words[si];
}

/* The mentions inside sentence si, as the index range [*from, *to) of the sorted mentions. */
static void mentions_in(const scene *sc, size_t si, size_t *from, size_t *to)
{
    const gx_span sp = sc->a->sentences[si];
    size_t lo = 0, hi = sc->x->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (sc->x->m[mid].span.start < sp.start)
            lo = mid + 1;
        else
            hi = mid;
    }
    *from = lo;
    while (lo < sc->x->n && sc->x->m[lo].span.start < sp.end)
        lo++;
    *to = lo;
}

/* Distinct names of officials in sentence si (ended inside it), in order; si may be past the end. */
static void officials_of(const scene *sc, size_t si, gx_strvec *out, gx_strmap *set)
{
    if (si >= sc->a->n_sentences)
        return;
    size_t from, to;
    mentions_in(sc, si, &from, &to);
    for (size_t i = from; i < to; i++) {
        const gx_mention *o = &sc->x->m[i];
        bool added;
        if (o->type == GX_ENT_OFFICIAL && o->span.end <= sc->a->sentences[si].end) {
            gx_strmap_put(set, o->name, strlen(o->name), 1, &added);
            if (added && out)
                gx_strvec_push(out, o->name);
        }
    }
}

/* 仲旭东带队走访人才企业: officials who lead a visit in the article's first two sentences. */
static void find_leaders(scene *sc)
{
    for (size_t si = 0; si < sc->a->n_sentences && si < 2; si++)
        if (words_of(sc, si) & (1u << EW_VISIT))
            officials_of(sc, si, &sc->leaders, &sc->is_leader);
}

/* Records an event once; false when the article's event budget is spent. */
static bool add_event(scene *sc, gx_extraction *x, gx_event_kind k, const char *official,
                      const char *company, gx_date date, gx_span sp)
{
    if (x->nev >= GX_NER_MAX_EVENTS) {
        x->truncated = true;
        return false;
    }
    gx_buf *key = &sc->key;
    gx_buf_clear(key);
    gx_buf_add_uint(key, (uint64_t)k);
    gx_buf_addc(key, '|');
    gx_buf_adds(key, official);
    gx_buf_addc(key, '|');
    gx_buf_adds(key, company);
    bool added;
    gx_strmap_put(&sc->events, key->data, key->len, 1, &added);
    if (added)
        gx_x_add_event(x, k, official, company, date, sp);
    return true;
}

/* The events of one sentence that names firms. */
static bool sentence_events(scene *sc, gx_extraction *x, size_t si, gx_date date)
{
    const gx_article *a = sc->a;
    const gx_span sp = a->sentences[si];
    unsigned here = words_of(sc, si), after = words_of(sc, si + 1);
    gx_strvec officials;
    gx_strvec_init(&officials);
    gx_strmap here_set, next_set, firms;
    gx_strmap_init(&here_set);
    gx_strmap_init(&next_set);
    gx_strmap_init(&firms);
    officials_of(sc, si, &officials, &here_set);
    if (after & (1u << EW_VISIT))
        officials_of(sc, si + 1, NULL, &next_set);
    size_t from, to;
    mentions_in(sc, si, &from, &to);
    bool go = true;
    for (size_t ci = from; go && ci < to; ci++) {
        const gx_mention *c = &x->m[ci];
        bool alias = (c->flags & GX_MF_ALIAS) != 0, added;
        if (c->type != GX_ENT_COMPANY)
            continue;
        /* a firm named twice in a sentence, the same way, adds nothing */
        gx_strmap_put(&firms, c->name, strlen(c->name), alias, &added);
        int64_t *was = gx_strmap_get(&firms, c->name, strlen(c->name));
        if (!added && (*was == 0 || alias))
            continue;
        *was = alias;
        /* officials in the company's sentence with a visit or ceremony word */
        for (size_t oi = 0; go && oi < officials.n; oi++) {
            if (here & (1u << EW_VISIT))
                go = add_event(sc, x, GX_EV_VISIT, officials.v[oi], c->name, date, sp);
            else if (here & (1u << EW_CEREMONY))
                go = add_event(sc, x, GX_EV_CEREMONY, officials.v[oi], c->name, date, sp);
        }
        /* the leaders of a visit article, at each firm the piece walks through */
        for (size_t li = 0; go && !alias && li < sc->leaders.n; li++) {
            const char *l = sc->leaders.v[li];
            size_t ll = strlen(l);
            bool present = gx_strmap_get(&here_set, l, ll) || gx_strmap_get(&next_set, l, ll) ||
                           (here & (1u << EW_VISIT));
            if (present)
                go = add_event(sc, x, GX_EV_VISIT, l, c->name, date, sp);
        }
    }
    gx_strvec_destroy(&officials);
    gx_strmap_destroy(&here_set);
    gx_strmap_destroy(&next_set);
    gx_strmap_destroy(&firms);
    return go;
}

void gx_ner_events(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    if (!a->n_sentences)
        return;
    scene sc = {.lex = lex, .a = a, .x = x};
    sc.words = gx_xmalloc(a->n_sentences * sizeof *sc.words);
    for (size_t i = 0; i < a->n_sentences; i++)
        sc.words[i] = NOT_YET;
    gx_strvec_init(&sc.leaders);
    gx_strmap_init(&sc.is_leader);
    gx_strmap_init(&sc.events);
    find_leaders(&sc);
    gx_date date = a->event_date ? a->event_date : a->date;
    size_t last = a->n_sentences;
    for (size_t ci = 0; ci < x->n; ci++) {
        if (x->m[ci].type != GX_ENT_COMPANY)
            continue;
        size_t si = sentence_of(a, x->m[ci].span.start);
        if (si >= a->n_sentences || si == last)
            continue;
        last = si;
        if (!sentence_events(&sc, x, si, date))
            break;
    }
    free(sc.words);
    gx_strvec_destroy(&sc.leaders);
    gx_strmap_destroy(&sc.is_leader);
    gx_strmap_destroy(&sc.events);
    gx_buf_destroy(&sc.key);
}
