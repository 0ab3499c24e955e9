/* words.c — a small set of words for one article (its officials' forms, its firms' aliases), each
 * with a value: a table keyed by the first character, built in a few stores a word, and a filter
 * of first characters for the scan; reading it is inline, in internal.h. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

enum { BUCKETS_MIN = 16 };

static void rehash(gx_words *ws, size_t buckets)
{
    free(ws->head);
    ws->buckets = buckets;
    ws->head = gx_xmalloc(buckets * sizeof *ws->head);
    memset(ws->head, 0xFF, buckets * sizeof *ws->head);
    for (size_t k = 0; k < ws->n; k++) {
        gx_word *w = &ws->w[k];
        size_t b = gx_words_bucket(ws, gx_words_char(ws->text.data + w->at, w->len, &(size_t){0}));
        w->next = ws->head[b];
        ws->head[b] = (int32_t)k;
    }
}

void gx_words_init(gx_words *ws, size_t words, size_t bytes)
{
    *ws = (gx_words){0};
    GX_GROW(ws->w, ws->cap, words ? words : 1);
    gx_buf_reserve(&ws->text, bytes);
    size_t buckets = BUCKETS_MIN;
    while (buckets * 2 < words)
        buckets *= 2;
    rehash(ws, buckets);
}

void gx_words_destroy(gx_words *ws)
{
    free(ws->w);
    free(ws->head);
    gx_buf_destroy(&ws->text);
    *ws = (gx_words){0};
}

int32_t gx_words_add(gx_words *ws, const char *w, size_t len, int32_t value)
{
    if (!len)
        return -1;
    const gx_word *had = gx_words_at(ws, w, len, true);
    if (had)
        return had->value;
    if (ws->n + 1 > ws->buckets * 2)
        rehash(ws, ws->buckets * 2);
    size_t k;
    uint32_t c = gx_words_char(w, len, &k);
    if (k == 3) {
        unsigned b = gx_words_first_bit((const unsigned char *)w);
        ws->first[b >> 6] |= 1ull << (b & 63);
    }
    ws->four |= k == 4;
    size_t b = gx_words_bucket(ws, c);
    GX_GROW(ws->w, ws->cap, ws->n + 1);
    ws->w[ws->n] = (gx_word){ws->text.len, len, ws->head[b], value};
    ws->head[b] = (int32_t)ws->n++;
    gx_buf_add(&ws->text, w, len);
    return -1;
}
