/* jsonl.c — one article per JSON line with its mentions and events: what `guanxi extract` writes,
 * and reading it back so that later commands need not read the pages again. */
#include "internal.h"

#include <jansson.h>
#include <stdlib.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif
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

/* --- writing: straight into one buffer per article (compact JSON, keys in a fixed order) --- */

/* Does one of the eight bytes of w need an escape (below 0x20, '"' or '\\')?  Whether a byte is
 * below k: (w - k per byte) & ~w & the high bits, which is exact about whether any is. */
static inline bool escape_in8(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
    uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
    return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((slash - ones) & ~slash)) & high;
}

static inline bool escape_in4(uint32_t w) /* escape_in8 for four bytes */
{
    const uint32_t ones = 0x01010101u, high = 0x80808080u;
    uint32_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
    return (((w - ones * 0x20) & ~w) | ((quote - ones) & ~quote) | ((slash - ones) & ~slash)) & high;
}

/* How many bytes from s (n of them) need no escape: sixteen at a step where SSE2 is there (every
 * x86-64), else eight (escape_in8); the rest at once where the last eight bytes (or for a string of
 * four to seven, its first and last four) need none, else one at a time. */
static inline size_t plain_run(const char *s, size_t n)
{
    size_t i = 0;
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8('"'), slash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_max_epu8(v, below), below), /* v <= 0x1F */
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, slash)));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    uint64_t w;
    for (; i + 8 <= n && (memcpy(&w, s + i, 8), !escape_in8(w));)
        i += 8;
    if (i < n && i + 8 > n) { /* the rest at once where it needs none, as most names do */
        if (n >= 8 && (memcpy(&w, s + n - 8, 8), !escape_in8(w)))
            return n; /* the last eight bytes hold it */
        uint32_t a, z;
        if (n < 8 && n >= 4 && (memcpy(&a, s, 4), memcpy(&z, s + n - 4, 4), !escape_in4(a) && !escape_in4(z)))
            return n; /* the first four and the last four bytes */
    }
    while (i < n && (unsigned char)s[i] >= 0x20 && s[i] != '"' && s[i] != '\\')
        i++;
    return i;
}

/* --- strings written unchecked into room reserved for them (a mention, the most frequent object,
 * twenty an article, reserves its room at once) --- */

static inline char *put(char *p, const void *s, size_t n)
{
    memcpy(p, s, n);
    return p + n;
}
#define put_lit(p, lit) put((p), (lit), sizeof(lit) - 1)

/* put for a run of a string, most often a name of a few characters: up to sixteen bytes by two
 * copies of a fixed size that overlap (no call), which read nothing outside the run. */
static inline char *put_run(char *p, const char *s, size_t n)
{
    if (n > 16)
        return put(p, s, n);
    if (n >= 8) {
        memcpy(p, s, 8);
        memcpy(p + n - 8, s + n - 8, 8);
    } else if (n >= 4) {
        memcpy(p, s, 4);
        memcpy(p + n - 4, s + n - 4, 4);
    } else {
        for (size_t i = 0; i < n; i++)
            p[i] = s[i];
    }
    return p + n;
}

/* s (n bytes) quoted and escaped, into room reserved for it: six bytes a byte at most. */
static char *put_str(char *p, const char *s, size_t n)
{
    static const char HEX[] = "0123456789ABCDEF";
    *p++ = '"';
    for (size_t i = 0;;) {
        size_t run = plain_run(s + i, n - i);
        p = put_run(p, s + i, run);
        i += run;
        if (i >= n)
            break;
        unsigned char c = (unsigned char)s[i++];
        *p++ = '\\';
        switch (c) {
        case '"': *p++ = '"'; break;
        case '\\': *p++ = '\\'; break;
        case '\b': *p++ = 'b'; break;
        case '\f': *p++ = 'f'; break;
        case '\n': *p++ = 'n'; break;
        case '\r': *p++ = 'r'; break;
        case '\t': *p++ = 't'; break;
        default: p = put_lit(p, "u00"); *p++ = HEX[c >> 4]; *p++ = HEX[c & 15]; break;
        }
    }
    *p++ = '"';
    return p;
}

