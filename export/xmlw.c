/* xmlw.c — an xmlTextWriter that checks every call, cleans strings and writes atomically. */
#include "internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

char *gx_xml_clean(const char *s)
{
    gx_buf b;
    gx_buf_init(&b);
    const unsigned char *u = (const unsigned char *)(s ? s : "");
    size_t len = strlen((const char *)u);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!n) {
            gx_buf_add_cp(&b, 0xFFFD);
            i++;
            continue;
        }
        if (cp == '\t' || cp == '\n' || cp == '\r')
            gx_buf_addc(&b, ' ');
        else if (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp <= 0x9F) && cp != 0xFFFE && cp != 0xFFFF)
            gx_buf_add(&b, u + i, n);
        i += n;
    }
    return gx_buf_take(&b);
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
    char *c = gx_xml_clean(value);
    check(x, xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST c));
    free(c);
}

void gx_xmlw_attrf(gx_xmlw *x, const char *name, const char *fmt, ...)
{
    char buf[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    gx_xmlw_attr(x, name, buf);
}

void gx_xmlw_text(gx_xmlw *x, const char *text)
{
    char *c = gx_xml_clean(text);
    check(x, xmlTextWriterWriteString(x->w, BAD_CAST c));
    free(c);
}

gx_status gx_xmlw_finish(gx_xmlw *x, gx_error *err)
{
    check(x, xmlTextWriterEndDocument(x->w));
    check(x, xmlTextWriterFlush(x->w));
    xmlFreeTextWriter(x->w); /* closes the output buffer, not the stream */
    x->w = NULL;
    if (x->rc < 0) {
        gx_error_set(err, GX_ERR_IO, x->file.path, -1, -1, "writing failed (libxml2)");
        gx_atomic_abort(&x->file);
        return GX_ERR_IO;
    }
    return gx_atomic_commit(&x->file, err);
}

void gx_fmt_double(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        v = 0;
    for (int prec = 6; prec <= 17; prec++) {
        snprintf(buf, size, "%.*g", prec, v);
        if (strtod(buf, NULL) == v)
            return;
    }
}

char *gx_dates_join(const gx_dates *d)
{
    gx_buf b;
    gx_buf_init(&b);
    for (size_t i = 0; i < d->n; i++) {
        char s[11];
        gx_date_format(d->v[i], s);
        if (i)
            gx_buf_addc(&b, '|');
        gx_buf_adds(&b, s);
    }
    return gx_buf_take(&b);
}

size_t gx_spells(const gx_dates *d, gx_date (*out)[2])
{
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
        if (n && gx_date_add_days(out[n - 1][1], 1) == d->v[i]) {
            out[n - 1][1] = d->v[i];
            continue;
        }
        out[n][0] = out[n][1] = d->v[i];
        n++;
    }
    return n;
}
