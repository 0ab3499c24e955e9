/* leiden.c — communities by the Leiden algorithm, on the network's own adjacency arrays.
 *
 * The algorithm is that of Traag, Waltman and van Eck, "From Louvain to Leiden: guaranteeing
 * well-connected communities" (Scientific Reports 9, 2019): nodes move greedily between
 * communities (a queue holds those whose neighbourhood changed); each community is then refined
 * into well-connected parts, merging its nodes one at a time into a part chosen at random among
 * those that gain (the better the gain, the likelier, with randomness beta); the refined parts
 * become the nodes of an aggregated network, starting in the community they came from, and the
 * same is done again until moving leaves every node alone.
 *
 * igraph's implementation asks the graph for each node's incident edges and keeps weights and
 * clusters in igraph vectors; on the 1 GB benchmark's network (1.4 M nodes, 37.8 M edges) it took
 * 100 s of a build.  Here everything is arrays of 32-bit node numbers, and the first level reads
 * the weights (article counts) as they are in the network's compressed rows. */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One level: the network itself, or an aggregate whose nodes are parts of the one below. */
typedef struct level {
    size_t n;
    size_t *off;
    uint32_t *adj;
    const uint32_t *w32; /* the network's own weights, or an aggregate's sums of them (in sums32), or */
    double *wd;          /* an aggregate's sums, where the network's total weight passes 32 bits */
    uint32_t *sums32;
    const double *k;     /* the nodes' weights: their strengths at the first level */
} level;

static inline double weight(const level *g, size_t j)
{
    return g->w32 ? g->w32[j] : g->wd[j];
}

static void aggregate_free(level *g)
{
    free(g->off);
    free(g->adj);
    free(g->wd);
    free(g->sums32);
    free((double *)g->k); /* an aggregate's own */
    *g = (level){0};
}

/* Scratch sized for the network's nodes, shared by every level (each has fewer). */
typedef struct scratch {
    uint32_t *ew32;   /* edge weight from the node at hand to each community; 0 but while in use,
                         so (every weight being positive) a community is in nbr once it is not 0 */
    double *ew;       /* the same where the network's total weight passes 32 bits (not narrow) */
    uint32_t *nbr;    /* the communities next to the node at hand (and, first, an empty one) */
    double *gain;     /* their gains (refinement) */
    double *K;        /* each community's (or part's) weight */
    uint32_t *K32;    /* the communities' weights while moving nodes, when narrow (as ew32) */
    uint32_t *size;   /* its nodes */
    uint32_t *spare;  /* empty communities, a stack */
    uint32_t *queue;  /* nodes to visit, a ring */
    bool *queued;
    uint32_t *order, *start; /* nodes grouped by community */
    uint64_t rng;
    bool narrow;      /* the network's total weight fits in 32 bits, and so every aggregate's sums */
} scratch;

/* The scratch's sums of edge weights (scratch.ew32 or .ew), through these, in functions made
 * twice (narrow or not): while the total weight fits in 32 bits every sum does, and is the same
 * number in 32-bit integers as in doubles, in half the memory read in no order. */
#define GX_HOT static inline __attribute__((always_inline))
GX_HOT bool ew_zero(const scratch *s, bool narrow, uint32_t c)
{
    return narrow ? s->ew32[c] == 0 : s->ew[c] == 0;
}
GX_HOT void ew_add(scratch *s, bool narrow, uint32_t c, const level *g, size_t j)
{
    if (narrow)
        s->ew32[c] += g->w32[j]; /* every level's weights are 32-bit when narrow */
    else
        s->ew[c] += weight(g, j);
}
GX_HOT double ew_get(const scratch *s, bool narrow, uint32_t c)
{
    return narrow ? s->ew32[c] : s->ew[c];
}
GX_HOT void ew_clear(scratch *s, bool narrow, uint32_t c)
{
    if (narrow)
        s->ew32[c] = 0;
    else
        s->ew[c] = 0;
}
/* A community's weight while moving nodes (K32 or K; a node's weight kv is a whole number). */
GX_HOT double K_get(const scratch *s, bool narrow, uint32_t c)
{
    return narrow ? s->K32[c] : s->K[c];
}
GX_HOT void K_add(scratch *s, bool narrow, uint32_t c, double kv)
{
    if (narrow)
        s->K32[c] += (uint32_t)kv;
    else
        s->K[c] += kv;
}
GX_HOT void K_sub(scratch *s, bool narrow, uint32_t c, double kv)
{
    if (narrow)
        s->K32[c] -= (uint32_t)kv;
    else
        s->K[c] -= kv;
}

