/* gx_regex.h — a small PCRE2 adapter: UTF + UCP, JIT with interpreter fallback,
 * match limits, no UTF re-checking (callers pass validated UTF-8). */
#ifndef GX_REGEX_H
#define GX_REGEX_H

#include "gx_common.h"

typedef struct gx_regex gx_regex;

/* Compiles `pattern`; on failure returns NULL and fills err with the offset
 * of the problem in the pattern.  `where` names the pattern's origin
 * (e.g. "data/titles.tsv:12") for the message. */
gx_regex *gx_regex_new(const char *pattern, const char *where, gx_error *err);
void gx_regex_free(gx_regex *re);

/* Finds the first match at or after `start`.  Returns 1 and fills ovec[0..2*n)
 * (byte offsets; -1 for unset groups), 0 for no match, -1 when a match limit
 * stopped the search.  Not thread-safe per regex object: each thread must use
 * its own gx_regex (see gx_regex_clone). */
int gx_regex_match(gx_regex *re, const char *subject, size_t len, size_t start, long *ovec,
                   size_t n);
gx_regex *gx_regex_clone(const gx_regex *re);

#endif
