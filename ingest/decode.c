/* decode.c — raw bytes to clean UTF-8: BOMs, UTF-16, GB18030 detection, bad bytes, controls. */
#include "gx_ingest.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static bool has_prefix(const char *s, size_t len, const char *p, size_t plen)
{
    return len >= plen && memcmp(s, p, plen) == 0;
}

/* Magic numbers of the binary files people most often mistake for text. */
static const char *binary_magic(const char *s, size_t len)
{
    static const struct {
        const char *magic;
        size_t len;
        const char *name;
    } m[] = {
        {"\x89PNG\r\n\x1a\n", 8, "a PNG image"}, {"\xFF\xD8\xFF", 3, "a JPEG image"},
        {"GIF87a", 6, "a GIF image"},            {"GIF89a", 6, "a GIF image"},
        {"%PDF-", 5, "a PDF document"},          {"PK\x03\x04", 4, "a ZIP archive (or DOCX/XLSX)"},
        {"\x7F" "ELF", 4, "an executable"},      {"\x1F\x8B", 2, "a gzip archive"},
        {"\xD0\xCF\x11\xE0", 4, "an OLE document (DOC/XLS)"}, {"BZh", 3, "a bzip2 archive"},
        {"\xFD" "7zXZ", 5, "an xz archive"},     {"RIFF", 4, "a RIFF media file"},
    };
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (has_prefix(s, len, m[i].magic, m[i].len))
            return m[i].name;
    return NULL;
}

/* Share of control bytes (other than \t \n \r \f ESC) in the first 64 KiB. */
static bool looks_binary(const char *s, size_t len)
{
    size_t n = len < 65536 ? len : 65536, ctl = 0, i = 0;
#ifdef __SSE2__
    /* sixteen bytes a step (every x86-64), each byte's tally summed before it can pass 255 */
    const __m128i below = _mm_set1_epi8(0x1F), zero = _mm_setzero_si128();
    const __m128i tab = _mm_set1_epi8('\t'), nl = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'),
                  ff = _mm_set1_epi8('\f'), esc = _mm_set1_epi8(0x1B);
    while (i + 16 <= n) {
        __m128i tally = zero;
        for (int k = 0; k < 255 && i + 16 <= n; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, below), below); /* v <= 0x1F */
            __m128i ok = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, tab), _mm_cmpeq_epi8(v, nl)),
                                      _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, ff)),
                                                   _mm_cmpeq_epi8(v, esc)));
            tally = _mm_sub_epi8(tally, _mm_andnot_si128(ok, low)); /* +1 per control byte */
        }
        __m128i sums = _mm_sad_epu8(tally, zero);
        ctl += (size_t)_mm_cvtsi128_si64(sums) + (size_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(sums, sums));
    }
#endif
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1B)
            ctl++;
    }
    return n >= 16 && ctl * 10 > n;
}

/* Counts valid multi-byte UTF-8 sequences and invalid bytes. */
static void utf8_census(const char *s, size_t len, size_t *valid_mb, size_t *invalid)
{
    const unsigned char *u = (const unsigned char *)s;
    *valid_mb = *invalid = 0;
    for (size_t i = 0; i < len;) {
        if (u[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (n) {
            (*valid_mb)++;
            i += n;
        } else {
            (*invalid)++;
            i++;
        }
    }
}

typedef struct bad_bytes {
    size_t count;
    long first;
} bad_bytes;

static void note_bad(bad_bytes *b, size_t off)
{
    if (!b->count)
        b->first = (long)off;
    b->count++;
}

/* Converts with iconv; undecodable bytes become U+FFFD. */
static bool convert(const char *from, const char *s, size_t len, gx_buf *out, bad_bytes *bad)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1)
        return false;
    char *in = (char *)s;
    size_t left = len;
    while (left) {
        gx_buf_reserve(out, left * 2 + 16);
        char *o = out->data + out->len;
        size_t room = out->cap - out->len - 1;
        size_t r = iconv(cd, &in, &left, &o, &room);
        out->len = (size_t)(o - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG)
            continue;
        /* EILSEQ or EINVAL (truncated at the end): replace one byte and go on. */
        note_bad(bad, (size_t)(in - s));
        gx_buf_add_cp(out, 0xFFFD);
        in++;
        left--;
    }
    iconv_close(cd);
    return true;
}

/* Copies UTF-8 to out: bad bytes become U+FFFD, CR/CRLF become LF, controls
 * (C0 other than \n, DEL, C1) and U+FEFF are dropped, tabs become spaces.
 * Offsets reported in `bad`/`ctl` are `base` + position. */