static uint64_t next_random(scratch *s)
{
    s->rng = s->rng * 6364136223846793005u + 1442695040888963407u;
    return s->rng >> 11; /* 53 bits */
}

static double uniform(scratch *s) /* in [0, 1) */
{
    return (double)next_random(s) * 0x1p-53;
}

/* The nodes 0 … n - 1 into v, in a random order. */
static void random_order(scratch *s, uint32_t *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        v[i] = (uint32_t)i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)(next_random(s) % i);
        uint32_t t = v[i - 1];
        v[i - 1] = v[j];
        v[j] = t;
    }
}

/* Numbers memb's communities 0, 1, … by first appearance; returns how many there are. */
static size_t compact(uint32_t *memb, size_t n, uint32_t *map)
{
    for (size_t i = 0; i < n; i++)
        map[i] = UINT32_MAX;
    size_t next = 0;
    for (size_t v = 0; v < n; v++) {
        if (map[memb[v]] == UINT32_MAX)
            map[memb[v]] = (uint32_t)next++;
        memb[v] = map[memb[v]];
    }
    return next;
}

/* Groups the nodes by community (memb numbered 0 … c - 1), each group in a random order: the
 * nodes of community i are s->order[s->start[i]] … s->order[s->start[i + 1] - 1]. */
static void group(scratch *s, const uint32_t *memb, size_t n, size_t c)
{
    uint32_t *shuffled = s->queue; /* free between movings */
    random_order(s, shuffled, n);
    memset(s->start, 0, (c + 1) * sizeof *s->start);
    for (size_t v = 0; v < n; v++)
        s->start[memb[v] + 1]++;
    for (size_t i = 0; i < c; i++)
        s->start[i + 1] += s->start[i];
    uint32_t *fill = s->size; /* free here too */
    memcpy(fill, s->start, c * sizeof *fill);
    for (size_t i = 0; i < n; i++)
        s->order[fill[memb[shuffled[i]]]++] = shuffled[i];
}

/* Moves nodes between communities while one gains: each node in the queue leaves its community
 * and joins the neighbouring one (or an empty one) where it adds most to the quality
 * w(v, C) - gamma k_v K_C, staying on a tie; a node that moves queues its neighbours outside its
 * new community.  memb is both the start and the result. */
GX_HOT void move_nodes_(const level *g, uint32_t *memb, double gamma, scratch *s, bool narrow)
{
    size_t n = g->n, spares = 0;
    for (size_t c = 0; c < n; c++)
        s->size[c] = 0;
    if (narrow)
        memset(s->K32, 0, n * sizeof *s->K32);
    else
        memset(s->K, 0, n * sizeof *s->K);
    for (size_t v = 0; v < n; v++) {
        K_add(s, narrow, memb[v], g->k[v]);
        s->size[memb[v]]++;
    }
    for (size_t c = n; c-- > 0;)
        if (!s->size[c])
            s->spare[spares++] = (uint32_t)c;
    random_order(s, s->queue, n);
    for (size_t v = 0; v < n; v++)
        s->queued[v] = true;
    size_t head = 0, waiting = n;
    while (waiting) {
        uint32_t v = s->queue[head];
        head = head + 1 == n ? 0 : head + 1;
        waiting--;
        s->queued[v] = false;
        uint32_t from = memb[v];
        double kv = g->k[v];
        K_sub(s, narrow, from, kv);
        if (--s->size[from] == 0)
            s->spare[spares++] = from;
        /* an empty community first (there is one: v has left its own), then v's neighbours' */
        size_t nn = 0;
        uint32_t empty = s->spare[spares - 1];
        s->nbr[nn++] = empty;
        for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
            uint32_t u = g->adj[j];
            if (u == v)
                continue;
            uint32_t c = memb[u];
            if (ew_zero(s, narrow, c))
                s->nbr[nn++] = c;
            ew_add(s, narrow, c, g, j);
        }
        uint32_t best = from;
        double most = ew_get(s, narrow, from) - kv * K_get(s, narrow, from) * gamma;
        for (size_t i = 0; i < nn; i++) {
            uint32_t c = s->nbr[i];
            double d = ew_get(s, narrow, c) - kv * K_get(s, narrow, c) * gamma;
            if (d > most) {
                most = d;
                best = c;
            }
            ew_clear(s, narrow, c);
        }
        K_add(s, narrow, best, kv);
        if (s->size[best]++ == 0)
            spares--; /* it was the empty one on top */
        if (best == from)
            continue;
        memb[v] = best;
        for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
            uint32_t u = g->adj[j];
            if (!s->queued[u] && memb[u] != best) {
                size_t tail = head + waiting;
                s->queue[tail >= n ? tail - n : tail] = u;
                s->queued[u] = true;
                waiting++;
            }
        }
    }
}

