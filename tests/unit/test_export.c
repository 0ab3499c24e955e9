/* test_export.c — GraphML read back by igraph and libxml2, GEXF valid against the RELAX NG
 * schema, CSV tables, hostile labels, and atomic writes that never leave half a file. */
#include <igraph.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../../export/internal.h" /* number formatting, internal to the exporters */
#include "gx_export.h"
#include "harness.h"

/* A network from hand-made extractions, with hostile names. */
static gx_mention mention(gx_etype t, const char *name)
{
    gx_mention m = {t, {0, 0}, gx_xstrdup(name), gx_xstrdup(t == GX_ENT_OFFICIAL ? "市委书记" : ""),
                    gx_xstrdup(""), gx_xstrdup(""), gx_xstrdup(""), 0};
    return m;
}

static gx_network *network(const char *hostile)
{
    gx_graph *g = gx_graph_new(NULL);
    const char *names[][3] = {{"仲旭东", "浙江钛迩赛新材料有限公司", "平湖市"},
                              {"仲旭东", "周军波", hostile},
                              {"周军波", "科廷表面科技(浙江)有限公司", "平湖市"}};
    gx_etype types[][3] = {{GX_ENT_OFFICIAL, GX_ENT_COMPANY, GX_ENT_PLACE},
                           {GX_ENT_OFFICIAL, GX_ENT_OFFICIAL, GX_ENT_COMPANY},
                           {GX_ENT_OFFICIAL, GX_ENT_COMPANY, GX_ENT_PLACE}};
    gx_date dates[] = {20240219, 20240220, 20240221};
    for (int k = 0; k < 3; k++) {
        gx_article a = {0};
        a.text = "";
        a.date = dates[k];
        gx_extraction x;
        gx_extraction_init(&x);
        x.m = calloc(3, sizeof *x.m);
        x.n = x.cap = 3;
        for (int i = 0; i < 3; i++)
            x.m[i] = mention(types[k][i], names[k][i]);
        if (k == 0) {
            x.ev = calloc(1, sizeof *x.ev);
            x.nev = x.evcap = 1;
            x.ev[0] = (gx_event){GX_EV_VISIT, gx_xstrdup("仲旭东"), gx_xstrdup("浙江钛迩赛新材料有限公司"), 20240219, {0, 0}};
        }
        gx_graph_add(g, &a, &x);
        gx_extraction_destroy(&x);
    }
    gx_network *n;
    gx_error err;
    CHECK_EQ_INT(gx_graph_build(g, &n, &err), GX_OK);
    gx_graph_free(g);
    return n;
}

static char *hostile_label(void)
{
    gx_buf b;
    gx_buf_init(&b);
    gx_buf_adds(&b, "\"引号\" & <标签> 'x' \x01\x02\x1f\x7f 控制字符 ]]> ");
    for (int i = 0; i < 3500; i++)
        gx_buf_adds(&b, "长");
    return gx_buf_take(&b);
}

