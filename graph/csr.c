/* csr.c — the network's adjacency in compressed rows, for our own metrics (betweenness, PageRank,
 * communities). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

gx_csr gx_csr_of(const gx_network *net, bool weights)
{
    size_t n = net->n_nodes, m = net->n_edges;
    gx_csr c = {n, gx_xcalloc(n + 1, sizeof *c.off), gx_xmalloc((m ? 2 * m : 1) * sizeof *c.adj), NULL, NULL};
    if (weights) {
        c.w = gx_xmalloc((m ? 2 * m : 1) * sizeof *c.w);
        c.strength = gx_xcalloc(n ? n : 1, sizeof *c.strength);
    }
    for (size_t i = 0; i < m; i++) {
        c.off[net->edges[i].source + 1]++;
        c.off[net->edges[i].target + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        c.off[v + 1] += c.off[v];
    size_t *fill = gx_xmalloc((n ? n : 1) * sizeof *fill);
    memcpy(fill, c.off, n * sizeof *fill);
    for (size_t i = 0; i < m; i++) {
        const gx_edge *e = &net->edges[i];
        size_t a = fill[e->source]++, b = fill[e->target]++;
        c.adj[a] = e->target;
        c.adj[b] = e->source;
        if (weights) {
            c.w[a] = c.w[b] = e->weight;
            c.strength[e->source] += e->weight;
            c.strength[e->target] += e->weight;
        }
    }
    free(fill);
    return c;
}

void gx_csr_free(gx_csr *c)
{
    free(c->off);
    free(c->adj);
    free(c->w);
    free(c->strength);
    *c = (gx_csr){0};
}
