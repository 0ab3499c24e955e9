/* answers.c — the subcommands that answer users' questions directly: visits (who visited which
 * firm, when, with the evidence sentence), who-with (ranked co-appearances) and stats. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* --- visits --- */

typedef struct visit_row {
    gx_date date;
    char *official, *titles, *company, *place, *article, *evidence;
} visit_row;

typedef struct visits_ctx {
    const cli_opts *o;
    visit_row *v;
    size_t n, cap;
    gx_strvec companies; /* canonical names that --company names (itself or a short form) */
} visits_ctx;

/* Titles the article gives `name`, '|'-joined in order of appearance, without repeats. */
static char *titles_in(const gx_extraction *x, const char *name)
{
    gx_strvec t;
    gx_strvec_init(&t);
    for (size_t i = 0; i < x->n; i++)
        if (x->m[i].type == GX_ENT_OFFICIAL && strcmp(x->m[i].name, name) == 0) {
            gx_strvec parts;
            gx_strvec_init(&parts);
            gx_strvec_split(&parts, x->m[i].titles, '|');
            for (size_t k = 0; k < parts.n; k++)
                if (!gx_strvec_contains(&t, parts.v[k]))
                    gx_strvec_push(&t, parts.v[k]);
            gx_strvec_destroy(&parts);
        }
    char *joined = gx_strvec_join(&t, "|");
    gx_strvec_destroy(&t);
    return joined;
}

/* The first place named inside the evidence sentence, or "". */
static const char *place_in(const gx_extraction *x, gx_span ev)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->m[i].type == GX_ENT_PLACE && x->m[i].span.start >= ev.start && x->m[i].span.end <= ev.end)
            return x->m[i].name;
    return "";
}

static void collect_visits(void *ctx, const gx_article *a, const gx_extraction *x)
{
    visits_ctx *v = ctx;
    const char *want = v->o->company;
    for (size_t i = 0; want && i < x->n; i++) {
        const gx_mention *m = &x->m[i];
        if (m->type != GX_ENT_COMPANY || gx_strvec_contains(&v->companies, m->name))
            continue;
        bool named = strcmp(m->name, want) == 0 || gx_list_has(m->aliases, '|', want) ||
                     (m->span.end - m->span.start == strlen(want) &&
                      memcmp(a->text + m->span.start, want, strlen(want)) == 0);
        if (named)
            gx_strvec_push(&v->companies, m->name);
    }
    for (size_t i = 0; i < x->nev; i++) {
        const gx_event *e = &x->ev[i];
        if (e->kind != GX_EV_VISIT)
            continue;
        gx_date d = e->date ? e->date : a->event_date ? a->event_date : a->date;
        if ((v->o->graph.since && (!d || d < v->o->graph.since)) || (v->o->graph.until && (!d || d > v->o->graph.until)))
            continue;
        if (v->o->official && strcmp(v->o->official, e->official) != 0)
            continue;
        GX_GROW(v->v, v->cap, v->n + 1);
        visit_row *r = &v->v[v->n++];
        r->date = d;
        r->official = gx_xstrdup(e->official);
        r->titles = titles_in(x, e->official);
        r->company = gx_xstrdup(e->company);
        r->place = gx_xstrdup(place_in(x, e->evidence));
        r->article = gx_xstrdup(a->id);
        r->evidence = gx_xstrndup(a->text + e->evidence.start, e->evidence.end - e->evidence.start);
    }
}

static int cmp_visit(const void *pa, const void *pb)
{
    const visit_row *a = pa, *b = pb;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    int c = strcmp(a->official, b->official);
    if (!c)
        c = strcmp(a->company, b->company);
    return c ? c : strcmp(a->article, b->article);
}

int cli_visits(cli_opts *o)
{
    gx_lexicon *lex;
    if (!cli_load_lexicon(o, &lex))
        return EXIT_ERROR;
    cli_counts c = {0};
    visits_ctx v = {.o = o};
    gx_strvec_init(&v.companies);
    int rc = EXIT_ERROR;
    cli_sink sink = {.take = collect_visits, .ctx = &v};
    if (cli_read_all(o, lex, &c, &sink) && c.files) {
        qsort(v.v, v.n, sizeof *v.v, cmp_visit);
        static const char *const COLS[] = {"date", "official", "titles", "company", "place", "article", "evidence"};
        cli_table t;
        cli_table_init(&t, COLS, 7);
        size_t shown = 0;
        for (size_t i = 0; i < v.n; i++) {
            visit_row *r = &v.v[i];
            if (o->company && !gx_strvec_contains(&v.companies, r->company))
                continue;
            char date[11] = "";
            if (r->date)
                gx_date_format(r->date, date);
            const char *row[] = {date, r->official, r->titles, r->company, r->place, r->article, r->evidence};
            cli_table_add(&t, row);
            shown++;
        }
        cli_table_print(&t, o->format, "");
        cli_table_destroy(&t);
        if (!shown && !o->quiet)
            fprintf(stderr, "guanxi: no visit found%s%s%s%s\n", o->official ? " by " : "", o->official ? o->official : "",
                    o->company ? " to " : "", o->company ? o->company : "");
        rc = cli_finish_code(&c);
    } else if (!c.files) {
        fprintf(stderr, "guanxi: error: no input could be read\n");
    }
    for (size_t i = 0; i < v.n; i++) {
        visit_row *r = &v.v[i];
        free(r->official), free(r->titles), free(r->company), free(r->place), free(r->article), free(r->evidence);
    }
    free(v.v);
    gx_strvec_destroy(&v.companies);
    gx_strvec_destroy(&c.why);
    gx_lexicon_free(lex);
    return rc;
}

