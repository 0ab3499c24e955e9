/* gx_common.h — the few types every guanxi stage shares: status codes, errors,
 * diagnostics, dates, growable buffers and vectors, a string map, UTF-8 helpers.
 *
 * Ownership: every _init/_new has a matching _destroy/_free; functions that
 * take a `const char *` copy it when they keep it.  Allocation failure is fatal
 * (gx_xmalloc prints "guanxi: out of memory" and exits 1), so no function here
 * reports it. */
#ifndef GX_COMMON_H
#define GX_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef enum gx_status {
    GX_OK = 0,
    GX_ERR_IO,       /* a file could not be read or written */
    GX_ERR_BINARY,   /* input is not text */
    GX_ERR_ENCODING, /* input text could not be decoded at all */
    GX_ERR_PARSE,    /* malformed input (JSON, manifest, lexicon, date) */
    GX_ERR_LIMIT,    /* a configured limit was exceeded */
    GX_ERR_USAGE,    /* the caller asked for something impossible */
    GX_ERR_EXTERNAL  /* a library (igraph, libxml2, pcre2) failed */
} gx_status;

const char *gx_status_str(gx_status st);

/* Where and why something failed.  `file` may be empty; line and offset are
 * -1 when unknown. */
typedef struct gx_error {
    gx_status status;
    char file[512];
    long line;
    long offset;
    char msg[512];
} gx_error;

