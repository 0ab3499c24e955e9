/* gx_regex.c — PCRE2 compile/match wrapper with JIT, limits and error translation. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "gx_regex.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

struct gx_regex {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mctx;
    bool jit;
};

enum { MATCH_LIMIT = 1000000, DEPTH_LIMIT = 10000 };

static gx_regex *wrap(pcre2_code *code)
{
    gx_regex *re = gx_xcalloc(1, sizeof *re);
    re->code = code;
    re->jit = pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
    re->md = pcre2_match_data_create_from_pattern(code, NULL);
    re->mctx = pcre2_match_context_create(NULL);
    if (!re->md || !re->mctx) {
        fputs("guanxi: out of memory\n", stderr);
        exit(1);
    }
    pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
    return re;
}

gx_regex *gx_regex_new(const char *pattern, const char *where, gx_error *err)
{
    int code_err;
    PCRE2_SIZE off;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                     PCRE2_UTF | PCRE2_UCP, &code_err, &off, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code_err, msg, sizeof msg);
        gx_error_set(err, GX_ERR_PARSE, where, -1, (long)off, "bad pattern: %s", (char *)msg);
        return NULL;
    }
    return wrap(code);
}

gx_regex *gx_regex_clone(const gx_regex *re)
{
    pcre2_code *code = pcre2_code_copy(re->code);
    if (!code) {
        fputs("guanxi: out of memory\n", stderr);
        exit(1);
    }
    return wrap(code);
}

void gx_regex_free(gx_regex *re)
{
    if (!re)
        return;
    pcre2_match_data_free(re->md);
    pcre2_match_context_free(re->mctx);
    pcre2_code_free(re->code);
    free(re);
}

int gx_regex_match(gx_regex *re, const char *subject, size_t len, size_t start, long *ovec,
                   size_t n)
{
    int rc;
    if (re->jit)
        rc = pcre2_jit_match(re->code, (PCRE2_SPTR)subject, len, start, 0, re->md, re->mctx);
    else
        rc = pcre2_match(re->code, (PCRE2_SPTR)subject, len, start, PCRE2_NO_UTF_CHECK, re->md,
                         re->mctx);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0)
        return -1;
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(re->md);
    uint32_t have = pcre2_get_ovector_count(re->md);
    for (size_t i = 0; i < n; i++) {
        bool set = i < have && i < (size_t)rc && ov[2 * i] != PCRE2_UNSET;
        ovec[2 * i] = set ? (long)ov[2 * i] : -1;
        ovec[2 * i + 1] = set ? (long)ov[2 * i + 1] : -1;
    }
    return 1;
}
