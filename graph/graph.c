/* graph.c — accumulating entities, co-occurring pairs and visits over articles; merging shards. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void gx_graph_options_init(gx_graph_options *o)
{
    memset(o, 0, sizeof *o);
    o->types = 1u << GX_ENT_OFFICIAL | 1u << GX_ENT_COMPANY | 1u << GX_ENT_PLACE;
}

void gx_dates_add(gx_dates *d, gx_date x)
{
    if (!x)
        return;
    const gx_date *v = gx_dates_v(d);
    size_t lo = 0, hi = d->n;
    if (hi && v[hi - 1] <= x) { /* the common case: articles come about in date order */
        if (v[hi - 1] == x)
            return;
        lo = hi;
    }
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < d->n && v[lo] == x)
        return;
    if (!d->cap && d->n == 2) { /* the third date: to the heap */
        gx_date *h = gx_xmalloc(4 * sizeof *h);
        memcpy(h, d->in, 2 * sizeof *h);
        d->heap = h;
        d->cap = 4;
    } else if (d->cap && d->n == d->cap) {
        if (d->cap > UINT32_MAX / 2)
            abort(); /* four billion distinct dates: not a calendar */
        d->heap = gx_xrealloc(d->heap, 2 * (size_t)d->cap * sizeof *d->heap);
        d->cap *= 2;
    }
    gx_date *w = d->cap ? d->heap : d->in;
    memmove(w + lo + 1, w + lo, (d->n - lo) * sizeof *w);
    w[lo] = x;
    d->n++;
}

void gx_dates_free(gx_dates *d)
{
    if (d->cap)
        free(d->heap);
    *d = (gx_dates){0};
}

/* dst ∪ src, by one pass over both (the shards of a corpus read in parallel hold interleaved
 * days, which inserted one by one would move the longest lists over and over). */
void gx_dates_merge(gx_dates *dst, const gx_dates *src)
{
    const gx_date *a = gx_dates_v(dst), *b = gx_dates_v(src);
    size_t na = dst->n, nb = src->n;
    if (nb <= 2 || (na && a[na - 1] < b[0])) {
        for (size_t i = 0; i < nb; i++)
            gx_dates_add(dst, b[i]);
        return;
    }
    if (na + nb > UINT32_MAX)
        abort(); /* four billion distinct dates: not a calendar */
    gx_date *m = gx_xmalloc((na + nb) * sizeof *m);
    size_t i = 0, j = 0, k = 0;
    while (i < na || j < nb) {
        gx_date x = j == nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
        i += i < na && a[i] == x;
        j += j < nb && b[j] == x;
        m[k++] = x;
    }
    gx_dates_free(dst);
    dst->heap = m; /* k > 2: src alone had more than two */
    dst->n = (uint32_t)k;
    dst->cap = (uint32_t)(na + nb);
}

gx_graph *gx_graph_new(const gx_graph_options *opt)
{
    gx_graph *g = gx_xcalloc(1, sizeof *g);
    if (opt)
        g->opt = *opt;
    else
        gx_graph_options_init(&g->opt);
    gx_strmap_init(&g->index);
    return g;
}

void gx_graph_free(gx_graph *g)
{
    if (!g)
        return;
    for (size_t i = 0; i < g->n; i++) {
        entity *e = &g->ent[i];
        free(e->name);
        free(e->code);
        free(e->level);
        free(e->parent);
        gx_strvec_destroy(&e->aliases);
        for (size_t k = 0; k < e->ntitles; k++)
            free(e->titles[k].title);
        free(e->titles);
        gx_dates_free(&e->dates);
    }
    free(g->ent);
    gx_graph_drop_pairs(g);
    gx_strmap_destroy(&g->index);
    free(g->log);
    free(g);
}

