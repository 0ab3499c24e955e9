/* sightings.c — the co-occurrences and visits articles add, logged as they come and folded, a
 * million or more at a time, into the graph's pairs, which are kept in order of their ends.
 *
 * A hash table from two ends to their pair cost each co-occurrence a lookup that missed the
 * cache, and on the 1 GB benchmark the table (0.77 GB a reading thread) took as much memory as
 * the pairs themselves.  The log takes each sighting as it comes, 16 bytes at the end of an
 * array; once it holds half as many as there are pairs (and at least GX_LOG_MIN), it is sorted
 * by its ends (a radix sort) and merged into the pairs from their end backwards, in place.  So
 * the memory grows with the pairs, not with the text read, and a pair seen in a thousand
 * articles is still one pair. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

static uint64_t key_of(const pair *p)
{
    return (uint64_t)p->source << 32 | p->target;
}

/* A new pair, not yet seen, with the two ends of key. */
static pair pair_of(uint64_t key)
{
    return (pair){.source = (uint32_t)(key >> 32), .target = (uint32_t)key};
}

/* Bits needed for an entity id below n. */
static unsigned id_bits(size_t n)
{
    unsigned b = 1;
    while (b < 32 && (n - 1) >> b)
        b++;
    return b;
}

enum { DIGIT = 11, BUCKETS = 1 << DIGIT };

/* Sorts a[0..n) by key, keeping the order they came in among equal keys (so a pair's dates come
 * in order, the fast case of gx_dates_add), with b (n slots) as scratch; returns a or b, whichever
 * holds the sorted sightings.  Both ends are below 2^bits: the passes take the target's bits,
 * then the source's, DIGIT at a time, skipping a pass that would not move any. */
static sighting *sort_sightings(sighting *a, sighting *b, size_t n, unsigned bits)
{
    if (n < 2)
        return a;
    size_t *count = gx_xmalloc(BUCKETS * sizeof *count);
    for (unsigned half = 0; half < 64; half += 32)
        for (unsigned shift = half; shift < half + bits; shift += DIGIT) {
            memset(count, 0, BUCKETS * sizeof *count);
            for (size_t i = 0; i < n; i++)
                count[(a[i].key >> shift) & (BUCKETS - 1)]++;
            if (count[(a[0].key >> shift) & (BUCKETS - 1)] == n)
                continue; /* all in one bucket */
            size_t at = 0;
            for (size_t d = 0; d < BUCKETS; d++) {
                size_t c = count[d];
                count[d] = at;
                at += c;
            }
            for (size_t i = 0; i < n; i++)
                b[count[(a[i].key >> shift) & (BUCKETS - 1)]++] = a[i];
            sighting *t = a;
            a = b;
            b = t;
        }
    free(count);
    return a;
}

/* Sorts the log by key (sort_sightings). */
static void sort_log(gx_graph *g)
{
    size_t n = g->nlog;
    if (n < 2)
        return;
    sighting *b = gx_xmalloc(n * sizeof *b), *sorted = sort_sightings(g->log, b, n, id_bits(g->n));
    if (sorted != g->log) { /* an odd number of passes: the sorted log is in the scratch array */
        free(g->log);
        g->log = sorted;
        g->clog = n;
    } else {
        free(b);
    }
}

/* The pair's visits, made for it if it had none. */
static gx_visits *visits_of(gx_graph *g, pair *p)
{
    if (!p->visit) {
        GX_GROW(g->visit, g->cvisit, g->nvisit + 1);
        g->visit[g->nvisit++] = (gx_visits){0};
        p->visit = (uint32_t)g->nvisit;
    }
    return &g->visit[p->visit - 1];
}

/* The sightings s[0..n) (all of p's two ends) added to p. */
static void apply(gx_graph *g, pair *p, const sighting *s, size_t n)
{
    for (size_t q = 0; q < n; q++) {
        if (s[q].visit) {
            gx_visits *v = visits_of(g, p);
            v->n++;
            gx_dates_add(&v->dates, s[q].date);
        } else {
            p->weight++;
            gx_dates_add(&p->dates, s[q].date);
        }
    }
}

