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

/* Two entities seen together in one window of an article (or a visit of one to the other), as
 * the log of sightings holds it until it is folded into the pairs (sightings.c). */
typedef struct sighting {
    uint64_t key;   /* a << 32 | b, a < b: the entities' ids */
    gx_date date;   /* the article's, or 0 */
    uint32_t visit; /* 1 for a visit event, 0 for appearing together */
} sighting;

/* The log is folded into the pairs when it holds this many sightings and half as many as there
 * are pairs, or more. */
#define GX_LOG_MIN ((size_t)1 << 20)
/* The last fold (gx_graph_fold) sorts the log in this many parts, each of at least
 * GX_LAST_FOLD_MIN sightings. */
#define GX_LAST_FOLD_PARTS 4
#define GX_LAST_FOLD_MIN ((size_t)1 << 18)

struct gx_graph {
    gx_graph_options opt;
    entity *ent;
    size_t n, cap;
    gx_strmap index;  /* type digit + name -> entity id */
    pair *pairs;
    size_t np, cp;
    size_t nsorted;   /* pairs[0..nsorted) are in order of (source, target) and distinct; a merge
                         appends a shard's pairs after them, so a pair may be in pairs more than
                         once until gx_graph_sort_pairs combines them */
    sighting *log;    /* sightings not yet folded into the pairs */
    size_t nlog, clog;
    gx_visits *visit; /* the pairs' visits (pair.visit) */
    size_t nvisit, cvisit;
    long articles, undated, visits;
};

/* The id of the entity of that type and name, made (with no mentions) if it is new. */
uint32_t gx_graph_entity(gx_graph *g, gx_etype type, const char *name);

/* Logs a sighting of a and b (a != b), folding the log into the pairs first if it is full. */
void gx_graph_sighting(gx_graph *g, uint32_t a, uint32_t b, gx_date date, bool visit);
/* Folds the log into the pairs, keeping them in order and distinct (sorting them first if a merge
 * appended some).  The last fold (last) also frees the log's memory; after a merge it leaves the
 * pairs as they are and appends the log's (a pair once for each part of the log it is seen in),
 * for gx_graph_sort_pairs to combine. */
void gx_graph_fold(gx_graph *g, bool last);

/* Renumbers the pairs' ends by rank (when not NULL; one for each entity, keeping the entities
 * distinct) and puts the pairs in order of (source, target), combining those with the same ends
 * (sort.c), on up to `threads` threads with the same result for any count. */
void gx_graph_sort_pairs(gx_graph *g, const uint32_t *rank, int threads);
/* Adds src's dates to dst's (both sorted and distinct; src is left as it was). */
void gx_dates_merge(gx_dates *dst, const gx_dates *src);
/* Frees the co-occurrences and their visits (gx_graph_build has moved what it needs out of them). */
void gx_graph_drop_pairs(gx_graph *g);

/* The adjacency of an undirected network in compressed rows (csr.c): the neighbours of v are
 * adj[off[v]] … adj[off[v + 1] - 1], and w[j] (when asked for; else NULL) is the weight of the
 * edge to adj[j] — a count of articles, so 32 bits keep it exactly; with the weights comes each
 * node's strength (the sum of its edges' weights, which PageRank, Leiden and the weighted degree
 * all read). */
typedef struct gx_csr {
    size_t n; /* nodes */
    size_t *off;
    uint32_t *adj, *w;
    double *strength; /* n of them, with w; else NULL */
} gx_csr;
gx_csr gx_csr_of(const gx_network *net, bool weights);
void gx_csr_free(gx_csr *c);

/* Betweenness of every node of c (unweighted, undirected; each pair's shortest paths counted
 * once, as igraph_betweenness counts them) summed over the shortest paths out of the k given
 * sources, or out of every node when sources is NULL; out has c->n slots.  Runs on up to
 * `threads` threads, with the same result for every count. */
void gx_betweenness(const gx_csr *c, const uint32_t *sources, size_t k, int threads, double *out);

/* PageRank of every node of c (weighted by its weights, which it must have; undirected; a node
 * without edges spreads its value over all, as igraph's PRPACK does), summing to 1; out has c->n
 * slots. */
int gx_pagerank(const gx_csr *c, double damping, double *out); /* returns the iterations */

/* Communities that maximise modularity (edges weighted by c's weights, which it must have), by the
 * Leiden algorithm (leiden.c): rounds each starting from the last one's partition, until one
 * raises the modularity by less than min_gain or max_iterations have run (*iterations says how
 * many did), with randomness beta when refining and a fixed seed, so the same network gives the
 * same answer.  out[v] (c->n slots) gets v's community, numbered 0, 1, … by first node; returns
 * how many there are. */
size_t gx_leiden(const gx_csr *c, int max_iterations, double min_gain, double beta, uint64_t seed, uint32_t *out,
                 int *iterations);
/* gx_leiden with its sums in doubles, as for a network whose total weight passes 32 bits, even
 * when it does not (gx_leiden's sums are then 32-bit integers): the same answer, which tests say. */
size_t gx_leiden_wide(const gx_csr *c, int max_iterations, double min_gain, double beta, uint64_t seed,
                      uint32_t *out, int *iterations);
/* Each node's k-core number (the largest k such that it lies in a subnetwork where every node
 * has k neighbours or more) into core (c->n slots): what igraph_coreness gives. */
void gx_coreness(const gx_csr *c, uint32_t *core);
/* The modularity of the partition memb (resolution 1, weighted). */
double gx_modularity(const gx_csr *c, const uint32_t *memb);
/* gx_modularity with every node in a community of its own, the same double, without reading
 * the neighbours' communities (leiden.c's start). */
double gx_modularity_alone(const gx_csr *c);

#endif
