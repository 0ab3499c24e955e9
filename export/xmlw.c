/* xmlw.c — an xmlTextWriter that checks every call, cleans strings and writes atomically. */
#include "internal.h"

#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Whether the code point at u[i] (n bytes, n = 0 for invalid UTF-8) goes into XML unchanged. */
static bool xml_keeps(uint32_t cp, size_t n)
{
    return n && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F) && cp != 0xFFFE && cp != 0xFFFF;
}

const char *gx_xml_clean(const char *s, gx_buf *scratch)
{
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t len = strlen((const char *)u), i = 0;
    while (i < len) { /* the common case: nothing to change */
        if (u[i] >= 0x20 && u[i] < 0x7F) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!xml_keeps(cp, n))
            break;
        i += n;
    }
    if (i == len)
        return (const char *)u;
    gx_buf_clear(scratch);
    gx_buf_add(scratch, u, i);
    while (i < len) {
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!n) {
            gx_buf_add_cp(scratch, 0xFFFD);
            i++;
            continue;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r')
            gx_buf_addc(scratch, ' ');
        else if (xml_keeps(cp, n))
            gx_buf_add(scratch, u + i, n);
        i += n;
    }
    return scratch->data ? scratch->data : "";
}

static void check(gx_xmlw *x, int rc)
{
    if (rc < 0 && x->rc >= 0)
        x->rc = rc;
}

gx_status gx_xmlw_open(gx_xmlw *x, const char *path, gx_error *err)
{
    x->rc = 0;
    x->w = NULL;
    gx_buf_init(&x->scratch);
    gx_status st = gx_atomic_open(&x->file, path, err);
    if (st != GX_OK)
        return st;
    /* The output buffer flushes into the stream and leaves closing it to gx_atomic_commit. */
    xmlOutputBufferPtr out = xmlOutputBufferCreateFile(x->file.fp, NULL);
    x->w = out ? xmlNewTextWriter(out) : NULL;
    if (!x->w) {
        if (out)
            xmlOutputBufferClose(out);
        gx_atomic_abort(&x->file);
        return gx_error_set(err, GX_ERR_EXTERNAL, path, -1, -1, "libxml2: cannot create a writer");
    }
    check(x, xmlTextWriterSetIndent(x->w, 1));
    check(x, xmlTextWriterSetIndentString(x->w, BAD_CAST "  "));
    check(x, xmlTextWriterStartDocument(x->w, "1.0", "UTF-8", NULL));
    return GX_OK;
}

void gx_xmlw_start(gx_xmlw *x, const char *element)
{
    check(x, xmlTextWriterStartElement(x->w, BAD_CAST element));
}

void gx_xmlw_end(gx_xmlw *x)
{
    check(x, xmlTextWriterEndElement(x->w));
}

void gx_xmlw_attr(gx_xmlw *x, const char *name, const char *value)
{
    check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST gx_xml_clean(value, &x->scratch)));
}

void gx_xmlw_text(gx_xmlw *x, const char *text)
{
    check(x, xmlTextWriterWriteString(x->w, BAD_CAST gx_xml_clean(text, &x->scratch)));
}

/* value, cleaned (gx_xml_clean), with the characters the writer escapes in text and in
 * attributes alike — & < > " — as entities (a cleaned string holds no tab, new line or return,
 * which it would escape in attributes too). */
static void raw_escaped(gx_buf *b, gx_buf *scratch, const char *value)
{
    for (const char *p = gx_xml_clean(value, scratch);;) {
        size_t n = strcspn(p, "&<>\"");
        gx_buf_add(b, p, n);
        p += n;
        if (!*p)
            return;
        gx_buf_adds(b, *p == '&' ? "&amp;" : *p == '<' ? "&lt;" : *p == '>' ? "&gt;" : "&quot;");
        p++;
    }
}

void gx_raw_attr_clean(gx_buf *b, gx_buf *scratch, const char *name, const char *value)
{
    gx_buf_addc(b, ' ');
    gx_buf_adds(b, name);
    gx_buf_adds(b, "=\"");
    raw_escaped(b, scratch, value);
    gx_buf_addc(b, '"');
}

void gx_raw_text_clean(gx_buf *b, gx_buf *scratch, int depth, const char *element, const char *name,
                       const char *value, const char *text)
{
    gx_raw_start(b, depth, element);
    gx_raw_attr(b, name, value);
    gx_buf_addc(b, '>');
    raw_escaped(b, scratch, text);
    size_t le = strlen(element);
    gx_raw_done(b, gx_raw_end_at(gx_raw_room(b, le + 4), element, le));
}

void gx_xmlw_raw(gx_xmlw *x, gx_buf *b, bool all)
{
    if (!all && b->len < 65536)
        return;
    if (b->len) {
        /* The writer is told of raw text (it ends the start tag of the element the text stands
         * in, and its indenting there) and flushed; the text itself goes to the stream, not
         * through the writer's buffer, which would copy it twice more. */
        check(x, xmlTextWriterWriteRawLen(x->w, BAD_CAST "", 0));
        check(x, xmlTextWriterFlush(x->w));
        if (fwrite(b->data, 1, b->len, x->file.fp) != b->len)
            check(x, -1);
        gx_atomic_wrote(&x->file, b->len);
        /* the raw elements end with a new line, so the closing tag that follows is indented as
         * usual */
        check(x, xmlTextWriterSetIndent(x->w, 1));
    }
    gx_buf_clear(b);
}

gx_status gx_xmlw_finish(gx_xmlw *x, gx_error *err)
{
    check(x, xmlTextWriterEndDocument(x->w));
    check(x, xmlTextWriterFlush(x->w));
    xmlFreeTextWriter(x->w); /* closes the output buffer, not the stream */
    x->w = NULL;
    gx_buf_destroy(&x->scratch);
    if (x->rc < 0) {
        gx_error_set(err, GX_ERR_IO, x->file.path, -1, -1, "writing failed (libxml2)");
        gx_atomic_abort(&x->file);
        return GX_ERR_IO;
    }
    return gx_atomic_commit(&x->file, err);
}

void gx_edge_kinds_init(gx_edge_kinds *k, const gx_network *n)
{
    k->type = gx_xmalloc(n->n_nodes ? n->n_nodes : 1);
    for (size_t i = 0; i < n->n_nodes; i++)
        k->type[i] = (unsigned char)n->nodes[i].type;
    for (int a = 0; a < GX_ENT_NTYPES; a++)
        for (int b = 0; b < GX_ENT_NTYPES; b++)
            gx_edge_kind_of_types((gx_etype)a, (gx_etype)b, k->name[a][b], sizeof k->name[a][b]);
}

void gx_edge_kinds_destroy(gx_edge_kinds *k)
{
    free(k->type);
    k->type = NULL;
}

const char *gx_dates_join(const gx_dates *d, gx_buf *out)
{
    gx_buf_clear(out);
    for (size_t i = 0; i < d->n; i++) {
        char s[11];
        gx_date_format(gx_dates_v(d)[i], s);
        if (i)
            gx_buf_addc(out, '|');
        gx_buf_add(out, s, 10);
    }
    return out->data ? out->data : "";
}

void gx_spell_next(const gx_dates *d, size_t *i, gx_date *start, gx_date *end)
{
    const gx_date *v = gx_dates_v(d);
    *start = *end = v[(*i)++];
    while (*i < d->n && gx_date_add_days(*end, 1) == v[*i])
        *end = v[(*i)++];
}