/* How many sightings from s share s[0]'s key. */
static size_t run_of(const sighting *s, size_t n)
{
    size_t k = 1;
    while (k < n && s[k].key == s[0].key)
        k++;
    return k;
}

/* Merges the sorted sightings s[0..n) into the pairs, which are in order and distinct, keeping
 * them so. */
static void merge_in_order(gx_graph *g, const sighting *s, size_t n)
{
    size_t fresh = 0;
    for (size_t i = 0, j = 0; j < n; j += run_of(s + j, n - j)) { /* how many pairs are new */
        while (i < g->np && key_of(&g->pairs[i]) < s[j].key)
            i++;
        fresh += i == g->np || key_of(&g->pairs[i]) != s[j].key;
    }
    GX_GROW(g->pairs, g->cp, g->np + fresh);
    /* from the end backwards, each pair moved at most once, into room no pair still needs */
    size_t i = g->np, w = g->np + fresh, j = n;
    while (j > 0) {
        size_t lo = j - 1;
        while (lo > 0 && s[lo - 1].key == s[j - 1].key)
            lo--;
        uint64_t k = s[lo].key;
        while (i > 0 && key_of(&g->pairs[i - 1]) > k)
            g->pairs[--w] = g->pairs[--i];
        if (i > 0 && key_of(&g->pairs[i - 1]) == k)
            g->pairs[--w] = g->pairs[--i];
        else
            g->pairs[--w] = pair_of(k);
        apply(g, &g->pairs[w], s + lo, j - lo);
        j = lo;
    }
    g->np += fresh;
    g->nsorted = g->np;
}

/* Appends one pair for each key of the sorted sightings s[0..n), for gx_graph_sort_pairs to
 * combine with those already held. */
static void append_runs(gx_graph *g, const sighting *s, size_t n)
{
    for (size_t j = 0, k; j < n; j += k) {
        k = run_of(s + j, n - j);
        GX_GROW(g->pairs, g->cp, g->np + 1);
        pair *p = &g->pairs[g->np++];
        *p = pair_of(s[j].key);
        apply(g, p, s + j, k);
    }
}

void gx_graph_fold(gx_graph *g, bool last)
{
    if (!g->nlog)
        return;
    if (!last) {
        if (g->nsorted < g->np)
            gx_graph_sort_pairs(g, NULL, 1); /* pairs a merge appended */
        sort_log(g);
        merge_in_order(g, g->log, g->nlog);
        g->nlog = 0; /* its memory is kept for the sightings to come */
        return;
    }
    /* The last fold comes when all the pairs are there, at the build's peak: the log is sorted a
     * part at a time, so the sort's scratch is a part's, not the log's, and each part is merged
     * into the pairs in order, which adds only the pairs not seen before.  After a merge (the
     * pairs no longer in order) each part's pairs are appended instead, for gx_graph_sort_pairs
     * to combine as it does a merge's. */
    size_t part = g->nlog / GX_LAST_FOLD_PARTS + 1;
    part = part < GX_LAST_FOLD_MIN ? GX_LAST_FOLD_MIN : part;
    part = part < g->nlog ? part : g->nlog;
    sighting *b = gx_xmalloc(part * sizeof *b);
    unsigned bits = id_bits(g->n);
    bool in_order = g->nsorted == g->np;
    for (size_t from = 0; from < g->nlog; from += part) {
        size_t n = g->nlog - from < part ? g->nlog - from : part;
        sighting *sorted = sort_sightings(g->log + from, b, n, bits);
        if (in_order)
            merge_in_order(g, sorted, n);
        else
            append_runs(g, sorted, n);
    }
    free(b);
    free(g->log); /* what the log held goes back */
    g->log = NULL;
    g->nlog = g->clog = 0;
}

void gx_graph_sighting(gx_graph *g, uint32_t a, uint32_t b, gx_date date, bool visit)
{
    if (g->nlog >= GX_LOG_MIN && g->nlog >= g->np / 2)
        gx_graph_fold(g, false);
    GX_GROW(g->log, g->clog, g->nlog + 1);
    g->log[g->nlog++] = (sighting){a < b ? (uint64_t)a << 32 | b : (uint64_t)b << 32 | a, date, visit};
}