/* --- who-with --- */

static bool names_node(const gx_node *nd, const char *name)
{
    return strcmp(nd->label, name) == 0 || gx_list_has(nd->aliases, '|', name);
}

static void date_or_empty(const gx_dates *d, bool last, char out[11])
{
    out[0] = '\0';
    gx_date x = last ? gx_dates_last(d) : gx_dates_first(d);
    if (x)
        gx_date_format(x, out);
}

/* The far end of e from the matched nodes. */
static const gx_node *other_end(const gx_network *net, const gx_edge *e, const bool *match)
{
    return match[e->source] ? &net->nodes[e->target] : &net->nodes[e->source];
}

static const gx_network *ww_net;
static const bool *ww_match;

/* Most shared articles first, then by name: a deterministic order. */
static int cmp_with(const void *pa, const void *pb)
{
    const gx_edge *a = *(const gx_edge *const *)pa, *b = *(const gx_edge *const *)pb;
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    const gx_node *x = other_end(ww_net, a, ww_match), *y = other_end(ww_net, b, ww_match);
    int c = strcmp(x->label, y->label);
    return c ? c : (int)x->type - (int)y->type;
}

int cli_who_with(cli_opts *o)
{
    cli_counts c = {0};
    gx_network *net;
    int rc = cli_network(o, &c, &net);
    if (!net)
        return rc;
    bool *match = gx_xcalloc(net->n_nodes + 1, sizeof *match);
    size_t matched = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (names_node(&net->nodes[i], o->name))
            match[i] = true, matched++;
    if (!matched) {
        fprintf(stderr, "guanxi: error: no official, company or place named '%s' in the inputs\n", o->name);
        rc = EXIT_ERROR;
    } else {
        const gx_edge **rows = gx_xmalloc((net->n_edges + 1) * sizeof *rows);
        size_t n = 0;
        for (size_t i = 0; i < net->n_edges; i++) {
            const gx_edge *e = &net->edges[i];
            if (match[e->source] == match[e->target])
                continue;
            gx_etype ot = other_end(net, e, match)->type;
            if (o->type >= 0 ? ot != (gx_etype)o->type
                             : o->type == CLI_TYPE_PEOPLE_AND_FIRMS && ot != GX_ENT_OFFICIAL && ot != GX_ENT_COMPANY)
                continue;
            rows[n++] = e;
        }
        ww_net = net;
        ww_match = match;
        qsort(rows, n, sizeof *rows, cmp_with);
        static const char *const COLS[] = {"name", "type", "articles", "first", "last"};
        cli_table t;
        cli_table_init(&t, COLS, 5);
        for (size_t i = 0; i < n && (o->top == 0 || i < (size_t)o->top); i++) {
            const gx_node *nd = other_end(net, rows[i], match);
            char w[32], first[11], last[11];
            snprintf(w, sizeof w, "%u", (unsigned)rows[i]->weight);
            date_or_empty(&rows[i]->dates, false, first);
            date_or_empty(&rows[i]->dates, true, last);
            const char *row[] = {nd->label, gx_etype_name(nd->type), w, first, last};
            cli_table_add(&t, row);
        }
        cli_table_print(&t, o->format, "articles");
        cli_table_destroy(&t);
        free(rows);
    }
    free(match);
    gx_network_free(net);
    gx_strvec_destroy(&c.why);
    return rc;
}

/* --- stats --- */

static const gx_network *sort_net;

static int cmp_node_mentions(const void *pa, const void *pb)
{
    const gx_node *a = &sort_net->nodes[*(const size_t *)pa], *b = &sort_net->nodes[*(const size_t *)pb];
    if (a->mentions != b->mentions)
        return a->mentions > b->mentions ? -1 : 1;
    return strcmp(a->label, b->label);
}

static int cmp_edge_busy(const void *pa, const void *pb)
{
    const gx_edge *a = &sort_net->edges[*(const size_t *)pa], *b = &sort_net->edges[*(const size_t *)pb];
    if (a->weight != b->weight)
        return a->weight > b->weight ? -1 : 1;
    if (a->source != b->source)
        return a->source < b->source ? -1 : 1;
    return a->target < b->target ? -1 : a->target > b->target;
}

