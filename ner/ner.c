/* ner.c — the stage's front door: runs the recognisers over an article and keeps the mentions tidy. */
#include "internal.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static const char *const TYPE_NAMES[GX_ENT_NTYPES] = {"official", "company", "place", "person",
                                                      "journalist"};

const char *gx_etype_name(gx_etype t)
{
    return t < GX_ENT_NTYPES ? TYPE_NAMES[t] : "unknown";
}

int gx_etype_parse(const char *s, size_t len)
{
    for (int i = 0; i < GX_ENT_NTYPES; i++)
        if (strlen(TYPE_NAMES[i]) == len && memcmp(TYPE_NAMES[i], s, len) == 0)
            return i;
    return -1;
}

const char *gx_event_kind_name(gx_event_kind k)
{
    return k == GX_EV_CEREMONY ? "ceremony" : "visit";
}

void gx_extraction_init(gx_extraction *x)
{
    memset(x, 0, sizeof *x);
}

/* The "" every mention's string fields start from, never freed. */
static char EMPTY[1];

static void free_field(char *s)
{
    if (s != EMPTY)
        free(s);
}

void gx_x_set(char **field, const char *value)
{
    free_field(*field);
    *field = *value ? gx_xstrdup(value) : EMPTY;
}

static void free_mention(gx_mention *m)
{
    free(m->name);
    free_field(m->titles);
    free_field(m->aliases);
    free_field(m->code);
    free_field(m->parent);
    memset(m, 0, sizeof *m);
}

void gx_extraction_destroy(gx_extraction *x)
{
    for (size_t i = 0; i < x->n; i++)
        free_mention(&x->m[i]);
    free_mention(&x->overflow);
    for (size_t i = 0; i < x->nev; i++) {
        free(x->ev[i].official);
        free(x->ev[i].company);
    }
    free(x->m);
    free(x->ev);
    free(x->cover);
    free(x->starts);
    gx_extraction_init(x);
}

