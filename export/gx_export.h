/* gx_export.h — the export stage: a built network as GraphML, GEXF 1.3 (dynamic), or Gephi CSV
 * tables; articles with their mentions as JSONL.
 *
 * Every file is written to a temporary name and renamed when complete, so a
 * failed run leaves any earlier output untouched.  Strings are cleaned of
 * characters XML cannot carry.  Output bytes depend only on the network. */
#ifndef GX_EXPORT_H
#define GX_EXPORT_H

#include <stdio.h>

#include "gx_common.h"
#include "gx_graph.h"
#include "gx_ingest.h"
#include "gx_ner.h"

typedef enum gx_out_format { GX_OUT_UNKNOWN = 0, GX_OUT_GRAPHML, GX_OUT_GEXF, GX_OUT_CSV, GX_OUT_JSONL } gx_out_format;
/* From the extension: .graphml, .gexf, .csv, .jsonl */
gx_out_format gx_export_format(const char *path);

gx_status gx_export_graphml(const gx_network *n, const char *path, gx_error *err);
gx_status gx_export_gexf(const gx_network *n, const char *path, gx_error *err);
/* Writes PATH with ".csv" replaced by ".nodes.csv" and ".edges.csv". */
gx_status gx_export_csv(const gx_network *n, const char *path, gx_error *err);

/* One article as one JSON line (id, source, kind, date, event_date, title, text,
 * journalists, mentions, events).  Returns GX_ERR_IO if the stream fails. */
gx_status gx_export_article_jsonl(FILE *fp, const gx_article *a, const gx_extraction *x);
/* The same line, appended to out. */
void gx_export_article_json(gx_buf *out, const gx_article *a, const gx_extraction *x);

/* Is this JSON line one that gx_export_article_jsonl wrote (it has text and mentions)? */
bool gx_jsonl_is_extracted(const char *line, size_t len);
/* Reads such a line back into an article (text, dates, sentences, journalists) and its
 * extraction, so later commands need not run NER again.  Both are filled even on error and
 * are the caller's to destroy. */
gx_status gx_jsonl_read_extracted(const char *line, size_t len, gx_article *a, gx_extraction *x, gx_error *err);

#endif
