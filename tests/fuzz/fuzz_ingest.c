/* fuzz_ingest.c — libFuzzer target: any bytes through the ingest stage as a page, an HTML
 * article or a JSONL file (the first byte picks which), with the file and article limits on.
 * Every article that comes out must be valid UTF-8 with sentence spans inside its text. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gx_ingest.h"

static void quiet(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    (void)ctx, (void)sev, (void)file, (void)line, (void)offset, (void)msg;
}

/* The stage's promise: valid UTF-8, no control characters but '\n'. */
static bool clean(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = gx_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (!n || (cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp < 0xA0))
            return false;
        i += n;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const gx_format FMT[] = {GX_FMT_TEXT, GX_FMT_HTML, GX_FMT_JSONL};
    static const char *const NAME[] = {"fuzz.txt", "fuzz.html", "fuzz.jsonl"};
    int k = data[0] % 3;
    gx_ingest_options opt;
    gx_ingest_options_init(&opt);
    opt.diag = (gx_diag){quiet, NULL};
    opt.max_article_bytes = 4096; /* small, so that cutting articles in parts is explored too */
    size_t skipped = 0, cut = 0;
    opt.skipped = &skipped;
    opt.cut = &cut;
    gx_article_list out;
    gx_article_list_init(&out);
    gx_error err;
    gx_error_clear(&err);
    gx_ingest_buffer(NAME[k], (const char *)data + 1, size - 1, FMT[k], &opt, &out, &err);
    for (size_t i = 0; i < out.n; i++) {
        const gx_article *a = &out.v[i];
        if (!a->text || strlen(a->text) != a->len || !clean(a->text, a->len) || !a->title ||
            !clean(a->title, strlen(a->title)))
            abort();
        if (a->len > opt.max_article_bytes)
            abort();
        for (size_t s = 0; s < a->n_sentences; s++)
            if (a->sentences[s].start > a->sentences[s].end || a->sentences[s].end > a->len)
                abort();
    }
    gx_article_list_destroy(&out);
    return 0;
}
