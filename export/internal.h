/* internal.h — helpers the exporters share: XML writer set-up, string cleaning, date spells. */
#ifndef GX_EXPORT_INTERNAL_H
#define GX_EXPORT_INTERNAL_H

#include <libxml/xmlwriter.h>

#include "gx_export.h"

/* A copy of s that XML 1.0 can carry: no control characters (tab, newline kept
 * as space), no U+FFFE/U+FFFF, invalid UTF-8 replaced by U+FFFD. */
char *gx_xml_clean(const char *s);

/* A writer streaming into a temporary beside path; gx_xmlw_finish puts it in place if every
 * write succeeded (and removes it otherwise), so memory does not grow with the document. */
typedef struct gx_xmlw {
    gx_atomic file;
    xmlTextWriterPtr w;
    int rc; /* first failure (< 0) */
} gx_xmlw;
gx_status gx_xmlw_open(gx_xmlw *x, const char *path, gx_error *err);
gx_status gx_xmlw_finish(gx_xmlw *x, gx_error *err); /* frees the writer */
void gx_xmlw_start(gx_xmlw *x, const char *element);
void gx_xmlw_end(gx_xmlw *x);
void gx_xmlw_attr(gx_xmlw *x, const char *name, const char *value); /* cleans value */
void gx_xmlw_attrf(gx_xmlw *x, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void gx_xmlw_text(gx_xmlw *x, const char *text);

/* A double as the shortest text that reads back the same; NaN/Inf as 0. */
void gx_fmt_double(double v, char *buf, size_t size);
/* Dates joined by '|' (YYYY-MM-DD). */
char *gx_dates_join(const gx_dates *d);
/* Merges consecutive days into [start, end] spells; returns the count. */
size_t gx_spells(const gx_dates *d, gx_date (*out)[2]);

#endif
