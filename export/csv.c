/* csv.c — nodes and edges tables in Gephi's spreadsheet format, with a timeset column. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* RFC 4180 quoting, after cleaning control characters. */
static void field(FILE *fp, const char *s)
{
    char *c = gx_xml_clean(s);
    bool quote = strpbrk(c, ",\"\n\r") != NULL;
    if (!quote) {
        fputs(c, fp);
    } else {
        fputc('"', fp);
        for (const char *p = c; *p; p++) {
            if (*p == '"')
                fputc('"', fp);
            fputc(*p, fp);
        }
        fputc('"', fp);
    }
    free(c);
}

/* <[2024-02-19, 2024-02-20]; [2024-03-01, 2024-03-01]> */
static void timeset(FILE *fp, const gx_dates *d)
{
    if (!d->n)
        return;
    gx_date (*sp)[2] = gx_xmalloc(d->n * sizeof *sp);
    size_t n = gx_spells(d, sp);
    gx_buf b;
    gx_buf_init(&b);
    gx_buf_addc(&b, '<');
    for (size_t i = 0; i < n; i++) {
        char s[11], e[11];
        gx_date_format(sp[i][0], s);
        gx_date_format(sp[i][1], e);
        gx_buf_addf(&b, "%s[%s, %s]", i ? "; " : "", s, e);
    }
    gx_buf_addc(&b, '>');
    field(fp, b.data);
    gx_buf_destroy(&b);
    free(sp);
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
    FILE *fp = an.fp;
    fputs("Id,Label,type,mentions,aliases,titles,code,level,parent,first_seen,last_seen,degree,weighted_degree,"
          "pagerank,betweenness,community,kcore,timeset\n", fp);
    for (size_t i = 0; i < n->n_nodes; i++) {
        const gx_node *nd = &n->nodes[i];
        char f[11], l[11], a[40], b[40], c[40];
        gx_date_format(nd->dates.n ? nd->dates.v[0] : 0, f);
        gx_date_format(nd->dates.n ? nd->dates.v[nd->dates.n - 1] : 0, l);
        gx_fmt_double(nd->weighted_degree, a, sizeof a);
        gx_fmt_double(nd->pagerank, b, sizeof b);
        gx_fmt_double(nd->betweenness, c, sizeof c);
        fprintf(fp, "n%zu,", i);
        field(fp, nd->label);
        fprintf(fp, ",%s,%ld,", gx_etype_name(nd->type), nd->mentions);
        field(fp, nd->aliases);
        fputc(',', fp);
        field(fp, nd->titles);
        fputc(',', fp);
        field(fp, nd->code);
        fputc(',', fp);
        field(fp, nd->level);
        fputc(',', fp);
        field(fp, nd->parent);
        fprintf(fp, ",%s,%s,%ld,%s,%s,%s,%ld,%ld,", f, l, (long)nd->degree, a, b, c, nd->community,
                nd->kcore);
        timeset(fp, &nd->dates);
        fputc('\n', fp);
    }
    fp = ae.fp;
    fputs("Source,Target,Type,Weight,kind,first_seen,last_seen,dates,visits,visit_dates,timeset\n", fp);
    for (size_t i = 0; i < n->n_edges; i++) {
        const gx_edge *e = &n->edges[i];
        char kind[64], w[40], f[11], l[11];
        gx_edge_kind(n, e, kind, sizeof kind);
        gx_fmt_double(e->weight, w, sizeof w);
        gx_date_format(e->dates.n ? e->dates.v[0] : 0, f);
        gx_date_format(e->dates.n ? e->dates.v[e->dates.n - 1] : 0, l);
        char *d = gx_dates_join(&e->dates), *vd = gx_dates_join(&e->visit_dates);
        fprintf(fp, "n%zu,n%zu,Undirected,%s,%s,%s,%s,%s,%ld,%s,", e->source, e->target, w, kind, f, l, d,
                e->visits, vd);
        timeset(fp, &e->dates);
        fputc('\n', fp);
        free(d);
        free(vd);
    }
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
