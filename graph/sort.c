/* sort.c — the accumulated pairs put in order of their ends, and the copies that merged shards
 * left of one pair combined.
 *
 * A counting sort by source: each thread counts the sources of its own stretch of the pairs, and
 * then scatters that stretch into a second array, each source's run taking the first thread's
 * pairs first, so the runs come out in the pairs' own order whatever the number of threads; then
 * each run is sorted by target and neighbours with the same ends are combined.  (The sort used to
 * be in place, following the permutation's cycles, to spare the second array; building the
 * network renumbers every pair anyway.  At 1 GB this stage became the build's peak in stop 27,
 * 3.68 GiB, once the last fold and Leiden needed less; following the cycles in place again,
 * tried then, took the stage from 7.4 to 17.8 s on one thread for a peak of 3.57 GiB, Leiden's.) */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_SORT_THREADS = 4 };

typedef struct stretch {
    pair *from, *to;
    size_t lo, hi;      /* the stretch of pairs, or (when sorting runs) of sources */
    size_t *next;       /* where each source's next pair goes (count, then offset) */
    const uint32_t *rank;
    const size_t *start; /* each source's run in the sorted pairs */
} stretch;

static void *count(void *arg)
{
    stretch *s = arg;
    for (size_t i = s->lo; i < s->hi; i++) {
        pair *p = &s->from[i];
        if (s->rank) {
            uint32_t a = s->rank[p->source], b = s->rank[p->target];
            p->source = a < b ? a : b;
            p->target = a < b ? b : a;
        }
        s->next[p->source]++;
    }
    return NULL;
}

static void *scatter(void *arg)
{
    stretch *s = arg;
    for (size_t i = s->lo; i < s->hi; i++)
        s->to[s->next[s->from[i].source]++] = s->from[i];
    return NULL;
}

static int cmp_target(const void *pa, const void *pb)
{
    const pair *a = pa, *b = pb;
    return a->target < b->target ? -1 : a->target > b->target;
}

static inline void swap_pairs(pair *a, pair *b)
{
    pair t = *a;
    *a = *b;
    *b = t;
}

/* Puts a[0..n) in order of target.  Pairs with the same target have the same ends and are combined
 * after, whatever their order, so the sort need not be stable: a quicksort (the median of three,
 * Hoare's partition) down to runs of 16, each then sorted by insertion, with qsort past a depth
 * of 2 log n.  It compares inline and moves the 32-byte pairs itself; qsort's calls through a
 * pointer and copies through a buffer were most of the edges' stage (a source's run is 27 pairs
 * on average at 1 GB, and there are 1.4 million). */
static void sort_by_target(pair *a, size_t n, int depth)
{
    while (n > 16) {
        if (depth-- == 0) {
            qsort(a, n, sizeof *a, cmp_target);
            return;
        }
        pair *mid = a + n / 2, *last = a + n - 1;
        if (mid->target < a->target)
            swap_pairs(mid, a);
        if (last->target < mid->target) {
            swap_pairs(last, mid);
            if (mid->target < a->target)
                swap_pairs(mid, a);
        }
        uint32_t pivot = mid->target;
        size_t i = 0, j = n - 1; /* a[0] <= pivot <= a[n - 1]: both scans stop inside */
        for (;;) {
            while (a[++i].target < pivot) {}
            while (a[--j].target > pivot) {}
            if (i >= j)
                break;
            swap_pairs(&a[i], &a[j]);
        }
        size_t left = j + 1; /* a[0..left) <= pivot <= a[left..n) */
        if (left < n - left) {
            sort_by_target(a, left, depth);
            a += left;
            n -= left;
        } else {
            sort_by_target(a + left, n - left, depth);
            n = left;
        }
    }
    for (size_t i = 1; i < n; i++) {
        pair x = a[i];
        size_t j = i;
        for (; j > 0 && a[j - 1].target > x.target; j--)
            a[j] = a[j - 1];
        a[j] = x;
    }
}

