/* internal.h — helpers the exporters share: XML writer set-up, string cleaning, date spells. */
#ifndef GX_EXPORT_INTERNAL_H
#define GX_EXPORT_INTERNAL_H

#include <assert.h>
#include <libxml/xmlwriter.h>
#include <string.h>

#include "gx_export.h"

/* s as XML 1.0 can carry it: no control characters (tab, newline kept as space), no
 * U+FFFE/U+FFFF, invalid UTF-8 replaced by U+FFFD.  Returns s itself when it needs no change
 * (nearly always), else the cleaned copy held in scratch. */
const char *gx_xml_clean(const char *s, gx_buf *scratch);

/* The kind of every edge ("company-official") without a visit to its nodes: each node's type in a
 * byte, read once before the edges are written.  The edges come in order of their sources, so
 * their targets' nodes are all over the array: reading a target's type there cost a cache miss an
 * edge, a quarter of the GEXF writer's time at 100 MB. */
typedef struct gx_edge_kinds {
    unsigned char *type; /* per node */
    char name[GX_ENT_NTYPES][GX_ENT_NTYPES][24];
} gx_edge_kinds;
void gx_edge_kinds_init(gx_edge_kinds *k, const gx_network *n);
void gx_edge_kinds_destroy(gx_edge_kinds *k);
static inline const char *gx_edge_kinds_of(const gx_edge_kinds *k, const gx_edge *e)
{
    return k->name[k->type[e->source]][k->type[e->target]];
}

/* A writer streaming into a temporary beside path; gx_xmlw_finish puts it in place if every
 * write succeeded (and removes it otherwise), so memory does not grow with the document. */
typedef struct gx_xmlw {
    gx_atomic file;
    xmlTextWriterPtr w;
    int rc;          /* first failure (< 0) */
    gx_buf scratch;  /* for cleaning strings */
} gx_xmlw;
gx_status gx_xmlw_open(gx_xmlw *x, const char *path, gx_error *err);
gx_status gx_xmlw_finish(gx_xmlw *x, gx_error *err); /* frees the writer */
void gx_xmlw_start(gx_xmlw *x, const char *element);
void gx_xmlw_end(gx_xmlw *x);
void gx_xmlw_attr(gx_xmlw *x, const char *name, const char *value); /* cleans value */
void gx_xmlw_text(gx_xmlw *x, const char *text);

/* Raw elements.  A large network has millions of nodes and tens of millions of edges, so their
 * text is composed in a buffer, laid out as the writer lays out its own elements (two spaces an
 * indent level, one element a line), and written to the stream in 64 KB blocks between the
 * writer's own output (gx_xmlw_raw).  Element by element through the writer, edges took five
 * times the instructions, and nodes (a few writer calls for each of their attributes) half of
 * all the writing.  gx_raw_attr and gx_raw_text copy values unescaped — ids, numbers, dates, fixed
 * ASCII words, which hold none of XML's special characters (a debug build asserts it); names,
 * aliases and titles go through the _clean forms, which clean and escape them as the writer does. */
/* The raw writers put a few short pieces at a time, millions of times for a large network: each
 * reserves room for all its pieces once and copies them in, instead of growing and terminating
 * the buffer piece by piece.  They are inline so that the lengths of the fixed names they are
 * given (element and attribute names, nearly always literals) are constants, and copying them a
 * few moves, instead of a strlen and a memcpy call each. */
static inline char *gx_raw_room(gx_buf *b, size_t n)
{
    if (b->len + n >= b->cap)
        gx_buf_reserve(b, n);
    return b->data + b->len;
}
static inline void gx_raw_done(gx_buf *b, char *end)
{
    b->len = (size_t)(end - b->data);
    *end = '\0';
}
static inline char *gx_raw_put(char *o, const char *s, size_t n)
{
    memcpy(o, s, n);
    return o + n;
}
/* Raw text is what guanxi composes (ids, numbers, dates, fixed ASCII words), never one of XML's
 * special characters: copied as it is, which a debug build checks. */
