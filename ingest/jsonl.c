/* jsonl.c — one article per JSON line (text required; id, title, date, source optional). */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void gx_doc_destroy(gx_doc *d)
{
    free(d->id);
    free(d->title);
    free(d->source);
    free(d->text);
    memset(d, 0, sizeof *d);
}

/* An optional string member; a wrong type is reported and ignored. */
static char *opt_string(json_t *o, const char *key, const char *name, long lineno, const gx_diag *diag)
{
    json_t *v = json_object_get(o, key);
    if (!v || json_is_null(v))
        return NULL;
    if (json_is_string(v))
        return gx_xstrndup(json_string_value(v), json_string_length(v));
    if (json_is_integer(v) && strcmp(key, "id") == 0) {
        gx_buf b;
        gx_buf_init(&b);
        gx_buf_addf(&b, "%lld", (long long)json_integer_value(v));
        return gx_buf_take(&b);
    }
    gx_diag_emit(diag, GX_WARNING, name, lineno, -1, "field \"%s\" is not a string; ignored", key);
    return NULL;
}

void gx_jsonl_read(const char *name, const char *data, size_t len, gx_doc **docs, size_t *n,
                   size_t *bad, const gx_diag *diag)
{
    size_t cap = *n;
    long lineno = 0;
    for (const char *p = data; p < data + len;) {
        const char *e = memchr(p, '\n', (size_t)(data + len - p));
        if (!e)
            e = data + len;
        const char *line = p;
        size_t ll = (size_t)(e - p);
        p = e + 1;
        lineno++;
        while (ll && (line[ll - 1] == ' ' || line[ll - 1] == '\r'))
            ll--;
        if (!ll)
            continue;
        json_error_t je;
        json_t *o = json_loadb(line, ll, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
        if (!o) {
            gx_diag_emit(diag, GX_WARNING, name, lineno, je.position >= 0 ? (long)je.position : -1,
                         "bad JSON (%s); line skipped", je.text);
            (*bad)++;
            continue;
        }
        json_t *text = json_is_object(o) ? json_object_get(o, "text") : NULL;
        if (!json_is_object(o) || !json_is_string(text)) {
            gx_diag_emit(diag, GX_WARNING, name, lineno, -1,
                         json_is_object(o) ? "no \"text\" string; line skipped"
                                           : "not a JSON object; line skipped");
            (*bad)++;
            json_decref(o);
            continue;
        }
        gx_doc d = {0};
        /* "\u0000" inside the text: dropped (and said) rather than ending the text there */
        const char *tv = json_string_value(text);
        size_t tl = json_string_length(text), nul = 0;
        d.text = gx_xmalloc(tl + 1);
        for (size_t i = 0, k = 0; i <= tl; i++)
            if (i == tl || tv[i])
                d.text[k++] = i == tl ? '\0' : tv[i];
            else
                nul++;
        if (nul)
            gx_diag_emit(diag, GX_WARNING, name, lineno, -1, "%zu NUL character%s (\\u0000) in \"text\" dropped",
                         nul, nul == 1 ? "" : "s");
        d.id = opt_string(o, "id", name, lineno, diag);
        d.title = opt_string(o, "title", name, lineno, diag);
        d.source = opt_string(o, "source", name, lineno, diag);
        char *date = opt_string(o, "date", name, lineno, diag);
        if (date) {
            size_t used;
            d.date = gx_date_parse(date, strlen(date), &used);
            if (!d.date)
                gx_diag_emit(diag, GX_WARNING, name, lineno, -1,
                             "bad date \"%.40s\" (want YYYY-MM-DD); article kept undated", date);
            free(date);
        }
        json_decref(o);
        GX_GROW(*docs, cap, *n + 1);
        (*docs)[(*n)++] = d;
    }
}
