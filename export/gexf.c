/* gexf.c — the network as dynamic GEXF 1.3, so Gephi's timeline shows when each tie was active. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct attr {
    const char *id, *title, *type;
} attr;

static const attr NODE_ATTRS[] = {
    {"type", "type", "string"},       {"mentions", "mentions", "integer"},
    {"aliases", "aliases", "string"}, {"titles", "titles", "string"},
    {"code", "code", "string"},       {"level", "level", "string"},
    {"parent", "parent", "string"},   {"degree", "degree", "integer"},
    {"weighted_degree", "weighted_degree", "double"}, {"pagerank", "pagerank", "double"},
    {"community", "community", "integer"},           {"kcore", "kcore", "integer"},
};
static const attr EDGE_ATTRS[] = {
    {"kind", "kind", "string"}, {"visits", "visits", "integer"}, {"visit_dates", "visit_dates", "string"},
};

static void declare(gx_xmlw *x, const char *cls, const attr *a, size_t n)
{
    gx_xmlw_start(x, "attributes");
    gx_xmlw_attr(x, "class", cls);
    gx_xmlw_attr(x, "mode", "static");
    for (size_t i = 0; i < n; i++) {
        gx_xmlw_start(x, "attribute");
        gx_xmlw_attr(x, "id", a[i].id);
        gx_xmlw_attr(x, "title", a[i].title);
        gx_xmlw_attr(x, "type", a[i].type);
        gx_xmlw_end(x);
    }
    gx_xmlw_end(x);
}

/* An <attvalue> of a node or an edge (both stand at the same depth), as raw text (see
 * gx_raw_start): a string cleaned and escaped, a number as it is. */
static inline __attribute__((always_inline)) void raw_value(gx_buf *b, const char *id, const char *v)
{
    gx_raw_start(b, 5, "attvalue");
    gx_raw_attr(b, "for", id);
    gx_raw_attr(b, "value", v);
    gx_raw_close(b);
}

static void raw_value_clean(gx_buf *b, gx_buf *scratch, const char *id, const char *v)
{
    gx_raw_start(b, 5, "attvalue");
    gx_raw_attr(b, "for", id);
    gx_raw_attr_clean(b, scratch, "value", v);
    gx_raw_close(b);
}

static inline __attribute__((always_inline)) void raw_value_long(gx_buf *b, const char *id, long v)
{
    char s[24];
    gx_fmt_long(s, v);
    raw_value(b, id, s);
}

static inline __attribute__((always_inline)) void raw_value_double(gx_buf *b, const char *id, double v)
{
    char s[40];
    gx_fmt_double(v, s, sizeof s);
    raw_value(b, id, s);
}

/* A node's or an edge's <spells> (both stand at the same depth), as raw text. */
static void raw_spells(gx_buf *b, const gx_dates *d)
{
    if (!d->n)
        return;
    gx_raw_start(b, 4, "spells");
    gx_raw_open(b);
    for (size_t i = 0; i < d->n;) {
        gx_date first, last;
        gx_spell_next(d, &i, &first, &last);
        char s[11], e[11];
        gx_date_format(first, s);
        gx_date_format(last, e);
        gx_raw_start(b, 5, "spell");
        gx_raw_attr(b, "start", s);
        gx_raw_attr(b, "end", e);
        gx_raw_close(b);
    }
    gx_raw_end(b, 4, "spells");
}