void gx_graph_drop_pairs(gx_graph *g)
{
    for (size_t i = 0; i < g->np; i++)
        gx_dates_free(&g->pairs[i].dates);
    free(g->pairs);
    g->pairs = NULL;
    g->np = g->cp = 0;
    for (size_t i = 0; i < g->nvisit; i++)
        gx_dates_free(&g->visit[i].dates);
    free(g->visit);
    g->visit = NULL;
    g->nvisit = g->cvisit = 0;
}

/* The entity for (type, name), created if new. */
static void replace(char **field, const char *value)
{
    free(*field);
    *field = gx_xstrdup(value ? value : "");
}

/* A place's code, level and parent: those of the lowest code seen (a spelling two divisions
 * share is one node), or for a place without a code (a zone, a country) the lowest level name,
 * so that the result does not depend on the order articles come in. */
static void set_place(entity *e, const char *code, const char *level, const char *parent)
{
    bool take = *code ? !*e->code || strcmp(code, e->code) < 0
                      : !*e->code && (!*e->level || strcmp(level, e->level) < 0);
    if (!take)
        return;
    replace(&e->code, code);
    replace(&e->level, level);
    replace(&e->parent, parent);
}

uint32_t gx_graph_entity(gx_graph *g, gx_etype type, const char *name)
{
    size_t len = strlen(name);
    char small[256];
    char *key = len + 1 <= sizeof small ? small : gx_xmalloc(len + 1); /* type digit + name */
    key[0] = (char)('0' + type);
    memcpy(key + 1, name, len);
    bool added;
    int64_t *slot = gx_strmap_put(&g->index, key, len + 1, (int64_t)g->n, &added);
    if (key != small)
        free(key);
    if (added) {
        GX_GROW(g->ent, g->cap, g->n + 1);
        entity *e = &g->ent[g->n++];
        memset(e, 0, sizeof *e);
        e->name = gx_xstrdup(name);
        e->type = type;
        e->code = gx_xstrdup("");
        e->level = gx_xstrdup("");
        e->parent = gx_xstrdup("");
        gx_strvec_init(&e->aliases);
    }
    return (uint32_t)*slot;
}

static void add_title(entity *e, const char *title, size_t len, gx_date d)
{
    for (size_t k = 0; k < e->ntitles; k++) {
        title_span *t = &e->titles[k];
        if (strlen(t->title) == len && memcmp(t->title, title, len) == 0) {
            if (d && (!t->first || d < t->first))
                t->first = d;
            if (d > t->last)
                t->last = d;
            return;
        }
    }
    GX_GROW(e->titles, e->ctitles, e->ntitles + 1);
    e->titles[e->ntitles++] = (title_span){gx_xstrndup(title, len), d, d};
}

static void add_split(gx_strvec *v, const char *list)
{
    gx_strvec parts;
    gx_strvec_init(&parts);
    gx_strvec_split(&parts, list, '|');
    for (size_t i = 0; i < parts.n; i++)
        if (!gx_strvec_contains(v, parts.v[i]))
            gx_strvec_push(v, parts.v[i]);
    gx_strvec_destroy(&parts);
}

static bool keep(const gx_graph_options *o, const gx_mention *m)
{
    switch (m->type) {
    case GX_ENT_JOURNALIST: return o->journalists;
    case GX_ENT_PERSON: return (m->flags & GX_MF_REFERENCED) ? o->referenced : o->persons;
    default: return (o->types >> m->type) & 1u;
    }
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* An entity placed in a window of its article (0 for the whole article). */
typedef struct placed {
    uint32_t win, id;
} placed;

static int cmp_placed(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    if (x->win != y->win)
        return x->win < y->win ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static size_t sort_unique_u32(uint32_t *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_u32);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || v[k - 1] != v[i])
            v[k++] = v[i];
    return k;
}

