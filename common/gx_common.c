/* gx_common.c — errors, diagnostics, allocation, buffers, vectors and the string map. */
#include "gx_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

const char *gx_status_str(gx_status st)
{
    switch (st) {
    case GX_OK: return "ok";
    case GX_ERR_IO: return "I/O error";
    case GX_ERR_BINARY: return "not a text file";
    case GX_ERR_ENCODING: return "undecodable text";
    case GX_ERR_PARSE: return "malformed input";
    case GX_ERR_LIMIT: return "limit exceeded";
    case GX_ERR_USAGE: return "bad usage";
    case GX_ERR_EXTERNAL: return "library error";
    }
    return "unknown error";
}

void gx_error_clear(gx_error *err)
{
    if (!err)
        return;
    err->status = GX_OK;
    err->file[0] = '\0';
    err->line = -1;
    err->offset = -1;
    err->msg[0] = '\0';
}

gx_status gx_error_set(gx_error *err, gx_status st, const char *file, long line, long offset,
                       const char *fmt, ...)
{
    if (!err)
        return st;
    err->status = st;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return st;
}

static void format_place(char *buf, size_t size, const char *file, long line, long offset,
                         const char *msg)
{
    int n = 0;
    buf[0] = '\0';
    if (file && *file)
        n = snprintf(buf, size, "%s:", file);
    if (n >= 0 && (size_t)n < size && line >= 0)
        n += snprintf(buf + n, size - (size_t)n, "%ld:", line);
    if (n >= 0 && (size_t)n < size && offset >= 0)
        n += snprintf(buf + n, size - (size_t)n, " byte %ld:", offset);
    if (n >= 0 && (size_t)n < size)
        snprintf(buf + n, size - (size_t)n, "%s%s", n > 0 ? " " : "", msg);
}

void gx_error_format(const gx_error *err, char *buf, size_t size)
{
    format_place(buf, size, err->file, err->line, err->offset, err->msg);
}

void gx_diag_emit(const gx_diag *diag, gx_severity sev, const char *file, long line, long offset,
                  const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (diag && diag->fn) {
        diag->fn(diag->ctx, sev, file, line, offset, msg);
        return;
    }
    char out[1700];
    gx_diag_format(out, sizeof out, sev, file, line, offset, msg);
    fputs(out, stderr);
}

void gx_diag_format(char *out, size_t size, gx_severity sev, const char *file, long line, long offset,
                    const char *msg)
{
    char place[1600];
    format_place(place, sizeof place, file, line, offset, msg);
    snprintf(out, size, "guanxi: %s%s\n", sev == GX_ERROR ? "error: " : sev == GX_WARNING ? "warning: " : "",
             place);
}

static void oom(void)
{
    fputs("guanxi: out of memory\n", stderr);
    exit(1);
}

void *gx_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

/* Below this, zeroed memory comes from malloc and memset: glibc's calloc skips the thread's
 * cache of freed chunks, and the per-article tables and maps are small and many. */
enum { SMALL_CALLOC = 64 * 1024 };

void *gx_xcalloc(size_t n, size_t size)
{
    n = n ? n : 1;
    size = size ? size : 1;
    if (n <= SMALL_CALLOC / size) {
        void *p = gx_xmalloc(n * size);
        memset(p, 0, n * size);
        return p;
    }
    void *p = calloc(n, size);
    if (!p)
        oom();
    return p;
}

void *gx_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *gx_xstrdup(const char *s)
{
    return gx_xstrndup(s, strlen(s));
}

double gx_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

size_t gx_peak_rss(void)
{
    struct rusage u;
    if (getrusage(RUSAGE_SELF, &u) != 0 || u.ru_maxrss < 0)
        return 0;
    return (size_t)u.ru_maxrss * 1024; /* Linux gives kilobytes */
}

char *gx_xstrndup(const char *s, size_t n)
{
    char *p = gx_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void gx_grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return;
    size_t c = *cap ? *cap : size < 8 ? 64 / size : 8; /* a buffer starts at 64 bytes */
    while (c < need) {
        if (c > ((size_t)-1) / 2 / size)
            oom();
        c *= 2;
    }
    *p = gx_xrealloc(*p, c * size);
    *cap = c;
}

