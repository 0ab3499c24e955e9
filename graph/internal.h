/* internal.h — the graph accumulator's private state, shared by graph.c and network.c. */
#ifndef GX_GRAPH_INTERNAL_H
#define GX_GRAPH_INTERNAL_H

#include "gx_graph.h"

typedef struct title_span {
    char *title;
    gx_date first, last;
} title_span;

typedef struct entity {
    char *name;
    gx_etype type;
    long mentions;
    gx_strvec aliases;
    title_span *titles;
    size_t ntitles, ctitles;
    char *code, *level, *parent; /* places: code, level, parent code (of the lowest code seen) */
    gx_dates dates;
} entity;

/* A co-occurring pair is kept as the edge it becomes: while the graph accumulates, its source <
 * target are entity ids; gx_graph_build renumbers them as nodes, in place. */
typedef gx_edge pair;

struct gx_graph {
    gx_graph_options opt;
    entity *ent;
    size_t n, cap;
    gx_strmap index;  /* type digit + name -> entity id */
    pair *pairs;
    size_t np, cp;
    gx_u64map pindex; /* a << 32 | b -> the pair's index in pairs */
    long articles, undated, visits;
    uint64_t *keys;   /* scratch for one article's pairs: their keys, then their indices */
    size_t ckeys;
};

/* Frees the co-occurrences (gx_graph_build has moved what it needs out of them). */
void gx_graph_drop_pairs(gx_graph *g);

/* The adjacency of an undirected network in compressed rows (csr.c): the neighbours of v are
 * adj[off[v]] … adj[off[v + 1] - 1], and w[j] (when asked for; else NULL) is the weight of the
 * edge to adj[j] — a count of articles, so 32 bits keep it exactly. */
typedef struct gx_csr {
    size_t *off;
    uint32_t *adj, *w;
} gx_csr;
gx_csr gx_csr_of(const gx_network *net, bool weights);
void gx_csr_free(gx_csr *c);

/* Betweenness of every node of net (unweighted, undirected; each pair's shortest paths counted
 * once, as igraph_betweenness counts them) summed over the shortest paths out of the k given
 * sources, or out of every node when sources is NULL; out has net->n_nodes slots.  Runs on up
 * to `threads` threads, with the same result for every count. */
void gx_betweenness(const gx_network *net, const uint32_t *sources, size_t k, int threads, double *out);

/* PageRank of every node of net (weighted by the edges' weights, undirected; a node without
 * edges spreads its value over all, as igraph's PRPACK does), summing to 1; out has
 * net->n_nodes slots. */
int gx_pagerank(const gx_network *net, double damping, double *out); /* returns the iterations */

#endif