static void test_graphml_reads_back(void)
{
    char *h = hostile_label();
    gx_network *n = network(h);
    gx_error err;
    CHECK_EQ_INT(gx_export_graphml(n, "t.graphml", &err), GX_OK);
    xmlDocPtr doc = xmlReadFile("t.graphml", NULL, XML_PARSE_NONET);
    CHECK(doc != NULL);
    if (doc)
        xmlFreeDoc(doc);
    /* igraph reads it back with the attributes */
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_t g;
    FILE *fp = fopen("t.graphml", "r");
    CHECK(fp != NULL);
    if (fp && igraph_read_graph_graphml(&g, fp, 0) == IGRAPH_SUCCESS) {
        CHECK_EQ_INT(igraph_vcount(&g), (long)n->n_nodes);
        CHECK_EQ_INT(igraph_ecount(&g), (long)n->n_edges);
        CHECK(!igraph_is_directed(&g));
        bool found = false;
        for (igraph_integer_t v = 0; v < igraph_vcount(&g); v++) {
            const char *label = VAS(&g, "label", v);
            CHECK(strchr(label, '\x01') == NULL);
            if (strstr(label, "\"引号\" & <标签>"))
                found = true;
        }
        CHECK(found);
        for (igraph_integer_t e = 0; e < igraph_ecount(&g); e++)
            CHECK(EAN(&g, "weight", e) > 0);
        igraph_destroy(&g);
    } else {
        CHECK(!"igraph_read_graph_graphml failed");
    }
    if (fp)
        fclose(fp);
    /* the contract: named keys, undirected, visits on the official-company edge */
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file("t.graphml", &data, &len, &err), GX_OK);
    CHECK(strstr(data, "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"") != NULL);
    CHECK(strstr(data, "edgedefault=\"undirected\"") != NULL);
    CHECK(strstr(data, "id=\"d0\"") == NULL);
    CHECK(strstr(data, "<data key=\"e_visit_dates\">2024-02-19</data>") != NULL);
    CHECK(strstr(data, "<data key=\"e_kind\">company-official</data>") != NULL);
    CHECK(strstr(data, "NaN") == NULL && strstr(data, "inf") == NULL);
    /* the hostile label as libxml2's writer escaped it when it wrote the nodes */
    CHECK(strstr(data, "\n      <data key=\"n_label\">&quot;引号&quot; &amp; &lt;标签&gt; 'x'  控制字符 ]]&gt; 长长") != NULL);
    CHECK(strstr(data, "长</data>\n      <data key=\"n_type\">company</data>\n") != NULL);
    free(data);
    gx_network_free(n);
    free(h);
    remove("t.graphml");
}

static void test_gexf_valid_against_schema(void)
{
    char *h = hostile_label();
    gx_network *n = network(h);
    gx_error err;
    CHECK_EQ_INT(gx_export_gexf(n, "t.gexf", &err), GX_OK);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewParserCtxt(GX_SOURCE_DIR "/tests/schemas/gexf-1.3/gexf.rng");
    xmlRelaxNGPtr schema = xmlRelaxNGParse(pc);
    CHECK(schema != NULL);
    xmlDocPtr doc = xmlReadFile("t.gexf", NULL, XML_PARSE_NONET);
    CHECK(doc != NULL);
    if (schema && doc) {
        xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
        CHECK_EQ_INT(xmlRelaxNGValidateDoc(vc, doc), 0);
        xmlRelaxNGFreeValidCtxt(vc);
    }
    if (doc)
        xmlFreeDoc(doc);
    xmlRelaxNGFree(schema);
    xmlRelaxNGFreeParserCtxt(pc);
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file("t.gexf", &data, &len, &err), GX_OK);
    CHECK(strstr(data, "mode=\"dynamic\"") != NULL);
    CHECK(strstr(data, "timeformat=\"date\"") != NULL);
    CHECK(strstr(data, "<spell start=\"2024-02-19\" end=\"2024-02-20\"/>") != NULL); /* merged days */
    /* the hostile label cleaned and escaped, byte for byte as libxml2's writer escaped it when it
     * wrote the nodes (& < > " as entities, ' as it is, control characters dropped) */
    CHECK(strstr(data, "\n      <node id=\"n2\" label=\"&quot;引号&quot; &amp; &lt;标签&gt; 'x'  控制字符 ]]&gt; 长长") != NULL);
    CHECK(strstr(data, "长\">\n        <attvalues>\n          <attvalue for=\"type\" value=\"company\"/>\n") != NULL);
    free(data);
    gx_network_free(n);
    free(h);
    remove("t.gexf");
}

