/* internal.h — what the ingest stage's readers share; not part of the public API. */
#ifndef GX_INGEST_INTERNAL_H
#define GX_INGEST_INTERNAL_H

#include "gx_ingest.h"

/* One document as a reader found it, before normalisation and dating. */
typedef struct gx_doc {
    char *id;     /* may be NULL */
    char *title;  /* may be NULL */
    char *source; /* may be NULL */
    gx_date date; /* from the document itself (HTML meta, JSONL field); 0 if none */
    char *text;   /* UTF-8 with '\n' paragraph ends */
    bool lost;    /* part of the text could not be read (HTML nested too deep); reported */
} gx_doc;

void gx_doc_destroy(gx_doc *d);

/* HTML article page: title, date, main text.  `html` is clean UTF-8. */
gx_status gx_html_read(const char *name, const char *html, size_t len, gx_doc *doc,
                       const gx_diag *diag, gx_error *err);

/* Appends one gx_doc per good JSONL line; bad lines are reported and skipped.
 * Returns the number of bad lines in *bad. */
void gx_jsonl_read(const char *name, const char *data, size_t len, gx_doc **docs, size_t *n,
                   size_t *bad, const gx_diag *diag);

#endif