static void move_nodes(const level *g, uint32_t *memb, double gamma, scratch *s)
{
    if (s->narrow)
        move_nodes_(g, memb, gamma, s, true);
    else
        move_nodes_(g, memb, gamma, s, false);
}

/* Splits each of the c communities of memb into well-connected parts: every node starts alone;
 * in a random order, a node still alone and well connected to the rest of its community
 * (w(v, C - v) >= gamma k_v (K_C - k_v)) joins a part of its community that is well connected
 * too, or stays alone, chosen with probability proportional to exp(gain / beta) among the
 * choices that do not lose.  part[v] gets v's part, named by one of its nodes. */
GX_HOT void refine_(const level *g, const uint32_t *memb, size_t c, double gamma, double beta, uint32_t *part,
                    scratch *s, bool narrow)
{
    size_t n = g->n;
    double *Kpart = s->K, *ext = s->gain + n; /* gain has 2n slots: the second half, ext */
    bool *joined = s->queued;                 /* a part that another node has joined */
    double *Kcomm = gx_xcalloc(c, sizeof *Kcomm);
    for (size_t v = 0; v < n; v++) {
        part[v] = (uint32_t)v;
        Kpart[v] = g->k[v];
        Kcomm[memb[v]] += g->k[v];
        joined[v] = false;
        double e = 0;
        for (size_t j = g->off[v]; j < g->off[v + 1]; j++)
            if (g->adj[j] != v && memb[g->adj[j]] == memb[v])
                e += weight(g, j);
        ext[v] = e;
    }
    group(s, memb, n, c);
    for (size_t i = 0; i < c; i++) {
        double KC = Kcomm[i];
        for (size_t t = s->start[i]; t < s->start[i + 1]; t++) {
            uint32_t v = s->order[t];
            double kv = g->k[v];
            if (joined[v] || ext[v] < kv * (KC - kv) * gamma)
                continue;
            Kpart[v] = 0;
            ext[v] = 0;
            size_t nn = 0;
            s->nbr[nn++] = v; /* alone: v's own part, empty now (no neighbour is in it) */
            for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
                uint32_t u = g->adj[j];
                if (u == v || memb[u] != i)
                    continue;
                uint32_t p = part[u];
                if (ew_zero(s, narrow, p))
                    s->nbr[nn++] = p;
                ew_add(s, narrow, p, g, j);
            }
            double most = 0;
            for (size_t q = 0; q < nn; q++) {
                uint32_t p = s->nbr[q];
                double d = -INFINITY;
                if (ext[p] >= Kpart[p] * (KC - Kpart[p]) * gamma)
                    d = ew_get(s, narrow, p) - kv * Kpart[p] * gamma;
                s->gain[q] = d;
                most = d > most ? d : most;
                ew_clear(s, narrow, p);
            }
            /* exp((d - most) / beta): the same odds as exp(d / beta), without overflowing; a
             * choice below e^-40 of the best one is left out */
            double sum = 0;
            for (size_t q = 0; q < nn; q++) {
                double x = s->gain[q] >= 0 ? (s->gain[q] - most) / beta : -INFINITY;
                s->gain[q] = x > -40 ? exp(x) : 0;
                sum += s->gain[q];
            }
            double r = uniform(s) * sum;
            uint32_t chosen = v;
            for (size_t q = 0; q < nn; q++) {
                if (s->gain[q] > 0) {
                    chosen = s->nbr[q];
                    if (r < s->gain[q])
                        break;
                    r -= s->gain[q];
                }
            }
            Kpart[chosen] += kv;
            for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
                uint32_t u = g->adj[j];
                if (u == v || memb[u] != i)
                    continue;
                ext[chosen] += part[u] == chosen ? -weight(g, j) : weight(g, j);
            }
            part[v] = chosen;
            if (chosen != v)
                joined[chosen] = true;
        }
    }
    free(Kcomm);
}