static void *sort_runs(void *arg)
{
    stretch *s = arg;
    for (size_t v = s->lo; v < s->hi; v++) {
        size_t n = s->start[v + 1] - s->start[v];
        if (n > 1) {
            int depth = 0;
            for (size_t k = n; k > 1; k >>= 1)
                depth += 2;
            sort_by_target(s->to + s->start[v], n, depth);
        }
    }
    return NULL;
}

/* Runs fn on each of the k stretches, the first on the calling thread. */
static void run_all(void *(*fn)(void *), stretch *st, int k)
{
    pthread_t tid[MAX_SORT_THREADS];
    bool started[MAX_SORT_THREADS] = {false};
    for (int t = 1; t < k; t++)
        started[t] = pthread_create(&tid[t], NULL, fn, &st[t]) == 0;
    for (int t = 0; t < k; t++)
        if (t == 0 || !started[t])
            fn(&st[t]);
    for (int t = 1; t < k; t++)
        if (started[t])
            pthread_join(tid[t], NULL);
}

/* b's weight, dates and visits join a's (the same two ends); b is left without dates. */
static void combine(gx_graph *g, pair *a, pair *b)
{
    a->weight += b->weight;
    gx_dates_merge(&a->dates, &b->dates);
    gx_dates_free(&b->dates);
    if (!b->visit)
        return;
    if (!a->visit) {
        a->visit = b->visit;
        return;
    }
    gx_visits *va = &g->visit[a->visit - 1], *vb = &g->visit[b->visit - 1];
    va->n += vb->n;
    gx_dates_merge(&va->dates, &vb->dates);
    gx_dates_free(&vb->dates);
    vb->n = 0; /* unreferenced from here on */
}

void gx_graph_sort_pairs(gx_graph *g, const uint32_t *rank, int threads)
{
    size_t m = g->np, n = g->n;
    int k = threads < 1 ? 1 : threads > MAX_SORT_THREADS ? MAX_SORT_THREADS : threads;
    if ((size_t)k > m / 65536 + 1)
        k = (int)(m / 65536 + 1); /* small: one thread */
    stretch st[MAX_SORT_THREADS];
    for (int t = 0; t < k; t++)
        st[t] = (stretch){.from = g->pairs, .lo = m * t / k, .hi = m * (t + 1) / k, .rank = rank,
                          .next = gx_xcalloc(n + 1, sizeof(size_t))};
    run_all(count, st, k);
    /* each source's run, and within it each stretch's place, in order */
    size_t *start = gx_xmalloc((n + 1) * sizeof *start), at = 0;
    for (size_t v = 0; v < n; v++) {
        start[v] = at;
        for (int t = 0; t < k; t++) {
            size_t c = st[t].next[v];
            st[t].next[v] = at;
            at += c;
        }
    }
    start[n] = at;
    pair *e = gx_xmalloc((m ? m : 1) * sizeof *e);
    for (int t = 0; t < k; t++)
        st[t].to = e;
    run_all(scatter, st, k);
    for (int t = 0; t < k; t++)
        free(st[t].next);
    free(g->pairs);
    /* the runs, cut into stretches of about as many pairs each */
    size_t v = 0;
    for (int t = 0; t < k; t++) {
        st[t] = (stretch){.to = e, .start = start, .lo = v};
        size_t until = m * (t + 1) / k;
        while (v < n && (t == k - 1 || start[v + 1] <= until))
            v++;
        st[t].hi = v;
    }
    run_all(sort_runs, st, k);
    free(start);
    size_t w = 0;
    for (size_t i = 0; i < m; i++) {
        if (w && e[w - 1].source == e[i].source && e[w - 1].target == e[i].target)
            combine(g, &e[w - 1], &e[i]);
        else
            e[w++] = e[i];
    }
    g->pairs = e;
    g->np = g->nsorted = w;
    g->cp = m;
}
