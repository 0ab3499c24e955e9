/* run.c — the build and extract subcommands, and the network the answering subcommands ask: read
 * the inputs, then write the graph or the JSONL. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

typedef cli_counts counts;

/* Makes the folders above path (like mkdir -p of its dirname); on failure err names the folder. */
static bool make_parent(const char *path, gx_error *err)
{
    char *p = gx_xstrdup(path);
    bool ok = true;
    for (char *s = p + 1; *s && ok; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            gx_error_set(err, GX_ERR_IO, p, -1, -1, "cannot create the folder: %s", strerror(errno));
            ok = false;
        }
        *s = '/';
    }
    free(p);
    return ok;
}

/* --- build --- */

static void add_to_shard(void *ctx, int thread, const gx_article *a, const gx_extraction *x)
{
    gx_graph_add(((gx_graph **)ctx)[thread], a, x);
}

/* Reads the inputs into *g: each reading thread adds its articles to a shard of its own and the
 * shards are merged at the end, which gives the same network as one pass; *merging (when not
 * NULL) gets how long the merge took.  Returns false if the set-up failed (already reported). */
static bool read_graph(const cli_opts *o, const gx_lexicon *lex, counts *c, gx_graph **g, double *merging)
{
    size_t n = (size_t)cli_jobs(o);
    gx_graph **shards = gx_xcalloc(n, sizeof *shards);
    for (size_t k = 0; k < n; k++)
        shards[k] = gx_graph_new(&o->graph);
    cli_sink sink = {.add = add_to_shard, .ctx = shards};
    bool ok = cli_read_all(o, lex, c, &sink);
    cli_return_freed_memory_at_once(); /* the merge and the network free large arrays */
    double t0 = gx_seconds();
    *g = gx_graph_merge_all(shards, n);
    if (merging)
        *merging = gx_seconds() - t0;
    free(shards);
    return ok;
}

static int cmp_official(const void *pa, const void *pb)
{
    const gx_node *a = *(const gx_node *const *)pa, *b = *(const gx_node *const *)pb;
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->label, b->label);
}

static void summary(const cli_opts *o, const counts *c, const gx_network *net)
{
    size_t by_type[GX_ENT_NTYPES] = {0};
    for (size_t i = 0; i < net->n_nodes; i++)
        by_type[net->nodes[i].type]++;
    printf("read %zu file%s: %zu articles, and %zu captions, adverts, weather boxes and fragments; "
           "%ld undated\n",
           c->files, c->files == 1 ? "" : "s", c->by_kind[GX_UNIT_ARTICLE],
           c->articles - c->by_kind[GX_UNIT_ARTICLE], net->undated);
    if (c->skipped_inputs || c->skipped_lines)
        printf("skipped: %zu input%s, %zu bad line%s (see the messages above)\n", c->skipped_inputs,
               c->skipped_inputs == 1 ? "" : "s", c->skipped_lines, c->skipped_lines == 1 ? "" : "s");
    if (c->cut)
        printf("cut: %zu article%s over a limit were read in parts or cut short (see the messages above)\n",
               c->cut, c->cut == 1 ? "" : "s");
    printf("entities: %zu officials, %zu companies, %zu places", by_type[GX_ENT_OFFICIAL],
           by_type[GX_ENT_COMPANY], by_type[GX_ENT_PLACE]);
    if (by_type[GX_ENT_PERSON] || by_type[GX_ENT_JOURNALIST])
        printf(", %zu persons, %zu journalists", by_type[GX_ENT_PERSON], by_type[GX_ENT_JOURNALIST]);
    printf("\nedges: %zu (%ld visit%s)\n", net->n_edges, net->visits, net->visits == 1 ? "" : "s");
    if (net->betweenness_sources)
        printf("betweenness: estimated from shortest paths out of %ld of the %zu nodes (exact would take "
               "V·E = %.2g steps)\n", net->betweenness_sources, net->n_nodes,
               (double)net->n_nodes * (double)net->n_edges);
    const gx_node **off = gx_xmalloc((by_type[GX_ENT_OFFICIAL] + 1) * sizeof *off);
    size_t n = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].type == GX_ENT_OFFICIAL)
            off[n++] = &net->nodes[i];
    qsort(off, n, sizeof *off, cmp_official);
    if (n && o->top)
        printf("top officials:\n");
    for (size_t i = 0; i < n && i < (size_t)o->top; i++) {
        const char *t = off[i]->titles;
        const char *bar = strrchr(t, '|');
        printf("  %-8s %3ld article%s  %s\n", off[i]->label, off[i]->mentions,
               off[i]->mentions == 1 ? " " : "s", bar ? bar + 1 : t);
    }
    free(off);
}