/* Where each window of an article starts: paragraphs after each '\n', or the sentences. */
static size_t window_starts(gx_window w, const gx_article *a, size_t **out)
{
    size_t n = 0, cap = 0;
    size_t *v = NULL;
    GX_GROW(v, cap, 1);
    v[n++] = 0;
    if (w == GX_WIN_PARAGRAPH) {
        for (size_t i = 0; i < a->len; i++)
            if (a->text[i] == '\n' && i + 1 < a->len) {
                GX_GROW(v, cap, n + 1);
                v[n++] = i + 1;
            }
    } else if (w == GX_WIN_SENTENCE) {
        for (size_t i = 1; i < a->n_sentences; i++) {
            GX_GROW(v, cap, n + 1);
            v[n++] = a->sentences[i].start;
        }
    }
    *out = v;
    return n;
}

/* The window holding byte `at`: the last one starting at or before it. */
static uint32_t window_of(const size_t *starts, size_t n, size_t at)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (starts[mid] <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)(lo ? lo - 1 : 0);
}

/* Visit events on the official–company pair. */
static void add_visits(gx_graph *g, const gx_extraction *x)
{
    for (size_t i = 0; i < x->nev; i++) {
        const gx_event *ev = &x->ev[i];
        if (ev->kind != GX_EV_VISIT)
            continue;
        int64_t *oa = NULL, *cb = NULL;
        gx_buf key;
        gx_buf_init(&key);
        gx_buf_addc(&key, (char)('0' + GX_ENT_OFFICIAL));
        gx_buf_adds(&key, ev->official);
        oa = gx_strmap_get(&g->index, key.data, key.len);
        key.len = 0;
        gx_buf_addc(&key, (char)('0' + GX_ENT_COMPANY));
        gx_buf_adds(&key, ev->company);
        cb = gx_strmap_get(&g->index, key.data, key.len);
        gx_buf_destroy(&key);
        if (!oa || !cb)
            continue;
        gx_graph_sighting(g, (uint32_t)*oa, (uint32_t)*cb, ev->date, true);
        g->visits++;
    }
}

void gx_graph_add(gx_graph *g, const gx_article *a, const gx_extraction *x)
{
    gx_date d = a->event_date ? a->event_date : a->date;
    if ((g->opt.since && (!d || d < g->opt.since)) || (g->opt.until && (!d || d > g->opt.until)))
        return;
    g->articles++;
    if (!d)
        g->undated++;
    placed *ids = NULL;
    size_t n = 0, cap = 0;
    size_t *starts;
    size_t nstarts = window_starts(g->opt.window, a, &starts);
    for (size_t i = 0; i < x->n; i++) {
        const gx_mention *m = &x->m[i];
        if (!keep(&g->opt, m))
            continue;
        uint32_t id = gx_graph_entity(g, m->type, m->name);
        entity *e = &g->ent[id];
        for (const char *t = m->titles; m->type != GX_ENT_PLACE && *t;) {
            const char *bar = strchr(t, '|');
            size_t tl = bar ? (size_t)(bar - t) : strlen(t);
            add_title(e, t, tl, d);
            t = bar ? bar + 1 : t + tl;
        }
        add_split(&e->aliases, m->aliases);
        if (m->flags & GX_MF_ALIAS) {
            char *surface = gx_xstrndup(a->text + m->span.start, m->span.end - m->span.start);
            if (strcmp(surface, e->name) != 0 && m->type == GX_ENT_COMPANY && !gx_strvec_contains(&e->aliases, surface))
                gx_strvec_push(&e->aliases, surface);
            free(surface);
        }
        if (m->type == GX_ENT_PLACE)
            set_place(e, m->code, m->titles, m->parent);
        GX_GROW(ids, cap, n + 1);
        ids[n++] = (placed){window_of(starts, nstarts, m->span.start), id};
    }
    /* entities count once per article */
    uint32_t *ents = gx_xmalloc((n ? n : 1) * sizeof *ents);
    for (size_t i = 0; i < n; i++)
        ents[i] = ids[i].id;
    size_t ne = sort_unique_u32(ents, n);
    for (size_t i = 0; i < ne; i++) {
        g->ent[ents[i]].mentions++;
        gx_dates_add(&g->ent[ents[i]].dates, d);
    }
    free(ents);
    /* pairs count once per window in which both appear */
    if (n > 1)
        qsort(ids, n, sizeof *ids, cmp_placed);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || ids[k - 1].win != ids[i].win || ids[k - 1].id != ids[i].id)
            ids[k++] = ids[i];
    n = k;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n && ids[j].win == ids[i].win; j++)
            gx_graph_sighting(g, ids[i].id, ids[j].id, d, false);
    add_visits(g, x);
    free(ids);
    free(starts);
}