static bool same_string(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

bool gx_extraction_equal(const gx_extraction *p, const gx_extraction *q)
{
    if (p->n != q->n || p->nev != q->nev || p->truncated != q->truncated)
        return false;
    for (size_t i = 0; i < p->n; i++) {
        const gx_mention *a = &p->m[i], *b = &q->m[i];
        if (a->type != b->type || a->span.start != b->span.start || a->span.end != b->span.end ||
            a->flags != b->flags || !same_string(a->name, b->name) || !same_string(a->titles, b->titles) ||
            !same_string(a->aliases, b->aliases) || !same_string(a->code, b->code) ||
            !same_string(a->parent, b->parent))
            return false;
    }
    for (size_t i = 0; i < p->nev; i++) {
        const gx_event *a = &p->ev[i], *b = &q->ev[i];
        if (a->kind != b->kind || a->date != b->date || a->evidence.start != b->evidence.start ||
            a->evidence.end != b->evidence.end || !same_string(a->official, b->official) ||
            !same_string(a->company, b->company))
            return false;
    }
    return true;
}

size_t gx_adv_chars(const char *s, size_t i, size_t len, size_t n)
{
    while (n-- > 0 && i < len)
        i += gx_utf8_len((unsigned char)s[i]);
    return i < len ? i : len;
}

/* Marks a mention's span on the coverage map (when one is kept). */
static void cover_mark(gx_extraction *x, gx_etype type, size_t start, size_t end)
{
    for (size_t i = start; i < end && i < x->cover_len; i++)
        x->cover[i] |= (unsigned char)(1u << type);
}

gx_mention *gx_x_add(gx_extraction *x, gx_etype type, size_t start, size_t end, const char *name,
                     size_t name_len, const char *titles, unsigned flags)
{
    if (x->n >= GX_NER_MAX_MENTIONS) {
        /* Past the cap, mentions go to a scratch slot that is never kept. */
        gx_mention *o = &x->overflow;
        x->truncated = true;
        free_mention(o);
        *o = (gx_mention){type, {start, end}, gx_xstrndup(name, name_len), EMPTY, EMPTY, EMPTY, EMPTY, flags};
        return o;
    }
    GX_GROW(x->m, x->cap, x->n < 32 ? 32 : x->n + 1); /* an article's mentions at once, most often */
    gx_mention *m = &x->m[x->n++];
    m->type = type;
    m->span = (gx_span){start, end};
    m->name = gx_xstrndup(name, name_len);
    m->titles = titles && *titles ? gx_xstrdup(titles) : EMPTY;
    m->aliases = EMPTY;
    m->code = EMPTY;
    m->parent = EMPTY;
    m->flags = flags;
    cover_mark(x, type, start, end);
    return m;
}

void gx_x_add_event(gx_extraction *x, gx_event_kind k, const char *official, const char *company,
                    gx_date date, gx_span evidence)
{
    GX_GROW(x->ev, x->evcap, x->nev + 1);
    gx_event *e = &x->ev[x->nev++];
    e->kind = k;
    e->official = gx_xstrdup(official);
    e->company = gx_xstrdup(company);
    e->date = date;
    e->evidence = evidence;
}

bool gx_x_covered(const gx_extraction *x, size_t start, size_t end, unsigned mask)
{
    if (x->cover && end <= x->cover_len) {
        for (size_t i = start; i < end; i++)
            if (x->cover[i] & mask)
                return true;
        return false;
    }
    for (size_t i = 0; i < x->n; i++) {
        const gx_mention *m = &x->m[i];
        if ((mask & (1u << m->type)) && m->span.end > m->span.start && start < m->span.end &&
            end > m->span.start)
            return true;
    }
    return false;
}

static int cmp_mention(const void *pa, const void *pb)
{
    const gx_mention *a = pa, *b = pb;
    if (a->span.start != b->span.start)
        return a->span.start < b->span.start ? -1 : 1;
    if (a->span.end != b->span.end)
        return a->span.end < b->span.end ? -1 : 1;
    if (a->type != b->type)
        return (int)a->type - (int)b->type;
    return strcmp(a->name, b->name);
}

/* The end of the run of mentions in order from a (each not after the next). */
static size_t run_end(const gx_mention *m, size_t a, size_t n)
{
    while (a + 1 < n && cmp_mention(&m[a], &m[a + 1]) <= 0)
        a++;
    return a + 1;
}

/* Sorts an article's mentions by cmp_mention, keeping equal ones in the order they were added (as
 * glibc's merge sort, which qsort was, keeps them): the runs already in order, as each recogniser
 * adds its mentions from the start of the text on, merged two by two. */
static void sort_mentions(gx_mention *m, size_t n)
{
    if (n < 2 || run_end(m, 0, n) == n)
        return;
    gx_mention *tmp = gx_xmalloc(n * sizeof *m), *src = m, *dst = tmp;
    for (size_t runs = 2; runs > 1;) {
        runs = 0;
        for (size_t a = 0; a < n; runs++) {
            size_t b = run_end(src, a, n), c = b < n ? run_end(src, b, n) : n, i = a, j = b, k = a;
            while (i < b && j < c)
                dst[k++] = cmp_mention(&src[j], &src[i]) < 0 ? src[j++] : src[i++];
            memcpy(dst + k, src + i, (b - i) * sizeof *m);
            k += b - i;
            memcpy(dst + k, src + j, (c - j) * sizeof *m);
            a = c;
        }
        gx_mention *t = src;
        src = dst;
        dst = t;
    }
    if (src != m)
        memcpy(m, src, n * sizeof *m);
    free(tmp);
}

/* User lexicon entries found in the text (not inside an existing mention). */
static void user_entities(const gx_lexicon *lex, const gx_article *a, gx_extraction *x)
{
    if (!lex->nuser)
        return;
    for (size_t i = 0; i < a->len;) {
        int32_t id;
        size_t n = gx_trie_longest(&lex->user, a->text + i, a->len - i, &id);
        if (n && !gx_x_covered(x, i, i + n, ~0u)) {
            const user_entity *u = &lex->user_ent[id];
            gx_mention *m = gx_x_add(x, u->type, i, i + n, u->name, strlen(u->name), "", 0);
            gx_x_set(&m->aliases, u->aliases);
            if (strcmp(u->name, "") != 0 && (n != strlen(u->name) || memcmp(a->text + i, u->name, n) != 0))
                m->flags |= GX_MF_ALIAS;
            i += n;
            continue;
        }
        i += gx_utf8_len((unsigned char)a->text[i]);
    }
}

/* Drops mentions of stop-listed names. */
static void apply_stop(const gx_lexicon *lex, gx_extraction *x)
{
    size_t k = 0;
    for (size_t i = 0; i < x->n; i++) {
        gx_mention *m = &x->m[i];
        if (gx_trie_get(&lex->stop, m->name, strlen(m->name)) >= 0) {
            free_mention(m);
            continue;
        }
        x->m[k++] = *m;
    }
    x->n = k;
}

_Static_assert(GX_ENT_NTYPES <= 8, "the coverage map keeps one bit per type in a byte");

/* Starts the coverage map of an extraction over a text of len bytes. */
static void cover_start(gx_extraction *x, size_t len)
{
    free(x->cover);
    x->cover = gx_xcalloc(len ? len : 1, 1);
    x->cover_len = len;
}

static void cover_end(gx_extraction *x)
{
    free(x->cover);
    x->cover = NULL;
    x->cover_len = 0;
}

/* What starts_scan reads of a trie, its pair and three-character filters, copied into locals:
 * read through a pointer to the trie it costs 10 M more instructions at 10 MB (measured), as it
 * is loaded anew for each character. */
typedef struct scan_trie {
    const uint64_t *pairs, *triples;
    unsigned pair_bits;
    bool single;          /* it has a word of one character */
    const int32_t *han, *value; /* its index of first characters, its nodes' values */
} scan_trie;

static scan_trie scan_trie_of(const gx_trie *t)
{
    return (scan_trie){t->pairs, t->triples, t->pair_bits, t->single, t->han, t->value};
}

/* The tries whose scan bits starts_scan filters: the places' scan's (it stopped at 9.85 M
 * characters of the 100 MB corpus before these filters and needs_next, at 0.8 M since), and the
 * titles the officials' scan stops at (7 M characters begin some title, 0.2 M one). */
typedef struct scan_tries {
    scan_trie places, not_place, place_sfx, titles;
} scan_tries;

/* The character at u (before end), packed as the trie packs it, if it is ASCII or of three bytes;
 * *k its bytes.  False for any other (the caller then cannot rule a place out).  Not gx_words_char,
 * which packs every kind: in word_may_start its loop made the 100 MB extract 1.7 % slower (eleven
 * alternating pairs, stop 41), for characters a page hardly has. */
static inline bool packed_at(const unsigned char *u, const unsigned char *end, uint32_t *c, size_t *k)
{
    if (u >= end)
        return false;
    if (u[0] < 0x80) { /* normalising made most punctuation ASCII (亿元, …) */
        *c = u[0];
        *k = 1;
        return true;
    }
    if (u[0] - 0xE0u < 0x10u && end - u >= 3) { /* valid UTF-8: a lead E0–EF has its two */
        *c = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
        *k = 3;
        return true;
    }
    return false;
}

/* Can a word of the trie start at byte i, where a character that begins one of its words, but
 * is none alone, stands (SB_PLACES without SB_PLACE_ALONE; see filter_bit)?  False where
 * gx_trie_longest would answer 0: the pair filter rules out the next character, or the
 * three-character filter rules out both a word of the two and one going on with the third.  Most
 * characters of a text begin some place's name, and few of those pairs; but the towns' names make
 * words' pairs real (发展乡, 安全乡, 群众路街道, 经济开发区), which the third character mostly rules
 * out: on the 100 MB corpus the places' scan tried the gazetteer at 4.3 M characters with the pairs
 * alone, of which 0.3 M began a place, and at 0.5 M with both. */
static inline bool word_may_start(const scan_trie *t, const unsigned char *s, size_t i, size_t len)
{
    const unsigned char *u = s + i, *end = s + len;
    uint32_t a = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2], b, c;
    size_t k;
    if (!t->pairs || !packed_at(u + 3, end, &b, &k))
        return true;
    uint32_t h = gx_trie_pair_bit(a, b, t->pair_bits);
    if (!(t->pairs[h >> 6] >> (h & 63) & 1)) /* gx_trie_pair_may */
        return false;
    if (!packed_at(u + 3 + k, end, &c, &k))
        return true;
    return gx_trie_triple_may(t->triples, t->pair_bits, a, b, c) ||
           gx_trie_triple_may(t->triples, t->pair_bits, a, b, GX_TRIE_END);
}

