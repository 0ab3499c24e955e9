/* test_graph.c — accumulation, filters, visits, and that merging and input order change nothing. */
#include <igraph.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../graph/internal.h" /* gx_betweenness is internal to the graph stage */
#include "gx_graph.h"
#include "gx_igraph.h"
#include "gx_ingest.h"
#include "gx_ner.h"
#include "harness.h"

static gx_lexicon *lex;

typedef struct doc {
    gx_article a;
    gx_extraction x;
} doc;

static void make(doc *d, const char *text, gx_date date, const char *journalist)
{
    memset(d, 0, sizeof *d);
    gx_buf n;
    gx_buf_init(&n);
    gx_ingest_normalise(text, strlen(text), &n);
    d->a.text = gx_buf_take(&n);
    d->a.len = strlen(d->a.text);
    d->a.id = gx_xstrdup("t");
    d->a.source = gx_xstrdup("t");
    d->a.title = gx_xstrdup("");
    d->a.date = d->a.event_date = date;
    gx_strvec_init(&d->a.journalists);
    if (journalist)
        gx_strvec_push(&d->a.journalists, journalist);
    gx_ingest_sentences(&d->a);
    gx_extraction_init(&d->x);
    gx_ner_extract(lex, NULL, &d->a, &d->x);
}

static void drop(doc *d)
{
    gx_extraction_destroy(&d->x);
    gx_article_destroy(&d->a);
}

static const char *VISIT = "2月19日下午，市委书记仲旭东带队走访人才企业。仲旭东首先来到位于独山港经济开发区的浙江钛迩赛新材料有限公司，走进喷涂靶材车间。市委常委、组织部长崔小生参加。";
static const char *MEETING = "昨天上午，全市三级干部大会召开。市委书记仲旭东在会上强调，要创新攻坚。市委副书记、市长周军波主持会议。";
static const char *CHECKUP = "近日，市领导李文健、戴振来到市民兵训练中心，视察征兵体检工作。";

static gx_network *build(doc *docs, const int *order, size_t n, const gx_graph_options *o)
{
    gx_graph *g = gx_graph_new(o);
    for (size_t i = 0; i < n; i++)
        gx_graph_add(g, &docs[order[i]].a, &docs[order[i]].x);
    gx_network *net = NULL;
    gx_error err;
    CHECK_EQ_INT(gx_graph_build(g, &net, &err), GX_OK);
    gx_graph_free(g);
    return net;
}

static long node_of(const gx_network *n, const char *label)
{
    for (size_t i = 0; i < n->n_nodes; i++)
        if (strcmp(n->nodes[i].label, label) == 0)
            return (long)i;
    return -1;
}

static const gx_edge *edge_of(const gx_network *n, const char *a, const char *b)
{
    long x = node_of(n, a), y = node_of(n, b);
    for (size_t i = 0; i < n->n_edges; i++)
        if ((long)n->edges[i].source == (x < y ? x : y) && (long)n->edges[i].target == (x < y ? y : x))
            return &n->edges[i];
    return NULL;
}

/* A canonical text of a network, to compare two. */
static char *dump(const gx_network *n)
{
    gx_buf b;
    gx_buf_init(&b);
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_node *d = &n->nodes[i];
        gx_buf_addf(&b, "N %s %d %ld [%s] [%s] %zu %.6f %ld %ld\n", d->label, d->type, d->mentions, d->aliases,
                    d->title_history, (size_t)d->dates.n, d->pagerank, d->community, d->kcore);
    }
    for (size_t i = 0; i < n->n_edges; i++) {
        const gx_edge *e = &n->edges[i];
        gx_buf_addf(&b, "E %u %u %u %u %zu\n", (unsigned)e->source, (unsigned)e->target, (unsigned)e->weight,
                    (unsigned)gx_edge_visits(n, e), (size_t)e->dates.n);
    }
    return gx_buf_take(&b);
}

static void test_cooccurrence_and_visits(void)
{
    doc d[3];
    make(&d[0], VISIT, 20240219, "荣怡婷");
    make(&d[1], MEETING, 20240220, NULL);
    make(&d[2], CHECKUP, 20240221, "林旭东");
    int order[] = {0, 1, 2};
    gx_network *n = build(d, order, 3, NULL);
    const gx_edge *e = edge_of(n, "仲旭东", "崔小生");
    CHECK(e != NULL);
    if (e) {
        CHECK_EQ_INT((long)e->weight, 1);
        CHECK(e->dates.n == 1 && gx_dates_first(&e->dates) == 20240219);
    }
    CHECK(edge_of(n, "仲旭东", "李文健") == NULL); /* different articles */
    CHECK(edge_of(n, "李文健", "戴振") != NULL);
    const gx_edge *v = edge_of(n, "仲旭东", "浙江钛迩赛新材料有限公司");
    CHECK(v != NULL);
    if (v) {
        CHECK_EQ_INT(gx_edge_visits(n, v), 1);
        CHECK(gx_edge_visit_dates(n, v)->n == 1 && gx_dates_first(gx_edge_visit_dates(n, v)) == 20240219);
    }
    long z = node_of(n, "仲旭东");
    CHECK(z >= 0);
    if (z >= 0) {
        CHECK_EQ_INT(n->nodes[z].mentions, 2);
        CHECK_EQ_INT(n->nodes[z].dates.n, 2);
        CHECK(n->nodes[z].pagerank > 0);
        CHECK_EQ_STR(n->nodes[z].titles, "市委书记");
    }
    CHECK_EQ_INT(node_of(n, "林旭东"), -1); /* journalists are left out */
    CHECK_EQ_INT(node_of(n, "荣怡婷"), -1);
    for (size_t i = 0; i < n->n_nodes; i++)
        CHECK(n->nodes[i].type != GX_ENT_PERSON && n->nodes[i].type != GX_ENT_JOURNALIST);
    gx_network_free(n);
    for (int i = 0; i < 3; i++)
        drop(&d[i]);
}