static void clean_utf8(const char *s, size_t len, gx_buf *out, bad_bytes *bad, bad_bytes *ctl,
                       bool offsets_are_raw)
{
    const unsigned char *u = (const unsigned char *)s;
    gx_buf_reserve(out, len);
    for (size_t i = 0; i < len;) {
        size_t run = gx_utf8_plain_run(s + i, len - i, true); /* copied as it is */
        gx_buf_add(out, u + i, run);
        i += run;
        if (i == len)
            break;
        unsigned char c = u[i];
        if (c < 0x80) {
            if (c == '\r') {
                gx_buf_addc(out, '\n');
                i += (i + 1 < len && u[i + 1] == '\n') ? 2 : 1;
                continue;
            }
            if (c == '\t' || c == '\f' || c == '\v')
                gx_buf_addc(out, c == '\t' ? ' ' : '\n');
            else if (c == '\n' || (c >= 0x20 && c != 0x7F))
                gx_buf_addc(out, (char)c);
            else
                note_bad(ctl, i);
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = gx_utf8_decode(u + i, len - i, &cp);
        if (!n) {
            if (offsets_are_raw || !(c == 0xEF && i + 2 < len && u[i + 1] == 0xBF && u[i + 2] == 0xBD))
                note_bad(bad, i);
            gx_buf_add_cp(out, 0xFFFD);
            i++;
            continue;
        }
        if ((cp >= 0x80 && cp <= 0x9F) || cp == 0xFEFF)
            note_bad(ctl, i);
        else if (cp == 0x2028 || cp == 0x2029)
            gx_buf_addc(out, '\n');
        else
            gx_buf_add(out, u + i, n);
        i += n;
    }
}

gx_status gx_ingest_decode(const char *name, const char *raw, size_t len, gx_buf *out,
                           const gx_diag *diag, gx_error *err)
{
    const char *magic = binary_magic(raw, len);
    if (magic)
        return gx_error_set(err, GX_ERR_BINARY, name, -1, 0,
                            "this is %s, not text; skipped", magic);

    bad_bytes bad = {0, -1}, ctl = {0, -1};
    const char *encoding = "UTF-8";
    gx_buf tmp;
    gx_buf_init(&tmp);
    const char *s = raw;
    size_t n = len;
    bool raw_offsets = true;

    if (has_prefix(raw, len, "\xEF\xBB\xBF", 3)) {
        s += 3;
        n -= 3;
    } else if (has_prefix(raw, len, "\xFF\xFE", 2) || has_prefix(raw, len, "\xFE\xFF", 2)) {
        encoding = raw[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        convert(encoding, raw + 2, len - 2, &tmp, &bad);
        s = tmp.data ? tmp.data : "";
        n = tmp.len;
        raw_offsets = false;
    } else if (looks_binary(raw, len)) {
        return gx_error_set(err, GX_ERR_BINARY, name, -1, 0,
                            "binary data (control bytes in more than 10%% of the first 64 KiB); skipped");
    } else {
        /* Most pages are valid UTF-8: cleaning them as such is the one reading they need.  A page
         * with bad bytes is counted, and if it is mostly invalid with many high bytes (a legacy
         * Chinese encoding) cleaned again from GB18030 instead. */
        size_t at = out->len;
        clean_utf8(raw, len, out, &bad, &ctl, true);
        size_t valid_mb = 0, invalid = 0;
        if (bad.count)
            utf8_census(raw, len, &valid_mb, &invalid);
        if (invalid > 0 && invalid * 4 > valid_mb) {
            gx_buf gb;
            gx_buf_init(&gb);
            bad_bytes gbad = {0, -1};
            if (convert("GB18030", raw, len, &gb, &gbad) && gbad.count * 20 <= invalid) {
                encoding = "GB18030";
                tmp = gb;
                bad = gbad;
                ctl = (bad_bytes){0, -1};
                raw_offsets = false; /* the converted text's offsets are no bytes of the file */
                out->len = at; /* what the first cleaning wrote goes */
                if (out->data)
                    out->data[at] = '\0';
                clean_utf8(tmp.data ? tmp.data : "", tmp.len, out, &bad, &ctl, raw_offsets);
            } else {
                gx_buf_destroy(&gb);
            }
        }
        s = NULL; /* cleaned */
    }

    if (s)
        clean_utf8(s, n, out, &bad, &ctl, raw_offsets);
    gx_buf_destroy(&tmp);
    if (!out->data)
        gx_buf_reserve(out, 0);

    if (strcmp(encoding, "UTF-8") != 0)
        gx_diag_emit(diag, GX_NOTE, name, -1, -1, "decoded as %s", encoding);
    if (bad.count)
        gx_diag_emit(diag, GX_WARNING, name, -1, bad.first,
                     "%zu invalid %s byte%s replaced with U+FFFD (first shown)", bad.count, encoding,
                     bad.count == 1 ? "" : "s");
    if (ctl.count)
        gx_diag_emit(diag, GX_WARNING, name, -1, raw_offsets ? ctl.first : -1,
                     "%zu control character%s (NUL, C0/C1) dropped", ctl.count,
                     ctl.count == 1 ? "" : "s");
    return GX_OK;
}
