/* jsonl.c — one article per JSON line with its mentions and events: what `guanxi extract` writes,
 * and reading it back so that later commands need not read the pages again. */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

gx_out_format gx_export_format(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (!dot)
        return GX_OUT_UNKNOWN;
    if (strcasecmp(dot, ".graphml") == 0)
        return GX_OUT_GRAPHML;
    if (strcasecmp(dot, ".gexf") == 0)
        return GX_OUT_GEXF;
    if (strcasecmp(dot, ".csv") == 0)
        return GX_OUT_CSV;
    if (strcasecmp(dot, ".jsonl") == 0)
        return GX_OUT_JSONL;
    return GX_OUT_UNKNOWN;
}

static json_t *date_json(gx_date d)
{
    if (!d)
        return json_null();
    char b[11];
    gx_date_format(d, b);
    return json_string(b);
}

static json_t *split(const char *s)
{
    json_t *arr = json_array();
    gx_strvec parts;
    gx_strvec_init(&parts);
    gx_strvec_split(&parts, s, '|');
    for (size_t i = 0; i < parts.n; i++)
        json_array_append_new(arr, json_string(parts.v[i]));
    gx_strvec_destroy(&parts);
    return arr;
}

static const struct {
    unsigned bit;
    const char *name;
} FLAGS[] = {{GX_MF_LIST, "list"},
             {GX_MF_BYLINE, "byline"},
             {GX_MF_REFERENCED, "referenced"},
             {GX_MF_ALIAS, "alias"},
             {GX_MF_TITLED, "titled"}};
enum { N_FLAGS = sizeof FLAGS / sizeof FLAGS[0] };

static json_t *flags_json(unsigned f)
{
    json_t *arr = json_array();
    for (size_t i = 0; i < N_FLAGS; i++)
        if (f & FLAGS[i].bit)
            json_array_append_new(arr, json_string(FLAGS[i].name));
    return arr;
}

gx_status gx_export_article_jsonl(FILE *fp, const gx_article *a, const gx_extraction *x)
{
    json_t *o = json_object();
    json_object_set_new(o, "id", json_string(a->id));
    json_object_set_new(o, "source", json_string(a->source));
    json_object_set_new(o, "kind", json_string(gx_unit_kind_name(a->kind)));
    json_object_set_new(o, "date", date_json(a->date));
    json_object_set_new(o, "event_date", date_json(a->event_date));
    json_object_set_new(o, "event_date_approx", json_boolean(a->event_date_approx));
    json_object_set_new(o, "title", json_string(a->title ? a->title : ""));
    json_object_set_new(o, "text", json_stringn(a->text, a->len));
    json_t *j = json_array();
    for (size_t i = 0; i < a->journalists.n; i++)
        json_array_append_new(j, json_string(a->journalists.v[i]));
    json_object_set_new(o, "journalists", j);
    json_t *ms = json_array();
    for (size_t i = 0; i < x->n; i++) {
        const gx_mention *m = &x->m[i];
        json_t *mo = json_object();
        json_object_set_new(mo, "type", json_string(gx_etype_name(m->type)));
        json_object_set_new(mo, "name", json_string(m->name));
        json_object_set_new(mo, "span", json_pack("[I,I]", (json_int_t)m->span.start, (json_int_t)m->span.end));
        json_object_set_new(mo, "text", json_stringn(a->text + m->span.start, m->span.end - m->span.start));
        json_object_set_new(mo, "titles", split(m->titles));
        if (*m->aliases)
            json_object_set_new(mo, "aliases", split(m->aliases));
        if (*m->code)
            json_object_set_new(mo, "code", json_string(m->code));
        json_object_set_new(mo, "flags", flags_json(m->flags));
        json_array_append_new(ms, mo);
    }
    json_object_set_new(o, "mentions", ms);
    json_t *evs = json_array();
    for (size_t i = 0; i < x->nev; i++) {
        const gx_event *e = &x->ev[i];
        json_t *eo = json_object();
        json_object_set_new(eo, "kind", json_string(gx_event_kind_name(e->kind)));
        json_object_set_new(eo, "official", json_string(e->official));
        json_object_set_new(eo, "company", json_string(e->company));
        json_object_set_new(eo, "date", date_json(e->date));
        json_object_set_new(eo, "evidence", json_stringn(a->text + e->evidence.start,
                                                          e->evidence.end - e->evidence.start));
        json_object_set_new(eo, "evidence_span",
                            json_pack("[I,I]", (json_int_t)e->evidence.start, (json_int_t)e->evidence.end));
        json_array_append_new(evs, eo);
    }
    json_object_set_new(o, "events", evs);
    int rc = json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (rc != 0 || fputc('\n', fp) == EOF)
        return GX_ERR_IO;
    return GX_OK;
}

/* --- reading it back --- */

bool gx_jsonl_is_extracted(const char *line, size_t len)
{
    json_t *o = json_loadb(line, len, 0, NULL);
    bool yes = json_is_object(o) && json_is_array(json_object_get(o, "mentions")) &&
               json_is_string(json_object_get(o, "text"));
    json_decref(o);
    return yes;
}

static char *str_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    return gx_xstrdup(json_is_string(v) ? json_string_value(v) : "");
}

static gx_date date_of(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    if (!json_is_string(v))
        return 0;
    size_t used;
    gx_date d = gx_date_parse(json_string_value(v), json_string_length(v), &used);
    return used == json_string_length(v) ? d : 0;
}

