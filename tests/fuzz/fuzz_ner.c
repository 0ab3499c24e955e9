/* fuzz_ner.c — libFuzzer target: any bytes read as a page (decoded, split, normalised) and every
 * article through the recognisers with the real lexicons (home 330482), after the page's officials
 * and firms were collected and merged as the corpus's.  Every mention must lie inside its
 * article's text, at character boundaries, with a valid UTF-8 name; every event must name an
 * official and a company and point at a sentence of the text; and extracting from what collecting
 * read in the article (as pass 2 does) must give what extracting afresh gives. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gx_ingest.h"
#include "gx_ner.h"

static gx_lexicon *lex;

static void quiet(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    (void)ctx, (void)sev, (void)file, (void)line, (void)offset, (void)msg;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    gx_error err;
    gx_error_clear(&err);
    /* with a home, so that the home towns' short forms are read too */
    if (gx_lexicon_load(GX_DATA_DIR, &lex, &err) != GX_OK || gx_lexicon_set_home(lex, "330482", &err) != GX_OK) {
        fprintf(stderr, "fuzz_ner: cannot load the lexicons from %s: %s\n", GX_DATA_DIR, err.msg);
        exit(1);
    }
    return 0;
}

static bool boundary(const char *s, size_t len, size_t p)
{
    return p == len || ((unsigned char)s[p] & 0xC0) != 0x80;
}

static bool valid(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = gx_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        if (!n)
            return false;
        i += n;
    }
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gx_ingest_options opt;
    gx_ingest_options_init(&opt);
    opt.diag = (gx_diag){quiet, NULL};
    opt.max_article_bytes = 1 << 16;
    gx_article_list arts;
    gx_article_list_init(&arts);
    gx_error err;
    gx_error_clear(&err);
    gx_ingest_buffer("fuzz.txt", (const char *)data, size, GX_FMT_TEXT, &opt, &arts, &err);
    /* as the CLI does: each article's officials and firms, merged into the corpus's */
    gx_first_read **first = gx_xcalloc(arts.n + 1, sizeof *first);
    gx_names *known = gx_names_of_articles(lex, arts.v, arts.n, first);
    for (size_t i = 0; i < arts.n; i++) {
        const gx_article *a = &arts.v[i];
        gx_extraction x, after;
        gx_extraction_init(&x);
        gx_ner_extract(lex, known, a, &x);
        /* starting from what collecting read gives the same */
        gx_extraction_init(&after);
        gx_ner_extract_after(lex, known, a, first[i], &after);
        if (!gx_extraction_equal(&x, &after))
            abort();
        gx_extraction_destroy(&after);
        for (size_t k = 0; k < x.n; k++) {
            const gx_mention *m = &x.m[k];
            if (m->span.start > m->span.end || m->span.end > a->len || !boundary(a->text, a->len, m->span.start) ||
                !boundary(a->text, a->len, m->span.end) || !*m->name || !valid(m->name) || !valid(m->titles) ||
                !valid(m->aliases) || !valid(m->code) || !valid(m->parent) ||
                (k && x.m[k - 1].span.start > m->span.start))
                abort();
        }
        for (size_t k = 0; k < x.nev; k++) {
            const gx_event *e = &x.ev[k];
            if (!*e->official || !*e->company || e->evidence.end > a->len || e->evidence.start > e->evidence.end)
                abort();
        }
        gx_extraction_destroy(&x);
    }
    free(first);
    gx_names_free(known);
    gx_article_list_destroy(&arts);
    return 0;
}
