/* fuzz_export.c — libFuzzer target: labels, titles and aliases made from any bytes (decoded as
 * ingest would, so valid UTF-8) become a small network; its GraphML and GEXF must parse back
 * with libxml2 with every node there and every label intact. */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gx_export.h"
#include "gx_ingest.h"

static char dir[64];

static void quiet(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    (void)ctx, (void)sev, (void)file, (void)line, (void)offset, (void)msg;
}

static void no_xml_errors(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

static void clean_up(void)
{
    char p[96];
    snprintf(p, sizeof p, "%s/out.graphml", dir);
    unlink(p);
    snprintf(p, sizeof p, "%s/out.gexf", dir);
    unlink(p);
    rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    snprintf(dir, sizeof dir, "/tmp/guanxi-fuzz-export-XXXXXX");
    if (!mkdtemp(dir))
        abort();
    atexit(clean_up);
    xmlSetGenericErrorFunc(NULL, no_xml_errors);
    return 0;
}

/* Counts the elements named `name` at or under n and its siblings. */
static size_t count(const xmlNode *n, const char *name)
{
    size_t c = 0;
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0)
            c++;
        c += count(n->children, name);
    }
    return c;
}

static void check(const char *path, const char *element, size_t want)
{
    xmlDocPtr d = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!d) {
        fprintf(stderr, "fuzz_export: %s does not parse\n", path);
        abort();
    }
    size_t got = count(xmlDocGetRootElement(d), element);
    xmlFreeDoc(d);
    if (got != want) {
        fprintf(stderr, "fuzz_export: %s has %zu <%s>, want %zu\n", path, got, element, want);
        abort();
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gx_buf text;
    gx_buf_init(&text);
    gx_diag q = {quiet, NULL};
    if (gx_ingest_decode("fuzz", (const char *)data, size, &text, &q, NULL) != GX_OK) {
        gx_buf_destroy(&text);
        return 0;
    }
    gx_strvec labels;
    gx_strvec_init(&labels);
    gx_strvec_split(&labels, text.data ? text.data : "", '\n');
    gx_buf_destroy(&text);
    const char *lab[12];
    size_t n = 0;
    for (size_t i = 0; i < labels.n && n < 12; i++)
        if (*labels.v[i])
            lab[n++] = labels.v[i];
    if (n < 2) {
        gx_strvec_destroy(&labels);
        return 0;
    }
    /* two articles, each naming every label; the type cycles, the next label is a title or alias */
    gx_graph *g = gx_graph_new(NULL);
    for (int art = 0; art < 2; art++) {
        gx_article a = {0};
        a.text = "";
        a.date = art ? 20240220 : 20240219;
        gx_extraction x;
        gx_extraction_init(&x);
        x.m = calloc(n, sizeof *x.m);
        x.n = x.cap = n;
        for (size_t i = 0; i < n; i++) {
            gx_etype t = (gx_etype)(i % 3);
            const char *extra = lab[(i + 1) % n];
            x.m[i] = (gx_mention){t, {0, 0}, gx_xstrdup(lab[i]), gx_xstrdup(t == GX_ENT_OFFICIAL ? extra : ""),
                                  gx_xstrdup(t == GX_ENT_COMPANY ? extra : ""), gx_xstrdup(t == GX_ENT_PLACE ? extra : ""),
                                  gx_xstrdup(t == GX_ENT_PLACE ? extra : ""), 0};
        }
        gx_graph_add(g, &a, &x);
        gx_extraction_destroy(&x);
    }
    gx_network *net = NULL;
    gx_error err;
    gx_error_clear(&err);
    if (gx_graph_build(g, &net, &err) != GX_OK)
        abort();
    char gm[96], gf[96];
    snprintf(gm, sizeof gm, "%s/out.graphml", dir);
    snprintf(gf, sizeof gf, "%s/out.gexf", dir);
    if (gx_export_graphml(net, gm, &err) != GX_OK || gx_export_gexf(net, gf, &err) != GX_OK) {
        fprintf(stderr, "fuzz_export: %s\n", err.msg);
        abort();
    }
    check(gm, "node", net->n_nodes);
    check(gf, "node", net->n_nodes);
    check(gm, "edge", net->n_edges);
    check(gf, "edge", net->n_edges);
    gx_network_free(net);
    gx_graph_free(g);
    gx_strvec_destroy(&labels);
    return 0;
}