/* Room for `need` pairs, exactly: the pairs of a large network take gigabytes, and doubling
 * past what a merge needs would take as much again. */
static void reserve_pairs(gx_graph *g, size_t need)
{
    if (need <= g->cp)
        return;
    g->pairs = gx_xrealloc(g->pairs, need * sizeof *g->pairs);
    g->cp = need;
}

void gx_graph_merge(gx_graph *dst, gx_graph *src)
{
    /* src's pairs (its log folded in) are appended, their ends renumbered as dst's entities, and a
     * pair both hold is combined when the network is built or dst's log is next folded
     * (gx_graph_sort_pairs): looking each up among dst's would cost more than that sort. */
    gx_graph_fold(src, true);
    reserve_pairs(dst, dst->np + src->np);
    uint32_t *map = gx_xmalloc((src->n ? src->n : 1) * sizeof *map);
    for (size_t i = 0; i < src->n; i++) {
        const entity *s = &src->ent[i];
        map[i] = gx_graph_entity(dst, s->type, s->name);
        entity *d = &dst->ent[map[i]];
        d->mentions += s->mentions;
        gx_dates_merge(&d->dates, &s->dates);
        for (size_t k = 0; k < s->aliases.n; k++)
            if (!gx_strvec_contains(&d->aliases, s->aliases.v[k]))
                gx_strvec_push(&d->aliases, s->aliases.v[k]);
        for (size_t k = 0; k < s->ntitles; k++) {
            add_title(d, s->titles[k].title, strlen(s->titles[k].title), s->titles[k].first);
            add_title(d, s->titles[k].title, strlen(s->titles[k].title), s->titles[k].last);
        }
        if (s->type == GX_ENT_PLACE)
            set_place(d, s->code, s->level, s->parent);
    }
    size_t base = dst->nvisit; /* src's visits move too, after dst's */
    if (src->nvisit) {
        dst->visit = gx_xrealloc(dst->visit, (base + src->nvisit) * sizeof *dst->visit);
        memcpy(dst->visit + base, src->visit, src->nvisit * sizeof *src->visit);
        dst->nvisit = dst->cvisit = base + src->nvisit;
    }
    for (size_t i = 0; i < src->np; i++) { /* their dates move with them */
        pair p = src->pairs[i];
        uint32_t x = map[p.source], y = map[p.target];
        p.source = x < y ? x : y;
        p.target = x < y ? y : x;
        if (p.visit)
            p.visit += (uint32_t)base;
        dst->pairs[dst->np++] = p;
    }
    src->np = src->nvisit = 0;
    dst->articles += src->articles;
    dst->undated += src->undated;
    dst->visits += src->visits;
    free(map);
    gx_graph_free(src);
}

gx_graph *gx_graph_merge_all(gx_graph **shards, size_t n)
{
    size_t big = 0;
    for (size_t k = 1; k < n; k++)
        if (shards[k]->np + shards[k]->n > shards[big]->np + shards[big]->n)
            big = k;
    gx_graph_fold(shards[big], true); /* while its pairs are in order: only new ones are added */
    for (size_t k = 0; k < n; k++)
        if (k != big)
            gx_graph_merge(shards[big], shards[k]);
    return shards[big];
}