static void test_order_and_merge_change_nothing(void)
{
    doc d[3];
    make(&d[0], VISIT, 20240219, NULL);
    make(&d[1], MEETING, 20240220, NULL);
    make(&d[2], CHECKUP, 20240221, NULL);
    int fwd[] = {0, 1, 2}, rev[] = {2, 1, 0};
    gx_network *a = build(d, fwd, 3, NULL), *b = build(d, rev, 3, NULL);
    char *da = dump(a), *db = dump(b);
    CHECK_EQ_STR(da, db);
    /* shards merged in either order */
    gx_graph *g1 = gx_graph_new(NULL), *g2 = gx_graph_new(NULL), *g3 = gx_graph_new(NULL);
    gx_graph_add(g1, &d[0].a, &d[0].x);
    gx_graph_add(g2, &d[2].a, &d[2].x);
    gx_graph_add(g2, &d[1].a, &d[1].x);
    gx_graph_merge(g3, g2); /* frees g2 */
    gx_graph_merge(g3, g1);
    gx_network *m;
    gx_error err;
    CHECK_EQ_INT(gx_graph_build(g3, &m, &err), GX_OK);
    char *dm = dump(m);
    CHECK_EQ_STR(dm, da);
    /* a shard per thread, one of them empty, merged into the largest */
    gx_graph *s[3] = {gx_graph_new(NULL), gx_graph_new(NULL), gx_graph_new(NULL)};
    gx_graph_add(s[0], &d[1].a, &d[1].x);
    gx_graph_add(s[2], &d[0].a, &d[0].x);
    gx_graph_add(s[2], &d[2].a, &d[2].x);
    gx_graph *all = gx_graph_merge_all(s, 3);
    CHECK(all == s[2]);
    gx_network *ma;
    CHECK_EQ_INT(gx_graph_build(all, &ma, &err), GX_OK);
    char *dma = dump(ma);
    CHECK_EQ_STR(dma, da);
    free(dma);
    gx_network_free(ma);
    gx_graph_free(all);
    /* shards that share pairs (the visit's among them), merged, then added to: the same as one
     * pass over the same articles */
    int again[] = {0, 1, 2, 0, 0};
    gx_network *r = build(d, again, 5, NULL);
    gx_graph *x = gx_graph_new(NULL), *y = gx_graph_new(NULL);
    gx_graph_add(x, &d[0].a, &d[0].x);
    gx_graph_add(x, &d[1].a, &d[1].x);
    gx_graph_add(y, &d[2].a, &d[2].x);
    gx_graph_add(y, &d[0].a, &d[0].x);
    gx_graph_merge(x, y); /* frees y */
    gx_graph_add(x, &d[0].a, &d[0].x);
    gx_network *mx;
    CHECK_EQ_INT(gx_graph_build(x, &mx, &err), GX_OK);
    char *dr = dump(r), *dx = dump(mx);
    CHECK_EQ_STR(dx, dr);
    const gx_edge *v = edge_of(mx, "仲旭东", "浙江钛迩赛新材料有限公司");
    CHECK(v && v->weight == 3 && gx_edge_visits(mx, v) == 3);
    free(dr);
    free(dx);
    gx_network_free(r);
    gx_network_free(mx);
    gx_graph_free(x);
    free(da);
    free(db);
    free(dm);
    gx_network_free(a);
    gx_network_free(b);
    gx_network_free(m);
    gx_graph_free(g3);
    for (int i = 0; i < 3; i++)
        drop(&d[i]);
}

/* Shards whose days interleave and overlap (as files read in parallel give them) merge into the
 * sorted, distinct days of all; days added out of order are sorted too; a pair only the shard
 * merged in has keeps its days. */
static void test_dates_merge(void)
{
    static const gx_date A[] = {20240107, 20240101, 20240103, 20240105, 20240103},
                         B[] = {20240102, 20240103, 20240106, 20240108, 20240109, 20240101};
    static const gx_date ALL[] = {20240101, 20240102, 20240103, 20240105, 20240106, 20240107, 20240108, 20240109};
    doc d[14];
    gx_graph *a = gx_graph_new(NULL), *b = gx_graph_new(NULL);
    for (size_t i = 0; i < 3; i++) { /* a pair only b has, on three days: its dates move */
        make(&d[11 + i], CHECKUP, B[i], NULL);
        gx_graph_add(b, &d[11 + i].a, &d[11 + i].x);
    }
    for (size_t i = 0; i < 5; i++) {
        make(&d[i], MEETING, A[i], NULL);
        gx_graph_add(a, &d[i].a, &d[i].x);
    }
    for (size_t i = 0; i < 6; i++) {
        make(&d[5 + i], MEETING, B[i], NULL);
        gx_graph_add(b, &d[5 + i].a, &d[5 + i].x);
    }
    gx_graph_merge(a, b); /* frees b */
    gx_network *n;
    gx_error err;
    CHECK_EQ_INT(gx_graph_build(a, &n, &err), GX_OK);
    const gx_edge *e = edge_of(n, "仲旭东", "周军波");
    long z = node_of(n, "仲旭东");
    CHECK(e != NULL && z >= 0);
    if (e && z >= 0) {
        CHECK_EQ_INT((long)e->weight, 11);
        CHECK_EQ_INT(n->nodes[z].mentions, 11);
        const gx_dates *lists[] = {&e->dates, &n->nodes[z].dates};
        for (size_t k = 0; k < 2; k++) {
            CHECK_EQ_INT(lists[k]->n, 8);
            for (size_t i = 0; i < 8 && i < lists[k]->n; i++)
                CHECK_EQ_INT(gx_dates_v(lists[k])[i], ALL[i]);
        }
    }
    const gx_edge *only_b = edge_of(n, "李文健", "戴振");
    CHECK(only_b != NULL);
    if (only_b) {
        CHECK_EQ_INT(only_b->dates.n, 3);
        for (size_t i = 0; i < 3 && i < only_b->dates.n; i++)
            CHECK_EQ_INT(gx_dates_v(&only_b->dates)[i], B[i]);
    }
    gx_network_free(n);
    gx_graph_free(a);
    for (int i = 0; i < 14; i++)
        drop(&d[i]);
}

static void test_options(void)
{
    doc d[3];
    make(&d[0], VISIT, 20240219, "荣怡婷");
    make(&d[1], MEETING, 20240220, NULL);
    make(&d[2], CHECKUP, 0, NULL);
    int order[] = {0, 1, 2};
    gx_graph_options o;
    gx_graph_options_init(&o);
    o.since = 20240220;
    gx_network *n = build(d, order, 3, &o);
    CHECK_EQ_INT(n->articles, 1);
    CHECK_EQ_INT(node_of(n, "崔小生"), -1);
    gx_network_free(n);

    gx_graph_options_init(&o);
    o.types = 1u << GX_ENT_OFFICIAL;
    o.journalists = true;
    o.referenced = true;
    n = build(d, order, 3, &o);
    CHECK_EQ_INT(node_of(n, "浙江钛迩赛新材料有限公司"), -1);
    CHECK(node_of(n, "荣怡婷") >= 0);
    CHECK_EQ_INT(n->undated, 1);
    gx_network_free(n);

    gx_graph_options_init(&o);
    o.min_weight = 2;
    n = build(d, order, 3, &o);
    for (size_t i = 0; i < n->n_edges; i++)
        CHECK(n->edges[i].weight >= 2);
    gx_network_free(n);
    for (int i = 0; i < 3; i++)
        drop(&d[i]);
}

