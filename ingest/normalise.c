/* normalise.c — page text to running text: width folding, padding spaces, wrapped lines, sentences. */
#include "gx_ingest.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* The ASCII byte the character at byte i of u (len bytes, valid UTF-8) folds to — full-width ASCII
 * U+FF01–U+FF5E to its ASCII form, the ideographic space U+3000 and U+00A0 to a space — and, in
 * *n, its bytes; 0 for a character that stays as it is. */
static unsigned char fold_at(const unsigned char *u, size_t i, size_t len, size_t *n)
{
    unsigned c = u[i];
    if (c == 0xC2) {
        *n = 2;
        return i + 1 < len && u[i + 1] == 0xA0 ? ' ' : 0;
    }
    *n = 3;
    if (i + 2 >= len)
        return 0;
    if (c == 0xE3)
        return u[i + 1] == 0x80 && u[i + 2] == 0x80 ? ' ' : 0;
    if (u[i + 1] == 0xBC && u[i + 2] >= 0x81) /* EF BC 81–BF: U+FF01–U+FF3F, ! to _ */
        return (unsigned char)(u[i + 2] - 0x60);
    if (u[i + 1] == 0xBD && u[i + 2] <= 0x9E) /* EF BD 80–9E: U+FF40–U+FF5E, ` to ~ */
        return (unsigned char)(u[i + 2] - 0x20);
    return 0;
}

/* Sentence-final characters (after folding). */
static bool is_terminal(uint32_t cp)
{
    return cp == 0x3002 /* 。 */ || cp == '!' || cp == '?' || cp == 0x2026 /* … */;
}

static bool is_closing(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F || cp == ')' ||
           cp == '"';
}

static bool is_ascii_word(uint32_t cp)
{
    return cp < 0x80 && cp != ' ' && cp > 0x20;
}

typedef struct line {
    size_t start, end; /* in the folded buffer, trimmed */
    size_t width;      /* in characters */
} line;

/* Does the line end a sentence (terminal mark, perhaps followed by closing quotes)? */
static bool line_ends_sentence(const char *s, const line *l)
{
    size_t p = l->end;
    while (p > l->start) {
        size_t q = gx_utf8_prev(s, p);
        uint32_t cp = gx_utf8_at(s + q, NULL);
        if (is_terminal(cp))
            return true;
        if (!is_closing(cp))
            return false;
        p = q;
    }
    return false;
}

/* Appends a line's text with padding spaces removed: a run of spaces is kept
 * (as one) only between two ASCII word characters.  The text between spaces is copied whole. */
static void add_line(gx_buf *out, const char *s, const line *l)
{
    uint32_t prev = 0;
    size_t i = l->start;
    while (i < l->end) {
        if (s[i] == ' ') {
            size_t j = i;
            while (j < l->end && s[j] == ' ')
                j++;
            uint32_t next = j < l->end ? gx_utf8_at(s + j, NULL) : 0;
            if (is_ascii_word(prev) && is_ascii_word(next))
                gx_buf_addc(out, ' ');
            i = j;
            continue;
        }
        const char *sp = memchr(s + i, ' ', l->end - i);
        size_t e = sp ? (size_t)(sp - s) : l->end;
        gx_buf_add(out, s + i, e - i);
        prev = gx_utf8_at(s + gx_utf8_prev(s, e), NULL);
        i = e;
    }
}

/* How many bytes from s (n of them) are none of the nset bytes of set: sixteen at a step with
 * SSE2 (every x86-64), then one at a time.  Always inline, so that a constant set unrolls. */
static inline __attribute__((always_inline)) size_t run_without(const char *s, size_t n, const char *set,
                                                                size_t nset)
{
    size_t i = 0;
#ifdef __SSE2__
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i)), hit = _mm_setzero_si128();
        for (size_t k = 0; k < nset; k++)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(set[k])));
        unsigned m = (unsigned)_mm_movemask_epi8(hit);
        if (m)
            return i + (size_t)__builtin_ctz(m);
    }
#endif
    for (; i < n; i++)
        for (size_t k = 0; k < nset; k++)
            if (s[i] == set[k])
                return i;
    return i;
}

/* The bytes that begin a character that may fold (fold_at). */
static const char FOLD_LEADS[] = "\xEF\xE3\xC2";