static json_t *top_nodes(const gx_network *net, gx_etype type, int top, bool print)
{
    size_t *idx = gx_xmalloc((net->n_nodes + 1) * sizeof *idx), n = 0;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (net->nodes[i].type == type)
            idx[n++] = i;
    sort_net = net;
    qsort(idx, n, sizeof *idx, cmp_node_mentions);
    json_t *arr = json_array();
    if (print && n)
        printf("\ntop %s (articles):\n", type == GX_ENT_OFFICIAL ? "officials" : type == GX_ENT_COMPANY ? "companies" : "places");
    for (size_t i = 0; i < n && i < (size_t)top; i++) {
        const gx_node *nd = &net->nodes[idx[i]];
        const char *bar = strrchr(nd->titles, '|');
        const char *title = bar ? bar + 1 : nd->titles;
        if (print)
            printf("  %4ld  %s%s%s\n", nd->mentions, nd->label, *title ? "  " : "", title);
        json_array_append_new(arr, json_pack("{s:s,s:I,s:s}", "name", nd->label, "articles", (json_int_t)nd->mentions,
                                             "titles", nd->titles));
    }
    free(idx);
    return arr;
}

int cli_stats(cli_opts *o)
{
    cli_counts c = {0};
    gx_network *net;
    int rc = cli_network(o, &c, &net);
    if (!net)
        return rc;
    bool print = o->format != CLI_FMT_JSON;
    size_t by_type[GX_ENT_NTYPES] = {0};
    for (size_t i = 0; i < net->n_nodes; i++)
        by_type[net->nodes[i].type]++;
    size_t other = c.articles - c.by_kind[GX_UNIT_ARTICLE];
    if (print) {
        printf("read:      %zu file%s, %zu articles (and %zu captions, adverts, weather boxes, fragments)\n", c.files,
               c.files == 1 ? "" : "s", c.by_kind[GX_UNIT_ARTICLE], other);
        printf("undated:   %ld of %ld units kept\n", net->undated, net->articles);
        printf("skipped:   %zu input%s, %zu bad line%s\n", c.skipped_inputs, c.skipped_inputs == 1 ? "" : "s",
               c.skipped_lines, c.skipped_lines == 1 ? "" : "s");
        for (size_t i = 0; i < c.why.n; i++)
            printf("  %s\n", c.why.v[i]);
        if (c.cut)
            printf("cut:       %zu article%s over a limit, read in parts or cut short\n", c.cut, c.cut == 1 ? "" : "s");
        printf("entities:  %zu officials, %zu companies, %zu places\n", by_type[GX_ENT_OFFICIAL],
               by_type[GX_ENT_COMPANY], by_type[GX_ENT_PLACE]);
        printf("edges:     %zu pairs, %ld visit%s\n", net->n_edges, net->visits, net->visits == 1 ? "" : "s");
    }
    json_t *j = json_object();
    json_object_set_new(j, "files", json_integer((json_int_t)c.files));
    json_object_set_new(j, "articles", json_integer((json_int_t)c.by_kind[GX_UNIT_ARTICLE]));
    json_object_set_new(j, "other_units", json_integer((json_int_t)other));
    json_object_set_new(j, "undated", json_integer(net->undated));
    json_t *why = json_array();
    for (size_t i = 0; i < c.why.n; i++)
        json_array_append_new(why, json_string(c.why.v[i]));
    json_object_set_new(j, "skipped_inputs", why);
    json_object_set_new(j, "skipped_lines", json_integer((json_int_t)c.skipped_lines));
    json_object_set_new(j, "cut_articles", json_integer((json_int_t)c.cut));
    json_object_set_new(j, "entities", json_pack("{s:I,s:I,s:I}", "official", (json_int_t)by_type[GX_ENT_OFFICIAL],
                                                 "company", (json_int_t)by_type[GX_ENT_COMPANY], "place",
                                                 (json_int_t)by_type[GX_ENT_PLACE]));
    json_object_set_new(j, "top_officials", top_nodes(net, GX_ENT_OFFICIAL, o->top, print));
    json_object_set_new(j, "top_companies", top_nodes(net, GX_ENT_COMPANY, o->top, print));
    json_object_set_new(j, "top_places", top_nodes(net, GX_ENT_PLACE, o->top, print));
    size_t *idx = gx_xmalloc((net->n_edges + 1) * sizeof *idx);
    for (size_t i = 0; i < net->n_edges; i++)
        idx[i] = i;
    sort_net = net;
    qsort(idx, net->n_edges, sizeof *idx, cmp_edge_busy);
    json_t *pairs = json_array();
    if (print && net->n_edges)
        printf("\nbusiest pairs (articles together):\n");
    for (size_t i = 0; i < net->n_edges && i < (size_t)o->top; i++) {
        const gx_edge *e = &net->edges[idx[i]];
        const char *a = net->nodes[e->source].label, *b = net->nodes[e->target].label;
        if (print)
            printf("  %4u  %s – %s\n", (unsigned)e->weight, a, b);
        json_array_append_new(pairs, json_pack("{s:s,s:s,s:I}", "a", a, "b", b, "articles", (json_int_t)e->weight));
    }
    json_object_set_new(j, "busiest_pairs", pairs);
    if (!print) {
        json_dumpf(j, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
        fputc('\n', stdout);
    }
    json_decref(j);
    free(idx);
    gx_network_free(net);
    gx_strvec_destroy(&c.why);
    return rc;
}