static char *joined(json_t *arr)
{
    gx_strvec parts;
    gx_strvec_init(&parts);
    size_t i;
    json_t *v;
    json_array_foreach(arr, i, v)
        if (json_is_string(v))
            gx_strvec_push(&parts, json_string_value(v));
    char *s = gx_strvec_join(&parts, "|");
    gx_strvec_destroy(&parts);
    return s;
}

/* A span [start, end) inside a text of len bytes, or false. */
static bool span_of(json_t *v, size_t len, gx_span *sp)
{
    json_int_t a, b;
    if (json_unpack(v, "[II]", &a, &b) != 0 || a < 0 || b < a || (size_t)b > len)
        return false;
    *sp = (gx_span){(size_t)a, (size_t)b};
    return true;
}

static gx_status bad(gx_error *err, const char *what)
{
    gx_error_set(err, GX_ERR_PARSE, NULL, -1, -1, "not a line of guanxi extract: %s", what);
    return GX_ERR_PARSE;
}

static gx_status read_mentions(json_t *arr, const gx_article *a, gx_extraction *x, gx_error *err)
{
    size_t i;
    json_t *mo;
    json_array_foreach(arr, i, mo) {
        json_t *type = json_object_get(mo, "type"), *name = json_object_get(mo, "name");
        int t = json_is_string(type) ? gx_etype_parse(json_string_value(type), json_string_length(type)) : -1;
        gx_span sp;
        if (t < 0 || !json_is_string(name) || !span_of(json_object_get(mo, "span"), a->len, &sp))
            return bad(err, "a mention without a known type, a name and a span inside the text");
        GX_GROW(x->m, x->cap, x->n + 1);
        gx_mention *m = &x->m[x->n++];
        memset(m, 0, sizeof *m);
        m->type = (gx_etype)t;
        m->span = sp;
        m->name = gx_xstrdup(json_string_value(name));
        m->titles = joined(json_object_get(mo, "titles"));
        m->aliases = joined(json_object_get(mo, "aliases"));
        m->code = str_of(mo, "code");
        size_t k;
        json_t *f;
        json_array_foreach(json_object_get(mo, "flags"), k, f)
            for (size_t j = 0; j < N_FLAGS; j++)
                if (json_is_string(f) && strcmp(json_string_value(f), FLAGS[j].name) == 0)
                    m->flags |= FLAGS[j].bit;
    }
    return GX_OK;
}

static gx_status read_events(json_t *arr, const gx_article *a, gx_extraction *x, gx_error *err)
{
    size_t i;
    json_t *eo;
    json_array_foreach(arr, i, eo) {
        json_t *kind = json_object_get(eo, "kind");
        if (!json_is_string(kind))
            return bad(err, "an event without a kind");
        GX_GROW(x->ev, x->evcap, x->nev + 1);
        gx_event *e = &x->ev[x->nev++];
        memset(e, 0, sizeof *e);
        e->kind = strcmp(json_string_value(kind), "visit") == 0 ? GX_EV_VISIT : GX_EV_CEREMONY;
        e->official = str_of(eo, "official");
        e->company = str_of(eo, "company");
        e->date = date_of(eo, "date");
        if (!span_of(json_object_get(eo, "evidence_span"), a->len, &e->evidence))
            return bad(err, "an event without an evidence span inside the text");
    }
    return GX_OK;
}

gx_status gx_jsonl_read_extracted(const char *line, size_t len, gx_article *a, gx_extraction *x, gx_error *err)
{
    memset(a, 0, sizeof *a);
    gx_strvec_init(&a->journalists);
    json_error_t je;
    json_t *o = json_loadb(line, len, 0, &je);
    if (!json_is_object(o)) {
        json_decref(o);
        gx_error_set(err, GX_ERR_PARSE, NULL, -1, -1, "bad JSON: %s", je.text);
        return GX_ERR_PARSE;
    }
    json_t *text = json_object_get(o, "text");
    gx_status st = GX_OK;
    if (!json_is_string(text) || !json_is_array(json_object_get(o, "mentions"))) {
        st = bad(err, "no text or no mentions");
        goto done;
    }
    a->text = gx_xstrndup(json_string_value(text), json_string_length(text));
    a->len = json_string_length(text);
    a->id = str_of(o, "id");
    a->source = str_of(o, "source");
    a->title = str_of(o, "title");
    a->date = date_of(o, "date");
    a->event_date = date_of(o, "event_date");
    a->event_date_approx = json_is_true(json_object_get(o, "event_date_approx"));
    json_t *kind = json_object_get(o, "kind");
    for (int k = GX_UNIT_ARTICLE; k <= GX_UNIT_FRAGMENT; k++)
        if (json_is_string(kind) && strcmp(json_string_value(kind), gx_unit_kind_name((gx_unit_kind)k)) == 0)
            a->kind = (gx_unit_kind)k;
    size_t i;
    json_t *j;
    json_array_foreach(json_object_get(o, "journalists"), i, j)
        if (json_is_string(j))
            gx_strvec_push(&a->journalists, json_string_value(j));
    gx_ingest_sentences(a);
    st = read_mentions(json_object_get(o, "mentions"), a, x, err);
    if (st == GX_OK)
        st = read_events(json_object_get(o, "events"), a, x, err);
done:
    json_decref(o);
    return st;
}
