/* csv.c — nodes and edges tables in Gephi's spreadsheet format, with a timeset column. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* RFC 4180 quoting, after cleaning control characters. */
static void field(gx_buf *row, const char *s, gx_buf *scratch)
{
    const char *c = gx_xml_clean(s, scratch);
    if (!strpbrk(c, ",\"\n\r")) {
        gx_buf_adds(row, c);
        return;
    }
    gx_buf_addc(row, '"');
    for (const char *p = c; *p; p++) {
        if (*p == '"')
            gx_buf_addc(row, '"');
        gx_buf_addc(row, *p);
    }
    gx_buf_addc(row, '"');
}

static void add_date(gx_buf *row, gx_date d)
{
    char s[11];
    gx_date_format(d, s);
    gx_buf_adds(row, s);
}

static void add_long(gx_buf *row, long v)
{
    char s[24];
    gx_fmt_long(s, v);
    gx_buf_adds(row, s);
}

static void add_double(gx_buf *row, double v)
{
    char s[40];
    gx_fmt_double(v, s, sizeof s);
    gx_buf_adds(row, s);
}

/* "<[2024-02-19, 2024-02-20]; [2024-03-01, 2024-03-01]>" (quoted: it holds commas) */
static void timeset(gx_buf *row, const gx_dates *d)
{
    if (!d->n)
        return;
    gx_buf_adds(row, "\"<");
    for (size_t i = 0; i < d->n;) {
        gx_date first, last;
        if (i)
            gx_buf_adds(row, "; ");
        gx_spell_next(d, &i, &first, &last);
        gx_buf_addc(row, '[');
        add_date(row, first);
        gx_buf_adds(row, ", ");
        add_date(row, last);
        gx_buf_addc(row, ']');
    }
    gx_buf_adds(row, ">\"");
}

/* Writes the row and empties it; a full buffer is flushed at 64 KB. */
static void put_row(FILE *fp, gx_buf *row, bool last)
{
    if (row->len && (last || row->len >= 65536)) {
        fwrite(row->data, 1, row->len, fp);
        gx_buf_clear(row);
    }
}

static char *with_suffix(const char *path, const char *suffix)
{
    gx_buf b;
    gx_buf_init(&b);
    size_t n = strlen(path);
    if (n >= 4 && strcmp(path + n - 4, ".csv") == 0)
        n -= 4;
    gx_buf_add(&b, path, n);
    gx_buf_adds(&b, suffix);
    return gx_buf_take(&b);
}

gx_status gx_export_csv(const gx_network *n, const char *path, gx_error *err)
{
    char *np = with_suffix(path, ".nodes.csv"), *ep = with_suffix(path, ".edges.csv");
    gx_atomic an, ae;
    gx_status st = gx_atomic_open(&an, np, err);
    if (st != GX_OK)
        goto done;
    st = gx_atomic_open(&ae, ep, err);
    if (st != GX_OK) {
        gx_atomic_abort(&an);
        goto done;
    }
    gx_buf row, scratch;
    gx_buf_init(&row);
    gx_buf_init(&scratch);
    gx_buf_adds(&row, "Id,Label,type,mentions,aliases,titles,code,level,parent,first_seen,last_seen,degree,"
                      "weighted_degree,pagerank,betweenness,community,kcore,timeset\n");
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_node *nd = &n->nodes[i];
        gx_buf_addc(&row, 'n');
        gx_buf_add_uint(&row, i);
        gx_buf_addc(&row, ',');
        field(&row, nd->label, &scratch);
        gx_buf_addc(&row, ',');
        gx_buf_adds(&row, gx_etype_name(nd->type));
        gx_buf_addc(&row, ',');
        add_long(&row, nd->mentions);
        const char *text[] = {nd->aliases, nd->titles, nd->code, nd->level, nd->parent};
        for (size_t k = 0; k < sizeof text / sizeof text[0]; k++) {
            gx_buf_addc(&row, ',');
            field(&row, text[k], &scratch);
        }
        gx_buf_addc(&row, ',');
        add_date(&row, gx_dates_first(&nd->dates));
        gx_buf_addc(&row, ',');
        add_date(&row, gx_dates_last(&nd->dates));
        gx_buf_addc(&row, ',');
        add_long(&row, (long)nd->degree);
        gx_buf_addc(&row, ',');
        add_double(&row, nd->weighted_degree);
        gx_buf_addc(&row, ',');
        add_double(&row, nd->pagerank);
        gx_buf_addc(&row, ',');
        add_double(&row, nd->betweenness);
        gx_buf_addc(&row, ',');
        add_long(&row, nd->community);
        gx_buf_addc(&row, ',');
        add_long(&row, nd->kcore);
        gx_buf_addc(&row, ',');
        timeset(&row, &nd->dates);
        gx_buf_addc(&row, '\n');
        put_row(an.fp, &row, false);
    }
    put_row(an.fp, &row, true);
    gx_buf_adds(&row, "Source,Target,Type,Weight,kind,first_seen,last_seen,dates,visits,visit_dates,timeset\n");
    gx_edge_kinds kinds;
    gx_edge_kinds_init(&kinds, n);
    for (size_t i = 0; i < n->n_edges; i++) {
        const gx_edge *e = &n->edges[i];
        gx_buf_addc(&row, 'n');
        gx_buf_add_uint(&row, e->source);
        gx_buf_adds(&row, ",n");
        gx_buf_add_uint(&row, e->target);
        gx_buf_adds(&row, ",Undirected,");
        add_double(&row, e->weight);
        gx_buf_addc(&row, ',');
        gx_buf_adds(&row, gx_edge_kinds_of(&kinds, e));
        gx_buf_addc(&row, ',');
        add_date(&row, gx_dates_first(&e->dates));
        gx_buf_addc(&row, ',');
        add_date(&row, gx_dates_last(&e->dates));
        gx_buf_addc(&row, ',');
        gx_buf_adds(&row, gx_dates_join(&e->dates, &scratch));
        gx_buf_addc(&row, ',');
        add_long(&row, gx_edge_visits(n, e));
        gx_buf_addc(&row, ',');
        gx_buf_adds(&row, gx_dates_join(gx_edge_visit_dates(n, e), &scratch));
        gx_buf_addc(&row, ',');
        timeset(&row, &e->dates);
        gx_buf_addc(&row, '\n');
        put_row(ae.fp, &row, false);
    }
    put_row(ae.fp, &row, true);
    gx_edge_kinds_destroy(&kinds);
    gx_buf_destroy(&row);
    gx_buf_destroy(&scratch);
    st = gx_atomic_commit(&an, err);
    if (st == GX_OK)
        st = gx_atomic_commit(&ae, err);
    else
        gx_atomic_abort(&ae);
done:
    free(np);
    free(ep);
    return st;
}