/* Is the Han character cp (U+4E00–U+9FFF) a word of t alone? */
static inline bool one_char_word(const scan_trie *t, uint32_t cp)
{
    int32_t root = t->han ? t->han[cp - 0x4E00] : 0;
    return root && t->value[root - 1] >= 0;
}

/* bits without bit where the Han character cp at byte i begins no word of t: it is none alone, and
 * word_may_start rules the longer ones out. */
static inline uint32_t filter_bit(const scan_trie *t, uint32_t bit, uint32_t bits, uint32_t cp,
                                  const unsigned char *u, size_t i, size_t len)
{
    if ((bits & bit) && !(t->single && one_char_word(t, cp)) && !word_may_start(t, u, i, len))
        bits &= ~bit;
    return bits;
}

/* The places' scan bits of the Han character at byte i that the next character rules out, cleared:
 * a transliterated name is two characters or more (foreign_division), and a country's form or a
 * travel verb before one is read (country_forms) only before another form (中美, 访华), 、 (中、美)
 * or 方 (中方) — unless it needs none (SB_ABBREV_FREE).  At a next character of two or four bytes
 * they are all kept.  On the 100 MB corpus the places' scan stopped at 3.5 M characters for
 * these bits and at 0.4 M so (all its stops: 6.9 M -> 4.9 M). */
