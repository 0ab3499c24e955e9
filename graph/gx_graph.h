/* gx_graph.h — the graph stage: entities and co-occurrences accumulated over articles, then
 * built into a network with its metrics, in a deterministic order (gx_igraph.h hands it to igraph).
 *
 * Accumulation is associative: shards built separately and merged with
 * gx_graph_merge give the same network as one pass, whatever the order.
 *
 * Ownership: gx_graph_new/gx_graph_free; gx_graph_build (which takes g's co-occurrences)
 * returns a network the caller frees with gx_network_free. */
#ifndef GX_GRAPH_H
#define GX_GRAPH_H

#include "gx_common.h"
#include "gx_ingest.h"
#include "gx_ner.h"

typedef enum gx_window { GX_WIN_ARTICLE = 0, GX_WIN_PARAGRAPH, GX_WIN_SENTENCE } gx_window;

typedef struct gx_graph_options {
    unsigned types;          /* bit mask of (1 << gx_etype) kept as nodes */
    bool journalists;        /* include journalists (and their edges) */
    bool persons;            /* include persons with other roles */
    bool referenced;         /* include referenced-only persons */
    gx_window window;        /* what "appear together" means */
    gx_date since, until;    /* keep articles dated in [since, until]; 0 = open */
    double min_weight;       /* drop edges lighter than this */
    int threads;             /* for computing the metrics (0: the calling thread only); the
                                network is the same for every count */
} gx_graph_options;
void gx_graph_options_init(gx_graph_options *o); /* officials, companies, places; per article */

typedef struct gx_graph gx_graph;
gx_graph *gx_graph_new(const gx_graph_options *opt);
void gx_graph_free(gx_graph *g);
/* Adds one article's entities, co-occurrences and events. */
void gx_graph_add(gx_graph *g, const gx_article *a, const gx_extraction *x);
/* Adds everything in src to dst (same options) and frees src: what it holds moves where it can. */
void gx_graph_merge(gx_graph *dst, gx_graph *src);
/* Merges n shards (n >= 1) into the largest of them, frees the others and returns that one. */
gx_graph *gx_graph_merge_all(gx_graph **shards, size_t n);

/* Sorted, distinct dates.  Up to two are kept in the struct itself (most co-occurrences of a
 * large network are seen on one day, and a network has millions), more on the heap. */
typedef struct gx_dates {
    union {
        gx_date *heap; /* when cap > 0 */
        gx_date in[2]; /* when cap == 0 */
    };
    uint32_t n, cap;
} gx_dates;
static inline const gx_date *gx_dates_v(const gx_dates *d)
{
    return d->cap ? d->heap : d->in;
}
static inline gx_date gx_dates_first(const gx_dates *d)
{
    return d->n ? gx_dates_v(d)[0] : 0;
}
static inline gx_date gx_dates_last(const gx_dates *d)
{
    return d->n ? gx_dates_v(d)[d->n - 1] : 0;
}
void gx_dates_add(gx_dates *d, gx_date x);
void gx_dates_free(gx_dates *d); /* leaves it empty */

typedef struct gx_node {
    char *label;
    gx_etype type;
    long mentions;      /* articles that mention it */
    char *aliases;      /* '|'-separated, sorted */
    char *titles;       /* '|'-separated titles, in the order first held */
    char *title_history; /* '|'-separated "title first..last" (dates YYYY-MM-DD) */
    char *code;         /* places: division code or "" */
    char *level;        /* places: province, prefecture, county, town, country, region, city, zone, village */
    char *parent;       /* places: the code of the division it lies in, or "" */
    gx_dates dates;
    double degree, weighted_degree, pagerank, betweenness;
    long community, kcore;
} gx_node;

typedef struct gx_edge { /* 32 bytes: a large network has tens of millions */
    uint32_t source, target; /* node indices, source < target */
    uint32_t weight;         /* articles (or windows) in which both appear */
    uint32_t visit;          /* 1 + the index of its visits in the network's, or 0 if none */
    gx_dates dates;
} gx_edge;

/* The visit events between an official and a company.  Few edges have any, so they are kept
 * beside the edges, not in each. */
typedef struct gx_visits {
    uint32_t n;     /* events */
    gx_dates dates; /* their distinct dates */
} gx_visits;

/* How long one stage of gx_graph_build took, for a user who asks where the time went. */
typedef struct gx_stage {
    const char *name; /* a static string: "Leiden", "betweenness" */
    double seconds;
    bool beside;      /* run on a thread of its own, at the same time as the communities */
    int iterations;   /* for an iterative stage (PageRank): how many it took; else 0 */
    size_t peak;      /* the process's peak resident memory when it ended (gx_peak_rss) */
} gx_stage;
enum { GX_MAX_STAGES = 12 };

typedef struct gx_network {
    gx_node *nodes;
    size_t n_nodes;
    gx_edge *edges;
    size_t n_edges;
    gx_visits *visit; /* the edges' visits: see gx_edge.visit */
    size_t n_visit;
    long articles;      /* articles added */
    long undated;       /* of which without any date */
    long visits;        /* visit events */
    long betweenness_sources; /* 0: betweenness is exact; else estimated from this many sources */
    gx_stage stages[GX_MAX_STAGES]; /* gx_graph_build's stages in the order run, those beside last */
    int n_stages;
} gx_network;

/* Exact betweenness costs V·E steps; past this many, it is estimated from a sample of sources. */
#define GX_BETWEENNESS_BUDGET 5e8

/* Builds the network: nodes sorted by (type, label), edges by (source, target), metrics computed
 * on the network's own arrays (degrees; coreness, Leiden communities from a fixed seed, PageRank
 * and betweenness: graph/coreness.c, leiden.c, pagerank.c, betweenness.c; each checked against
 * igraph's in the tests, and gx_igraph.h loads the network into igraph).
 * The entities and co-occurrences move into the network (their names and dates are not copied),
 * so g is left without them: free it next, do not add to it, merge it or build from it again. */
gx_status gx_graph_build(gx_graph *g, gx_network **out, gx_error *err);
void gx_network_free(gx_network *n);
/* An edge's visit events, and their dates. */
static inline uint32_t gx_edge_visits(const gx_network *n, const gx_edge *e)
{
    return e->visit ? n->visit[e->visit - 1].n : 0;
}
static inline const gx_dates *gx_edge_visit_dates(const gx_network *n, const gx_edge *e)
{
    static const gx_dates none;
    return e->visit ? &n->visit[e->visit - 1].dates : &none;
}
/* "company-official": the kind of an edge between nodes of types a and b. */
void gx_edge_kind_of_types(gx_etype a, gx_etype b, char *buf, size_t size);

#endif