/* Two paragraphs of one article, the second of two sentences. */
static const char *WINDOWS = "市委书记仲旭东、市长周军波出席会议。\n"
                             "市委常委崔小生来到安佐化学有限公司。副市长戴振在平湖经济技术开发区调研。";

static void test_windows(void)
{
    doc d[1];
    make(&d[0], WINDOWS, 20240219, NULL);
    int order[] = {0};
    gx_graph_options o;
    gx_graph_options_init(&o);
    gx_network *n = build(d, order, 1, &o);
    CHECK(edge_of(n, "仲旭东", "戴振") != NULL);
    CHECK(edge_of(n, "崔小生", "戴振") != NULL);
    gx_network_free(n);

    o.window = GX_WIN_PARAGRAPH;
    n = build(d, order, 1, &o);
    CHECK(edge_of(n, "仲旭东", "周军波") != NULL);
    CHECK(edge_of(n, "仲旭东", "戴振") == NULL);
    CHECK(edge_of(n, "崔小生", "戴振") != NULL);
    CHECK_EQ_INT(n->nodes[node_of(n, "戴振")].mentions, 1);
    gx_network_free(n);

    o.window = GX_WIN_SENTENCE;
    n = build(d, order, 1, &o);
    CHECK(edge_of(n, "仲旭东", "周军波") != NULL);
    CHECK(edge_of(n, "崔小生", "安佐化学有限公司") != NULL);
    CHECK(edge_of(n, "崔小生", "戴振") == NULL);
    CHECK(edge_of(n, "戴振", "平湖经济技术开发区") != NULL);
    gx_network_free(n);
    drop(&d[0]);
}

/* Communities: two groups of officials who meet three times each, tied by one article, are two
 * communities; a network with no edges (one official alone) gets its community too (igraph
 * 0.10.2's Leiden asked to run until it converges never returns on it). */
static void test_communities(void)
{
    static const char *GROUP_A = "市委书记仲旭东、市长周军波、副市长戴振出席会议。";
    static const char *GROUP_B = "市领导李文健、崔小生、王建坤出席会议。";
    static const char *BRIDGE = "市委书记仲旭东、市领导李文健出席会议。";
    doc d[7];
    for (int i = 0; i < 3; i++) {
        make(&d[i], GROUP_A, 20240219, NULL);
        make(&d[3 + i], GROUP_B, 20240219, NULL);
    }
    make(&d[6], BRIDGE, 20240219, NULL);
    int order[] = {0, 1, 2, 3, 4, 5, 6};
    gx_graph_options o;
    gx_graph_options_init(&o);
    gx_network *n = build(d, order, 7, &o);
    const char *a[] = {"仲旭东", "周军波", "戴振"}, *b[] = {"李文健", "崔小生", "王建坤"};
    long ca = -1, cb = -1;
    for (int i = 0; i < 3; i++) {
        long x = node_of(n, a[i]), y = node_of(n, b[i]);
        CHECK(x >= 0 && y >= 0);
        if (x < 0 || y < 0)
            continue;
        if (i == 0) {
            ca = n->nodes[x].community;
            cb = n->nodes[y].community;
        }
        CHECK_EQ_INT(n->nodes[x].community, ca);
        CHECK_EQ_INT(n->nodes[y].community, cb);
    }
    CHECK(ca >= 0 && cb >= 0 && ca != cb);
    gx_network_free(n);
    for (int i = 0; i < 7; i++)
        drop(&d[i]);

    make(&d[0], "市委书记仲旭东在会上强调。", 20240219, NULL);
    n = build(d, order, 1, &o);
    CHECK_EQ_INT(n->n_nodes, 1);
    CHECK_EQ_INT(n->n_edges, 0);
    if (n->n_nodes == 1)
        CHECK_EQ_INT(n->nodes[0].community, 0);
    gx_network_free(n);
    drop(&d[0]);
}

/* A random network of n nodes, the first `linked` of them in clusters of `cluster` (several
 * components, leaves, ties) and the rest without edges, with up to m distinct edges drawn from
 * seed: into net (which gets the edges' array) and igraph's edge list el, and with weights 1–7
 * into w too if w is given (else every weight is 1). */
static void random_network(gx_network *net, igraph_vector_int_t *el, igraph_vector_t *w, size_t n, size_t linked,
                           size_t cluster, size_t m, uint64_t seed)
{
    *net = (gx_network){0};
    net->n_nodes = n;
    net->edges = calloc(m, sizeof *net->edges);
    igraph_vector_int_init(el, 0);
    if (w)
        igraph_vector_init(w, 0);
    uint64_t state = seed;
    for (size_t i = 0; i < m; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        size_t a = (state >> 33) % linked, b = (state >> 13) % cluster + a / cluster * cluster;
        if (b >= linked || a == b)
            continue;
        size_t lo = a < b ? a : b, hi = a < b ? b : a;
        bool dup = false;
        for (size_t j = 0; j < net->n_edges && !dup; j++)
            dup = net->edges[j].source == lo && net->edges[j].target == hi;
        if (dup)
            continue;
        uint32_t weight = w ? (uint32_t)(1 + (state >> 50) % 7) : 1;
        net->edges[net->n_edges++] = (gx_edge){.source = (uint32_t)lo, .target = (uint32_t)hi, .weight = weight};
        igraph_vector_int_push_back(el, (igraph_integer_t)lo);
        igraph_vector_int_push_back(el, (igraph_integer_t)hi);
        if (w)
            igraph_vector_push_back(w, weight);
    }
}

/* Our PageRank against igraph's PRPACK on a random weighted network with several components,
 * leaves and nodes without edges (which spread their value over all): the same values to within
 * PRPACK's own tolerance, summing to 1. */
