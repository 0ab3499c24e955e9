/* jsonl.c — one article per JSON line with its mentions and events (what `guanxi extract` writes). */
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

static json_t *flags_json(unsigned f)
{
    static const struct {
        unsigned bit;
        const char *name;
    } F[] = {{GX_MF_LIST, "list"},
             {GX_MF_BYLINE, "byline"},
             {GX_MF_REFERENCED, "referenced"},
             {GX_MF_ALIAS, "alias"},
             {GX_MF_TITLED, "titled"}};
    json_t *arr = json_array();
    for (size_t i = 0; i < sizeof F / sizeof F[0]; i++)
        if (f & F[i].bit)
            json_array_append_new(arr, json_string(F[i].name));
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
        json_array_append_new(evs, eo);
    }
    json_object_set_new(o, "events", evs);
    int rc = json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(o);
    if (rc != 0 || fputc('\n', fp) == EOF)
        return GX_ERR_IO;
    return GX_OK;
}