void gx_ingest_normalise(const char *text, size_t len, gx_buf *out)
{
    /* 1. Fold widths: the text between two characters that fold is copied whole, and folding never
     * lengthens it. */
    gx_buf f;
    gx_buf_init(&f);
    gx_buf_reserve(&f, len);
    gx_buf_reserve(out, len + 1);
    const unsigned char *u = (const unsigned char *)text;
    size_t copied = 0; /* text[0 .. copied) is in f */
    for (size_t i = 0, n; i < len; i += n) {
        i += run_without(text + i, len - i, FOLD_LEADS, sizeof FOLD_LEADS - 1); /* to a character that may */
        if (i >= len)
            break;
        unsigned char folded = fold_at(u, i, len, &n);
        if (!folded) {
            n = i + n <= len ? n : len - i;
            continue;
        }
        memcpy(f.data + f.len, text + copied, i - copied);
        f.len += i - copied;
        f.data[f.len++] = (char)folded;
        copied = i + n;
    }
    if (len > copied) { /* (text may be NULL when len is 0) */
        memcpy(f.data + f.len, text + copied, len - copied);
        f.len += len - copied;
    }
    f.data[f.len] = '\0';
    const char *s = f.data;

    /* 2. Trimmed lines; blank ones are remembered as gaps. */
    line *lines = NULL;
    bool *gap_before = NULL;
    size_t nl = 0, cap = 0, gcap = 0, maxw = 0;
    bool gap = false;
    GX_GROW(lines, cap, f.len / 48 + 8); /* room for lines of 16 characters at once */
    GX_GROW(gap_before, gcap, cap);
    for (size_t i = 0; i <= f.len;) {
        const char *nl_at = memchr(s + i, '\n', f.len - i);
        size_t e = nl_at ? (size_t)(nl_at - s) : f.len;
        size_t a = i, b = e;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        if (a == b) {
            gap = nl > 0;
        } else {
            GX_GROW(lines, cap, nl + 1);
            GX_GROW(gap_before, gcap, nl + 1);
            lines[nl] = (line){a, b, gx_utf8_count(s + a, b - a)};
            gap_before[nl] = gap;
            if (lines[nl].width > maxw)
                maxw = lines[nl].width;
            nl++;
            gap = false;
        }
        i = e + 1;
    }

    /* 3. Join: a line that ends a sentence ends its paragraph when a blank
     * line follows or it is clearly shorter than the column. */
    for (size_t k = 0; k < nl; k++) {
        if (k > 0) {
            const line *pl = &lines[k - 1];
            bool para = line_ends_sentence(s, pl) &&
                        (gap_before[k] || pl->width * 10 < maxw * 8 || maxw > 60);
            if (para) {
                gx_buf_addc(out, '\n');
            } else {
                size_t q = gx_utf8_prev(s, pl->end);
                uint32_t last = gx_utf8_at(s + q, NULL);
                uint32_t first = gx_utf8_at(s + lines[k].start, NULL);
                if (is_ascii_word(last) && is_ascii_word(first))
                    gx_buf_addc(out, ' ');
            }
        }
        add_line(out, s, &lines[k]);
    }
    if (nl)
        gx_buf_addc(out, '\n');
    if (!out->data)
        gx_buf_reserve(out, 0);
    free(lines);
    free(gap_before);
    gx_buf_destroy(&f);
}

/* The bytes that may begin a line end or a sentence-final character in valid UTF-8: \n, !, ? and
 * the leads of … (E2) and 。 (E3). */
static const char TERMINAL_LEADS[] = "\n!?\xE2\xE3";

void gx_ingest_sentences(gx_article *a)
{
    free(a->sentences);
    a->sentences = NULL;
    a->n_sentences = 0;
    size_t cap = 0, start = 0, i = 0;
    const char *s = a->text;
    while (i < a->len) {
        i += run_without(s + i, a->len - i, TERMINAL_LEADS, sizeof TERMINAL_LEADS - 1); /* none ends one */
        if (i >= a->len)
            break;
        size_t n;
        uint32_t cp = gx_utf8_at(s + i, &n);
        size_t end = 0;
        if (cp == '\n') {
            end = i;
            i += n;
        } else if (is_terminal(cp)) {
            i += n;
            while (i < a->len) {
                size_t m;
                uint32_t c2 = gx_utf8_at(s + i, &m);
                if (!is_terminal(c2) && !is_closing(c2))
                    break;
                i += m;
            }
            end = i;
        } else {
            i += n;
            continue;
        }
        if (end > start) {
            GX_GROW(a->sentences, cap, a->n_sentences + 1);
            a->sentences[a->n_sentences++] = (gx_span){start, end};
        }
        start = i;
        while (start < a->len && s[start] == '\n')
            start++;
        i = start;
    }
    if (a->len > start) {
        GX_GROW(a->sentences, cap, a->n_sentences + 1);
        a->sentences[a->n_sentences++] = (gx_span){start, a->len};
    }
}