static void test_pagerank_matches_igraph(void)
{
    enum { N = 500, M = 2000 };
    gx_network net;
    igraph_vector_int_t el;
    igraph_vector_t w;
    random_network(&net, &el, &w, N, N - 20, 89, M, 11); /* the last 20 alone */
    igraph_t g;
    igraph_create(&g, &el, N, IGRAPH_UNDIRECTED);
    igraph_vector_t want;
    igraph_vector_init(&want, 0);
    igraph_real_t value;
    CHECK_EQ_INT(igraph_pagerank(&g, IGRAPH_PAGERANK_ALGO_PRPACK, &want, &value, igraph_vss_all(), 0, 0.85, &w,
                                 NULL), IGRAPH_SUCCESS);
    double got[N], sum = 0, most = 0;
    gx_csr c = gx_csr_of(&net, true);
    gx_pagerank(&c, 0.85, got);
    gx_csr_free(&c);
    for (size_t v = 0; v < N; v++) {
        CHECK(fabs(got[v] - VECTOR(want)[v]) <= 1e-10);
        sum += got[v];
        most = fmax(most, got[v] / VECTOR(want)[v]);
    }
    CHECK(fabs(sum - 1) < 1e-12);
    CHECK(most < 1 + 1e-8);
    CHECK(got[N - 1] > 0 && fabs(got[N - 1] - got[N - 2]) < 1e-15); /* alone: only the spread */
    igraph_vector_destroy(&want);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&el);
    igraph_destroy(&g);
    free(net.edges);
}

/* On a large network the sum's rounding keeps the move of an iteration above 1e-13 for good: the
 * iteration must see that it no longer shrinks and stop, not run a thousand times.  Hubs with a
 * few hundred thousand leaves each, and the hubs in a ring, as companies round their officials. */
static void test_pagerank_stops_at_rounding(void)
{
    enum { HUBS = 8, N = 2000000 };
    gx_network net = {0};
    net.n_nodes = N;
    net.edges = calloc(N, sizeof *net.edges);
    for (uint32_t h = 0; h < HUBS; h++)
        net.edges[net.n_edges++] = (gx_edge){.source = h, .target = (h + 1) % HUBS, .weight = 3};
    for (uint32_t v = HUBS; v < N; v++)
        net.edges[net.n_edges++] = (gx_edge){.source = v % HUBS, .target = v, .weight = 1 + v % 5};
    for (size_t i = 0; i < net.n_edges; i++)
        if (net.edges[i].source > net.edges[i].target) {
            uint32_t t = net.edges[i].source;
            net.edges[i].source = net.edges[i].target;
            net.edges[i].target = t;
        }
    double *pr = malloc(N * sizeof *pr), sum = 0;
    gx_csr c = gx_csr_of(&net, true);
    int iterations = gx_pagerank(&c, 0.85, pr);
    gx_csr_free(&c);
    for (size_t v = 0; v < N; v++)
        sum += pr[v];
    CHECK(iterations < 200); /* 0.85^200 is 8e-15: a run past it is stuck on rounding */
    CHECK(fabs(sum - 1) < 1e-9);
    CHECK(pr[0] > 100 * pr[HUBS]);
    free(pr);
    free(net.edges);
}

/* Our Brandes against igraph's, exact and from a subset of sources, on a random network with
 * several components, leaves and ties; and the same numbers for any thread count. */
