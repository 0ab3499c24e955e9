/* graphml.c — the network as GraphML that Gephi, networkx, igraph and graphology all read. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct key_def {
    const char *id, *for_, *name, *type;
} key_def;

/* Key ids are named, never d0…dN, and distinct between nodes and edges. */
static const key_def KEYS[] = {
    {"n_label", "node", "label", "string"},
    {"n_type", "node", "type", "string"},
    {"n_mentions", "node", "mentions", "int"},
    {"n_aliases", "node", "aliases", "string"},
    {"n_titles", "node", "titles", "string"},
    {"n_title_history", "node", "title_history", "string"},
    {"n_code", "node", "code", "string"},
    {"n_level", "node", "level", "string"},
    {"n_parent", "node", "parent", "string"},
    {"n_first_seen", "node", "first_seen", "string"},
    {"n_last_seen", "node", "last_seen", "string"},
    {"n_degree", "node", "degree", "int"},
    {"n_weighted_degree", "node", "weighted_degree", "double"},
    {"n_pagerank", "node", "pagerank", "double"},
    {"n_betweenness", "node", "betweenness", "double"},
    {"n_community", "node", "community", "int"},
    {"n_kcore", "node", "kcore", "int"},
    {"e_weight", "edge", "weight", "double"},
    {"e_kind", "edge", "kind", "string"},
    {"e_first_seen", "edge", "first_seen", "string"},
    {"e_last_seen", "edge", "last_seen", "string"},
    {"e_dates", "edge", "dates", "string"},
    {"e_visits", "edge", "visits", "int"},
    {"e_visit_dates", "edge", "visit_dates", "string"},
};

/* A node's <data> elements, as raw text (see gx_raw_start): strings cleaned and escaped,
 * numbers and dates as they are. */
static void data(gx_buf *b, gx_buf *scratch, const char *key, const char *value)
{
    gx_raw_text_clean(b, scratch, 3, "data", "key", key, value);
}

static inline __attribute__((always_inline)) void data_long(gx_buf *b, const char *key, long v)
{
    char s[24];
    gx_fmt_long(s, v);
    gx_raw_text(b, 3, "data", "key", key, s);
}

static inline __attribute__((always_inline)) void data_double(gx_buf *b, const char *key, double v)
{
    char s[40];
    gx_fmt_double(v, s, sizeof s);
    gx_raw_text(b, 3, "data", "key", key, s);
}

static inline __attribute__((always_inline)) void data_date(gx_buf *b, const char *key, gx_date d)
{
    char s[11];
    gx_date_format(d, s);
    gx_raw_text(b, 3, "data", "key", key, s);
}

gx_status gx_export_graphml(const gx_network *n, const char *path, gx_error *err)
{
    gx_xmlw x;
    gx_status st = gx_xmlw_open(&x, path, err);
    if (st != GX_OK)
        return st;
    gx_xmlw_start(&x, "graphml");
    gx_xmlw_attr(&x, "xmlns", "http://graphml.graphdrawing.org/xmlns");
    gx_xmlw_attr(&x, "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    gx_xmlw_attr(&x, "xsi:schemaLocation",
                 "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
    for (size_t i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
        gx_xmlw_start(&x, "key");
        gx_xmlw_attr(&x, "id", KEYS[i].id);
        gx_xmlw_attr(&x, "for", KEYS[i].for_);
        gx_xmlw_attr(&x, "attr.name", KEYS[i].name);
        gx_xmlw_attr(&x, "attr.type", KEYS[i].type);
        gx_xmlw_end(&x);
    }
    gx_xmlw_start(&x, "graph");
    gx_xmlw_attr(&x, "id", "guanxi");
    gx_xmlw_attr(&x, "edgedefault", "undirected");
    gx_buf raw, dates;
    gx_buf_init(&raw);
    gx_buf_init(&dates);
    if (n->n_nodes) /* the writer ends <graph>'s start tag where its first child begins */
        gx_buf_addc(&raw, '\n');
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_node *nd = &n->nodes[i];
        gx_raw_start(&raw, 2, "node");
        gx_raw_attr_id(&raw, "id", 'n', i);
        gx_raw_open(&raw);
        data(&raw, &x.scratch, "n_label", nd->label);
        data(&raw, &x.scratch, "n_type", gx_etype_name(nd->type));
        data_long(&raw, "n_mentions", nd->mentions);
        data(&raw, &x.scratch, "n_aliases", nd->aliases);
        data(&raw, &x.scratch, "n_titles", nd->titles);
        data(&raw, &x.scratch, "n_title_history", nd->title_history);
        data(&raw, &x.scratch, "n_code", nd->code);
        data(&raw, &x.scratch, "n_level", nd->level);
        data(&raw, &x.scratch, "n_parent", nd->parent);
        data_date(&raw, "n_first_seen", gx_dates_first(&nd->dates));
        data_date(&raw, "n_last_seen", gx_dates_last(&nd->dates));
        data_long(&raw, "n_degree", (long)nd->degree);
        data_double(&raw, "n_weighted_degree", nd->weighted_degree);
        data_double(&raw, "n_pagerank", nd->pagerank);
        data_double(&raw, "n_betweenness", nd->betweenness);
        data_long(&raw, "n_community", nd->community);
        data_long(&raw, "n_kcore", nd->kcore);
        gx_raw_end(&raw, 2, "node");
        gx_xmlw_raw(&x, &raw, false);
    }
    gx_edge_kinds kinds;
    gx_edge_kinds_init(&kinds, n);
    for (size_t i = 0; i < n->n_edges; i++) {
        const gx_edge *e = &n->edges[i];
        char num[40], first[11], last[11];
        const char *kind = gx_edge_kinds_of(&kinds, e);
        gx_raw_start(&raw, 2, "edge");
        gx_raw_attr_id(&raw, "id", 'e', i);
        gx_raw_attr_id(&raw, "source", 'n', e->source);
        gx_raw_attr_id(&raw, "target", 'n', e->target);
        gx_raw_open(&raw);
        gx_fmt_double(e->weight, num, sizeof num);
        gx_raw_text(&raw, 3, "data", "key", "e_weight", num);
        gx_raw_text(&raw, 3, "data", "key", "e_kind", kind);
        gx_date_format(gx_dates_first(&e->dates), first);
        gx_date_format(gx_dates_last(&e->dates), last);
        gx_raw_text(&raw, 3, "data", "key", "e_first_seen", first);
        gx_raw_text(&raw, 3, "data", "key", "e_last_seen", last);
        const char *joined = gx_dates_join(&e->dates, &dates);
        gx_raw_text_len(&raw, 3, "data", "key", "e_dates", joined, dates.len);
        gx_fmt_long(num, gx_edge_visits(n, e));
        gx_raw_text(&raw, 3, "data", "key", "e_visits", num);
        joined = gx_dates_join(gx_edge_visit_dates(n, e), &dates);
        gx_raw_text_len(&raw, 3, "data", "key", "e_visit_dates", joined, dates.len);
        gx_raw_end(&raw, 2, "edge");
        gx_xmlw_raw(&x, &raw, false);
    }
    gx_edge_kinds_destroy(&kinds);
    gx_xmlw_raw(&x, &raw, true);
    gx_buf_destroy(&raw);
    gx_buf_destroy(&dates);
    gx_xmlw_end(&x); /* graph */
    gx_xmlw_end(&x); /* graphml */
    return gx_xmlw_finish(&x, err);
}
