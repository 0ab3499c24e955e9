/* words.c — a small set of words for one article (its officials' forms, its firms' aliases), each
 * with a value: a table keyed by the first character, built in a few stores a word, and a filter
 * of first characters for the scan; reading it is inline, in internal.h. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* Keeps c, the three-byte first character of a word just added, among the set's first characters
 * if it is a Han one (gx_words_next stops at no other) and not there yet. */
static void add_first(gx_words *ws, uint32_t c)
{
    if (!gx_cp_is_han(gx_packed_cp(c)) || ws->nfirst > GX_WORDS_FIRSTS)
        return;
    for (size_t k = 0; k < ws->nfirst; k++)
        if (ws->han_first[k] == c)
            return;
    if (ws->nfirst < GX_WORDS_FIRSTS)
        ws->han_first[ws->nfirst] = c;
    ws->nfirst++;
}

/* Is the character at u (three bytes there) one of the set's first characters? */
static bool is_first(const gx_words *ws, const unsigned char *u)
{
    uint32_t c = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
    for (size_t k = 0; k < ws->nfirst; k++)
        if (ws->han_first[k] == c)
            return true;
    return false;
}

size_t gx_words_next_few(const gx_words *ws, const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t nf = ws->nfirst;
    if (!nf)
        return len;
#ifdef __SSE2__
    __m128i b0[GX_WORDS_FIRSTS], b1[GX_WORDS_FIRSTS], b2[GX_WORDS_FIRSTS];
    for (size_t k = 0; k < nf; k++) {
        uint32_t c = ws->han_first[k];
        b0[k] = _mm_set1_epi8((char)(c >> 16));
        b1[k] = _mm_set1_epi8((char)(c >> 8 & 0xFF));
        b2[k] = _mm_set1_epi8((char)(c & 0xFF));
    }
    for (; i + 18 <= len; i += 16) { /* places i … i + 15, each with its two bytes after */
        __m128i v0 = _mm_loadu_si128((const __m128i *)(const void *)(u + i)),
                v1 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 1)),
                v2 = _mm_loadu_si128((const __m128i *)(const void *)(u + i + 2)), hit = _mm_setzero_si128();
        for (size_t k = 0; k < nf; k++)
            hit = _mm_or_si128(hit, _mm_and_si128(_mm_and_si128(_mm_cmpeq_epi8(v0, b0[k]), _mm_cmpeq_epi8(v1, b1[k])),
                                                  _mm_cmpeq_epi8(v2, b2[k])));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i + 3 <= len; i++)
        if (u[i] - 0xE3u < 0xF0u - 0xE3u && is_first(ws, u + i))
            return i;
    return len;
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
        add_first(ws, c);
    }
    ws->four |= k == 4;
    size_t b = gx_words_bucket(ws, c);
    GX_GROW(ws->w, ws->cap, ws->n + 1);
    ws->w[ws->n] = (gx_word){ws->text.len, len, ws->head[b], value};
    ws->head[b] = (int32_t)ws->n++;
    gx_buf_add(&ws->text, w, len);
    return -1;
}