/* s (n bytes) quoted and escaped, appended to b. */
static void jstr(gx_buf *b, const char *s, size_t n)
{
    if (b->len + 6 * n + 2 >= b->cap) /* the check inline: most strings are a few characters */
        gx_buf_reserve(b, 6 * n + 2);
    char *p = put_str(b->data + b->len, s, n);
    b->len = (size_t)(p - b->data);
    b->data[b->len] = '\0';
}

/* ,"key": (no comma before the first key of an object); key a literal, added as one piece. */
#define jkey(b, key) jkey_((b), ",\"" key "\":", sizeof ",\"" key "\":" - 1)
static inline __attribute__((always_inline)) void jkey_(gx_buf *b, const char *comma_key, size_t n)
{
    bool first = !b->len || b->data[b->len - 1] == '{';
    gx_buf_add(b, comma_key + first, n - first);
}

/* A name of our own (a type, kind or flag: letters and _), which needs no escaping. */
static void jname(gx_buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 2 >= b->cap)
        gx_buf_reserve(b, n + 2);
    gx_buf_addc(b, '"');
    gx_buf_add(b, s, n);
    gx_buf_addc(b, '"');
}

static void jdate(gx_buf *b, gx_date d)
{
    if (!d) {
        gx_buf_adds(b, "null");
        return;
    }
    char s[11];
    gx_date_format(d, s);
    jstr(b, s, strlen(s));
}

static void jspan(gx_buf *b, gx_span sp)
{
    gx_buf_addc(b, '[');
    gx_buf_add_uint(b, sp.start);
    gx_buf_addc(b, ',');
    gx_buf_add_uint(b, sp.end);
    gx_buf_addc(b, ']');
}

/* A flag's name, and the same quoted for writing (with its length). */
#define FLAG(bit, name) {bit, name, "\"" name "\"", sizeof name + 1}
static const struct {
    unsigned bit;
    const char *name, *quoted;
    size_t len;
} FLAGS[] = {FLAG(GX_MF_LIST, "list"), FLAG(GX_MF_BYLINE, "byline"), FLAG(GX_MF_REFERENCED, "referenced"),
             FLAG(GX_MF_ALIAS, "alias"), FLAG(GX_MF_TITLED, "titled")};
#undef FLAG
enum { N_FLAGS = sizeof FLAGS / sizeof FLAGS[0] };

/* "a|b" as ["a","b"] (empty parts left out, as gx_strvec_split leaves them) */
static char *put_list(char *p, const char *s)
{
    *p++ = '[';
    bool first = true;
    while (*s) {
        const char *e = strchr(s, '|');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n) {
            if (!first)
                *p++ = ',';
            p = put_str(p, s, n);
            first = false;
        }
        s = e ? e + 1 : s + n;
    }
    *p++ = ']';
    return p;
}

static void jmention(gx_buf *b, const gx_article *a, const gx_mention *m)
{
    /* most mentions have no titles, aliases, code or parent: the shared "" */
    size_t name = strlen(m->name), text = m->span.end - m->span.start, titles = *m->titles ? strlen(m->titles) : 0,
           aliases = *m->aliases ? strlen(m->aliases) : 0, code = *m->code ? strlen(m->code) : 0,
           parent = *m->parent ? strlen(m->parent) : 0;
    /* the keys, the numbers and the flags take under 256 bytes; an escape six for one */
    size_t room = 256 + 6 * (name + text + titles + aliases + code + parent);
    if (b->len + room >= b->cap)
        gx_buf_reserve(b, room);
    char *p = b->data + b->len;
    p = put_lit(p, "{\"type\":");
    const char *type = gx_etype_name(m->type);
    *p++ = '"';
    p = put(p, type, strlen(type));
    *p++ = '"';
    p = put_lit(p, ",\"name\":");
    p = put_str(p, m->name, name);
    p = put_lit(p, ",\"span\":[");
    p += gx_fmt_uint(p, m->span.start);
    *p++ = ',';
    p += gx_fmt_uint(p, m->span.end);
    p = put_lit(p, "],\"text\":");
    p = put_str(p, a->text + m->span.start, text);
    p = put_lit(p, ",\"titles\":");
    if (titles)
        p = put_list(p, m->titles);
    else
        p = put_lit(p, "[]");
    if (aliases) {
        p = put_lit(p, ",\"aliases\":");
        p = put_list(p, m->aliases);
    }
    if (code) {
        p = put_lit(p, ",\"code\":");
        p = put_str(p, m->code, code);
    }
    if (parent) {
        p = put_lit(p, ",\"parent\":");
        p = put_str(p, m->parent, parent);
    }
    p = put_lit(p, ",\"flags\":[");
    bool first = true;
    for (size_t i = 0; i < N_FLAGS; i++)
        if (m->flags & FLAGS[i].bit) {
            if (!first)
                *p++ = ',';
            p = put(p, FLAGS[i].quoted, FLAGS[i].len);
            first = false;
        }
    p = put_lit(p, "]}");
    *p = '\0';
    b->len = (size_t)(p - b->data);
}

