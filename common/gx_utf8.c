/* gx_utf8.c — strict UTF-8 decoding, the character classes guanxi needs, and searching text. */
#include "gx_common.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

size_t gx_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    if (!len)
        return 0;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        v = c & 0x1F;
        min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        v = c & 0x0F;
        min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        v = c & 0x07;
        min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

/* The scalar rule of gx_utf8_plain_run for the character at u (left bytes): its length if it is
 * plain, else 0. */
static inline size_t plain_char(const unsigned char *u, size_t left, bool text)
{
    unsigned c = u[0];
    if (c < 0x80)
        return !text || ((c >= 0x20 || c == '\n') && c != 0x7F);
    if (!gx_utf8_plain3(u, left))
        return 0;
    if (text && ((c == 0xE2 && u[1] == 0x80 && (u[2] | 1) == 0xA9) || /* U+2028, U+2029 */
                 (c == 0xEF && u[1] == 0xBB && u[2] == 0xBF)))       /* U+FEFF */
        return 0;
    return 3;
}

#ifdef __SSE2__
/* gx_utf8_plain_run over the sixteen bytes at u: 16, or 15 or 14 when a three-byte character
 * starts at the 16th or 15th byte (its continuation bytes are the next step's), if every
 * character before is plain; else 0. */
static inline size_t plain16(const unsigned char *u, bool text)
{
    const __m128i v = _mm_loadu_si128((const __m128i *)u);
    __m128i ascii = _mm_cmpgt_epi8(v, _mm_set1_epi8(-1)); /* below 0x80 */
    if (text) /* printable or \n: 0x20–0x7E (positive and above 0x1F), or 0x0A */
        ascii = _mm_or_si128(_mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)),
                                              _mm_cmpgt_epi8(v, _mm_set1_epi8(0x1F))),
                             _mm_cmpeq_epi8(v, _mm_set1_epi8('\n')));
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80));
    __m128i lead = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED)), /* E1–EF but ED */
                                    _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8((char)0xE0)),
                                                  _mm_cmplt_epi8(v, _mm_set1_epi8((char)0xF0))));
    unsigned a = (unsigned)_mm_movemask_epi8(ascii), c = (unsigned)_mm_movemask_epi8(cont),
             l = (unsigned)_mm_movemask_epi8(lead);
    if ((a | l | c) != 0xFFFF || c != ((l << 1 | l << 2) & 0xFFFF))
        return 0; /* a byte of no plain character, or a continuation byte out of place */
    size_t n = l & 0x8000 ? 15 : l & 0x4000 ? 14 : 16;
    if (text) { /* E2 80 A8, E2 80 A9 and EF BB BF are not plain */
        unsigned e2 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
        unsigned ef = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)));
        if (!((e2 | ef) & ((1u << n) - 1)))
            return n; /* neither lead in the step (most of the benchmark corpus's steps) */
        unsigned x80 = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0x80)));
        unsigned a9 = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_or_si128(v, _mm_set1_epi8(1)), _mm_set1_epi8((char)0xA9)));
        unsigned bb = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xBB)));
        unsigned bf = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xBF)));
        unsigned bad = (e2 & x80 >> 1 & a9 >> 2) | (ef & bb >> 1 & bf >> 2);
        if (bad & ((1u << n) - 1))
            return 0;
    }
    return n;
}
#endif

size_t gx_utf8_plain_run(const char *s, size_t len, bool text)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
#ifdef __SSE2__
    for (size_t n; i + 16 <= len && (n = plain16(u + i, text)); i += n) {
    }
#endif
    for (size_t n; i < len && (n = plain_char(u + i, len - i, text)); i += n) {
    }
    return i;
}

size_t gx_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while ((i += gx_utf8_plain_run(s + i, len - i, false)) < len) {
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

static inline uint64_t load8(const char *s)
{
    uint64_t x;
    memcpy(&x, s, sizeof x);
    return x;
}

/* The continuation bytes among eight: those whose top bit is set and the next one clear. */
static inline size_t cont8(uint64_t x)
{
    uint64_t m = x & ~(x << 1) & 0x8080808080808080ull;
    return (size_t)((m >> 7) * 0x0101010101010101ull >> 56);
}

/* Characters are the bytes that are not continuation bytes (10xxxxxx).  With SSE2 (every x86-64)
 * sixteen bytes are tested at a step: a continuation byte is one below -64 as a signed byte, and
 * the per-byte tallies are summed into the total before any can pass 255; then eight at a step,
 * and the last few in one step over the last eight bytes. */
size_t gx_utf8_count(const char *s, size_t len)
{
    size_t i = 0, cont = 0;
#ifdef __SSE2__
    const __m128i below = _mm_set1_epi8(-64), zero = _mm_setzero_si128();
    while (i + 16 <= len) {
        __m128i tally = zero;
        for (int k = 0; k < 255 && i + 16 <= len; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            tally = _mm_sub_epi8(tally, _mm_cmplt_epi8(v, below)); /* +1 per continuation byte */
        }
        __m128i sums = _mm_sad_epu8(tally, zero); /* two 64-bit sums of eight bytes each */
        cont += (size_t)_mm_cvtsi128_si64(sums) + (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
    }
#endif
#if __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (; i + 8 <= len; i += 8)
        cont += cont8(load8(s + i));
    if (i < len && len >= 8) /* the rest: the last eight bytes, the ones counted shifted out */
        return len - cont - cont8(load8(s + len - 8) >> 8 * (8 - (len - i)));
#endif
    for (; i < len; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return len - cont;
}

bool gx_cp_is_cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x2010 && cp <= 0x206F) || cp == 0x00B7;
}

const char *gx_find(const char *s, size_t len, const char *needle, size_t n)
{
    if (n == 0)
        return s;
    if (n > len)
        return NULL;
    if (n == 1)
        return memchr(s, needle[0], len);
    size_t last = len - n, i = 0; /* the last place the needle fits */
#ifdef __SSE2__
    const __m128i first = _mm_set1_epi8(needle[0]), second = _mm_set1_epi8(needle[1]);
    for (; i + 17 <= len && i <= last; i += 16) { /* places i … i + 15, read with the byte after each */
        __m128i here = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        __m128i next = _mm_loadu_si128((const __m128i *)(const void *)(s + i + 1));
        unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(here, first), _mm_cmpeq_epi8(next, second)));
        for (; m; m &= m - 1) {
            size_t p = i + (size_t)__builtin_ctz(m);
            if (p > last)
                return NULL;
            if (memcmp(s + p + 2, needle + 2, n - 2) == 0)
                return s + p;
        }
    }
#endif
    for (; i <= last; i++)
        if (s[i] == needle[0] && s[i + 1] == needle[1] && memcmp(s + i + 2, needle + 2, n - 2) == 0)
            return s + i;
    return NULL;
}