/* The outputs are written side by side, one per thread (each reads the finished network only),
 * and reported in the order given. */
typedef struct outputs_ctx {
    const cli_opts *o;
    const gx_network *net;
    int *rc;
} outputs_ctx;

typedef struct written {
    gx_status st;
    gx_error err;
    double seconds;
} written;

static size_t write_output(void *ctx, int worker, size_t i, void *slot)
{
    (void)worker;
    const outputs_ctx *w = ctx;
    const char *path = w->o->outputs.v[i];
    written *r = slot;
    double t0 = gx_seconds();
    gx_error_clear(&r->err);
    r->st = GX_ERR_IO;
    if (make_parent(path, &r->err)) {
        switch (gx_export_format(path)) {
        case GX_OUT_GRAPHML: r->st = gx_export_graphml(w->net, path, &r->err); break;
        case GX_OUT_GEXF: r->st = gx_export_gexf(w->net, path, &r->err); break;
        case GX_OUT_CSV: r->st = gx_export_csv(w->net, path, &r->err); break;
        default: gx_error_set(&r->err, GX_ERR_USAGE, path, -1, -1, "unknown output format"); break;
        }
    }
    r->seconds = gx_seconds() - t0;
    return 0;
}

static void report_output(void *ctx, size_t i, void *slot)
{
    const outputs_ctx *w = ctx;
    const written *r = slot;
    if (r->st != GX_OK) {
        char msg[1200];
        gx_error_format(&r->err, msg, sizeof msg);
        fprintf(stderr, "guanxi: error: %s\n", msg);
        *w->rc = EXIT_ERROR;
    } else if (!w->o->quiet) {
        fprintf(stderr, "guanxi: wrote %s in %.1f s\n", w->o->outputs.v[i], r->seconds);
    }
}

static void write_outputs(const cli_opts *o, const gx_network *net, int *rc)
{
    gx_ingest_global_init(); /* libxml2 is set up once, before its threads */
    outputs_ctx w = {o, net, rc};
    size_t jobs = (size_t)cli_jobs(o);
    cli_pool_run(o->outputs.n, (int)(jobs < o->outputs.n ? jobs : o->outputs.n), sizeof(written), write_output,
                 report_output, &w);
}

/* Whether the peak has risen noticeably (by 1 MB and 1 %) past the last one printed. */
static bool peak_rose(size_t peak, size_t before)
{
    return peak >= before + ((size_t)1 << 20) && peak >= before + before / 100;
}

/* "1.23 GiB" or "456 MiB" */
static void print_size(size_t bytes)
{
    if (bytes >= (size_t)1 << 30)
        fprintf(stderr, "%.2f GiB", (double)bytes / (1 << 30));
    else if (bytes >= (size_t)1 << 20)
        fprintf(stderr, "%zu MiB", bytes >> 20);
    else
        fprintf(stderr, "%zu KiB", (bytes + 1023) >> 10);
}

/* build -v: how long each stage took and, where the process's peak memory rose, to what. */
static void report_stages(const cli_counts *c, double merging, size_t read_peak, const gx_network *net)
{
    size_t peak = read_peak;
    if (c->spilled) {
        fprintf(stderr, "guanxi: the first pass's readings of %zu inputs went to temporary files (one a thread) "
                "for the second: ", c->spilled);
        print_size(c->spilled_bytes);
        fputs("\n", stderr);
    }
    fprintf(stderr, "guanxi: reading ended with merging the threads' networks: %.2f s (peak ", merging);
    print_size(read_peak);
    fputs(")\n", stderr);
    for (int beside = 0; beside <= 1; beside++) {
        const char *sep = beside ? "guanxi: beside them, on a thread of their own:" : "guanxi: network stages:";
        bool any = false;
        for (int i = 0; i < net->n_stages; i++) {
            const gx_stage *st = &net->stages[i];
            if (st->beside != beside)
                continue;
            fprintf(stderr, "%s %s %.2f s", sep, st->name, st->seconds);
            bool rose = !beside && peak_rose(st->peak, peak); /* beside: the same process's peak */
            if (st->iterations || rose)
                fputs(" (", stderr);
            if (st->iterations)
                fprintf(stderr, "%d iterations%s", st->iterations, rose ? "; " : "");
            if (rose) {
                fputs("peak ", stderr);
                print_size(st->peak);
                peak = st->peak;
            }
            if (st->iterations || rose)
                fputc(')', stderr);
            sep = ",";
            any = true;
        }
        if (any)
            fputc('\n', stderr);
    }
}