static void test_betweenness_matches_igraph(void)
{
    enum { N = 400, M = 1600, K = 37 };
    gx_network net;
    igraph_vector_int_t el;
    random_network(&net, &el, NULL, N, N, 97, M, 7); /* clusters of 97 */
    igraph_t g;
    igraph_create(&g, &el, N, IGRAPH_UNDIRECTED);
    igraph_vector_t want;
    igraph_vector_init(&want, 0);
    double got[N], again[N];
    igraph_betweenness(&g, &want, igraph_vss_all(), 0, NULL);
    gx_csr c = gx_csr_of(&net, false);
    gx_betweenness(&c, NULL, 0, 1, got);
    double most = 0;
    for (size_t v = 0; v < N; v++) {
        CHECK(fabs(got[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
        most = fmax(most, got[v]);
    }
    CHECK(most > 100); /* a network with paths worth counting */
    uint32_t src[K];
    igraph_vector_int_t isrc;
    igraph_vector_int_init(&isrc, K);
    for (size_t i = 0; i < K; i++) {
        src[i] = (uint32_t)(i * 11 % N);
        VECTOR(isrc)[i] = src[i];
    }
    igraph_betweenness_subset(&g, &want, igraph_vss_all(), 0, igraph_vss_vector(&isrc), igraph_vss_all(), NULL);
    gx_betweenness(&c, src, K, 1, got);
    for (size_t v = 0; v < N; v++)
        CHECK(fabs(got[v] - VECTOR(want)[v]) <= 1e-9 * (1 + fabs(VECTOR(want)[v])));
    for (int threads = 2; threads <= 5; threads++) {
        gx_betweenness(&c, src, K, threads, again);
        CHECK(memcmp(got, again, sizeof got) == 0);
    }
    gx_csr_free(&c);
    igraph_vector_int_destroy(&isrc);
    igraph_vector_destroy(&want);
    igraph_vector_int_destroy(&el);
    igraph_destroy(&g);
    free(net.edges);
}

static int cmp_pair(const void *pa, const void *pb)
{
    const gx_edge *a = pa, *b = pb;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return a->target < b->target ? -1 : a->target > b->target;
}

/* A network of n nodes in groups of `group`, the last `alone` without edges: m edges drawn from
 * seed, each within its group with probability `inside`, weights 1–5, duplicates summed; into
 * net (sorted, as gx_graph_build leaves them) and igraph's el and w. */
static void planted_network(gx_network *net, igraph_vector_int_t *el, igraph_vector_t *w, size_t n, size_t alone,
                            size_t group, size_t m, double inside, uint64_t seed)
{
    *net = (gx_network){0};
    net->n_nodes = n;
    gx_edge *e = calloc(m, sizeof *e);
    size_t linked = n - alone, k = 0;
    uint64_t state = seed;
#define DRAW() (state = state * 6364136223846793005u + 1442695040888963407u, state >> 33)
    for (size_t i = 0; i < m; i++) {
        size_t a = DRAW() % linked, b;
        if ((double)DRAW() / 0x1p31 < inside)
            b = a / group * group + DRAW() % group;
        else
            b = DRAW() % linked;
        if (b >= linked || a == b)
            continue;
        e[k++] = (gx_edge){.source = (uint32_t)(a < b ? a : b), .target = (uint32_t)(a < b ? b : a),
                           .weight = (uint32_t)(1 + DRAW() % 5)};
    }
#undef DRAW
    qsort(e, k, sizeof *e, cmp_pair);
    igraph_vector_int_init(el, 0);
    igraph_vector_init(w, 0);
    for (size_t i = 0; i < k; i++) {
        if (net->n_edges && cmp_pair(&net->edges[net->n_edges - 1], &e[i]) == 0) {
            net->edges[net->n_edges - 1].weight += e[i].weight;
            VECTOR(*w)[igraph_vector_size(w) - 1] += e[i].weight;
            continue;
        }
        if (!net->edges)
            net->edges = e; /* compacted in place */
        net->edges[net->n_edges++] = e[i];
        igraph_vector_int_push_back(el, e[i].source);
        igraph_vector_int_push_back(el, e[i].target);
        igraph_vector_push_back(w, e[i].weight);
    }
    if (!net->edges)
        net->edges = e;
}

/* Whether every community of memb is connected within itself. */
static bool communities_connected(const gx_csr *c, const uint32_t *memb)
{
    size_t n = c->n;
    bool *seen = calloc(n, 1), *rooted = calloc(n, 1), ok = true;
    uint32_t *q = malloc(n * sizeof *q);
    for (size_t v = 0; v < n && ok; v++) {
        if (seen[v])
            continue;
        if (rooted[memb[v]])
            ok = false; /* a second piece of a community already walked */
        rooted[memb[v]] = true;
        size_t head = 0, tail = 0;
        q[tail++] = (uint32_t)v;
        seen[v] = true;
        while (head < tail) {
            uint32_t x = q[head++];
            for (size_t j = c->off[x]; j < c->off[x + 1]; j++) {
                uint32_t y = c->adj[j];
                if (!seen[y] && memb[y] == memb[x]) {
                    seen[y] = true;
                    q[tail++] = y;
                }
            }
        }
    }
    free(seen);
    free(rooted);
    free(q);
    return ok;
}

/* gx_modularity_alone is gx_modularity of every node alone, to the bit: on the planted networks
 * and on compressed rows with loops (an aggregate's kind of arc), where a node's own arcs count
 * inside. */
static void test_modularity_alone(void)
{
    for (uint64_t seed = 1; seed <= 3; seed++) {
        gx_network net;
        igraph_vector_int_t el;
        igraph_vector_t w;
        planted_network(&net, &el, &w, 2000, 50, 40, 20000, 0.6, seed);
        gx_csr c = gx_csr_of(&net, true);
        uint32_t *alone = malloc(c.n * sizeof *alone);
        for (size_t v = 0; v < c.n; v++)
            alone[v] = (uint32_t)v;
        double a = gx_modularity(&c, alone), b = gx_modularity_alone(&c);
        CHECK(memcmp(&a, &b, sizeof a) == 0);
        CHECK(a < 0);
        free(alone);
        gx_csr_free(&c);
        igraph_vector_int_destroy(&el);
        igraph_vector_destroy(&w);
        free(net.edges);
    }
    size_t off[] = {0, 3, 5, 7};
    uint32_t adj[] = {0, 1, 2, 0, 1, 0, 2}, wt[] = {4, 1, 2, 1, 3, 2, 5};
    gx_csr c = {.n = 3, .off = off, .adj = adj, .w = wt};
    uint32_t alone[] = {0, 1, 2};
    double a = gx_modularity(&c, alone), b = gx_modularity_alone(&c);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    CHECK(fabs(a - (12.0 / 18 - 114.0 / 324)) < 1e-12); /* the loops, 12 of 18, inside: without them -0.35 */
}

/* Our Leiden against igraph's (same quality function, two iterations): as good a modularity on
 * networks with weak and with strong groups, communities connected, numbered by first node, the
 * same answer every run, planted groups found, and nodes without edges alone.  gx_modularity
 * agrees with igraph_modularity. */
static void test_leiden_against_igraph(void)
{
    static const struct {
        size_t n, alone, group, m;
        double inside;
    } nets[] = {{3000, 40, 60, 30000, 0.5}, {3000, 0, 30, 20000, 0.9}, {2000, 10, 200, 40000, 0.2},
                {400, 0, 400, 3000, 0}};
    for (size_t t = 0; t < sizeof nets / sizeof *nets; t++) {
        size_t n = nets[t].n;
        gx_network net;
        igraph_vector_int_t el;
        igraph_vector_t w;
        planted_network(&net, &el, &w, n, nets[t].alone, nets[t].group, nets[t].m, nets[t].inside, 31 + t);
        igraph_t g;
        igraph_create(&g, &el, (igraph_integer_t)n, IGRAPH_UNDIRECTED);
        gx_csr c = gx_csr_of(&net, true);
        uint32_t *got = malloc(n * sizeof *got), *again = malloc(n * sizeof *again);
        int rounds;
        size_t k = gx_leiden(&c, 10, 1e-4, 0.01, 20240221, got, &rounds);
        gx_leiden(&c, 10, 1e-4, 0.01, 20240221, again, &rounds);
        CHECK(memcmp(got, again, n * sizeof *got) == 0);
        gx_leiden_wide(&c, 10, 1e-4, 0.01, 20240221, again, &rounds); /* sums in doubles: the same */
        CHECK(memcmp(got, again, n * sizeof *got) == 0);
        igraph_vector_int_t memb;
        igraph_vector_int_init(&memb, n);
        for (size_t v = 0; v < n; v++)
            VECTOR(memb)[v] = got[v];
        igraph_real_t q_igraph_of_ours, q_theirs;
        igraph_modularity(&g, &memb, &w, 1, false, &q_igraph_of_ours);
        double q = gx_modularity(&c, got);
        CHECK(fabs(q - q_igraph_of_ours) < 1e-12);
        igraph_vector_t strength;
        igraph_vector_init(&strength, 0);
        igraph_strength(&g, &strength, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w);
        igraph_rng_seed(igraph_rng_default(), 20240221);
        igraph_community_leiden(&g, &w, &strength, 1.0 / igraph_vector_sum(&strength), 0.01, false, 2, &memb, NULL,
                                NULL);
        igraph_modularity(&g, &memb, &w, 1, false, &q_theirs);
        size_t k_theirs = 0;
        for (size_t v = 0; v < n; v++)
            k_theirs = (size_t)VECTOR(memb)[v] + 1 > k_theirs ? (size_t)VECTOR(memb)[v] + 1 : k_theirs;
        CHECK(q > q_theirs - 0.005);
        CHECK(q > 0.1); /* even a random network's best split has some */
        CHECK(communities_connected(&c, got));
        size_t next = 0;
        for (size_t v = 0; v < n; v++) {
            CHECK(got[v] <= next);
            if (got[v] == next)
                next++;
        }
        CHECK_EQ_INT(next, k);
        for (size_t v = n - nets[t].alone; v < n; v++) /* no edges: alone */
            for (size_t u = 0; u < n; u++)
                if (u != v && got[u] == got[v])
                    CHECK(u == v);
        if (nets[t].inside >= 0.9) {
            /* strong groups: each lies in one community but for a stray node or two (a few pairs
             * of groups that the draw tied more closely than the rest share one, in igraph's
             * partition too) */
            size_t astray = 0;
            for (size_t v = 0; v < n; v++)
                astray += got[v] != got[v / nets[t].group * nets[t].group];
            CHECK(astray <= n / 1000);
            CHECK(k <= n / nets[t].group && k + 10 >= n / nets[t].group);
        }
        CHECK(k + 2 + k_theirs / 10 >= k_theirs && k <= k_theirs + 2 + k_theirs / 10);
        printf("leiden %zu: %zu communities, modularity %.4f (igraph's: %zu, %.4f)\n", t, k, q, k_theirs, q_theirs);
        igraph_vector_destroy(&strength);
        igraph_vector_int_destroy(&memb);
        igraph_vector_destroy(&w);
        igraph_vector_int_destroy(&el);
        igraph_destroy(&g);
        gx_csr_free(&c);
        free(got);
        free(again);
        free(net.edges);
    }
}

/* Leiden's aggregates keep their weights in 32 bits while the network's total weight fits, and
 * in doubles past it: with every edge weighing 2^28, sums pass 32 bits from the first aggregate
 * on (a part of two nodes with 30 edges to another part already does), and the planted groups
 * must still be found, as with weights of one. */
static void test_leiden_weights_past_32_bits(void)
{
    enum { N = 3000, GROUP = 30 };
    for (int heavy = 0; heavy < 2; heavy++) {
        gx_network net;
        igraph_vector_int_t el;
        igraph_vector_t w;
        planted_network(&net, &el, &w, N, 0, GROUP, 20000, 0.9, 32);
        for (size_t i = 0; i < net.n_edges; i++)
            net.edges[i].weight = heavy ? 1u << 28 : 1;
        gx_csr c = gx_csr_of(&net, true);
        uint32_t *got = malloc(N * sizeof *got);
        int rounds;
        size_t k = gx_leiden(&c, 10, 1e-4, 0.01, 20240221, got, &rounds);
        size_t astray = 0;
        for (size_t v = 0; v < N; v++)
            astray += got[v] != got[v / GROUP * GROUP];
        CHECK(astray <= N / 1000);
        CHECK(k <= N / GROUP && k + 10 >= N / GROUP);
        CHECK(gx_modularity(&c, got) > 0.8);
        CHECK(communities_connected(&c, got));
        printf("leiden, every weight %s: %zu communities, modularity %.4f, %zu astray\n", heavy ? "2^28" : "1", k,
               gx_modularity(&c, got), astray);
        gx_csr_free(&c);
        free(got);
        free(net.edges);
        igraph_vector_destroy(&w);
        igraph_vector_int_destroy(&el);
    }
}

/* The network in igraph (gx_network_igraph) has its nodes, edges, labels, types and weights;
 * and the degrees, weighted degrees and coreness gx_graph_build gives are igraph's on it, for a
 * network built from articles and for a larger planted one (coreness alone). */
static void test_metrics_match_igraph(void)
{
    static const char *TEXT[] = {"市委书记仲旭东、市长周军波、副市长戴振、市领导李文健出席会议。",
                                 "市委书记仲旭东走访浙江景兴纸业股份有限公司。",
                                 "市领导李文健、崔小生、王建坤出席会议。", "市委书记仲旭东、市领导李文健出席会议。",
                                 "市长周军波、副市长戴振考察平湖经济技术开发区。"};
    enum { D = sizeof TEXT / sizeof *TEXT };
    doc d[D];
    int order[D];
    for (int i = 0; i < D; i++) {
        make(&d[i], TEXT[i], 20240219 + i, NULL);
        order[i] = i;
    }
    gx_graph_options o;
    gx_graph_options_init(&o);
    gx_network *n = build(d, order, D, &o);
    CHECK(n->n_edges >= 10);
    igraph_t g;
    igraph_vector_t w, res;
    gx_error err;
    CHECK_EQ_INT(gx_network_igraph(n, &g, &w, &err), GX_OK);
    CHECK_EQ_INT(igraph_vcount(&g), n->n_nodes);
    CHECK_EQ_INT(igraph_ecount(&g), n->n_edges);
    igraph_vector_init(&res, 0);
    igraph_strength(&g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, NULL);
    for (size_t i = 0; i < n->n_nodes; i++) {
        CHECK(n->nodes[i].degree == VECTOR(res)[i]);
        CHECK_EQ_STR(VAS(&g, "label", i), n->nodes[i].label);
        CHECK_EQ_STR(VAS(&g, "type", i), gx_etype_name(n->nodes[i].type));
    }
    igraph_strength(&g, &res, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &w);
    for (size_t i = 0; i < n->n_nodes; i++)
        CHECK(n->nodes[i].weighted_degree == VECTOR(res)[i]);
    for (size_t i = 0; i < n->n_edges; i++) {
        igraph_integer_t from, to;
        igraph_edge(&g, (igraph_integer_t)i, &from, &to);
        CHECK(from == n->edges[i].source && to == n->edges[i].target);
        CHECK(EAN(&g, "weight", i) == n->edges[i].weight && VECTOR(w)[i] == n->edges[i].weight);
    }
    igraph_vector_int_t core;
    igraph_vector_int_init(&core, 0);
    igraph_coreness(&g, &core, IGRAPH_ALL);
    long most = 0;
    for (size_t i = 0; i < n->n_nodes; i++) {
        CHECK_EQ_INT(n->nodes[i].kcore, VECTOR(core)[i]);
        most = n->nodes[i].kcore > most ? n->nodes[i].kcore : most;
    }
    CHECK(most >= 3);
    igraph_destroy(&g);
    igraph_vector_destroy(&w);
    gx_network_free(n);
    for (int i = 0; i < D; i++)
        drop(&d[i]);

    gx_network net;
    igraph_vector_int_t el;
    planted_network(&net, &el, &w, 5000, 50, 25, 60000, 0.7, 5);
    igraph_create(&g, &el, 5000, IGRAPH_UNDIRECTED);
    igraph_coreness(&g, &core, IGRAPH_ALL);
    gx_csr c = gx_csr_of(&net, false);
    uint32_t *got = malloc(5000 * sizeof *got);
    gx_coreness(&c, got);
    size_t same = 0;
    most = 0;
    for (size_t i = 0; i < 5000; i++) {
        same += got[i] == VECTOR(core)[i];
        most = got[i] > most ? got[i] : most;
    }
    CHECK_EQ_INT(same, 5000);
    CHECK(most >= 10 && got[4999] == 0);
    free(got);
    gx_csr_free(&c);
    igraph_vector_int_destroy(&core);
    igraph_vector_destroy(&res);
    igraph_vector_destroy(&w);
    igraph_vector_int_destroy(&el);
    igraph_destroy(&g);
    free(net.edges);
}

/* Pairs as merged shards leave them (a pair several times, with dates and some with visits),
 * into g; a rank that reverses the entities' order. */
static void many_pairs(gx_graph *g, size_t n, size_t m, uint64_t seed)
{
    g->n = n; /* no entities behind them: the sort reads only their count */
    g->pairs = calloc(m, sizeof *g->pairs);
    g->np = g->cp = m;
    uint64_t state = seed;
    for (size_t i = 0; i < m; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        uint32_t a = (uint32_t)((state >> 33) % n), b = (uint32_t)((state >> 13) % 50);
        b = (a + 1 + b) % (uint32_t)n;
        pair *p = &g->pairs[i];
        p->source = a < b ? a : b;
        p->target = a < b ? b : a;
        p->weight = 1 + (uint32_t)(state >> 60);
        gx_dates_add(&p->dates, 20240101 + (gx_date)((state >> 40) % 28));
        if ((state >> 20) % 97 == 0) {
            GX_GROW(g->visit, g->cvisit, g->nvisit + 1);
            g->visit[g->nvisit] = (gx_visits){.n = 1};
            gx_dates_add(&g->visit[g->nvisit].dates, 20240101 + (gx_date)((state >> 44) % 28));
            p->visit = (uint32_t)++g->nvisit;
        }
    }
}

static char *dump_pairs(const gx_graph *g)
{
    gx_buf b;
    gx_buf_init(&b);
    for (size_t i = 0; i < g->np; i++) {
        const pair *p = &g->pairs[i];
        gx_buf_addf(&b, "%u %u %u %u", p->source, p->target, p->weight, p->dates.n);
        for (size_t k = 0; k < p->dates.n; k++)
            gx_buf_addf(&b, " %d", gx_dates_v(&p->dates)[k]);
        if (p->visit)
            gx_buf_addf(&b, " v%u/%u", g->visit[p->visit - 1].n, g->visit[p->visit - 1].dates.n);
        gx_buf_addc(&b, '\n');
    }
    return gx_buf_take(&b);
}

/* Whether pairs[0..nsorted) are in order of their ends, each once. */
static bool sorted_and_distinct(const gx_graph *g)
{
    for (size_t i = 1; i < g->nsorted; i++) {
        const pair *p = &g->pairs[i - 1], *q = &g->pairs[i];
        if (p->source > q->source || (p->source == q->source && p->target >= q->target))
            return false;
    }
    return true;
}

/* The pairs' sort gives the same pairs, in order of their ends, each once, with the weights and
 * visits of all their copies, on any number of threads. */
static void test_sort_pairs(void)
{
    enum { N = 20000, M = 400000 };
    uint32_t *rank = malloc(N * sizeof *rank);
    for (uint32_t v = 0; v < N; v++)
        rank[v] = N - 1 - v;
    char *first = NULL;
    for (int threads = 1; threads <= 4; threads++) {
        gx_graph *g = gx_graph_new(NULL);
        many_pairs(g, N, M, 77);
        uint64_t weight = 0, visits = 0;
        for (size_t i = 0; i < g->np; i++)
            weight += g->pairs[i].weight;
        for (size_t i = 0; i < g->nvisit; i++)
            visits += g->visit[i].n;
        gx_graph_sort_pairs(g, rank, threads);
        uint64_t after = 0, vafter = 0;
        bool ends_in_order = true;
        for (size_t i = 0; i < g->np; i++) {
            const pair *p = &g->pairs[i];
            after += p->weight;
            vafter += p->visit ? g->visit[p->visit - 1].n : 0;
            ends_in_order &= p->source < p->target;
        }
        CHECK(ends_in_order);
        CHECK(g->nsorted == g->np && sorted_and_distinct(g));
        CHECK(after == weight && vafter == visits);
        CHECK(g->np < M && g->np > M / 2); /* copies combined */
        char *d = dump_pairs(g);
        if (!first)
            first = d;
        else {
            CHECK(strcmp(d, first) == 0);
            free(d);
        }
        g->n = 0;
        gx_graph_free(g);
    }
    free(first);
    free(rank);
}

/* A source's run long enough for the quicksort: ascending, descending, organ-pipe, a sawtooth, one
 * target, random; each comes out in order, each pair once, with every copy's weight. */
static void test_sort_pairs_long_runs(void)
{
    enum { N = 5001, M = 20000 };
    for (int shape = 0; shape < 6; shape++) {
        gx_graph *g = gx_graph_new(NULL);
        g->n = N;
        g->pairs = calloc(M, sizeof *g->pairs);
        g->np = g->cp = M;
        uint64_t state = 99, weight = 0;
        for (uint32_t i = 0; i < M; i++) {
            state = state * 6364136223846793005u + 1442695040888963407u;
            uint32_t k = i % (N - 1), t = shape == 0 ? k
                                       : shape == 1 ? N - 2 - k
                                       : shape == 2 ? (k < (N - 1) / 2 ? 2 * k : 2 * (N - 2 - k) + 1)
                                       : shape == 3 ? k % 37
                                       : shape == 4 ? 7
                                                    : (uint32_t)((state >> 33) % (N - 1));
            pair *p = &g->pairs[i];
            p->source = 0;
            p->target = 1 + t;
            p->weight = 1 + (uint32_t)(state >> 61);
            weight += p->weight;
        }
        gx_graph_sort_pairs(g, NULL, 1);
        uint64_t after = 0;
        for (size_t i = 0; i < g->np; i++)
            after += g->pairs[i].weight;
        CHECK(g->nsorted == g->np && sorted_and_distinct(g));
        CHECK(after == weight);
        CHECK_EQ_INT(g->np, shape == 3 ? 37 : shape == 4 ? 1 : shape == 5 ? (long long)g->np : N - 1);
        g->n = 0;
        gx_graph_free(g);
    }
}

/* One logged sighting of the fold test, by the entities' numbers k (named 实体k). */
typedef struct seen {
    uint32_t a, b; /* a < b */
    gx_date date;
    uint32_t visit;
} seen;

static int cmp_seen(const void *pa, const void *pb)
{
    const seen *x = pa, *y = pb;
    if (x->a != y->a)
        return x->a < y->a ? -1 : 1;
    if (x->b != y->b)
        return x->b < y->b ? -1 : 1;
    if (x->visit != y->visit)
        return x->visit < y->visit ? -1 : 1;
    return x->date < y->date ? -1 : x->date > y->date;
}

/* What dump_pairs should print for the sightings s[0..n), worked out by sorting them all. */
static char *expected_pairs(seen *s, size_t n)
{
    qsort(s, n, sizeof *s, cmp_seen);
    gx_buf b, dates;
    gx_buf_init(&b);
    gx_buf_init(&dates);
    for (size_t i = 0; i < n;) {
        size_t j = i;
        unsigned weight = 0, ndates = 0, visits = 0, vdates = 0;
        gx_buf_clear(&dates);
        for (; j < n && s[j].a == s[i].a && s[j].b == s[i].b; j++) {
            bool again = j > i && s[j - 1].visit == s[j].visit && s[j - 1].date == s[j].date;
            if (s[j].visit) {
                visits++;
                vdates += !again;
            } else {
                weight++;
                if (!again) {
                    ndates++;
                    gx_buf_addf(&dates, " %d", s[j].date);
                }
            }
        }
        gx_buf_addf(&b, "%u %u %u %u%.*s", s[i].a, s[i].b, weight, ndates, (int)dates.len, dates.data ? dates.data : "");
        if (visits)
            gx_buf_addf(&b, " v%u/%u", visits, vdates);
        gx_buf_addc(&b, '\n');
        i = j;
    }
    gx_buf_destroy(&dates);
    return gx_buf_take(&b);
}

/* Sightings logged past GX_LOG_MIN are folded into the pairs as they come, in order, and after a
 * merge appended a shard's pairs; the last fold takes the log in parts, merging them in order or
 * (appended) appending them: the pairs at the end are those of sorting all the sightings. */
static void fold_case(bool appended)
{
    enum { N = 3000, SHARD = 2500000, BEFORE = 1200000, AFTER = 1500000, ALL = SHARD + BEFORE + AFTER };
    gx_graph *dst = gx_graph_new(NULL), *shard = gx_graph_new(NULL);
    uint32_t in_dst[N], in_shard[N];
    char name[32];
    for (uint32_t k = 0; k < N; k++) { /* the shard numbers the entities the other way round */
        snprintf(name, sizeof name, "实体%u", k);
        in_dst[k] = gx_graph_entity(dst, GX_ENT_COMPANY, name);
        snprintf(name, sizeof name, "实体%u", N - 1 - k);
        in_shard[N - 1 - k] = gx_graph_entity(shard, GX_ENT_COMPANY, name);
    }
    CHECK(in_dst[5] == 5 && in_shard[5] == N - 6);
    seen *all = malloc(ALL * sizeof *all);
    uint64_t state = 2024;
    for (size_t i = 0; i < ALL; i++) {
        state = state * 6364136223846793005u + 1442695040888963407u;
        uint32_t x = (uint32_t)((state >> 33) % N), y = (x + 1 + (uint32_t)((state >> 17) % 150)) % N;
        seen *s = &all[i];
        *s = (seen){x < y ? x : y, x < y ? y : x, 20240101 + (gx_date)((state >> 45) % 30), (state >> 8) % 23 == 0};
        bool to_shard = i < SHARD;
        const uint32_t *id = to_shard ? in_shard : in_dst;
        gx_graph_sighting(to_shard ? shard : dst, id[x], id[y], s->date, s->visit);
        if (i == SHARD - 1) {
            CHECK(shard->nlog < SHARD && shard->nsorted == shard->np); /* folded, in order */
            CHECK(sorted_and_distinct(shard));
        }
        if (i == SHARD + BEFORE - 1) {
            CHECK(dst->np > 0 && dst->nlog < BEFORE);
            gx_graph_merge(dst, shard); /* frees shard */
            CHECK(dst->nsorted < dst->np);
        }
    }
    CHECK(dst->nsorted == dst->np && dst->nlog < AFTER); /* folded since the merge */
    CHECK(sorted_and_distinct(dst));
    CHECK(dst->nlog > GX_LAST_FOLD_MIN); /* the last fold sorts the log in parts */
    if (appended)
        dst->nsorted = 0; /* as if a merge had appended pairs: the last fold appends its own */
    gx_graph_fold(dst, true);
    gx_graph_sort_pairs(dst, NULL, 1);
    char *got = dump_pairs(dst), *want = expected_pairs(all, ALL);
    CHECK(strcmp(got, want) == 0);
    free(got);
    free(want);
    free(all);
    gx_graph_free(dst);
}

static void test_fold(void)
{
    fold_case(false);
    fold_case(true);
}

int main(void)
{
    gx_error err;
    if (gx_lexicon_load(GX_DATA_DIR, &lex, &err) != GX_OK) {
        fprintf(stderr, "lexicon: %s\n", err.msg);
        return 1;
    }
    RUN(test_cooccurrence_and_visits);
    RUN(test_order_and_merge_change_nothing);
    RUN(test_dates_merge);
    RUN(test_options);
    RUN(test_windows);
    RUN(test_communities);
    RUN(test_pagerank_matches_igraph);
    RUN(test_pagerank_stops_at_rounding);
    RUN(test_betweenness_matches_igraph);
    RUN(test_modularity_alone);
    RUN(test_leiden_against_igraph);
    RUN(test_leiden_weights_past_32_bits);
    RUN(test_metrics_match_igraph);
    RUN(test_sort_pairs);
    RUN(test_sort_pairs_long_runs);
    RUN(test_fold);
    gx_lexicon_free(lex);
    return gx_t_summary();
}