static void test_csv_tables(void)
{
    gx_network *n = network("a,b\"c");
    gx_error err;
    CHECK_EQ_INT(gx_export_csv(n, "t.csv", &err), GX_OK);
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file("t.nodes.csv", &data, &len, &err), GX_OK);
    CHECK(strncmp(data, "Id,Label,type,", 14) == 0);
    CHECK(strstr(data, "\"a,b\"\"c\"") != NULL);
    free(data);
    CHECK_EQ_INT(gx_read_file("t.edges.csv", &data, &len, &err), GX_OK);
    CHECK(strncmp(data, "Source,Target,Type,Weight", 25) == 0);
    CHECK(strstr(data, ",Undirected,") != NULL);
    CHECK(strstr(data, "<[2024-02-19, 2024-02-19]>") != NULL);
    free(data);
    gx_network_free(n);
    remove("t.nodes.csv");
    remove("t.edges.csv");
}

static void test_failed_write_keeps_old_file(void)
{
    gx_network *n = network("x");
    gx_error err;
    /* a folder where the file should go: the rename fails, nothing half-written stays */
    mkdir("t_dir.graphml", 0777);
    CHECK(gx_export_graphml(n, "t_dir.graphml", &err) != GX_OK);
    struct stat st;
    CHECK(stat("t_dir.graphml", &st) == 0 && S_ISDIR(st.st_mode));
    char tmp[64];
    snprintf(tmp, sizeof tmp, "t_dir.graphml.tmp.%ld", (long)getpid());
    CHECK(access(tmp, F_OK) != 0);
    rmdir("t_dir.graphml");
    /* an unwritable place: error, and the earlier file is intact */
    FILE *fp = fopen("t_keep.gexf", "w");
    fputs("earlier output", fp);
    fclose(fp);
    CHECK(gx_export_gexf(n, "no/such/dir/t.gexf", &err) != GX_OK);
    CHECK(strstr(err.msg, "cannot write") != NULL);
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file("t_keep.gexf", &data, &len, &err), GX_OK);
    CHECK_EQ_STR(data, "earlier output");
    free(data);
    remove("t_keep.gexf");
    gx_network_free(n);
}

/* A path that is a pipe (or /dev/null) is written into, not replaced by a file renamed over it
 * (guanxi -o /dev/null once left a regular file where /dev/null was). */
static void test_write_into_a_pipe(void)
{
    remove("t_pipe");
    CHECK(mkfifo("t_pipe", 0600) == 0);
    pid_t child = fork();
    if (child == 0) { /* reads the pipe to its end; exits 0 if it got the bytes */
        char buf[64] = {0};
        int fd = open("t_pipe", O_RDONLY);
        ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
        _exit(n == 6 && strcmp(buf, "平湖") == 0 ? 0 : 1);
    }
    gx_atomic a;
    gx_error err;
    CHECK_EQ_INT(gx_atomic_open(&a, "t_pipe", &err), GX_OK);
    struct stat st;
    CHECK(stat("t_pipe", &st) == 0 && S_ISFIFO(st.st_mode));
    if (a.fp) {
        fputs("平湖", a.fp);
        CHECK_EQ_INT(gx_atomic_commit(&a, &err), GX_OK);
    }
    CHECK(stat("t_pipe", &st) == 0 && S_ISFIFO(st.st_mode));
    char tmp[64];
    snprintf(tmp, sizeof tmp, "t_pipe.tmp.%ld", (long)getpid());
    CHECK(access(tmp, F_OK) != 0);
    int status = -1;
    for (int i = 0; i < 100 && waitpid(child, &status, WNOHANG) == 0; i++)
        usleep(20000);
    if (waitpid(child, &status, WNOHANG) == 0) { /* still waiting for a writer: the bug */
        kill(child, SIGKILL);
        waitpid(child, &status, 0);
        status = -1;
    }
    CHECK(status == 0);
    remove("t_pipe");
    remove(tmp);
}

/* Writes 2.5 kick-lengths through gx_atomic to path and checks what came out; returns where the
 * last early write-out began. */
