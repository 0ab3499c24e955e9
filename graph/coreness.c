/* coreness.c — each node's k-core number, by peeling the network in order of degree.
 *
 * The bucket algorithm of Batagelj and Zaversnik, "An O(m) Algorithm for Cores Decomposition of
 * Networks" (2003): the nodes sit in an array sorted by their current degree, with the start of
 * each degree's run; taking them in that order, a node's number is its degree when it is taken,
 * and each neighbour still to come with a larger degree drops one, moving to the start of its
 * run and the run's start one on. */
#include "internal.h"

#include <stdlib.h>

void gx_coreness(const gx_csr *c, uint32_t *core)
{
    size_t n = c->n, most = 0;
    if (!n)
        return;
    uint32_t *deg = core; /* the degrees, lowered as the peeling goes: they end as the numbers */
    for (size_t v = 0; v < n; v++) {
        deg[v] = (uint32_t)(c->off[v + 1] - c->off[v]);
        most = deg[v] > most ? deg[v] : most;
    }
    size_t *bin = gx_xcalloc(most + 2, sizeof *bin); /* where each degree's run starts */
    size_t *pos = gx_xmalloc(n * sizeof *pos);
    uint32_t *vert = gx_xmalloc(n * sizeof *vert);
    for (size_t v = 0; v < n; v++)
        bin[deg[v] + 1]++;
    for (size_t d = 0; d <= most; d++)
        bin[d + 1] += bin[d];
    for (size_t v = 0; v < n; v++) {
        pos[v] = bin[deg[v]]++;
        vert[pos[v]] = (uint32_t)v;
    }
    for (size_t d = most + 1; d > 0; d--) /* each run's start again */
        bin[d] = bin[d - 1];
    bin[0] = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t v = vert[i];
        for (size_t j = c->off[v]; j < c->off[v + 1]; j++) {
            uint32_t u = c->adj[j];
            if (deg[u] <= deg[v])
                continue;
            size_t du = deg[u], pu = pos[u], pw = bin[du]; /* u swaps with its run's first node */
            uint32_t w = vert[pw];
            if (u != w) {
                pos[u] = pw;
                vert[pu] = w;
                pos[w] = pu;
                vert[pw] = u;
            }
            bin[du]++;
            deg[u]--;
        }
    }
    free(bin);
    free(pos);
    free(vert);
}
