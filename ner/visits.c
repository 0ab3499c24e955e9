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

/* Distinct names with a value each: the officials or firms of a sentence, the leaders of an
 * article, a few at a time, so a name is looked for one by one.  The names are the mentions' own
 * strings (the rules add events, not mentions, so they stay), not copied; the first eight are
 * kept in the set itself. */
typedef struct name_set {
    const char **v;
    int *val;
    size_t n, cap;
    const char *few[8];
    int few_val[8];
} name_set;

static void set_init(name_set *ns)
{
    ns->v = ns->few;
    ns->val = ns->few_val;
    ns->n = 0;
    ns->cap = sizeof ns->few / sizeof ns->few[0];
}

static void set_destroy(name_set *ns)
{
    if (ns->v != ns->few) {
        free(ns->v);
        free(ns->val);
    }
}

/* The value slot of name, or NULL. */
static int *set_get(name_set *ns, const char *name)
{
    for (size_t i = 0; i < ns->n; i++)
        if (strcmp(ns->v[i], name) == 0)
            return &ns->val[i];
    return NULL;
}

/* The value slot of name, added with val if it is new (*added says which). */
static int *set_put(name_set *ns, const char *name, int val, bool *added)
{
    int *had = set_get(ns, name);
    *added = had == NULL;
    if (had)
        return had;
    if (ns->n == ns->cap) {
        size_t cap = ns->cap * 2;
        const char **v = gx_xmalloc(cap * sizeof *v);
        int *vals = gx_xmalloc(cap * sizeof *vals);
        memcpy(v, ns->v, ns->n * sizeof *v);
        memcpy(vals, ns->val, ns->n * sizeof *vals);
        set_destroy(ns);
        ns->v = v;
        ns->val = vals;
        ns->cap = cap;
    }
    ns->v[ns->n] = name;
    ns->val[ns->n] = val;
    return &ns->val[ns->n++];
}

/* What the event rules look up about an article, each computed once. */
typedef struct scene {
    const gx_lexicon *lex;
    const gx_article *a;
    const gx_extraction *x;
    unsigned *words;     /* per sentence: event word bits, or NOT_YET */
    name_set leaders;    /* who leads the visit the article reports, in order of mention */
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

/* Distinct names of officials in sentence si (ended inside it), in order, into set; si may be past
 * the end. */
static void officials_of(const scene *sc, size_t si, name_set *set)
{
    if (si >= sc->a->n_sentences)
        return;
    size_t from, to;
    mentions_in(sc, si, &from, &to);
    for (size_t i = from; i < to; i++) {
        const gx_mention *o = &sc->x->m[i];
        bool added;
        if (o->type == GX_ENT_OFFICIAL && o->span.end <= sc->a->sentences[si].end)
            set_put(set, o->name, 1, &added);
    }
}

/* 仲旭东带队走访人才企业: officials who lead a visit in the article's first two sentences. */
static void find_leaders(scene *sc)
{
    for (size_t si = 0; si < sc->a->n_sentences && si < 2; si++)
        if (words_of(sc, si) & (1u << EW_VISIT))
            officials_of(sc, si, &sc->leaders);
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
    name_set officials, next_set, firms; /* firms: value 1 while named only by an alias */
    set_init(&officials);
    set_init(&next_set);
    set_init(&firms);
    officials_of(sc, si, &officials);
    if (after & (1u << EW_VISIT))
        officials_of(sc, si + 1, &next_set);
    size_t from, to;
    mentions_in(sc, si, &from, &to);
    bool go = true;
    for (size_t ci = from; go && ci < to; ci++) {
        const gx_mention *c = &x->m[ci];
        bool alias = (c->flags & GX_MF_ALIAS) != 0, added;
        if (c->type != GX_ENT_COMPANY)
            continue;
        /* a firm named twice in a sentence, the same way, adds nothing */
        int *was = set_put(&firms, c->name, alias, &added);
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
            bool present = set_get(&officials, l) || set_get(&next_set, l) || (here & (1u << EW_VISIT));
            if (present)
                go = add_event(sc, x, GX_EV_VISIT, l, c->name, date, sp);
        }
    }
    set_destroy(&officials);
    set_destroy(&next_set);
    set_destroy(&firms);
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
    set_init(&sc.leaders);
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
    set_destroy(&sc.leaders);
    gx_strmap_destroy(&sc.events);
    gx_buf_destroy(&sc.key);
}