void gx_error_clear(gx_error *err);
/* Fills `err` (if not NULL) and returns `st`.  `file` may be NULL. */
gx_status gx_error_set(gx_error *err, gx_status st, const char *file, long line, long offset,
                       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Formats "file:line: byte N: msg" into buf. */
void gx_error_format(const gx_error *err, char *buf, size_t size);

/* Warnings and errors that do not stop the work go to a sink.  The default
 * sink (NULL) prints "guanxi: file:line: msg" to stderr. */
typedef enum gx_severity { GX_NOTE, GX_WARNING, GX_ERROR } gx_severity;
typedef void (*gx_diag_fn)(void *ctx, gx_severity sev, const char *file, long line, long offset,
                           const char *msg);
typedef struct gx_diag {
    gx_diag_fn fn;
    void *ctx;
} gx_diag;
void gx_diag_emit(const gx_diag *diag, gx_severity sev, const char *file, long line, long offset,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The line gx_diag_emit prints when no diag function is given ("guanxi: warning: f:3: msg\n"). */
void gx_diag_format(char *out, size_t size, gx_severity sev, const char *file, long line, long offset,
                    const char *msg);

/* Allocation: fatal on failure. */
void *gx_xmalloc(size_t n);
void *gx_xcalloc(size_t n, size_t size);
void *gx_xrealloc(void *p, size_t n);
char *gx_xstrdup(const char *s);
char *gx_xstrndup(const char *s, size_t n);
/* Seconds on a monotonic clock (for reporting how long a stage took). */
double gx_seconds(void);
/* The most memory the process has held resident so far, in bytes (0 if the system does not say). */
size_t gx_peak_rss(void);
/* Grows *p (holding *cap elements of `size` bytes) to hold at least `need`. */
void gx_grow(void **p, size_t *cap, size_t need, size_t size);
/* The same for an array and its capacity; the common case (room already) is inline.  `need` is
 * evaluated twice: no side effects in it. */
#define GX_GROW(arr, cap, need) \
    ((need) <= (cap) ? (void)0 : gx_grow((void **)&(arr), &(cap), (need), sizeof *(arr)))

/* A growable byte buffer, always NUL-terminated when data != NULL. */
typedef struct gx_buf {
    char *data;
    size_t len, cap;
} gx_buf;
void gx_buf_init(gx_buf *b);
void gx_buf_destroy(gx_buf *b);
void gx_buf_reserve(gx_buf *b, size_t extra);
void gx_buf_clear(gx_buf *b); /* empties it, keeping its memory */
/* The adders are inline: JSON and XML are written a few bytes at a time. */
static inline void gx_buf_add(gx_buf *b, const void *p, size_t n)
{
    if (b->len + n >= b->cap)
        gx_buf_reserve(b, n);
    if (n)
        memcpy(b->data + b->len, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}
static inline void gx_buf_adds(gx_buf *b, const char *s)
{
    gx_buf_add(b, s, strlen(s));
}
static inline void gx_buf_addc(gx_buf *b, char c)
{
    if (b->len + 1 >= b->cap)
        gx_buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}
void gx_buf_addf(gx_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gx_buf_add_cp(gx_buf *b, uint32_t cp); /* one code point as UTF-8 */
void gx_buf_add_uint(gx_buf *b, uint64_t v); /* in decimal, without printf (hot paths) */
/* v in decimal into out (at least 21 bytes), NUL-terminated, without printf; returns its length. */
size_t gx_fmt_uint(char *out, uint64_t v);
/* Hands the bytes to the caller (never NULL) and resets the buffer. */
char *gx_buf_take(gx_buf *b);

/* Records packed into a buffer and read back by the same program (pass 1's readings spilled to a
 * temporary file for pass 2): numbers in seven-bit groups, low first, the high bit saying another
 * follows (most are spans and counts: one or two bytes), byte strings as their length and bytes.
 * A reader that runs out of bytes sets bad and reads zeros from then on. */
static inline void gx_pack_u64(gx_buf *b, uint64_t v)
{
    if (v < 0x80) { /* one byte: most are */
        gx_buf_addc(b, (char)v);
        return;
    }
    unsigned char out[10];
    size_t n = 0;
    for (; v >= 0x80; v >>= 7)
        out[n++] = (unsigned char)(v | 0x80);
    out[n++] = (unsigned char)v;
    gx_buf_add(b, out, n);
}
static inline void gx_pack_bytes(gx_buf *b, const void *p, size_t n)
{
    gx_pack_u64(b, n);
    gx_buf_add(b, p, n);
}
static inline void gx_pack_str(gx_buf *b, const char *s)
{
    if (!*s) /* most of a mention's fields */
        gx_buf_addc(b, 0);
    else
        gx_pack_bytes(b, s, strlen(s));
}
typedef struct gx_unpack {
    const char *p, *end;
    bool bad;
} gx_unpack;
uint64_t gx_unpack_u64(gx_unpack *u);
/* A count of things that take at least `each` bytes: 0, and bad set, if fewer bytes are left. */
uint64_t gx_unpack_count(gx_unpack *u, size_t each);
/* The next byte string, in place (*n its length; not NUL-terminated). */
const char *gx_unpack_bytes(gx_unpack *u, size_t *n);
/* The next byte string as a new NUL-terminated copy ("" on a short record). */
char *gx_unpack_str(gx_unpack *u);

/* A vector of owned strings. */
typedef struct gx_strvec {
    char **v;
    size_t n, cap;
} gx_strvec;
void gx_strvec_init(gx_strvec *sv);
void gx_strvec_destroy(gx_strvec *sv);
void gx_strvec_push(gx_strvec *sv, const char *s);          /* copies */
void gx_strvec_pushn(gx_strvec *sv, const char *s, size_t n); /* copies n bytes */
bool gx_strvec_contains(const gx_strvec *sv, const char *s);
/* Appends the non-empty parts of s split at sep ("a|b" -> a, b). */
void gx_strvec_split(gx_strvec *sv, const char *s, char sep);
void gx_strvec_sort(gx_strvec *sv);
/* Is `name` one of the parts of `list` split at sep ("a|b" holds a and b)? */
bool gx_list_has(const char *list, char sep, const char *name);
/* Joins with `sep` into a new string. */
char *gx_strvec_join(const gx_strvec *sv, const char *sep);

/* An open-addressing map from byte strings to int64 values.  Keys are copied into blocks the
 * map owns (one allocation for many keys, freed together). */
typedef struct gx_strmap_slot {
    const char *key; /* NULL: empty */
    size_t klen;
    int64_t val;
} gx_strmap_slot;
typedef struct gx_strmap {
    gx_strmap_slot *slots;
    size_t cap, n;
    char *block;             /* the newest block of key bytes; each begins with a pointer to the last */
    size_t block_used, block_cap;
} gx_strmap;
void gx_strmap_init(gx_strmap *m);
void gx_strmap_destroy(gx_strmap *m);
/* Returns a pointer to the value slot of key; inserts `dflt` if absent and
 * sets *added (if not NULL). */
int64_t *gx_strmap_put(gx_strmap *m, const char *key, size_t klen, int64_t dflt, bool *added);
/* Returns NULL when absent. */
int64_t *gx_strmap_get(const gx_strmap *m, const char *key, size_t klen);
uint64_t gx_hash(const void *p, size_t n);

/* An open-addressing map from uint64 keys (below UINT64_MAX) to int32 values, at most half full:
 * 12 bytes a slot, key and value side by side (one cache line for a lookup, mostly), for the hot
 * maps (the trie's edges, the graph's pairs). */
typedef struct gx_u64slot {
    uint32_t key[2]; /* key + 1, its 8 bytes as gx_u64slot_key reads them; 0 marks an empty slot */
    int32_t val;
} gx_u64slot;
typedef struct gx_u64map {
    gx_u64slot *slot;
    size_t slots, n;
} gx_u64map;
void gx_u64map_init(gx_u64map *m);
void gx_u64map_destroy(gx_u64map *m);
/* The stored key of a slot (key + 1; 0 if empty). */
static inline uint64_t gx_u64slot_key(const gx_u64slot *s)
{
    uint64_t k;
    memcpy(&k, s->key, sizeof k);
    return k;
}
/* The slot where the search for stored key k (key + 1) starts. */
static inline size_t gx_u64map_home(const gx_u64map *m, uint64_t k)
{
    return (size_t)((k * 0x9E3779B97F4A7C15ull) >> 32) & (m->slots - 1);
}
/* The slot of stored key k (key + 1), or the empty slot where it would go. */
static inline size_t gx_u64map_slot(const gx_u64map *m, uint64_t k)
{
    size_t mask = m->slots - 1;
    size_t s = gx_u64map_home(m, k);
    for (uint64_t at; (at = gx_u64slot_key(&m->slot[s])) && at != k;)
        s = (s + 1) & mask;
    return s;
}
/* The value of key, or -1 when absent (inline: the trie's lookups go through it). */
static inline int32_t gx_u64map_get(const gx_u64map *m, uint64_t key)
{
    if (!m->slots)
        return -1;
    const gx_u64slot *s = &m->slot[gx_u64map_slot(m, key + 1)];
    return gx_u64slot_key(s) ? s->val : -1;
}
/* Makes room for n keys in all, so that adding them moves none. */
void gx_u64map_reserve(gx_u64map *m, size_t n);
/* Returns a pointer to the value slot of key; inserts `dflt` if absent and sets *added. */
int32_t *gx_u64map_put(gx_u64map *m, uint64_t key, int32_t dflt, bool *added);

/* Dates are integers YYYYMMDD; 0 means unknown. */
typedef int32_t gx_date;
bool gx_date_valid(int y, int m, int d);
gx_date gx_date_make(int y, int m, int d); /* 0 if invalid */
gx_date gx_date_add_days(gx_date date, int days);
/* Parses YYYY-MM-DD (also YYYY/MM/DD, YYYY.MM.DD, YYYYMMDD, YYYY年M月D日) at
 * the start of s; returns 0 if there is none.  *used gets the bytes read. */
gx_date gx_date_parse(const char *s, size_t len, size_t *used);
/* Writes YYYY-MM-DD (or "" for 0) into out[11]. */
void gx_date_format(gx_date date, char out[11]);

/* UTF-8.  gx_utf8_decode reads one code point from valid or invalid input:
 * returns its length (1..4) and stores the code point, or returns 0 for an
 * invalid or truncated sequence (overlong forms and surrogates are invalid). */
size_t gx_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);
/* The length of the longest prefix of s that is valid UTF-8 (len when all of it is); a
 * sequence cut off by the end is invalid.  Faster than decoding: see gx_utf8_plain_run. */
size_t gx_utf8_valid_prefix(const char *s, size_t len);
/* The length of the longest prefix of s made of plain characters: ASCII (only printable ASCII
 * and newlines when `text`) and the three-byte sequences of gx_utf8_plain3 (but U+2028, U+2029
 * and U+FEFF when `text`) — most of a Chinese page.  Sixteen bytes at a step with SSE2. */
size_t gx_utf8_plain_run(const char *s, size_t len, bool text);
/* Is u (left bytes) a three-byte sequence valid whatever its continuation bytes hold (lead
 * E1–EC, EE or EF: never overlong, never a surrogate)?  Most of a Chinese page, tested inline. */
static inline bool gx_utf8_plain3(const unsigned char *u, size_t left)
{
    return left >= 3 && u[0] >= 0xE1 && u[0] <= 0xEF && u[0] != 0xED && (u[1] & 0xC0) == 0x80 &&
           (u[2] & 0xC0) == 0x80;
}
/* For text already known to be valid UTF-8. */
static inline size_t gx_utf8_len(unsigned char lead)
{
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}
/* Decodes valid UTF-8 (inline: every recogniser calls it per character). */
static inline uint32_t gx_utf8_at(const char *s, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = gx_utf8_len(u[0]);
    uint32_t cp;
    switch (n) {
    case 1: cp = u[0]; break;
    case 2: cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); break;
    case 3: cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F); break;
    default:
        cp = ((uint32_t)(u[0] & 0x07) << 18) | ((uint32_t)(u[1] & 0x3F) << 12) |
             ((uint32_t)(u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
    if (len)
        *len = n;
    return cp;
}
/* Start of the character before pos (0 at the start). */
static inline size_t gx_utf8_prev(const char *s, size_t pos)
{
    if (!pos)
        return 0;
    pos--;
    while (pos > 0 && ((unsigned char)s[pos] & 0xC0) == 0x80)
        pos--;
    return pos;
}
size_t gx_utf8_count(const char *s, size_t len); /* number of code points */
/* The first place in s (len bytes) where the n bytes of needle stand, or NULL, as memmem finds
 * it: for the short words the readers look for in a line, faster (the first two bytes are
 * sought sixteen places at a step). */
const char *gx_find(const char *s, size_t len, const char *needle, size_t n);
static inline bool gx_cp_is_han(uint32_t cp)
{
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3134F) || cp == 0x3007;
}
bool gx_cp_is_cjk_punct(uint32_t cp);

/* Reads a whole file (or stdin for "-") into a new buffer. */
gx_status gx_read_file(const char *path, char **data, size_t *len, gx_error *err);
/* The same, refusing (GX_ERR_LIMIT) a regular file of more than max bytes (0: no limit); the
 * file is opened once and its size read from the open file, not looked up again by name. */
gx_status gx_read_file_max(const char *path, size_t max, char **data, size_t *len, gx_error *err);

/* Writes a file atomically: data goes to "path.tmp.PID" and is renamed over
 * path only after a successful write and close.  gx_atomic_open returns a
 * stream for the caller to fill; gx_atomic_commit closes it and renames (or
 * removes the temporary on failure); gx_atomic_abort removes it.  A path that
 * exists and is not a regular file (/dev/null, a pipe) is written directly:
 * renaming over it would put a file where the device or pipe was. */
typedef struct gx_atomic {
    char *path;
    char *tmp; /* NULL when writing path directly */
    void *fp; /* FILE * */
    size_t written, kicked; /* bytes told of by gx_atomic_wrote; where its last write-out began */
    bool replaces;          /* path is a regular file that the rename will replace */
} gx_atomic;
gx_status gx_atomic_open(gx_atomic *a, const char *path, gx_error *err);
gx_status gx_atomic_commit(gx_atomic *a, gx_error *err);
/* Tells the writer that n more bytes went into the stream.  When the rename will replace a file,
 * every GX_ATOMIC_KICK_BYTES it asks the kernel to start writing the temporary file out, so that
 * the disk works while the rest is made: renaming a new file over an old one makes ext4 write all
 * of the new one out first (its auto_da_alloc), which took 1.1 s of the 1 GB build's GEXF (0.93
 * GB) in rename().  A new path is left to the kernel's own pace (there the early writing cost
 * 0.2–0.3 s). */
#define GX_ATOMIC_KICK_BYTES ((size_t)32 << 20)
void gx_atomic_wrote(gx_atomic *a, size_t n);
void gx_atomic_abort(gx_atomic *a);

#endif
