/* gx_utf8.c — strict UTF-8 decoding and the character classes guanxi needs. */
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

size_t gx_utf8_valid_prefix(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            uint64_t w;
            while (i + 8 <= len && (memcpy(&w, u + i, 8), !(w & 0x8080808080808080ull)))
                i += 8;
            while (i < len && u[i] < 0x80)
                i++;
            continue;
        }
        if (gx_utf8_plain3(u + i, len - i)) { /* the commonest case, inline */
            i += 3;
            continue;
        }
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!n)
            return i;
        i += n;
    }
    return len;
}

/* Characters are the bytes that are not continuation bytes (10xxxxxx).  With SSE2 (every x86-64)
 * sixteen bytes are tested at a step: a continuation byte is one below -64 as a signed byte, and
 * the per-byte tallies are summed into the total before any can pass 255. */
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
    for (; i < len; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return len - cont;
}

bool gx_cp_is_cjk_punct(uint32_t cp)
{
    return (cp >= 0x3000 && cp <= 0x303F && cp != 0x3007) || (cp >= 0xFF00 && cp <= 0xFFEF) ||
           (cp >= 0x2010 && cp <= 0x206F) || cp == 0x00B7;
}