static size_t write_big(const char *path)
{
    gx_atomic a;
    gx_error err;
    CHECK_EQ_INT(gx_atomic_open(&a, path, &err), GX_OK);
    if (!a.fp)
        return 0;
    static char block[1 << 16];
    size_t total = GX_ATOMIC_KICK_BYTES * 5 / 2, kicked = 0;
    for (size_t done = 0; done < total; done += sizeof block) {
        memset(block, 'a' + (int)(done / sizeof block % 26), sizeof block);
        CHECK_EQ_INT(fwrite(block, 1, sizeof block, a.fp), sizeof block);
        gx_atomic_wrote(&a, sizeof block);
    }
    kicked = a.kicked;
    CHECK_EQ_INT(gx_atomic_commit(&a, &err), GX_OK);
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file(path, &data, &len, &err), GX_OK);
    CHECK_EQ_INT(len, total);
    size_t bad = 0;
    for (size_t i = 0; i < len; i += 4099)
        bad += data[i] != 'a' + (int)(i / sizeof block % 26);
    CHECK_EQ_INT(bad, 0);
    free(data);
    return kicked;
}

/* An output that replaces a file is written out as it goes (every GX_ATOMIC_KICK_BYTES), so that
 * the rename does not wait for all of it; a new one is left to the kernel.  Both come out whole. */
static void test_replacing_writes_out_early(void)
{
    remove("t_big.out");
    CHECK_EQ_INT(write_big("t_big.out"), 0);
    CHECK_EQ_INT(write_big("t_big.out"), GX_ATOMIC_KICK_BYTES * 2);
    remove("t_big.out");
}

static void test_same_bytes_twice(void)
{
    gx_network *a = network("x"), *b = network("x");
    gx_error err;
    gx_export_graphml(a, "t1.graphml", &err);
    gx_export_graphml(b, "t2.graphml", &err);
    char *d1, *d2;
    size_t l1, l2;
    gx_read_file("t1.graphml", &d1, &l1, &err);
    gx_read_file("t2.graphml", &d2, &l2, &err);
    CHECK(l1 == l2 && memcmp(d1, d2, l1) == 0);
    free(d1);
    free(d2);
    remove("t1.graphml");
    remove("t2.graphml");
    gx_network_free(a);
    gx_network_free(b);
}

static bool ends_with(const char *data, size_t len, const char *suffix)
{
    size_t n = strlen(suffix);
    return len >= n && memcmp(data + len - n, suffix, n) == 0;
}

/* Edges are composed as raw text (export/xmlw.c); they must sit in the document exactly as the
 * writer lays out its own elements, and the closing tags after them too. */
static void test_edges_laid_out_as_the_writer_does(void)
{
    gx_network *n = network("x");
    gx_error err;
    CHECK_EQ_INT(gx_export_graphml(n, "t.graphml", &err), GX_OK);
    CHECK_EQ_INT(gx_export_gexf(n, "t.gexf", &err), GX_OK);
    char *data;
    size_t len;
    CHECK_EQ_INT(gx_read_file("t.graphml", &data, &len, &err), GX_OK);
    CHECK(strstr(data, "    </node>\n    <edge id=\"e0\" source=\"n") != NULL);
    CHECK(strstr(data, "\">\n      <data key=\"e_weight\">1</data>\n      <data key=\"e_kind\">") != NULL);
    CHECK(strstr(data, "      <data key=\"e_visit_dates\"></data>\n    </edge>\n") != NULL);
    CHECK(ends_with(data, len, "    </edge>\n  </graph>\n</graphml>\n"));
    free(data);
    CHECK_EQ_INT(gx_read_file("t.gexf", &data, &len, &err), GX_OK);
    CHECK(strstr(data, "    </nodes>\n    <edges>\n      <edge id=\"e0\" source=\"n") != NULL);
    CHECK(strstr(data, "        <attvalues>\n          <attvalue for=\"kind\" value=\"") != NULL);
    CHECK(strstr(data, "          <attvalue for=\"visit_dates\" value=\"\"/>\n        </attvalues>\n"
                       "        <spells>\n          <spell start=\"2024-02-2") != NULL);
    CHECK(ends_with(data, len, "\n        </spells>\n      </edge>\n    </edges>\n  </graph>\n</gexf>\n"));
    free(data);
    gx_network_free(n);
    remove("t.graphml");
    remove("t.gexf");
    /* no edges: the writer's own empty element */
    gx_graph *g = gx_graph_new(NULL);
    CHECK_EQ_INT(gx_graph_build(g, &n, &err), GX_OK);
    gx_graph_free(g);
    CHECK_EQ_INT(gx_export_gexf(n, "t.gexf", &err), GX_OK);
    CHECK_EQ_INT(gx_read_file("t.gexf", &data, &len, &err), GX_OK);
    CHECK(strstr(data, "<edges/>") != NULL);
    free(data);
    gx_network_free(n);
    remove("t.gexf");
}