gx_status gx_export_gexf(const gx_network *n, const char *path, gx_error *err)
{
    gx_xmlw x;
    gx_status st = gx_xmlw_open(&x, path, err);
    if (st != GX_OK)
        return st;
    /* The document's date is the newest date in the data, so the same input gives the same bytes. */
    gx_date newest = 0, oldest = 0;
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_dates *d = &n->nodes[i].dates;
        if (d->n && gx_dates_last(d) > newest)
            newest = gx_dates_last(d);
        if (d->n && (!oldest || gx_dates_first(d) < oldest))
            oldest = gx_dates_first(d);
    }
    char nb[11], ob[11];
    gx_date_format(newest, nb);
    gx_date_format(oldest, ob);

    gx_xmlw_start(&x, "gexf");
    gx_xmlw_attr(&x, "xmlns", "http://gexf.net/1.3");
    gx_xmlw_attr(&x, "version", "1.3");
    gx_xmlw_start(&x, "meta");
    if (newest)
        gx_xmlw_attr(&x, "lastmodifieddate", nb);
    gx_xmlw_start(&x, "creator");
    gx_xmlw_text(&x, "guanxi");
    gx_xmlw_end(&x);
    gx_xmlw_start(&x, "description");
    gx_xmlw_text(&x, "officials, companies and places that appear in the same articles");
    gx_xmlw_end(&x);
    gx_xmlw_end(&x);

    gx_xmlw_start(&x, "graph");
    gx_xmlw_attr(&x, "mode", "dynamic");
    gx_xmlw_attr(&x, "defaultedgetype", "undirected");
    gx_xmlw_attr(&x, "timeformat", "date");
    gx_xmlw_attr(&x, "timerepresentation", "interval");
    gx_xmlw_attr(&x, "timezone", "Asia/Shanghai");
    if (oldest) {
        gx_xmlw_attr(&x, "start", ob);
        gx_xmlw_attr(&x, "end", nb);
    }
    declare(&x, "node", NODE_ATTRS, sizeof NODE_ATTRS / sizeof NODE_ATTRS[0]);
    declare(&x, "edge", EDGE_ATTRS, sizeof EDGE_ATTRS / sizeof EDGE_ATTRS[0]);
    gx_buf raw, dates;
    gx_buf_init(&raw);
    gx_buf_init(&dates);
    gx_xmlw_start(&x, "nodes");
    if (n->n_nodes) /* the writer ends <nodes>'s start tag where its first child begins */
        gx_buf_addc(&raw, '\n');
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_node *nd = &n->nodes[i];
        gx_raw_start(&raw, 3, "node");
        gx_raw_attr_id(&raw, "id", 'n', i);
        gx_raw_attr_clean(&raw, &x.scratch, "label", nd->label);
        gx_raw_open(&raw);
        gx_raw_start(&raw, 4, "attvalues");
        gx_raw_open(&raw);
        raw_value(&raw, "type", gx_etype_name(nd->type));
        raw_value_long(&raw, "mentions", nd->mentions);
        raw_value_clean(&raw, &x.scratch, "aliases", nd->aliases);
        raw_value_clean(&raw, &x.scratch, "titles", nd->titles);
        raw_value_clean(&raw, &x.scratch, "code", nd->code);
        raw_value_clean(&raw, &x.scratch, "level", nd->level);
        raw_value_clean(&raw, &x.scratch, "parent", nd->parent);
        raw_value_long(&raw, "degree", (long)nd->degree);
        raw_value_double(&raw, "weighted_degree", nd->weighted_degree);
        raw_value_double(&raw, "pagerank", nd->pagerank);
        raw_value_long(&raw, "community", nd->community);
        raw_value_long(&raw, "kcore", nd->kcore);
        gx_raw_end(&raw, 4, "attvalues");
        raw_spells(&raw, &nd->dates);
        gx_raw_end(&raw, 3, "node");
        gx_xmlw_raw(&x, &raw, false);
    }
    gx_xmlw_raw(&x, &raw, true);
    gx_xmlw_end(&x);
    gx_xmlw_start(&x, "edges");
    if (n->n_edges) /* the writer ends <edges>'s start tag where its first child begins */
        gx_buf_addc(&raw, '\n');
    gx_edge_kinds kinds;
    gx_edge_kinds_init(&kinds, n);
    for (size_t i = 0; i < n->n_edges; i++) {
        const gx_edge *e = &n->edges[i];
        char num[40];
        const char *kind = gx_edge_kinds_of(&kinds, e);
        gx_raw_start(&raw, 3, "edge");
        gx_raw_attr_id(&raw, "id", 'e', i);
        gx_raw_attr_id(&raw, "source", 'n', e->source);
        gx_raw_attr_id(&raw, "target", 'n', e->target);
        gx_fmt_double(e->weight, num, sizeof num);
        gx_raw_attr(&raw, "weight", num);
        gx_raw_open(&raw);
        gx_raw_start(&raw, 4, "attvalues");
        gx_raw_open(&raw);
        raw_value(&raw, "kind", kind);
        gx_fmt_long(num, gx_edge_visits(n, e));
        raw_value(&raw, "visits", num);
        raw_value(&raw, "visit_dates", gx_dates_join(gx_edge_visit_dates(n, e), &dates));
        gx_raw_end(&raw, 4, "attvalues");
        raw_spells(&raw, &e->dates);
        gx_raw_end(&raw, 3, "edge");
        gx_xmlw_raw(&x, &raw, false);
    }
    gx_edge_kinds_destroy(&kinds);
    gx_xmlw_raw(&x, &raw, true);
    gx_buf_destroy(&raw);
    gx_buf_destroy(&dates);
    gx_xmlw_end(&x);
    gx_xmlw_end(&x); /* graph */
    gx_xmlw_end(&x); /* gexf */
    return gx_xmlw_finish(&x, err);
}