static void refine(const level *g, const uint32_t *memb, size_t c, double gamma, double beta, uint32_t *part,
                   scratch *s)
{
    if (s->narrow)
        refine_(g, memb, c, gamma, beta, part, s, true);
    else
        refine_(g, memb, c, gamma, beta, part, s, false);
}

/* The network whose nodes are g's p parts (part numbered 0 … p - 1): a node's weight is its
 * part's, and two are joined by the sum of the weights between their parts (a part's edges
 * within itself are left out: they move with it and change no gain).  The sums are of article
 * counts, so while the network's total weight fits in 32 bits they are kept in 32 bits, as the
 * same numbers: 8 bytes an arc instead of 12.  The arrays are allocated for g's arcs, the most
 * the aggregate can have, and only the pages written count; they are cut to size at the end. */
static level aggregate(const level *g, const uint32_t *part, size_t p, scratch *s)
{
    level a = {.n = p};
    a.off = gx_xmalloc((p + 1) * sizeof *a.off);
    double *k = gx_xcalloc(p ? p : 1, sizeof *k);
    a.k = k;
    size_t bound = g->off[g->n] ? g->off[g->n] : 1, m = 0;
    bool narrow = s->narrow;
    a.adj = gx_xmalloc(bound * sizeof *a.adj);
    if (narrow)
        a.w32 = a.sums32 = gx_xmalloc(bound * sizeof *a.sums32);
    else
        a.wd = gx_xmalloc(bound * sizeof *a.wd);
    group(s, part, g->n, p);
    for (size_t i = 0; i < p; i++) {
        a.off[i] = m;
        size_t nn = 0;
        for (size_t t = s->start[i]; t < s->start[i + 1]; t++) {
            uint32_t v = s->order[t];
            k[i] += g->k[v];
            for (size_t j = g->off[v]; j < g->off[v + 1]; j++) {
                uint32_t q = part[g->adj[j]];
                if (q == i)
                    continue;
                if (ew_zero(s, narrow, q))
                    s->nbr[nn++] = q;
                ew_add(s, narrow, q, g, j);
            }
        }
        for (size_t q = 0; q < nn; q++) {
            uint32_t o = s->nbr[q];
            a.adj[m] = o;
            if (narrow)
                a.sums32[m] = s->ew32[o];
            else
                a.wd[m] = s->ew[o];
            m++;
            ew_clear(s, narrow, o);
        }
    }
    a.off[p] = m;
    a.adj = gx_xrealloc(a.adj, (m ? m : 1) * sizeof *a.adj);
    if (narrow)
        a.w32 = a.sums32 = gx_xrealloc(a.sums32, (m ? m : 1) * sizeof *a.sums32);
    else
        a.wd = gx_xrealloc(a.wd, (m ? m : 1) * sizeof *a.wd);
    return a;
}

/* One iteration of Leiden on the network (base), starting from memb and leaving its result
 * there. */
static void iterate(const level *base, uint32_t *memb, double gamma, double beta, scratch *s)
{
    size_t n = base->n;
    uint32_t *top = gx_xmalloc(n * sizeof *top); /* each network node's node at this level */
    uint32_t *lm = gx_xmalloc(n * sizeof *lm);   /* the level's communities */
    uint32_t *part = gx_xmalloc(n * sizeof *part);
    uint32_t *map = gx_xmalloc(n * sizeof *map);
    for (size_t v = 0; v < n; v++)
        top[v] = (uint32_t)v;
    memcpy(lm, memb, n * sizeof *lm);
    level agg = {0}; /* the aggregate, past the first level */
    const level *at = base;
    for (;;) {
        move_nodes(at, lm, gamma, s);
        size_t c = compact(lm, at->n, map);
        if (c == at->n)
            break; /* every node alone: nothing left to aggregate */
        refine(at, lm, c, gamma, beta, part, s);
        size_t p = compact(part, at->n, map);
        if (p == at->n) { /* refining merged nothing: aggregate the communities themselves */
            memcpy(part, lm, at->n * sizeof *part);
            p = c;
        }
        level next = aggregate(at, part, p, s);
        for (size_t i = 0; i < at->n; i++)
            map[part[i]] = lm[i]; /* a part starts in the community it came from */
        memcpy(lm, map, p * sizeof *lm);
        for (size_t v = 0; v < n; v++)
            top[v] = part[top[v]];
        aggregate_free(&agg);
        agg = next;
        at = &agg;
    }
    for (size_t v = 0; v < n; v++)
        memb[v] = lm[top[v]];
    aggregate_free(&agg);
    free(top);
    free(lm);
    free(part);
    free(map);
}