void gx_buf_init(gx_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void gx_buf_destroy(gx_buf *b)
{
    free(b->data);
    gx_buf_init(b);
}

void gx_buf_reserve(gx_buf *b, size_t extra)
{
    GX_GROW(b->data, b->cap, b->len + extra + 1);
    b->data[b->len] = '\0'; /* a reserved buffer is a valid (maybe empty) string */
}

void gx_buf_clear(gx_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void gx_buf_addf(gx_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n <= 0)
        return;
    gx_buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

size_t gx_fmt_uint(char *out, uint64_t v)
{
    /* two digits a step, written from the last into place: ids, spans and counts are written
     * tens of millions of times */
    static const char two[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                              "4041424344454647484950515253545556575859606162636465666768697071727374757677787980"
                              "81828384858687888990919293949596979899";
    size_t n = 1;
    for (uint64_t t = v; t >= 10; t /= 10)
        n++;
    char *p = out + n;
    *p = '\0';
    while (v >= 100) {
        p -= 2;
        memcpy(p, two + 2 * (v % 100), 2);
        v /= 100;
    }
    if (v >= 10)
        memcpy(p - 2, two + 2 * v, 2);
    else
        p[-1] = (char)('0' + v);
    return n;
}

void gx_buf_add_uint(gx_buf *b, uint64_t v)
{
    if (b->len + 21 >= b->cap)
        gx_buf_reserve(b, 21);
    b->len += gx_fmt_uint(b->data + b->len, v); /* which ends it with a NUL */
}

void gx_buf_add_cp(gx_buf *b, uint32_t cp)
{
    char u[4];
    size_t n;
    if (cp < 0x80) {
        u[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        u[0] = (char)(0xC0 | (cp >> 6));
        u[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        u[0] = (char)(0xE0 | (cp >> 12));
        u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        u[0] = (char)(0xF0 | (cp >> 18));
        u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        u[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    gx_buf_add(b, u, n);
}

char *gx_buf_take(gx_buf *b)
{
    char *p = b->data ? b->data : gx_xstrdup("");
    gx_buf_init(b);
    return p;
}

uint64_t gx_unpack_u64(gx_unpack *u)
{
    uint64_t v = 0;
    for (unsigned shift = 0; !u->bad; shift += 7) {
        if (u->p >= u->end || shift > 63) {
            u->bad = true;
            break;
        }
        unsigned char c = (unsigned char)*u->p++;
        v |= (uint64_t)(c & 0x7F) << shift;
        if (!(c & 0x80))
            return v;
    }
    return 0;
}

uint64_t gx_unpack_count(gx_unpack *u, size_t each)
{
    uint64_t n = gx_unpack_u64(u);
    if (!u->bad && n <= (uint64_t)(u->end - u->p) / (each ? each : 1))
        return n;
    u->bad = true;
    return 0;
}

const char *gx_unpack_bytes(gx_unpack *u, size_t *n)
{
    uint64_t len = gx_unpack_u64(u);
    if (u->bad || len > (uint64_t)(u->end - u->p)) {
        u->bad = true;
        *n = 0;
        return "";
    }
    const char *p = u->p;
    u->p += len;
    *n = (size_t)len;
    return p;
}

char *gx_unpack_str(gx_unpack *u)
{
    size_t n;
    const char *p = gx_unpack_bytes(u, &n);
    return gx_xstrndup(p, n);
}

void gx_strvec_init(gx_strvec *sv)
{
    sv->v = NULL;
    sv->n = sv->cap = 0;
}

void gx_strvec_destroy(gx_strvec *sv)
{
    for (size_t i = 0; i < sv->n; i++)
        free(sv->v[i]);
    free(sv->v);
    gx_strvec_init(sv);
}

void gx_strvec_pushn(gx_strvec *sv, const char *s, size_t n)
{
    GX_GROW(sv->v, sv->cap, sv->n + 1);
    sv->v[sv->n++] = gx_xstrndup(s, n);
}

void gx_strvec_push(gx_strvec *sv, const char *s)
{
    gx_strvec_pushn(sv, s, strlen(s));
}

bool gx_strvec_contains(const gx_strvec *sv, const char *s)
{
    for (size_t i = 0; i < sv->n; i++)
        if (strcmp(sv->v[i], s) == 0)
            return true;
    return false;
}

bool gx_list_has(const char *list, char sep, const char *name)
{
    size_t n = strlen(name);
    for (const char *p = list; p && *p;) {
        const char *end = strchr(p, sep);
        size_t l = end ? (size_t)(end - p) : strlen(p);
        if (l == n && memcmp(p, name, n) == 0)
            return true;
        p = end ? end + 1 : p + l;
    }
    return false;
}

void gx_strvec_split(gx_strvec *sv, const char *s, char sep)
{
    while (s && *s) {
        const char *e = strchr(s, sep);
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n)
            gx_strvec_pushn(sv, s, n);
        s = e ? e + 1 : s + n;
    }
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void gx_strvec_sort(gx_strvec *sv)
{
    if (sv->n > 1)
        qsort(sv->v, sv->n, sizeof *sv->v, cmp_str);
}

char *gx_strvec_join(const gx_strvec *sv, const char *sep)
{
    gx_buf b;
    gx_buf_init(&b);
    for (size_t i = 0; i < sv->n; i++) {
        if (i)
            gx_buf_adds(&b, sep);
        gx_buf_adds(&b, sv->v[i]);
    }
    return gx_buf_take(&b);
}

/* Eight bytes at a step, each word mixed in by a multiply; the last few bytes as one word (the last
 * eight bytes, those already mixed shifted out), and the whole through MurmurHash3's 64-bit
 * finaliser (constants from its public-domain reference), so that the low bits a table reads
 * depend on every byte.  Only the string maps' slots depend on it: nothing's order does. */
uint64_t gx_hash(const void *p, size_t n)
{
    const unsigned char *s = p;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n, w;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, s + i, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
        h ^= h >> 32;
    }
    if (i < n) {
        w = 0;
        if (n >= 8) {
            memcpy(&w, s + n - 8, 8);
            w >>= 8 * (8 - (n - i)); /* the bytes already mixed out (little-endian; else others) */
        } else {
            for (size_t k = i; k < n; k++)
                w = w << 8 | s[k];
        }
        h = (h ^ w) * 0xFF51AFD7ED558CCDull;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53ull;
    h ^= h >> 33;
    return h;
}

void gx_strmap_init(gx_strmap *m)
{
    memset(m, 0, sizeof *m);
}

void gx_strmap_destroy(gx_strmap *m)
{
    for (char *b = m->block; b;) {
        char *prev;
        memcpy(&prev, b, sizeof prev);
        free(b);
        b = prev;
    }
    free(m->slots);
    gx_strmap_init(m);
}

/* A copy of key (NUL-terminated) in the map's blocks. */
static const char *map_keep(gx_strmap *m, const char *key, size_t klen)
{
    if (!m->block || m->block_used + klen + 1 > m->block_cap) {
        size_t cap = m->block_cap ? m->block_cap * 2 : 512;
        if (cap > 65536)
            cap = 65536;
        if (cap < sizeof(char *) + klen + 1)
            cap = sizeof(char *) + klen + 1;
        char *b = gx_xmalloc(cap);
        memcpy(b, &m->block, sizeof m->block);
        m->block = b;
        m->block_cap = cap;
        m->block_used = sizeof(char *);
    }
    char *k = m->block + m->block_used;
    memcpy(k, key, klen);
    k[klen] = '\0';
    m->block_used += klen + 1;
    return k;
}

static size_t map_slot(const gx_strmap_slot *slots, size_t cap, const char *key, size_t klen)
{
    size_t i = (size_t)gx_hash(key, klen) & (cap - 1);
    while (slots[i].key && !(slots[i].klen == klen && memcmp(slots[i].key, key, klen) == 0))
        i = (i + 1) & (cap - 1);
    return i;
}

static void map_rehash(gx_strmap *m, size_t cap)
{
    gx_strmap_slot *slots = gx_xcalloc(cap, sizeof *slots);
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            slots[map_slot(slots, cap, m->slots[i].key, m->slots[i].klen)] = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
}

int64_t *gx_strmap_put(gx_strmap *m, const char *key, size_t klen, int64_t dflt, bool *added)
{
    if ((m->n + 1) * 4 >= m->cap * 3)
        map_rehash(m, m->cap ? m->cap * 2 : 16);
    size_t i = map_slot(m->slots, m->cap, key, klen);
    if (added)
        *added = m->slots[i].key == NULL;
    if (!m->slots[i].key) {
        m->slots[i] = (gx_strmap_slot){map_keep(m, key, klen), klen, dflt};
        m->n++;
    }
    return &m->slots[i].val;
}

int64_t *gx_strmap_get(const gx_strmap *m, const char *key, size_t klen)
{
    if (!m->cap)
        return NULL;
    size_t i = map_slot(m->slots, m->cap, key, klen);
    return m->slots[i].key ? &m->slots[i].val : NULL;
}

void gx_u64map_init(gx_u64map *m)
{
    *m = (gx_u64map){0};
}

void gx_u64map_destroy(gx_u64map *m)
{
    free(m->slot);
    gx_u64map_init(m);
}

/* Moves the keys into a table of `slots` slots (a power of two, more than twice the keys). */
static void u64map_rehash(gx_u64map *m, size_t slots)
{
    gx_u64map old = *m;
    m->slots = slots;
    m->slot = gx_xcalloc(m->slots, sizeof *m->slot);
    for (size_t i = 0; i < old.slots; i++)
        if (gx_u64slot_key(&old.slot[i]))
            m->slot[gx_u64map_slot(m, gx_u64slot_key(&old.slot[i]))] = old.slot[i];
    free(old.slot);
}

void gx_u64map_reserve(gx_u64map *m, size_t n)
{
    size_t slots = m->slots ? m->slots : 128;
    while (2 * n > slots)
        slots *= 2;
    if (slots > m->slots)
        u64map_rehash(m, slots);
}

int32_t *gx_u64map_put(gx_u64map *m, uint64_t key, int32_t dflt, bool *added)
{
    if (2 * (m->n + 1) > m->slots)
        u64map_rehash(m, m->slots ? 2 * m->slots : 128); /* an article's tries take about this many edges */
    gx_u64slot *s = &m->slot[gx_u64map_slot(m, key + 1)];
    *added = !gx_u64slot_key(s);
    if (*added) {
        uint64_t stored = key + 1;
        memcpy(s->key, &stored, sizeof stored);
        s->val = dflt;
        m->n++;
    }
    return &s->val;
}