static inline uint32_t needs_next(const uint16_t *table, uint32_t bits, const unsigned char *u, size_t i, size_t len)
{
    const unsigned char *v = u + i + 3;
    uint32_t next, cp = 0;
    if (i + 3 >= len) {
        next = 0; /* the text ends */
    } else if (v[0] < 0x80) {
        next = table[v[0]];
    } else if (v[0] - 0xE0u < 0x10u && i + 6 <= len) {
        cp = (v[0] & 0x0Fu) << 12 | (v[1] & 0x3Fu) << 6 | (v[2] & 0x3Fu);
        next = table[cp];
    } else {
        return bits;
    }
    if (!(next & SB_TRANSLIT))
        bits &= ~(uint32_t)SB_TRANSLIT;
    if (!(bits & SB_ABBREV_FREE) && !(next & SB_ABBREV)) {
        bits &= ~(uint32_t)SB_ABBREV_LEAD;
        if (cp != 0x3001 && cp != 0x65B9) /* 、 方 */
            bits &= ~(uint32_t)SB_ABBREV;
    }
    return bits;
}

/* The scan bits of the three-byte character at byte i, for starts_scan. */
static inline __attribute__((always_inline)) uint32_t bits3(const uint16_t *table, const uint16_t *known_starts,
                                                            const scan_tries *pt, bool known, bool places, bool titles,
                                                            const unsigned char *u, size_t i, size_t len)
{
    int32_t cp = (int32_t)((u[i] & 0x0Fu) << 12 | (u[i + 1] & 0x3Fu) << 6 | (u[i + 2] & 0x3Fu));
    uint32_t bits = table[cp];
    if (!(bits & SB_NOT_HAN)) { /* a Han character of U+4E00–U+9FFF */
        if (known)
            bits |= known_starts[cp];
        if (places && (bits & (SB_PLACES | SB_PLACE_ALONE)) == SB_PLACES && !word_may_start(&pt->places, u, i, len))
            bits &= ~(uint32_t)SB_PLACES;
        if (places) {
            bits = filter_bit(&pt->not_place, SB_NOT_PLACE, bits, (uint32_t)cp, u, i, len); /* 发展中国家: 发 */
            bits = filter_bit(&pt->place_sfx, SB_PLACE_SFX, bits, (uint32_t)cp, u, i, len); /* 开发区: 开 */
        }
        if (places && (bits & (SB_TRANSLIT | SB_ABBREV | SB_ABBREV_LEAD)))
            bits = needs_next(table, bits, u, i, len);
        if (titles)
            bits = filter_bit(&pt->titles, SB_TITLES, bits, (uint32_t)cp, u, i, len);
    }
    return bits;
}

/* starts_start's loop, made once for each use (known, places and titles constant), with what it
 * reads of the lexicon and the names in locals. */