static size_t leiden(const gx_csr *c, int max_iterations, double min_gain, double beta, uint64_t seed, uint32_t *out,
                     int *iterations, bool may_narrow)
{
    *iterations = 0;
    size_t n = c->n;
    if (!n)
        return 0;
    level base = {.n = n, .off = c->off, .adj = c->adj, .w32 = c->w, .k = c->strength};
    double total = 0;
    for (size_t v = 0; v < n; v++)
        total += base.k[v];
    double gamma = total > 0 ? 1 / total : 1;
    scratch s = {.rng = seed, .narrow = may_narrow && total <= UINT32_MAX}; /* total: every edge from both ends */
    if (s.narrow)
        s.ew32 = gx_xcalloc(n, sizeof *s.ew32);
    else
        s.ew = gx_xcalloc(n, sizeof *s.ew);
    s.nbr = gx_xmalloc(n * sizeof *s.nbr);
    s.gain = gx_xmalloc(2 * n * sizeof *s.gain);
    s.K = gx_xmalloc(n * sizeof *s.K);
    s.K32 = s.narrow ? gx_xmalloc(n * sizeof *s.K32) : NULL;
    s.size = gx_xmalloc(n * sizeof *s.size);
    s.spare = gx_xmalloc(n * sizeof *s.spare);
    s.queue = gx_xmalloc(n * sizeof *s.queue);
    s.queued = gx_xmalloc(n * sizeof *s.queued);
    s.order = gx_xmalloc(n * sizeof *s.order);
    s.start = gx_xmalloc((n + 1) * sizeof *s.start);
    for (size_t v = 0; v < n; v++)
        out[v] = (uint32_t)v;
    double q = gx_modularity_alone(c); /* gx_modularity(c, out), out being every node alone */
    while (*iterations < max_iterations) {
        iterate(&base, out, gamma, beta, &s);
        ++*iterations;
        double was = q;
        q = gx_modularity(c, out);
        if (q - was < min_gain * fabs(q))
            break;
    }
    uint32_t *map = s.spare;
    size_t communities = compact(out, n, map);
    free(s.ew32);
    free(s.ew);
    free(s.nbr);
    free(s.gain);
    free(s.K);
    free(s.K32);
    free(s.size);
    free(s.spare);
    free(s.queue);
    free(s.queued);
    free(s.order);
    free(s.start);
    return communities;
}

size_t gx_leiden(const gx_csr *c, int max_iterations, double min_gain, double beta, uint64_t seed, uint32_t *out,
                 int *iterations)
{
    return leiden(c, max_iterations, min_gain, beta, seed, out, iterations, true);
}

size_t gx_leiden_wide(const gx_csr *c, int max_iterations, double min_gain, double beta, uint64_t seed,
                      uint32_t *out, int *iterations)
{
    return leiden(c, max_iterations, min_gain, beta, seed, out, iterations, false);
}

/* Modularity as gx_modularity gives it; memb NULL: every node in a community of its own, for
 * which the scan reads the arcs in order and no neighbour's community (75 million reads in no
 * order on the 1 GB network) — the same sums in the same order, so the same double. */
static inline __attribute__((always_inline)) double modularity_of(const gx_csr *c, const uint32_t *memb)
{
    size_t n = c->n;
    double *K = gx_xcalloc(n ? n : 1, sizeof *K), total = 0, inside = 0;
    for (size_t v = 0; v < n; v++) {
        uint32_t mv = memb ? memb[v] : (uint32_t)v;
        for (size_t j = c->off[v]; j < c->off[v + 1]; j++) {
            K[mv] += c->w[j];
            total += c->w[j];
            if ((memb ? memb[c->adj[j]] : c->adj[j]) == mv)
                inside += c->w[j];
        }
    }
    double q = 0;
    if (total > 0) {
        q = inside / total;
        for (size_t i = 0; i < n; i++)
            q -= (K[i] / total) * (K[i] / total);
    }
    free(K);
    return q;
}

double gx_modularity(const gx_csr *c, const uint32_t *memb)
{
    return modularity_of(c, memb);
}

double gx_modularity_alone(const gx_csr *c)
{
    return modularity_of(c, NULL);
}
