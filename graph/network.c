/* network.c — the accumulated graph as a sorted network, with its metrics. */
#include "internal.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const gx_graph *sort_graph;

static int cmp_entity(const void *pa, const void *pb)
{
    const entity *a = &sort_graph->ent[*(const uint32_t *)pa];
    const entity *b = &sort_graph->ent[*(const uint32_t *)pb];
    if (a->type != b->type)
        return (int)a->type - (int)b->type;
    return strcmp(a->name, b->name);
}

static int cmp_title(const void *pa, const void *pb)
{
    const title_span *a = pa, *b = pb;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return strcmp(a->title, b->title);
}

/* The node takes what the entity holds (its name, place codes and dates move; its aliases and
 * titles become the node's strings), leaving it empty. */
static void fill_node(gx_node *nd, entity *e)
{
    nd->label = e->name;
    nd->type = e->type;
    nd->mentions = e->mentions;
    nd->code = e->code;
    nd->level = e->level;
    nd->parent = e->parent;
    nd->dates = e->dates;
    e->name = e->code = e->level = e->parent = NULL;
    e->dates = (gx_dates){0};
    gx_strvec_sort(&e->aliases);
    nd->aliases = gx_strvec_join(&e->aliases, "|");
    gx_strvec_destroy(&e->aliases);

    if (e->ntitles > 1)
        qsort(e->titles, e->ntitles, sizeof *e->titles, cmp_title);
    gx_buf t, h;
    gx_buf_init(&t);
    gx_buf_init(&h);
    for (size_t k = 0; k < e->ntitles; k++) {
        char f[11], l[11];
        gx_date_format(e->titles[k].first, f);
        gx_date_format(e->titles[k].last, l);
        gx_buf_addf(&t, "%s%s", k ? "|" : "", e->titles[k].title);
        gx_buf_addf(&h, "%s%s %s..%s", k ? "|" : "", e->titles[k].title, f, l);
        free(e->titles[k].title);
    }
    nd->titles = gx_buf_take(&t);
    nd->title_history = gx_buf_take(&h);
    free(e->titles);
    e->titles = NULL;
    e->ntitles = e->ctitles = 0;
}

/* Betweenness: exact (Brandes, O(VE)) while V·E is within the budget; past it, estimated from
 * shortest paths out of k sources drawn with a fixed seed (k = budget / E, at least 64), scaled by
 * V/k — the estimator of Brandes and Pich (2007).  net->betweenness_sources says which (0: exact). */