static inline __attribute__((always_inline)) void starts_scan(const uint16_t *table, const uint16_t *known_starts,
                                                              const scan_tries *pt, bool known, bool places, bool titles,
                                                              uint16_t *out, const unsigned char *u, size_t len)
{
    /* The text is valid UTF-8 (gx_ingest.h): a lead byte E0–EF has its two continuation bytes, C2–DF
     * its one.  A four-byte character, or a stray byte in text that is not, gets every bit. */
    static const unsigned char step[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
    for (size_t i = 0; i < len;) {
        /* a run of three-byte characters (most of a text), each with the next one's bytes in the
         * text: nothing to check but the lead */
        for (; i + 6 <= len && u[i] - 0xE0u < 0x10u; i += 3)
            out[i] = (uint16_t)bits3(table, known_starts, pt, known, places, titles, u, i, len);
        if (i >= len)
            break;
        unsigned c = u[i];
        if (c - 0xE0u < 0x10u && i + 3 <= len) { /* a three-byte character near the end */
            out[i] = (uint16_t)bits3(table, known_starts, pt, known, places, titles, u, i, len);
            i += 3;
        } else if (c < 0x80) {
            out[i++] = table[c];
        } else if (c - 0xC2u < 0x1Eu && i + 2 <= len) {
            out[i] = table[(c & 0x1Fu) << 6 | (u[i + 1] & 0x3Fu)];
            i += 2;
        } else {
            out[i] = 0xFFFFu;
            i += step[c >> 4];
        }
    }
}

/* The starts table of a set of names never merged into (gx_names_merge makes one): every
 * character may start a known name.  Made once, for any thread. */
static uint16_t every_known[STARTS_COUNT];
static pthread_once_t every_known_once = PTHREAD_ONCE_INIT;

static void fill_every_known(void)
{
    for (size_t cp = 0; cp < STARTS_COUNT; cp++)
        every_known[cp] = SB_KNOWN_FIRMS | SB_KNOWN_OFFICIALS;
}

static const uint16_t *every_known_bit(void)
{
    pthread_once(&every_known_once, fill_every_known);
    return every_known;
}

/* Reads the scan bits of each character of the text once for every scan (gx_scan_to): at its
 * first byte, the lexicon's table's for the character (SB_NOT_HAN but at a Han character of
 * U+4E00–U+9FFF, every bit at a character the table does not know), 0 at the others; given the
 * corpus's names, their bits (SB_KNOWN_*) at a Han character; for the places' scan (places),
 * SB_PLACES, SB_NOT_PLACE and SB_PLACE_SFX at a Han character only where word_may_start says a
 * word of theirs may start, and SB_TRANSLIT, SB_ABBREV and SB_ABBREV_LEAD where needs_next leaves
 * them; for the officials' scan (titles: the first reading's, as an extraction's reuses what it
 * found), SB_TITLES likewise (filter_bit). */
static void starts_start(const gx_lexicon *lex, const gx_names *known, bool places, gx_extraction *x, const char *s,
                         size_t len)
{
    free(x->starts);
    x->starts = gx_xcalloc(len ? len : 1, sizeof *x->starts);
    const unsigned char *u = (const unsigned char *)s;
    const uint16_t *ks = known ? (known->starts ? known->starts : every_known_bit()) : NULL;
    scan_tries pt = {scan_trie_of(&lex->places), scan_trie_of(&lex->not_place), scan_trie_of(&lex->place_sfx),
                     scan_trie_of(&lex->titles)};
    if (known && places) /* an extraction's */
        starts_scan(lex->starts, ks, &pt, true, true, false, x->starts, u, len);
    else if (!known && !places) /* the first reading's */
        starts_scan(lex->starts, ks, &pt, false, false, true, x->starts, u, len);
    else
        starts_scan(lex->starts, ks, &pt, known != NULL, places, !places, x->starts, u, len);
}

static void starts_end(gx_extraction *x)
{
    free(x->starts);
    x->starts = NULL;
}

/* bench/floor.sh builds guanxi with GX_BENCH_FLOOR to time extraction without its recognisers: 1
 * reads, splits, keeps and writes each article with no entities; 2 also builds its scan bits in
 * both passes.  A build made so finds nothing; a release build is never made so (0: the code
 * below is compiled away). */
#ifndef GX_BENCH_FLOOR
#define GX_BENCH_FLOOR 0
#endif

static bool bench_floor(const gx_lexicon *lex, const gx_names *known, bool extraction, gx_extraction *x,
                        const gx_article *a)
{
    if (!GX_BENCH_FLOOR)
        return false;
    if (GX_BENCH_FLOOR > 1)
        starts_start(lex, known, extraction, x, a->text, a->len);
    starts_end(x);
    return true;
}

/* What gx_names_collect_keeping found in an article. */
struct gx_first_read {
    gx_extraction x;  /* the mentions of the officials' recogniser, then of the companies' */
    size_t officials; /* x.m[0..officials) are the officials' */
};

size_t gx_first_read_bytes(const gx_first_read *f)
{
    size_t n = sizeof *f + f->x.cap * sizeof *f->x.m;
    for (size_t i = 0; i < f->x.n; i++) {
        const gx_mention *m = &f->x.m[i];
        n += strlen(m->name) + 1 + 16; /* 16: the allocator's rounding, roughly */
        n += *m->titles ? strlen(m->titles) + 1 + 16 : 0;
        n += *m->aliases ? strlen(m->aliases) + 1 + 16 : 0;
    }
    return n;
}

void gx_first_read_free(gx_first_read *f)
{
    if (!f)
        return;
    gx_extraction_destroy(&f->x);
    free(f);
}

static void pack_mention(const gx_mention *m, gx_buf *out)
{
    gx_pack_u64(out, m->type);
    gx_pack_u64(out, m->span.start);
    gx_pack_u64(out, m->span.end);
    gx_pack_u64(out, m->flags);
    gx_pack_str(out, m->name);
    gx_pack_str(out, m->titles);
    gx_pack_str(out, m->aliases);
    gx_pack_str(out, m->code);
    gx_pack_str(out, m->parent);
}

/* A string field read back: the shared "" when it is empty, as gx_x_set leaves it. */
static char *unpack_field(gx_unpack *u)
{
    size_t n;
    const char *p = gx_unpack_bytes(u, &n);
    return n ? gx_xstrndup(p, n) : EMPTY;
}

static void unpack_mention(gx_unpack *u, gx_mention *m)
{
    m->type = (gx_etype)gx_unpack_u64(u);
    m->span.start = gx_unpack_u64(u);
    m->span.end = gx_unpack_u64(u);
    m->flags = (unsigned)gx_unpack_u64(u);
    m->name = gx_unpack_str(u);
    m->titles = unpack_field(u);
    m->aliases = unpack_field(u);
    m->code = unpack_field(u);
    m->parent = unpack_field(u);
}

/* A first reading is kept only whole (gx_names_collect_keeping): not truncated, its coverage and
 * scan bits freed, so its mentions, events and the officials' count are all it holds. */
void gx_first_read_pack(const gx_first_read *f, gx_buf *out)
{
    gx_pack_u64(out, f->officials);
    gx_pack_u64(out, f->x.n);
    for (size_t i = 0; i < f->x.n; i++)
        pack_mention(&f->x.m[i], out);
    gx_pack_u64(out, f->x.nev);
    for (size_t i = 0; i < f->x.nev; i++) {
        const gx_event *e = &f->x.ev[i];
        gx_pack_u64(out, e->kind);
        gx_pack_str(out, e->official);
        gx_pack_str(out, e->company);
        gx_pack_u64(out, (uint32_t)e->date);
        gx_pack_u64(out, e->evidence.start);
        gx_pack_u64(out, e->evidence.end);
    }
}

gx_first_read *gx_first_read_unpack(gx_unpack *u)
{
    gx_first_read *f = gx_xcalloc(1, sizeof *f);
    gx_extraction_init(&f->x);
    f->officials = gx_unpack_u64(u);
    uint64_t n = gx_unpack_count(u, 9); /* a mention's numbers and lengths: 9 bytes at least */
    if (n) {
        f->x.m = gx_xcalloc(n, sizeof *f->x.m);
        f->x.cap = n;
        for (; f->x.n < n && !u->bad; f->x.n++)
            unpack_mention(u, &f->x.m[f->x.n]);
    }
    uint64_t nev = gx_unpack_count(u, 6); /* an event's: 6 */
    if (nev) {
        f->x.ev = gx_xcalloc(nev, sizeof *f->x.ev);
        f->x.evcap = nev;
        for (; f->x.nev < nev && !u->bad; f->x.nev++) {
            gx_event *e = &f->x.ev[f->x.nev];
            e->kind = (gx_event_kind)gx_unpack_u64(u);
            e->official = gx_unpack_str(u);
            e->company = gx_unpack_str(u);
            e->date = (gx_date)(uint32_t)gx_unpack_u64(u);
            e->evidence.start = gx_unpack_u64(u);
            e->evidence.end = gx_unpack_u64(u);
        }
    }
    if (u->bad || f->officials > f->x.n) {
        u->bad = true;
        gx_first_read_free(f);
        return NULL;
    }
    return f;
}

/* Moves mentions [from, to) of the first reading into out, marking their spans on its coverage
 * map as gx_x_add would have. */
static void take_found(gx_extraction *out, gx_first_read *f, size_t from, size_t to)
{
    GX_GROW(out->m, out->cap, out->n + (to - from));
    for (size_t k = from; k < to; k++) {
        gx_mention *m = &f->x.m[k];
        cover_mark(out, m->type, m->span.start, m->span.end);
        out->m[out->n++] = *m;
        *m = (gx_mention){.name = NULL, .titles = EMPTY, .aliases = EMPTY, .code = EMPTY, .parent = EMPTY};
    }
}

void gx_ner_extract(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_extraction *out)
{
    gx_ner_extract_after(lex, known, a, NULL, out);
}

void gx_ner_extract_after(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_first_read *first,
                          gx_extraction *out)
{
    cover_start(out, a->len);
    if (bench_floor(lex, known, true, out, a)) {
        gx_first_read_free(first);
        cover_end(out);
        return;
    }
    starts_start(lex, known, true, out, a->text, a->len);
    for (size_t i = 0; i < a->journalists.n; i++)
        gx_x_add(out, GX_ENT_JOURNALIST, 0, 0, a->journalists.v[i], strlen(a->journalists.v[i]), "",
                 GX_MF_BYLINE);
    size_t before_user = out->n;
    user_entities(lex, a, out);
    /* The first reading's mentions are what the recognisers would find again, given the same
     * text taken before them: none taken by a user entity (the byline's names take none), and
     * no mention lost to the cap.  Its firms hold too if no known official took text from them. */
    bool again = !first || out->n != before_user || out->n + first->x.n > GX_NER_MAX_MENTIONS;
    if (again)
        gx_ner_officials(lex, a, out);
    else
        take_found(out, first, 0, first->officials);
    size_t known_from = out->n;
    if (known)
        gx_ner_known_officials(lex, known, a, out);
    size_t firms_from = out->n;
    if (again || out->n != known_from)
        gx_ner_companies(lex, a, out);
    else
        take_found(out, first, first->officials, first->x.n);
    gx_first_read_free(first);
    gx_ner_company_aliases(known, a, out, firms_from);
    gx_ner_places(lex, a, out);
    cover_end(out);
    apply_stop(lex, out);
    sort_mentions(out->m, out->n);
    gx_ner_events(lex, a, out);
    starts_end(out);
}

/* --- names confirmed across the corpus --- */

gx_names *gx_names_new(void)
{
    gx_names *n = gx_xcalloc(1, sizeof *n);
    gx_trie_init(&n->trie);
    gx_strvec_init(&n->list);
    gx_trie_init(&n->firms);
    gx_strmap_init(&n->firm_index);
    gx_strvec_init(&n->firm_names);
    gx_strvec_init(&n->pair_alias);
    gx_strvec_init(&n->pair_full);
    return n;
}

void gx_names_free(gx_names *n)
{
    if (!n)
        return;
    gx_trie_destroy(&n->trie);
    gx_strvec_destroy(&n->list);
    gx_trie_destroy(&n->firms);
    gx_strmap_destroy(&n->firm_index);
    gx_strvec_destroy(&n->firm_names);
    gx_strvec_destroy(&n->pair_alias);
    gx_strvec_destroy(&n->pair_full);
    free(n->starts);
    free(n);
}

/* Marks bit at the first character of w in n->starts (if the set keeps it). */
static void mark_start(gx_names *n, const char *w, size_t len, uint16_t bit)
{
    int32_t cp = n->starts ? gx_han_cp(w, len) : -1;
    if (cp >= 0)
        n->starts[cp] |= bit;
}

/* The set's starts table, from its tries' character indexes (just made). */
static void index_starts(gx_names *n)
{
    n->starts = gx_xcalloc(STARTS_COUNT, sizeof *n->starts);
    for (int32_t cp = 0x4E00; cp <= 0x9FFF; cp++) {
        int32_t h = cp - 0x4E00;
        n->starts[cp] = (uint16_t)((n->trie.han[h] ? SB_KNOWN_OFFICIALS : 0) | (n->firms.han[h] ? SB_KNOWN_FIRMS : 0));
    }
}

void gx_names_add(gx_names *n, const char *name)
{
    size_t len = strlen(name);
    if (gx_trie_add(&n->trie, name, len, 1) < 0) {
        gx_strvec_push(&n->list, name);
        mark_start(n, name, len, SB_KNOWN_OFFICIALS);
    }
}

void gx_names_add_firm(gx_names *n, const char *alias, const char *full)
{
    size_t al = strlen(alias), fl = strlen(full);
    if (!al || !fl)
        return;
    bool added;
    int32_t id = (int32_t)*gx_strmap_put(&n->firm_index, full, fl, (int64_t)n->firm_names.n, &added);
    if (added)
        gx_strvec_push(&n->firm_names, full);
    int32_t before = gx_trie_add(&n->firms, alias, al, id);
    mark_start(n, alias, al, SB_KNOWN_FIRMS);
    if (before == id)
        return;
    if (before >= 0 || before == FIRM_SHARED) { /* two firms share it: it names neither */
        gx_trie_add(&n->firms, alias, al, FIRM_SHARED);
        if (before == FIRM_SHARED)
            return;
    }
    gx_strvec_push(&n->pair_alias, alias);
    gx_strvec_push(&n->pair_full, full);
}

void gx_names_merge(gx_names *dst, const gx_names *src)
{
    /* the set merged into is the one read for every article: index it (one file's is not) */
    gx_trie_index(&dst->trie);
    gx_trie_index(&dst->firms);
    if (!dst->starts)
        index_starts(dst);
    for (size_t i = 0; i < src->list.n; i++)
        gx_names_add(dst, src->list.v[i]);
    for (size_t i = 0; i < src->pair_alias.n; i++)
        gx_names_add_firm(dst, src->pair_alias.v[i], src->pair_full.v[i]);
}

/* Keeps one article's (short name, firm) pair, to be indexed when merged. */
static void pend_firm(gx_names *n, const char *alias, size_t len, const char *full)
{
    gx_strvec_pushn(&n->pair_alias, alias, len);
    gx_strvec_push(&n->pair_full, full);
}

gx_names *gx_names_of_articles(const gx_lexicon *lex, const gx_article *a, size_t n, gx_first_read **first)
{
    gx_names *all = gx_names_new();
    for (size_t i = 0; i < n; i++) {
        gx_names *one = gx_names_new();
        gx_names_collect_keeping(one, lex, &a[i], first ? &first[i] : NULL);
        gx_names_merge(all, one);
        gx_names_free(one);
    }
    return all;
}

size_t gx_names_count(const gx_names *n)
{
    return n->list.n;
}

/* A short name that stands for its firm across the corpus: three characters or more (钛迩赛,
 * 安佐化学), starting with the trade name — not with an industry word or a place (服装创意,
 * 城市建设投资, 平湖服装 are phrases as often as names); two-character ones are left to the article
 * that names the firm in full. */
enum { CORPUS_ALIAS_MIN_CHARS = 3, CORPUS_NAME_MIN_CHARS = 4 };

static bool corpus_alias(const gx_lexicon *lex, const char *w, size_t n)
{
    int32_t unused;
    return gx_utf8_count(w, n) >= CORPUS_ALIAS_MIN_CHARS && !gx_trie_longest(&lex->cindustry, w, n, NULL) &&
           !gx_trie_longest(&lex->cgeneric, w, n, NULL) && !gx_trie_longest(&lex->places, w, n, &unused);
}

/* Is the firm one whose short names may stand for it across the corpus?  One registered in full
 * (…有限公司, …股份公司), or one the text vouched for without a suffix (长城汽车 in a list of firms,
 * 独山能源 before its project) — not one found by a bare 公司, 银行 or 厂, which catches phrases as
 * well as names (大多数银行, 游戏开发公司). */
static bool corpus_firm(const gx_lexicon *lex, const char *name)
{
    size_t n = strlen(name);
    if (gx_ends_at(name, n, "有限公司") || gx_ends_at(name, n, "有限责任公司") || gx_ends_at(name, n, "股份公司"))
        return true;
    for (size_t p = 0; p < n; p += gx_utf8_len((unsigned char)name[p]))
        if (gx_trie_longest(&lex->csuffix, name + p, n - p, NULL) == n - p)
            return false; /* ends with a legal suffix, but a weak one */
    return true;
}

void gx_names_collect(gx_names *n, const gx_lexicon *lex, const gx_article *a)
{
    gx_names_collect_keeping(n, lex, a, NULL);
}

void gx_names_collect_keeping(gx_names *n, const gx_lexicon *lex, const gx_article *a, gx_first_read **keep)
{
    gx_extraction x;
    gx_extraction_init(&x);
    cover_start(&x, a->len);
    if (keep)
        *keep = NULL;
    if (bench_floor(lex, NULL, false, &x, a)) {
        gx_extraction_destroy(&x);
        return;
    }
    starts_start(lex, NULL, false, &x, a->text, a->len); /* the scans of the corpus's names and places do not run */
    gx_ner_officials(lex, a, &x);
    size_t officials = x.n;
    gx_ner_companies(lex, a, &x);
    for (size_t i = 0; i < x.n; i++) {
        const gx_mention *m = &x.m[i];
        if (m->type == GX_ENT_OFFICIAL && (m->flags & (GX_MF_TITLED | GX_MF_LIST)))
            gx_names_add(n, m->name);
        if (m->type != GX_ENT_COMPANY || (m->flags & GX_MF_ALIAS) || !corpus_firm(lex, m->name))
            continue;
        /* the firm's own name too, for one named without a suffix (长城汽车, 独山能源) */
        size_t nl = strlen(m->name);
        if (gx_utf8_count(m->name, nl) >= CORPUS_NAME_MIN_CHARS && corpus_alias(lex, m->name, nl))
            pend_firm(n, m->name, nl, m->name);
        for (const char *p = m->aliases; *p;) {
            const char *bar = strchr(p, '|');
            size_t len = bar ? (size_t)(bar - p) : strlen(p);
            if (corpus_alias(lex, p, len))
                pend_firm(n, p, len, m->name);
            p += len + (bar != NULL);
        }
    }
    if (!keep || x.truncated) {
        gx_extraction_destroy(&x);
        return;
    }
    cover_end(&x);
    starts_end(&x);
    if (x.n < x.cap) { /* kept while the corpus is read: no slack */
        x.m = gx_xrealloc(x.m, (x.n ? x.n : 1) * sizeof *x.m);
        x.cap = x.n ? x.n : 1;
    }
    gx_first_read *f = gx_xmalloc(sizeof *f);
    *f = (gx_first_read){x, officials};
    *keep = f;
}