/* The shortest "%.{p}g" (p from 6) that reads back, found by printf and strtod alone: what
 * gx_fmt_double must print for every double that is not a whole number below 10^6. */
static void shortest_by_printf(double v, char *want, size_t size)
{
    int p = 6;
    for (; p < 17; p++) {
        snprintf(want, size, "%.*g", p, v);
        if (strtod(want, NULL) == v)
            break;
    }
    snprintf(want, size, "%.*g", p, v);
}

/* gx_fmt_double rounds printf's 17 digits itself and checks most without strtod: the same text
 * as printf's own shortest for random bit patterns (every exponent, subnormals), metrics' ranges
 * (PageRank's 1e-7 to 1e-2, betweenness to 1e10), short decimals, ties on a digit (x.5 × 10^k,
 * where the rounding is printf's), the powers of ten, and each side of them. */
static void test_numbers_as_printf(void)
{
    char b[40], want[40];
    uint64_t state = 2024;
#define DRAW() (state = state * 6364136223846793005u + 1442695040888963407u, state)
    for (int k = 0; k < 400000; k++) {
        double v;
        uint64_t r = DRAW();
        switch (k % 8) {
        case 0: memcpy(&v, &r, sizeof v); break; /* any double */
        case 1: v = (double)(r >> 11) * 0x1p-53 * 1e-2; break;
        case 2: v = (double)(r >> 11) * 0x1p-53 * 1e10; break;
        case 3: v = (double)(r % 100000000) / 1e4; break; /* four decimals */
        case 4: v = ((double)(r % 20000) + 0.5) * pow(10, (double)(int)(DRAW() % 40) - 20); break;
        case 5: v = pow(10, (double)(int)(r % 600) - 300); break;
        case 6: v = nextafter(pow(10, (double)(int)(r % 40) - 20), (r >> 40) & 1 ? INFINITY : 0); break;
        default: v = -(double)(r >> 11) * 0x1p-53 / (double)(1 + DRAW() % 1000); break;
        }
        if (!isfinite(v) || (fabs(v) < 1e6 && v == (double)(long)v))
            continue;
        gx_fmt_double(v, b, sizeof b);
        shortest_by_printf(v, want, sizeof want);
        if (strcmp(b, want) != 0) {
            fprintf(stderr, "gx_fmt_double(%a): %s, printf: %s\n", v, b, want);
            CHECK_EQ_STR(b, want);
            break;
        }
    }
#undef DRAW
    const double edge[] = {5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, -0.0, 1e6 + 0.5, 1e22, 1e23,
                           9007199254740993.0, 0.1, 1.0 / 3, 2.5e-7, 123456.5, 9.5, 99999.95};
    for (size_t i = 0; i < sizeof edge / sizeof *edge; i++) {
        gx_fmt_double(edge[i], b, sizeof b);
        shortest_by_printf(edge[i], want, sizeof want);
        CHECK_EQ_STR(b, want);
    }
}