static void jevent(gx_buf *b, const gx_article *a, const gx_event *e)
{
    gx_buf_addc(b, '{');
    jkey(b, "kind");
    jname(b, gx_event_kind_name(e->kind));
    jkey(b, "official");
    jstr(b, e->official, strlen(e->official));
    jkey(b, "company");
    jstr(b, e->company, strlen(e->company));
    jkey(b, "date");
    jdate(b, e->date);
    jkey(b, "evidence");
    jstr(b, a->text + e->evidence.start, e->evidence.end - e->evidence.start);
    jkey(b, "evidence_span");
    jspan(b, e->evidence);
    gx_buf_addc(b, '}');
}

void gx_export_article_json(gx_buf *b, const gx_article *a, const gx_extraction *x)
{
    gx_buf_reserve(b, 2 * a->len + 256);
    gx_buf_addc(b, '{');
    jkey(b, "id");
    jstr(b, a->id, strlen(a->id));
    jkey(b, "source");
    jstr(b, a->source, strlen(a->source));
    jkey(b, "kind");
    jname(b, gx_unit_kind_name(a->kind));
    jkey(b, "date");
    jdate(b, a->date);
    jkey(b, "event_date");
    jdate(b, a->event_date);
    jkey(b, "event_date_approx");
    gx_buf_adds(b, a->event_date_approx ? "true" : "false");
    jkey(b, "title");
    jstr(b, a->title ? a->title : "", a->title ? strlen(a->title) : 0);
    jkey(b, "text");
    jstr(b, a->text ? a->text : "", a->text ? a->len : 0);
    jkey(b, "journalists");
    gx_buf_addc(b, '[');
    for (size_t i = 0; i < a->journalists.n; i++) {
        if (i)
            gx_buf_addc(b, ',');
        jstr(b, a->journalists.v[i], strlen(a->journalists.v[i]));
    }
    gx_buf_addc(b, ']');
    jkey(b, "mentions");
    gx_buf_addc(b, '[');
    for (size_t i = 0; i < x->n; i++) {
        if (i)
            gx_buf_addc(b, ',');
        jmention(b, a, &x->m[i]);
    }
    gx_buf_addc(b, ']');
    jkey(b, "events");
    gx_buf_addc(b, '[');
    for (size_t i = 0; i < x->nev; i++) {
        if (i)
            gx_buf_addc(b, ',');
        jevent(b, a, &x->ev[i]);
    }
    gx_buf_add(b, "]}\n", 3);
}

gx_status gx_export_article_jsonl(FILE *fp, const gx_article *a, const gx_extraction *x)
{
    gx_buf b;
    gx_buf_init(&b);
    gx_export_article_json(&b, a, x);
    bool ok = fwrite(b.data, 1, b.len, fp) == b.len;
    gx_buf_destroy(&b);
    return ok ? GX_OK : GX_ERR_IO;
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
        m->parent = str_of(mo, "parent");
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