int cli_build(cli_opts *o)
{
    gx_lexicon *lex;
    if (!cli_load_lexicon(o, &lex))
        return EXIT_ERROR;
    o->graph.threads = cli_jobs(o);
    gx_graph *g = NULL;
    counts c = {0};
    int rc = EXIT_ERROR;
    gx_network *net = NULL;
    double t0 = gx_seconds(), merging = 0;
    if (!read_graph(o, lex, &c, &g, &merging))
        goto done;
    double t1 = gx_seconds();
    size_t read_peak = gx_peak_rss();
    if (c.files == 0) {
        fprintf(stderr, "guanxi: error: no input could be read; nothing written\n");
        goto done;
    }
    gx_error err;
    gx_error_clear(&err);
    gx_lexicon_free(lex); /* read: the network does not need it */
    lex = NULL;
    if (gx_graph_build(g, &net, &err) != GX_OK) {
        fprintf(stderr, "guanxi: error: building the network: %s\n", err.msg);
        goto done;
    }
    if (!o->quiet)
        fprintf(stderr, "guanxi: read the inputs in %.1f s; network and its metrics in %.1f s\n", t1 - t0,
                gx_seconds() - t1);
    if (o->verbose)
        report_stages(&c, merging, read_peak, net);
    /* the network holds all that is written; the accumulator's pairs go before the writing */
    gx_graph_free(g);
    g = NULL;
    rc = cli_finish_code(&c);
    write_outputs(o, net, &rc);
    if (!o->quiet)
        summary(o, &c, net);
done:
    gx_network_free(net);
    gx_graph_free(g);
    gx_lexicon_free(lex);
    gx_strvec_destroy(&c.why);
    return rc;
}

/* --- extract --- */

typedef struct extract_ctx {
    FILE *fp;
    gx_atomic *file; /* fp's, when writing a file */
    bool failed;
} extract_ctx;

static void write_articles(void *ctx, const gx_buf *out)
{
    extract_ctx *e = ctx;
    if (!e->failed && out->len && fwrite(out->data, 1, out->len, e->fp) != out->len)
        e->failed = true;
    if (e->file)
        gx_atomic_wrote(e->file, out->len);
}

int cli_extract(cli_opts *o)
{
    gx_lexicon *lex;
    if (!cli_load_lexicon(o, &lex))
        return EXIT_ERROR;
    counts c = {0};
    extract_ctx e = {stdout, NULL, false};
    gx_atomic out = {0};
    int rc = EXIT_ERROR;
    gx_error err;
    gx_error_clear(&err);
    bool to_file = o->outputs.n && strcmp(o->outputs.v[0], "-") != 0; /* -o - is standard output */
    if (to_file) {
        if (!make_parent(o->outputs.v[0], &err) || gx_atomic_open(&out, o->outputs.v[0], &err) != GX_OK) {
            if (err.msg[0])
                fprintf(stderr, "guanxi: error: %s: %s\n", err.file, err.msg);
            goto done;
        }
        e.fp = out.fp;
        e.file = &out;
    }
    cli_sink sink = {.format = gx_export_article_json, .write = write_articles, .ctx = &e};
    if (!cli_read_all(o, lex, &c, &sink)) {
        if (out.fp)
            gx_atomic_abort(&out);
        goto done;
    }
    if (e.failed || (out.fp && gx_atomic_commit(&out, &err) != GX_OK) || (!out.path && fflush(stdout) != 0)) {
        if (out.fp)
            gx_atomic_abort(&out);
        fprintf(stderr, "guanxi: error: writing %s failed%s%s\n", to_file ? o->outputs.v[0] : "standard output",
                err.msg[0] ? ": " : "", err.msg);
        goto done;
    }
    rc = c.files == 0 ? EXIT_ERROR : cli_finish_code(&c);
done:
    gx_lexicon_free(lex);
    gx_strvec_destroy(&c.why);
    return rc;
}

/* --- the network for the answering subcommands --- */

int cli_network(cli_opts *o, counts *c, gx_network **net)
{
    *net = NULL;
    gx_lexicon *lex;
    if (!cli_load_lexicon(o, &lex)) {
        gx_strvec_destroy(&c->why);
        return EXIT_ERROR;
    }
    o->graph.threads = cli_jobs(o);
    gx_graph *g = NULL;
    int rc = EXIT_ERROR;
    if (read_graph(o, lex, c, &g, NULL)) {
        gx_error err;
        gx_error_clear(&err);
        if (c->files == 0)
            fprintf(stderr, "guanxi: error: no input could be read\n");
        else if (gx_graph_build(g, net, &err) != GX_OK)
            fprintf(stderr, "guanxi: error: building the network: %s\n", err.msg);
        else
            rc = cli_finish_code(c);
    }
    gx_graph_free(g);
    gx_lexicon_free(lex);
    if (!*net)
        gx_strvec_destroy(&c->why);
    return rc;
}