static inline size_t gx_raw_plain_len(const char *value)
{
    size_t n = strlen(value);
    assert(strcspn(value, "&<>\"") == n);
    return n;
}
static inline size_t gx_raw_indent(int depth) /* two spaces a level, at most 32 */
{
    size_t n = 2 * (size_t)depth;
    return n < 32 ? n : 32;
}
/* indent, "<element" */
static inline char *gx_raw_start_at(char *o, size_t indent, const char *element, size_t le)
{
    memset(o, ' ', indent);
    o += indent;
    *o++ = '<';
    return gx_raw_put(o, element, le);
}
/* ` name="value"` */
static inline char *gx_raw_attr_at(char *o, const char *name, size_t ln, const char *value, size_t lv)
{
    *o++ = ' ';
    o = gx_raw_put(o, name, ln);
    *o++ = '=';
    *o++ = '"';
    o = gx_raw_put(o, value, lv);
    *o++ = '"';
    return o;
}
/* "</element>\n" */
static inline char *gx_raw_end_at(char *o, const char *element, size_t le)
{
    *o++ = '<';
    *o++ = '/';
    o = gx_raw_put(o, element, le);
    *o++ = '>';
    *o++ = '\n';
    return o;
}
/* indent, "<element" */
static inline void gx_raw_start(gx_buf *b, int depth, const char *element)
{
    size_t in = gx_raw_indent(depth), le = strlen(element);
    gx_raw_done(b, gx_raw_start_at(gx_raw_room(b, in + 1 + le), in, element, le));
}
/* ` name="value"` */
static inline void gx_raw_attr(gx_buf *b, const char *name, const char *value)
{
    size_t ln = strlen(name), lv = gx_raw_plain_len(value);
    gx_raw_done(b, gx_raw_attr_at(gx_raw_room(b, ln + lv + 4), name, ln, value, lv));
}
void gx_raw_attr_clean(gx_buf *b, gx_buf *scratch, const char *name, const char *value);
static inline void gx_raw_open(gx_buf *b) /* ">\n" */
{
    gx_buf_add(b, ">\n", 2);
}
static inline void gx_raw_close(gx_buf *b) /* "/>\n" (an empty element) */
{
    gx_buf_add(b, "/>\n", 3);
}
/* indent, "</element>\n" */
static inline void gx_raw_end(gx_buf *b, int depth, const char *element)
{
    size_t in = gx_raw_indent(depth), le = strlen(element);
    char *o = gx_raw_room(b, in + le + 4);
    memset(o, ' ', in);
    gx_raw_done(b, gx_raw_end_at(o + in, element, le));
}
/* <element name="value">text</element> on one line; text is lt bytes. */
static inline void gx_raw_text_len(gx_buf *b, int depth, const char *element, const char *name, const char *value,
                                   const char *text, size_t lt)
{
    assert(gx_raw_plain_len(text) == lt);
    size_t in = gx_raw_indent(depth), le = strlen(element), ln = strlen(name), lv = gx_raw_plain_len(value);
    char *o = gx_raw_start_at(gx_raw_room(b, in + 2 * le + ln + lv + lt + 10), in, element, le);
    o = gx_raw_attr_at(o, name, ln, value, lv);
    *o++ = '>';
    o = gx_raw_put(o, text, lt);
    gx_raw_done(b, gx_raw_end_at(o, element, le));
}
static inline void gx_raw_text(gx_buf *b, int depth, const char *element, const char *name, const char *value,
                               const char *text)
{
    gx_raw_text_len(b, depth, element, name, value, text, gx_raw_plain_len(text));
}
void gx_raw_text_clean(gx_buf *b, gx_buf *scratch, int depth, const char *element, const char *name,
                       const char *value, const char *text);
/* Writes b and empties it, once it holds 64 KB or when all is set. */
void gx_xmlw_raw(gx_xmlw *x, gx_buf *b, bool all);

/* numbers.c: a double as the shortest text that reads back the same (fewest digits from 6,
 * "%g" style; a whole number below 10^6 as its digits); NaN/Inf as 0.  buf holds 32 bytes or more
 * for the fast way. */
void gx_fmt_double(double v, char *buf, size_t size);
/* prefix and i in decimal ("n42"); out holds at least 24 bytes.  Returns its length. */
size_t gx_fmt_id(char *out, char prefix, size_t i);
/* ` name="n42"` */
static inline void gx_raw_attr_id(gx_buf *b, const char *name, char prefix, size_t i)
{
    char id[24];
    size_t lv = gx_fmt_id(id, prefix, i), ln = strlen(name);
    gx_raw_done(b, gx_raw_attr_at(gx_raw_room(b, ln + lv + 4), name, ln, id, lv));
}
/* v in decimal, as "%ld" prints it; out holds at least 24 bytes. */
void gx_fmt_long(char *out, long v);
/* Dates joined by '|' (YYYY-MM-DD), replacing out's contents; returns out->data or "". */
const char *gx_dates_join(const gx_dates *d, gx_buf *out);
/* The spell of consecutive days that starts at d->v[*i]: its first and last day; moves *i past
 * it.  for (size_t i = 0; i < d->n;) { gx_spell_next(d, &i, &s, &e); … } */
void gx_spell_next(const gx_dates *d, size_t *i, gx_date *start, gx_date *end);

#endif