/* The shortest text that reads back as the same double; whole numbers below 10^6 as digits. */
static void test_numbers(void)
{
    char b[40];
    const struct {
        double v;
        const char *text;
    } cases[] = {{0, "0"},         {1, "1"},           {-3, "-3"},       {999999, "999999"},
                 {1e6, "1e+06"},   {1234567, "1234567"}, {0.1, "0.1"},   {1.0 / 3, "0.3333333333333333"},
                 {0.15, "0.15"},   {2.5e-7, "2.5e-07"}, {123456.5, "123456.5"}, {NAN, "0"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        gx_fmt_double(cases[i].v, b, sizeof b);
        CHECK_EQ_STR(b, cases[i].text);
    }
    CHECK(strtod("0.30000000000000004", NULL) == 0.1 + 0.2);
    gx_fmt_double(0.1 + 0.2, b, sizeof b); /* 17 digits */
    CHECK_EQ_STR(b, "0.30000000000000004");
    gx_fmt_double(0.123456789012345, b, sizeof b); /* 15 */
    CHECK_EQ_STR(b, "0.123456789012345");
    for (int k = 0; k < 3000; k++) { /* every one reads back, with the fewest digits that do */
        double v = k < 1000 ? (double)k * 0.000123456789 + 1.0 / (k + 3)
                 : k < 2000 ? (double)(k - 1000) * 1e-4 : 1e-9 * k * (k + 0.5);
        gx_fmt_double(v, b, sizeof b);
        CHECK(strtod(b, NULL) == v);
        char want[40];
        int p = 6;
        for (; p < 17; p++) {
            snprintf(want, sizeof want, "%.*g", p, v);
            if (strtod(want, NULL) == v)
                break;
        }
        snprintf(want, sizeof want, "%.*g", p, v);
        if (!(fabs(v) < 1e6 && v == (double)(long)v))
            CHECK_EQ_STR(b, want);
    }
    gx_fmt_long(b, -1234567890L);
    CHECK_EQ_STR(b, "-1234567890");
    /* every count of digits, each side of every power of ten, and the largest */
    for (uint64_t p = 1, k = 0; k < 20; k++, p *= 10)
        for (uint64_t v = p > 2 ? p - 2 : 0; v <= p + 2; v++) {
            char want[24];
            snprintf(want, sizeof want, "%llu", (unsigned long long)v);
            CHECK_EQ_INT(gx_fmt_uint(b, v), strlen(want));
            CHECK_EQ_STR(b, want);
        }
    CHECK_EQ_INT(gx_fmt_uint(b, UINT64_MAX), 20);
    CHECK_EQ_STR(b, "18446744073709551615");
    for (uint64_t v = 0; v < 100000; v += 7) {
        char want[24];
        snprintf(want, sizeof want, "%llu", (unsigned long long)v);
        gx_fmt_uint(b, v);
        CHECK_EQ_STR(b, want);
    }
    /* appended to a buffer, across its growing: the same text as printf's, NUL-terminated */
    gx_buf got, want;
    gx_buf_init(&got);
    gx_buf_init(&want);
    for (uint64_t v = 0, k = 0; k < 3000; k++, v = v * 3 + k) {
        gx_buf_addc(&got, ',');
        gx_buf_add_uint(&got, v);
        gx_buf_addf(&want, ",%llu", (unsigned long long)v);
    }
    CHECK_EQ_INT(got.len, want.len);
    CHECK_EQ_STR(got.data, want.data);
    CHECK_EQ_INT(strlen(got.data), got.len);
    gx_buf_destroy(&got);
    gx_buf_destroy(&want);
    gx_fmt_id(b, 'e', 0);
    CHECK_EQ_STR(b, "e0");
    char d[11];
    gx_date_format(20240219, d);
    CHECK_EQ_STR(d, "2024-02-19");
    gx_date_format(0, d);
    CHECK_EQ_STR(d, "");
}

/* Article text with each character JSON escapes, at every offset around the sixteen-, eight- and
 * four-byte steps the string writer takes, and followed by none to twelve bytes or by more text,
 * reads back as it was; so does a mention whose name, text, titles and code are that text (the
 * mentions' own writer copies runs of up to sixteen bytes by overlapping blocks). */
static void test_json_strings_escaped(void)
{
    const char special[] = {'"', '\\', '\n', '\t', 0x01, 0x1f, 0x7f};
    for (size_t k = 0; k < sizeof special; k++)
        for (size_t p = 0; p < 42; p++)
            for (size_t tail = 0; tail <= 13; tail++) { /* 13: 平湖市\x */
                char text[64];
                size_t n = 0;
                for (size_t i = 0; i < p; i++)
                    text[n++] = i % 3 ? 'a' : 'Z';
                text[n++] = special[k];
                if (tail == 13) {
                    memcpy(text + n, "平湖市\\x", 9);
                    n += 9;
                } else {
                    memset(text + n, 'b', tail);
                    n += tail;
                }
                text[n] = 0;
                gx_article a = {.id = "t#1", .source = "t", .index = 1, .title = "", .text = text, .len = n};
                gx_strvec_init(&a.journalists);
                gx_mention m = {GX_ENT_PLACE, {0, n}, text, text, text, text, text, 0};
                gx_extraction x;
                gx_extraction_init(&x);
                x.m = &m;
                x.n = 1;
                gx_buf out;
                gx_buf_init(&out);
                gx_export_article_json(&out, &a, &x);
                x.m = NULL;
                x.n = 0;
                if (special[k] == 0x01)
                    CHECK(strstr(out.data, "\\u0001") != NULL);
                gx_article b;
                gx_extraction y;
                gx_extraction_init(&y);
                gx_error err;
                gx_error_clear(&err);
                CHECK_EQ_INT(gx_jsonl_read_extracted(out.data, out.len, &b, &y, &err), GX_OK);
                CHECK(b.len == n && memcmp(b.text, text, n) == 0);
                CHECK(y.n == 1);
                if (y.n == 1) {
                    const gx_mention *r = &y.m[0];
                    CHECK(r->span.start == 0 && r->span.end == n);
                    CHECK_EQ_STR(r->name, text);
                    CHECK_EQ_STR(r->titles, text);
                    CHECK_EQ_STR(r->aliases, text);
                    CHECK_EQ_STR(r->code, text);
                    CHECK_EQ_STR(r->parent, text);
                }
                gx_article_destroy(&b);
                gx_extraction_destroy(&y);
                gx_extraction_destroy(&x);
                gx_buf_destroy(&out);
            }
}

/* Titles and aliases ('|'-separated) are JSON arrays; empty parts are left out. */
static void test_json_lists(void)
{
    char text[] = "仲旭东书记", name[] = "仲旭东", titles[] = "市委书记||市长|", aliases[] = "|仲书记", none[] = "";
    gx_article a = {.id = "t#1", .source = "t", .index = 1, .title = "", .text = text, .len = strlen(text)};
    gx_strvec_init(&a.journalists);
    gx_mention m[2] = {{GX_ENT_OFFICIAL, {0, 9}, name, titles, aliases, none, none, 0},
                       {GX_ENT_OFFICIAL, {0, 9}, name, none, none, none, none, 0}};
    gx_extraction x;
    gx_extraction_init(&x);
    x.m = m;
    x.n = 2;
    gx_buf out;
    gx_buf_init(&out);
    gx_export_article_json(&out, &a, &x);
    CHECK(strstr(out.data, "\"titles\":[\"市委书记\",\"市长\"],\"aliases\":[\"仲书记\"]") != NULL);
    CHECK(strstr(out.data, "\"titles\":[],\"flags\"") != NULL);
    gx_buf_destroy(&out);
}

int main(void)
{
    RUN(test_json_strings_escaped);
    RUN(test_json_lists);
    RUN(test_edges_laid_out_as_the_writer_does);
    RUN(test_numbers);
    RUN(test_numbers_as_printf);
    RUN(test_graphml_reads_back);
    RUN(test_gexf_valid_against_schema);
    RUN(test_csv_tables);
    RUN(test_failed_write_keeps_old_file);
    RUN(test_write_into_a_pipe);
    RUN(test_replacing_writes_out_early);
    RUN(test_same_bytes_twice);
    return gx_t_summary();
}
