/* betweenness.c — Brandes' betweenness on the network's own adjacency arrays (unweighted,
 * undirected), exact or from a sample of sources.
 *
 * igraph's betweenness keeps a growing list of predecessors for every node and every source;
 * on the networks guanxi builds (hundreds of thousands of nodes, millions of edges) that was
 * the largest part of building them.  Here a breadth-first search per source fills three
 * arrays, and the dependencies are summed walking the search order backwards, reading the
 * predecessors off the distances (a neighbour one step nearer the source is one). */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One thread's search arrays. */
typedef struct search {
    int32_t *dist;
    double *sigma, *delta;
    uint32_t *order;
} search;

/* Adds to out the dependencies of every node on the shortest paths out of s. */
static void from_source(const gx_csr *c, search *S, uint32_t s, double *out)
{
    int32_t *dist = S->dist;
    double *sigma = S->sigma, *delta = S->delta;
    uint32_t *order = S->order;
    size_t head = 0, tail = 0;
    order[tail++] = s;
    dist[s] = 0;
    sigma[s] = 1;
    while (head < tail) { /* breadth first: distances, and how many shortest paths reach each node */
        uint32_t v = order[head++];
        int32_t next = dist[v] + 1;
        for (size_t j = c->off[v]; j < c->off[v + 1]; j++) {
            uint32_t w = c->adj[j];
            if (dist[w] < 0) {
                dist[w] = next;
                order[tail++] = w;
            }
            if (dist[w] == next)
                sigma[w] += sigma[v];
        }
    }
    for (size_t t = tail; t-- > 1;) { /* farthest first: each node's share of the paths through it */
        uint32_t w = order[t];
        double share = (1 + delta[w]) / sigma[w];
        int32_t nearer = dist[w] - 1;
        for (size_t j = c->off[w]; j < c->off[w + 1]; j++) {
            uint32_t v = c->adj[j];
            if (dist[v] == nearer)
                delta[v] += sigma[v] * share;
        }
        out[w] += delta[w];
    }
    for (size_t t = 0; t < tail; t++) {
        uint32_t v = order[t];
        dist[v] = -1;
        sigma[v] = delta[v] = 0;
    }
}

/* The sources are cut into CHUNKS runs, each summed into its own array on whichever thread
 * takes it, and the arrays are added in order at the end: the same bytes for any thread count. */
#define CHUNKS 4

typedef struct job {
    const gx_csr *c;
    size_t n, count;
    const uint32_t *sources;
    double *sums[CHUNKS];
    size_t next; /* the next chunk to take, under mu */
    pthread_mutex_t mu;
} job;

static void *worker(void *arg)
{
    job *J = arg;
    search S = {gx_xmalloc(J->n * sizeof *S.dist), gx_xcalloc(J->n, sizeof *S.sigma),
                gx_xcalloc(J->n, sizeof *S.delta), gx_xmalloc(J->n * sizeof *S.order)};
    for (size_t v = 0; v < J->n; v++)
        S.dist[v] = -1;
    for (;;) {
        pthread_mutex_lock(&J->mu);
        size_t k = J->next++;
        pthread_mutex_unlock(&J->mu);
        if (k >= CHUNKS)
            break;
        double *out = J->sums[k];
        for (size_t i = J->count * k / CHUNKS; i < J->count * (k + 1) / CHUNKS; i++)
            from_source(J->c, &S, J->sources ? J->sources[i] : (uint32_t)i, out);
    }
    free(S.dist);
    free(S.sigma);
    free(S.delta);
    free(S.order);
    return NULL;
}

void gx_betweenness(const gx_csr *c, const uint32_t *sources, size_t k, int threads, double *out)
{
    size_t n = c->n;
    memset(out, 0, n * sizeof *out);
    if (!n)
        return;
    job J = {.c = c, .n = n, .count = sources ? k : n, .sources = sources};
    pthread_mutex_init(&J.mu, NULL);
    J.sums[0] = out;
    for (int i = 1; i < CHUNKS; i++)
        J.sums[i] = gx_xcalloc(n, sizeof *out);
    int extra = threads < 1 ? 0 : threads > CHUNKS ? CHUNKS - 1 : threads - 1;
    pthread_t tid[CHUNKS];
    int started = 0;
    for (; started < extra; started++)
        if (pthread_create(&tid[started], NULL, worker, &J) != 0)
            break; /* the calling thread does the rest */
    worker(&J);
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    pthread_mutex_destroy(&J.mu);
    /* undirected: over all sources each pair's paths are counted from both of its ends (and a
     * sample's sum, scaled, estimates that sum) */
    for (size_t v = 0; v < n; v++) {
        for (int i = 1; i < CHUNKS; i++)
            out[v] += J.sums[i][v];
        out[v] /= 2;
    }
    for (int i = 1; i < CHUNKS; i++)
        free(J.sums[i]);
}