static void betweenness(gx_network *net, const gx_csr *c, int threads)
{
    size_t n = net->n_nodes, e = net->n_edges ? net->n_edges : 1;
    double *bc = gx_xmalloc((n ? n : 1) * sizeof *bc);
    net->betweenness_sources = 0;
    if ((double)n * (double)e <= GX_BETWEENNESS_BUDGET || n <= 64) {
        gx_betweenness(c, NULL, 0, threads, bc);
    } else {
        size_t k = (size_t)(GX_BETWEENNESS_BUDGET / (double)e);
        k = k < 64 ? 64 : k > n ? n : k;
        /* a partial Fisher–Yates shuffle with our own generator: the same sample on every machine */
        uint32_t *perm = gx_xmalloc(n * sizeof *perm);
        for (size_t i = 0; i < n; i++)
            perm[i] = (uint32_t)i;
        uint64_t state = 20240221;
        for (size_t i = 0; i < k; i++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            size_t j = i + (size_t)((state >> 33) % (n - i));
            uint32_t t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        gx_betweenness(c, perm, k, threads, bc);
        free(perm);
        for (size_t i = 0; i < n; i++)
            bc[i] *= (double)n / (double)k;
        net->betweenness_sources = (long)k;
    }
    for (size_t i = 0; i < n; i++)
        net->nodes[i].betweenness = isfinite(bc[i]) ? bc[i] : 0;
    free(bc);
}

/* A list of timed stages: each ends where the next begins. */
typedef struct stages {
    gx_stage *v;
    int *n;
    double t0;
} stages;

static stages stages_start(gx_stage *v, int *n)
{
    return (stages){v, n, gx_seconds()};
}

/* Ends the stage running since the last one ended (or the list started) and names it, with the
 * iterations it took (0 if it does not iterate). */
static void stage_done(stages *s, const char *name, int iterations)
{
    double now = gx_seconds();
    if (*s->n < GX_MAX_STAGES)
        s->v[(*s->n)++] = (gx_stage){name, now - s->t0, false, iterations, gx_peak_rss()};
    s->t0 = now;
}

/* PageRank (damping 0.85, weighted), into the nodes; returns the iterations it took. */
static int pagerank(gx_network *net, const gx_csr *c)
{
    size_t n = net->n_nodes;
    double *pr = gx_xmalloc((n ? n : 1) * sizeof *pr);
    int iterations = gx_pagerank(c, 0.85, pr);
    for (size_t i = 0; i < n; i++)
        net->nodes[i].pagerank = isfinite(pr[i]) ? pr[i] : 0;
    free(pr);
    return iterations;
}

typedef struct beside_job {
    gx_network *net;
    const gx_csr *csr;
    int threads;
    gx_stage stages[2]; /* its own, joined to the network's when it is done */
    int n_stages;
} beside_job;

/* PageRank and betweenness, which run beside the communities (each writes only its own field of
 * the nodes, and all read the same compressed rows). */
static void *metrics_beside(void *arg)
{
    beside_job *j = arg;
    stages t = stages_start(j->stages, &j->n_stages);
    int iterations = pagerank(j->net, j->csr);
    stage_done(&t, "PageRank", iterations);
    betweenness(j->net, j->csr, j->threads);
    stage_done(&t, "betweenness", 0);
    return NULL;
}

/* Leiden's rounds stop when one raises the modularity by less than this part of it, or after
 * the most.  Rounds gain less and less: on the 100 MB benchmark's network (234 k nodes, 3.6 M
 * edges) the first reaches 0.0960, the second 0.0979, the third 0.0982, the fifth 0.0984; on the
 * sample pages the second 0.308, the third 0.312, the fourth no more.  Two rounds, as igraph's
 * Leiden was run before, were one short there. */
#define LEIDEN_MIN_GAIN 0.005
#define LEIDEN_MAX_ITERATIONS 10

/* Communities that maximise modularity (weighted by the edges' weights), by the Leiden algorithm
 * (leiden.c) from a fixed seed, each round starting from the last one's partition.  Leiden's
 * communities are connected, which Louvain's need not be (igraph's Louvain left 7 of 16 k
 * disconnected on the 100 MB benchmark's network).  Returns the rounds it took. */
static int communities(gx_network *net, const gx_csr *c)
{
    size_t n = net->n_nodes;
    uint32_t *memb = gx_xmalloc((n ? n : 1) * sizeof *memb);
    int iterations;
    gx_leiden(c, LEIDEN_MAX_ITERATIONS, LEIDEN_MIN_GAIN, 0.01, 20240221, memb, &iterations);
    for (size_t i = 0; i < n; i++)
        net->nodes[i].community = memb[i];
    free(memb);
    return iterations;
}

/* Degrees, communities (Leiden), coreness, PageRank and betweenness, all on the network's
 * compressed rows; PageRank and betweenness on a thread of their own when there are two or more.
 * (igraph's copy of the network, for its degrees and coreness, took 10.7 s and 2.1 GB at the
 * peak of the 1 GB benchmark's build, whose network has 37.8 M edges.) */
static void metrics(gx_network *net, int threads)
{
    stages t = stages_start(net->stages, &net->n_stages);
    gx_csr csr = gx_csr_of(net, true);
    stage_done(&t, "compressed rows", 0);
    /* PageRank and betweenness: given two threads or more, they run on their own beside the
     * rest, with the same result */
    beside_job job = {.net = net, .csr = &csr, .threads = threads};
    pthread_t beside_thread;
    bool beside = threads >= 2 && pthread_create(&beside_thread, NULL, metrics_beside, &job) == 0;
    if (!beside) {
        metrics_beside(&job);
        t.t0 = gx_seconds(); /* they timed themselves: the next stage starts here */
    }
    size_t n = net->n_nodes;
    for (size_t v = 0; v < n; v++) {
        net->nodes[v].degree = (double)(csr.off[v + 1] - csr.off[v]);
        net->nodes[v].weighted_degree = csr.strength[v];
    }
    stage_done(&t, "degrees", 0);
    int rounds = communities(net, &csr);
    stage_done(&t, "Leiden", rounds);
    uint32_t *core = gx_xmalloc((n ? n : 1) * sizeof *core);
    gx_coreness(&csr, core);
    for (size_t v = 0; v < n; v++)
        net->nodes[v].kcore = core[v];
    free(core);
    stage_done(&t, "coreness", 0);
    if (beside) {
        pthread_join(beside_thread, NULL);
        stage_done(&t, "waiting for the thread beside", 0);
    }
    for (int k = 0; k < job.n_stages && net->n_stages < GX_MAX_STAGES; k++) {
        job.stages[k].beside = beside;
        net->stages[net->n_stages++] = job.stages[k];
    }
    gx_csr_free(&csr);
}

/* Whether the pair becomes an edge (--min-weight). */
static bool kept(const gx_graph *g, const pair *p)
{
    return p->weight > 0 && (double)p->weight >= g->opt.min_weight;
}

/* The pairs become the network's edges where they lie: renumbered as nodes and put in order
 * (gx_graph_sort_pairs), then those kept moved to the front. */
static void take_edges(gx_graph *g, const uint32_t *rank, gx_network *net)
{
    gx_graph_sort_pairs(g, rank, g->opt.threads);
    size_t m = 0;
    for (size_t i = 0; i < g->np; i++) {
        pair p = g->pairs[i];
        if (!kept(g, &p)) { /* its visits, if any, stay unreferenced until the network is freed */
            gx_dates_free(&p.dates);
            continue;
        }
        g->pairs[m++] = p;
    }
    gx_edge *e = g->pairs;
    if (m) {
        e = gx_xrealloc(e, m * sizeof *e); /* what the dropped pairs held goes back */
    } else {
        free(e);
        e = gx_xcalloc(1, sizeof *e);
    }
    net->edges = e;
    net->n_edges = m;
    net->visit = g->visit;
    net->n_visit = g->nvisit;
    g->pairs = NULL;
    g->np = g->cp = 0;
    g->visit = NULL;
    g->nvisit = g->cvisit = 0;
}

typedef struct fill_job {
    gx_graph *g;
    gx_network *net;
    const uint32_t *order;
} fill_job;

/* Fills the nodes from the entities, in their order (the edges' own thread does not touch them). */
static void *fill_nodes(void *arg)
{
    fill_job *j = arg;
    for (size_t i = 0; i < j->net->n_nodes; i++)
        fill_node(&j->net->nodes[i], &j->g->ent[j->order[i]]);
    return NULL;
}

gx_status gx_graph_build(gx_graph *g, gx_network **out, gx_error *err)
{
    gx_network *net = gx_xcalloc(1, sizeof *net);
    net->articles = g->articles;
    net->undated = g->undated;
    net->visits = g->visits;
    stages t = stages_start(net->stages, &net->n_stages);
    gx_graph_fold(g, true); /* the sightings not yet among the pairs */
    stage_done(&t, "the last sightings folded in", 0);
    gx_strmap_destroy(&g->index);  /* nor the entities' */
    uint32_t *order = gx_xmalloc((g->n ? g->n : 1) * sizeof *order);
    uint32_t *rank = gx_xmalloc((g->n ? g->n : 1) * sizeof *rank);
    for (size_t i = 0; i < g->n; i++)
        order[i] = (uint32_t)i;
    sort_graph = g;
    qsort(order, g->n, sizeof *order, cmp_entity);
    net->nodes = gx_xcalloc(g->n ? g->n : 1, sizeof *net->nodes);
    net->n_nodes = g->n;
    for (size_t i = 0; i < g->n; i++)
        rank[order[i]] = (uint32_t)i;
    stage_done(&t, "nodes", 0);
    /* the nodes are filled beside the edges, given a second thread */
    fill_job fill = {g, net, order};
    pthread_t filler;
    bool beside = g->opt.threads >= 2 && pthread_create(&filler, NULL, fill_nodes, &fill) == 0;
    take_edges(g, rank, net);
    if (beside)
        pthread_join(filler, NULL);
    else
        fill_nodes(&fill);
    free(order);
    free(rank);
    stage_done(&t, beside ? "edges, and the nodes' fields beside" : "edges and the nodes' fields", 0);
    metrics(net, g->opt.threads);
    (void)err; /* nothing here fails but memory, which aborts */
    *out = net;
    return GX_OK;
}

void gx_network_free(gx_network *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->n_nodes; i++) {
        gx_node *nd = &n->nodes[i];
        free(nd->label);
        free(nd->aliases);
        free(nd->titles);
        free(nd->title_history);
        free(nd->code);
        free(nd->level);
        free(nd->parent);
        gx_dates_free(&nd->dates);
    }
    for (size_t i = 0; i < n->n_edges; i++)
        gx_dates_free(&n->edges[i].dates);
    for (size_t i = 0; i < n->n_visit; i++)
        gx_dates_free(&n->visit[i].dates);
    free(n->nodes);
    free(n->edges);
    free(n->visit);
    free(n);
}

void gx_edge_kind_of_types(gx_etype ta, gx_etype tb, char *buf, size_t size)
{
    const char *a = gx_etype_name(ta);
    const char *b = gx_etype_name(tb);
    if (strcmp(a, b) > 0) {
        const char *t = a;
        a = b;
        b = t;
    }
    size_t la = strlen(a), lb = strlen(b);
    if (size == 0)
        return;
    if (la + 1 + lb >= size) {
        snprintf(buf, size, "%s-%s", a, b);
        return;
    }
    memcpy(buf, a, la);
    buf[la] = '-';
    memcpy(buf + la + 1, b, lb + 1);
}
