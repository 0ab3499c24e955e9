/* pagerank.c — weighted PageRank of the network, by power iteration on its own adjacency arrays.
 *
 * igraph's PRPACK solver copied the network twice over (each edge both ways, with a double
 * weight, then preprocessed), which made it the peak of a build's memory, and igraph cannot run
 * beside another igraph call.  Here the iteration needs the neighbours and weights in compressed
 * rows (gx_csr_of) and three vectors of the nodes, and runs beside the communities (network.c). */
#include "internal.h"

#include <math.h>
#include <stdlib.h>

/* Iterate until the nodes' values move by less than this in all (L1); PRPACK stopped at 1e-10.
 * The move shrinks by a factor of at least the damping each iteration, so one that does not
 * shrink is rounding, not convergence, and the iteration stops there too: on a network of a
 * million nodes that floor (the sum's rounding, spread over every value by the normalisation) lies
 * above 1e-13, and the 1 GB benchmark's ran to the last iteration (286 s). */
#define PAGERANK_TOLERANCE 1e-13
/* A stop, should the iteration not converge (with damping 0.85 it gains a factor 0.85 each). */
#define PAGERANK_MAX_ITERATIONS 1000

int gx_pagerank(const gx_csr *c, double damping, double *out)
{
    size_t n = c->n;
    if (!n)
        return 0;
    const size_t *off = c->off;
    const uint32_t *adj = c->adj, *w = c->w;
    const double *strength = c->strength;
    /* x: the values; share: each node's value over its strength, what it gives per unit of
     * weight; a node without edges gives its value to every node alike, as does the damping */
    double *x = out, *share = gx_xmalloc(n * sizeof *share);
    for (size_t v = 0; v < n; v++)
        x[v] = 1.0 / (double)n;
    double last = INFINITY;
    int it = 0;
    while (it < PAGERANK_MAX_ITERATIONS) {
        it++;
        double dangling = 0;
        for (size_t v = 0; v < n; v++) {
            if (strength[v] > 0)
                share[v] = x[v] / strength[v];
            else {
                share[v] = 0;
                dangling += x[v];
            }
        }
        double base = (1 - damping + damping * dangling) / (double)n, moved = 0, sum = 0;
        for (size_t v = 0; v < n; v++) {
            double in = 0;
            for (size_t j = off[v]; j < off[v + 1]; j++)
                in += w[j] * share[adj[j]];
            double y = base + damping * in;
            moved += fabs(y - x[v]);
            x[v] = y; /* share[] holds the old values: this is still the power iteration */
            sum += y;
        }
        for (size_t v = 0; v < n; v++)
            x[v] /= sum; /* stays 1 but for rounding */
        if (moved < PAGERANK_TOLERANCE || moved >= last)
            break;
        last = moved;
    }
    free(share);
    return it;
}
