/* internal.h — what the NER recognisers share: the word trie, the loaded lexicon, mention helpers. */
#ifndef GX_NER_INTERNAL_H
#define GX_NER_INTERNAL_H

#include "gx_ner.h"

#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* A trie of words with an int value each, one step per character (trie.c). */
typedef struct gx_trie {
    int32_t *value;     /* per node (node 0 is the root); -1: no word ends here */
    size_t n, cap;
    gx_u64map edges;    /* parent << 32 | packed UTF-8 character -> the node the edge leads to */
    int32_t *han;       /* if indexed: per CJK character U+4E00–U+9FFF, 1 + the root's child
                         * (0: no word starts with it), so most lookups end without hashing */
    uint64_t *pairs;    /* if indexed: a bit per hashed pair of first two characters of a word,
                         * so that a lookup rarely takes its second step in vain */
    unsigned pair_bits; /* log2 of the bits in pairs: about 16 a node, from 2^10 to 2^20 */
    uint64_t *triples;  /* with pairs: a bit per hashed first three characters of a word, and for a
                         * word of two, its two and GX_TRIE_END — so that a scan stops at fewer
                         * places in vain (发展 begins 发展乡, but 发展经济 no place) */
    bool single;        /* a word of one character was added */
    uint64_t first[16]; /* a bit per hashed first character of a word (gx_trie_first_bit), so that
                         * an unindexed trie (one article's names) answers most lookups inline */
} gx_trie;
void gx_trie_init(gx_trie *t);
/* Adds the first-character index, and for a large trie the first-pair filter (both kept up to date
 * by later adds); for the tries read most. */
void gx_trie_index(gx_trie *t);
void gx_trie_destroy(gx_trie *t);
/* Calls fn with the first character of every word of t (packed as trie.c packs it: its UTF-8 bytes
 * side by side), each once, in no order. */
void gx_trie_first_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg);
/* Calls fn with the first character of every word of t of more than one character, packed
 * likewise, once or more, in no order. */
void gx_trie_longer_first_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg);
/* Calls fn with the last character of every word of t, packed likewise, once or more, in no order. */
void gx_trie_last_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg);
/* The code point of a character packed as the trie packs it (its UTF-8 bytes side by side), or
 * 0x10000 for one outside the BMP or a stray byte. */
static inline uint32_t gx_packed_cp(uint32_t c)
{
    if (c < 0x80)
        return c;
    if (c >> 8 >= 0xC2 && c >> 8 < 0xE0)
        return (c >> 8 & 0x1Fu) << 6 | (c & 0x3Fu);
    if (c >> 16 >= 0xE0 && c >> 16 < 0xF0)
        return (c >> 16 & 0x0Fu) << 12 | (c >> 8 & 0x3Fu) << 6 | (c & 0x3Fu);
    return 0x10000;
}
/* Adds a word; returns the value it had before (-1 if new). */
int32_t gx_trie_add(gx_trie *t, const char *w, size_t len, int32_t value);
/* Adds a word that is not there yet, with value; returns -1 so, else its value (left as it is). */
int32_t gx_trie_add_new(gx_trie *t, const char *w, size_t len, int32_t value);
size_t gx_trie_longest_(const gx_trie *t, const char *s, size_t len, int32_t *value);
/* The bit of gx_trie.first for a character packed as trie.c packs it (its UTF-8 bytes). */
static inline unsigned gx_trie_first_bit(uint32_t packed)
{
    return (packed * 2654435761u) >> 22;
}
/* May a word of t start with the three-byte character u[0..2]?  False is certain: an indexed
 * trie knows for each CJK character, any trie (by a hashed bit) for most characters. */
static inline bool gx_trie_may_start3(const gx_trie *t, const unsigned char *u)
{
    uint32_t cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
    if (t->han && cp - 0x4E00u <= 0x9FFFu - 0x4E00u)
        return t->han[cp - 0x4E00] != 0;
    unsigned b = gx_trie_first_bit((uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2]);
    return t->first[b >> 6] >> (b & 63) & 1;
}
/* The bit of a pair filter of 2^bits bits for the characters a then b (packed as trie.c packs
 * them): one multiply of the two side by side, its top bits. */
static inline uint32_t gx_trie_pair_bit(uint32_t a, uint32_t b, unsigned bits)
{
    return (uint32_t)(((uint64_t)a << 24 ^ b) * 0x9E3779B97F4A7C15ull >> (64 - bits));
}
/* Is a bit of t->pairs set for the characters a and b?  False is certain: no word of t starts
 * with a then b. */
static inline bool gx_trie_pair_may(const gx_trie *t, uint32_t a, uint32_t b)
{
    uint32_t h = gx_trie_pair_bit(a, b, t->pair_bits);
    return t->pairs[h >> 6] >> (h & 63) & 1;
}
/* The third "character" of a word of two in the three-character filter: no packed character. */
#define GX_TRIE_END 0xFFFFFFFFu
/* The bit of the three-character filter (2^(bits + 1) bits, for a pair filter of 2^bits) for the
 * characters a, b then c (or GX_TRIE_END). */
static inline uint32_t gx_trie_triple_bit(uint32_t a, uint32_t b, uint32_t c, unsigned bits)
{
    uint64_t ab = ((uint64_t)a << 24 ^ b) * 0x9E3779B97F4A7C15ull;
    return (uint32_t)((ab ^ c) * 0xC2B2AE3D27D4EB4Full >> (64 - (bits + 1)));
}
/* Is a bit of t->triples set for a, b and c?  False is certain: no word of t starts with the three
 * (with c GX_TRIE_END: no word is the two alone). */
static inline bool gx_trie_triple_may(const uint64_t *triples, unsigned pair_bits, uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t h = gx_trie_triple_bit(a, b, c, pair_bits);
    return triples[h >> 6] >> (h & 63) & 1;
}
/* The rest of gx_trie_longest from node, which the three-byte character at s (`first`, packed as
 * trie.c packs it) leads to from the root (trie.c).  It does not read the pair filter: the caller
 * has, where it tells anything. */
size_t gx_trie_walk_(const gx_trie *t, const char *s, size_t len, int32_t *value, int32_t node, uint32_t first);
/* gx_trie_longest, and with pairs false gx_trie_longest_paired: they differ only in whether the
 * pair filter is read at a first step the index gives. */
static inline __attribute__((always_inline)) size_t gx_trie_longest_by(const gx_trie *t, const char *s, size_t len,
                                                                     int32_t *value, bool pairs)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len >= 3 && u[0] - 0xE0u < 0x10u) { /* a three-byte character */
        uint32_t cp = (u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu);
        if (t->han && cp - 0x4E00u <= 0x9FFFu - 0x4E00u) {
            int32_t node = t->han[cp - 0x4E00];
            if (!node)
                return 0;
            uint32_t packed = (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
            const unsigned char *v = u + 3; /* the next character: most often no word goes on with it */
            if (pairs && t->pairs && len >= 6 && v[0] - 0xE0u < 0x10u &&
                !gx_trie_pair_may(t, packed, (uint32_t)v[0] << 16 | (uint32_t)v[1] << 8 | v[2])) {
                int32_t w = t->value[node - 1];
                if (w < 0)
                    return 0;
                if (value)
                    *value = w;
                return 3;
            }
            return gx_trie_walk_(t, s, len, value, node - 1, packed);
        }
        if (!gx_trie_may_start3(t, u))
            return 0;
    }
    return gx_trie_longest_(t, s, len, value);
}
/* Length of the longest word that starts at s (0 if none); *value gets its value.  Inline for
 * the commonest answers: no word starts with this three-byte character, or (an indexed trie, a
 * CJK character) the index gives the first step.  s is valid UTF-8, as everything after ingest is
 * (gx_ingest.h): a lead byte E0–EF is taken to have its two continuation bytes. */
static inline size_t gx_trie_longest(const gx_trie *t, const char *s, size_t len, int32_t *value)
{
    return gx_trie_longest_by(t, s, len, value, true);
}
/* gx_trie_longest for a caller that has read the pair filter already (the places' scan,
 * whose scan bits place_may_start in ner.c made): the same answer, without reading it again. */
static inline size_t gx_trie_longest_paired(const gx_trie *t, const char *s, size_t len, int32_t *value)
{
    return gx_trie_longest_by(t, s, len, value, false);
}
/* Value of exactly this word, or -1. */
int32_t gx_trie_get(const gx_trie *t, const char *w, size_t len);

/* A small set of words for one article (its officials' forms, its firms' aliases), each with an
 * int value (words.c): cheaper to build than a trie for a few dozen words, and as quick to read
 * (the reading inline, below). */
enum { GX_WORDS_FIRSTS = 8 }; /* the first characters gx_words_next looks for side by side */
typedef struct gx_word {
    size_t at, len; /* its spelling: bytes [at, at + len) of gx_words.text */
    int32_t next;   /* the word added before it in its bucket, or -1 */
    int32_t value;
} gx_word;
typedef struct gx_words {
    gx_word *w;
    size_t n, cap;
    int32_t *head;      /* per bucket of first characters, the last word added, or -1 */
    size_t buckets;     /* a power of two, at least half the words */
    uint64_t first[16]; /* gx_words_first_bit of each word's first character, if three bytes */
    bool four;          /* some word starts with a four-byte character */
    uint32_t han_first[GX_WORDS_FIRSTS]; /* the distinct three-byte Han characters words start
                                          * with (packed as the trie packs them), while they fit */
    size_t nfirst;      /* how many: GX_WORDS_FIRSTS + 1 once they do not fit */
    gx_buf text;        /* the spellings, one after another */
} gx_words;
/* The bit of gx_words.first for the three-byte character at u: its code point's low ten bits,
 * which spread a text's Han characters evenly, in four operations. */
static inline unsigned gx_words_first_bit(const unsigned char *u)
{
    return (u[1] & 0x0Fu) << 6 | (u[2] & 0x3Fu);
}
/* An empty set, with room for about `words` words of `bytes` bytes in all. */
void gx_words_init(gx_words *ws, size_t words, size_t bytes);
void gx_words_destroy(gx_words *ws);
/* Adds a word unless it is there: returns the value it keeps, or -1 if it was added (or is empty,
 * and so not added). */
int32_t gx_words_add(gx_words *ws, const char *w, size_t len, int32_t value);
/* The first character of s (len > 0 bytes), packed as the trie packs a three-byte one, and its
 * length. */
static inline uint32_t gx_words_char(const char *s, size_t len, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t n = gx_utf8_len(u[0]);
    n = n <= len ? n : 1;
    uint32_t c = 0;
    for (size_t j = 0; j < n; j++)
        c = c << 8 | u[j];
    *k = n;
    return c;
}
static inline size_t gx_words_bucket(const gx_words *ws, uint32_t c)
{
    return (c * 2654435761u) >> 7 & (ws->buckets - 1);
}
/* The longest word that starts s (len bytes), or NULL; with exact, only one of exactly len bytes. */
static inline const gx_word *gx_words_at(const gx_words *ws, const char *s, size_t len, bool exact)
{
    if (!ws->n || !len)
        return NULL;
    const gx_word *best = NULL;
    size_t k;
    for (int32_t j = ws->head[gx_words_bucket(ws, gx_words_char(s, len, &k))]; j >= 0; j = ws->w[j].next) {
        const gx_word *w = &ws->w[j];
        if ((exact ? w->len == len : w->len <= len && (!best || w->len > best->len)) &&
            memcmp(ws->text.data + w->at, s, w->len) == 0)
            best = w;
    }
    return best;
}
/* The value of exactly this word, or -1. */
static inline int32_t gx_words_get(const gx_words *ws, const char *w, size_t len)
{
    const gx_word *had = gx_words_at(ws, w, len, true);
    return had ? had->value : -1;
}
/* The length of the longest word that starts s (0 if none), and *value its value. */
static inline size_t gx_words_longest(const gx_words *ws, const char *s, size_t len, int32_t *value)
{
    const gx_word *w = gx_words_at(ws, s, len, false);
    if (!w)
        return 0;
    *value = w->value;
    return w->len;
}

typedef enum title_kind { TK_OFFICE = 0, TK_GROUP, TK_ROLE, TK_JOURNALIST } title_kind;
typedef enum surname_kind { SN_STRONG = 1, SN_WEAK = 2 } surname_kind;
typedef enum event_word { EW_VISIT = 0, EW_CEREMONY } event_word;
typedef enum place_level { PL_PROVINCE = 0, PL_PREFECTURE, PL_COUNTY, PL_TOWN, PL_COUNTRY, PL_REGION, PL_ZONE, PL_VILLAGE, PL_CITY } place_level;

typedef struct place {
    const char *code, *name, *parent;
    place_level level;
} place;

typedef struct user_entity {
    char *name;
    gx_etype type;
    char *aliases;
} user_entity;

/* The values of gx_lexicon.abbrev: the place's index << ABBR_SHIFT, with these flags; and of
 * gx_lexicon.abbrev_lead: which forms the word may stand before. */
enum { ABBR_TRAVEL = 1, ABBR_ALONE = 2, ABBR_AT = 4, ABBR_SHIFT = 3 };
enum { LEAD_TRAVEL = 1, LEAD_AT = 2 };

struct gx_lexicon {
    gx_trie titles;      /* value: title_kind */
    gx_trie surnames;    /* value: surname_kind */
    gx_trie follow;      /* words after names; value 1 */
    gx_trie name_stop;   /* ordinary words never a name (data/name_stop.tsv); value 0 name, 1 given */
    gx_trie csuffix;     /* company legal suffixes */
    gx_trie cbound_rev;  /* words before a company name, reversed, for scanning backwards */
    gx_trie clead;       /* words dropped from the front of a name (该, 一家) */
    gx_trie cgeneric;    /* words that are never a name alone */
    gx_trie cindustry;   /* industry words a trade name drops */
    gx_trie cproject;    /* words after a firm named without its suffix (产业化基地, 项目) */
    gx_trie cgroup;      /* words after a list of such firms (车企, 企业, 品牌) */
    gx_trie cinname;     /* words of trade names that begin with a boundary word (经纬, 在线, 同方) */
    gx_trie events;      /* value: event_word */
    gx_trie places;      /* names and short forms; value: first entry in spell[] for that spelling */
    gx_trie place_sfx;   /* zone/village suffixes; value: place_level */
    gx_trie place_stop;  /* spellings never read as places (data/place_stop.tsv) */
    gx_trie place_org;   /* words that make an organisation of the place before them (中国队, 北京大学) */
    gx_trie abbrev;      /* one-character country forms (中, 美); value: index into place[] << ABBR_SHIFT, + ABBR_TRAVEL
                          * if the form also stands alone after a verb of travel (访华, 赴美), + ABBR_ALONE
                          * if it stands for its country anywhere outside an organisation's name (俄),
                          * + ABBR_AT if also after 在 or 对 (在京, 对华) */
    gx_trie pair_follow; /* words after a run of them that make it a pair of countries (中美关系) */
    gx_trie pair_word;   /* two of them that are a pair wherever they stand (印巴, 港台) */
    gx_trie abbrev_lead; /* verbs of travel before one of them (访华, 抵京, 赴美); value LEAD_TRAVEL,
                          * or LEAD_AT for words only before those marked ABBR_AT (在京, 对华) */
    gx_trie not_place;   /* words that hold a place's name but are no place (发展中国家) */
    gx_trie not_lead;    /* words that never start a zone's or village's name (全省, 区域) */
    place *place;
    size_t nplace, cplace;
    char **texts; /* the data files read, kept whole: place[]'s strings point into them */
    size_t ntext, ctext;
    /* Divisions sharing a spelling, as chains: one entry per (spelling, division), so a division
     * indexed under its full and short name sits in two chains without linking them. */
    struct place_spell {
        int32_t place, next; /* index into place[]; next entry with the same spelling, or -1 */
    } *spell;
    size_t nspell, cspell;
    gx_trie user;        /* user lexicon names and aliases; value: index into user[] */
    user_entity *user_ent;
    size_t nuser, cuser;
    gx_trie stop;        /* names never to be entities */
    char home[16];       /* --home: the paper's division code; "" for none */
    uint64_t translit[1024]; /* bit per BMP character: used in transliterated names (lexicon.c) */
    uint64_t industry_last[1024]; /* bit per BMP character that ends a word of cindustry (lexicon.c) */
    bool industry_last_astral;    /* and whether a character beyond the BMP ends one */
    uint16_t *starts;    /* per BMP character (its code point): the scan_bit of each trie a word of
                          * which starts with it, SB_TRANSLIT, and SB_NOT_HAN for any but U+4E00–
                          * U+9FFF; every bit (0xFFFF) for the other Han characters (gx_cp_is_han) */
};

/* The tries the recognisers look up at every character of an article, and the transliteration
 * characters, as bits of gx_lexicon.starts: a scan that needs none of them at a character moves
 * on after one table lookup instead of one per trie. */
enum scan_bit {
    SB_TITLES = 1u << 0, SB_CSUFFIX = 1u << 1, SB_CPROJECT = 1u << 2, SB_EVENTS = 1u << 3,
    SB_PLACES = 1u << 4, SB_NOT_PLACE = 1u << 5, SB_PLACE_SFX = 1u << 6, SB_ABBREV = 1u << 7,
    SB_ABBREV_LEAD = 1u << 8, SB_TRANSLIT = 1u << 9,
    /* not in the table: an article's extraction adds them from the corpus's names (gx_names), at
     * Han characters only, the only ones where gx_trie_han_skip looks for a name */
    SB_KNOWN_FIRMS = 1u << 10, SB_KNOWN_OFFICIALS = 1u << 11,
    /* no scan's: the table says that a place is this character alone (starts_start reads it) */
    SB_PLACE_ALONE = 1u << 12,
    /* no scan's: a country's form or a travel verb before one that needs no neighbour to be read
     * (俄 stands alone; a form or verb of more than one character) — without it, starts_start keeps
     * SB_ABBREV and SB_ABBREV_LEAD only where the next character lets country_forms read one */
    SB_ABBREV_FREE = 1u << 13,
    /* no scan's: the character is not a Han one of U+4E00–U+9FFF (set in every bit too) */
    SB_NOT_HAN = 1u << 15
};
enum { STARTS_COUNT = 0x10000 }; /* the tables of scan bits are indexed by code point */
_Static_assert(SB_ABBREV_FREE < SB_NOT_HAN, "SB_NOT_HAN is a bit of its own");

/* The code point of the Han character of U+4E00–U+9FFF at the start of s (len bytes, valid UTF-8),
 * or -1 for any other. */
static inline int32_t gx_han_cp(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    if (len < 3 || u[0] - 0xE4u > 0xE9u - 0xE4u)
        return -1;
    int32_t cp = (int32_t)((u[0] & 0x0Fu) << 12 | (u[1] & 0x3Fu) << 6 | (u[2] & 0x3Fu));
    return cp >= 0x4E00 ? cp : -1;
}

/* The scan bits at byte i of the text being extracted (x->starts, which gx_ner_extract and
 * gx_names_collect read before any recogniser runs): a bit that is clear says that no word of
 * its trie starts there, as the trie itself would. */
static inline uint32_t gx_starts_of(const gx_extraction *x, size_t i)
{
    return x->starts[i];
}
/* Are scan bits that gx_starts_of gave a character's own, with no SB_NOT_HAN: so the character at
 * i is a three-byte one of U+4E00–U+9FFF, a Han character, as gx_is_han_at would say? */
static inline bool gx_starts_han(uint32_t here)
{
    return !(here & SB_NOT_HAN);
}

/* Where a scan of the text being extracted for words of the `bits` tries goes on from i: i, or
 * past the characters no such word starts with; len if the text ends first.  The scan bits are 0
 * at a character's continuation bytes, so this reads them byte by byte: eight at a step with SSE2
 * (every x86-64), then one at a time. */
static inline size_t gx_scan_to(const gx_extraction *x, size_t i, size_t len, uint32_t bits)
{
    const uint16_t *st = x->starts;
#ifdef __SSE2__
    const __m128i want = _mm_set1_epi16((short)bits), zero = _mm_setzero_si128();
    for (; i + 16 <= len; i += 16) { /* sixteen a step while the text lasts (one bit each), then eight */
        __m128i a = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(st + i)), want);
        __m128i b = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(st + i + 8)), want);
        __m128i za = _mm_cmpeq_epi16(a, zero), zb = _mm_cmpeq_epi16(b, zero); /* 0 or -1: packed exactly */
        unsigned none = (unsigned)_mm_movemask_epi8(_mm_packs_epi16(za, zb));
        if (none != 0xFFFFu)
            return i + (size_t)__builtin_ctz(~none);
    }
    for (; i + 8 <= len; i += 8) {
        __m128i v = _mm_and_si128(_mm_loadu_si128((const __m128i *)(const void *)(st + i)), want);
        unsigned none = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi16(v, zero)); /* two bits a byte */
        if (none != 0xFFFFu)
            return i + (size_t)__builtin_ctz(~none) / 2;
    }
#endif
    while (i < len && !(st[i] & bits))
        i++;
    return i;
}

/* May cp be the last character of an industry word (汽车, 精机)?  False is certain. */
static inline bool gx_industry_last_char(const gx_lexicon *lex, uint32_t cp)
{
    return cp < 0x10000 ? lex->industry_last[cp >> 6] >> (cp & 63) & 1 : lex->industry_last_astral;
}

/* Is cp a character of transliterated names (萨, 斯, ·)? */
static inline bool gx_translit_char(const gx_lexicon *lex, uint32_t cp)
{
    return cp < 0x10000 && (lex->translit[cp >> 6] >> (cp & 63) & 1);
}

/* Appends a mention; strings are copied ("" for NULL). */
/* Sets a mention's string field (titles, aliases, code, parent) to a copy of value, freeing the
 * old one: fields start as one shared "" that is never freed (most mentions keep it). */
void gx_x_set(char **field, const char *value);
gx_mention *gx_x_add(gx_extraction *x, gx_etype type, size_t start, size_t end, const char *name,
                     size_t name_len, const char *titles, unsigned flags);
/* Appends an event; the caller records each (kind, official, company) once (visits.c keeps the set). */
void gx_x_add_event(gx_extraction *x, gx_event_kind k, const char *official, const char *company,
                    gx_date date, gx_span evidence);

/* Is the byte range already covered by a mention of one of the types in `mask`
 * (1u << type)? */
bool gx_x_covered(const gx_extraction *x, size_t start, size_t end, unsigned mask);
/* Is the byte at i known to be covered by a mention of one of the types in `mask`?  (False when
 * no coverage map is kept.)  A word starting there would overlap it: a scan need not look it up. */
static inline bool gx_x_taken_at(const gx_extraction *x, size_t i, unsigned mask)
{
    return i < x->cover_len && (x->cover[i] & mask);
}

struct gx_names {
    gx_trie trie;         /* officials; value 1 */
    gx_strvec list;
    gx_trie firms;        /* a firm's short name -> index in firm_names; FIRM_SHARED if two firms share it */
    gx_strmap firm_index; /* full name -> index in firm_names */
    gx_strvec firm_names; /* full names */
    gx_strvec pair_alias, pair_full; /* the (short name, firm) pairs of the set, for merging; a set
                                      * gx_names_collect fills has only these, indexed when merged */
    uint16_t *starts; /* once the set is indexed (merged into), per Han character of U+4E00–U+9FFF
                       * (by code point, as the lexicon's scan table): SB_KNOWN_OFFICIALS and
                       * SB_KNOWN_FIRMS where a word of trie or firms starts with it, as their
                       * character indexes say; kept up to date by every add, so pass 2's scan bits
                       * read one table, not two indexes */
};
enum { FIRM_SHARED = -2 };

/* The recognisers, run in this order by gx_ner_extract. */
/* The division a spelling names (entry from lex->places): the highest level among those sharing it
 * (a province over a town of the same name); the first listed wins ties. */
const place *gx_place_best(const gx_lexicon *lex, int32_t entry);

/* Officials (and other persons, journalists) named with a title or in a list, and their later
 * mentions in the article; then, after them, bare mentions of officials the corpus confirms
 * (许静出席), which need `known`. */
void gx_ner_officials(const gx_lexicon *lex, const gx_article *a, gx_extraction *x);
void gx_ner_known_officials(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_extraction *x);
/* Later mentions (later.c) of the officials found since mention `first`: the bare name, 仲书记,
 * 军波同志; run by gx_ner_officials. */
void gx_ner_later_mentions(const gx_lexicon *lex, const gx_article *a, gx_extraction *x, size_t first);
void gx_ner_companies(const gx_lexicon *lex, const gx_article *a, gx_extraction *x);
/* Is [b, e) of s made of industry words only (or empty)? */
bool gx_industry_only(const gx_lexicon *lex, const char *s, size_t b, size_t e);
/* Short names of the firms found since mention `first` resolve within the article, then the
 * corpus's (known, may be NULL) across it. */
void gx_ner_company_aliases(const gx_names *known, const gx_article *a, gx_extraction *x, size_t first);
/* Firms without a legal suffix (bare_firms.c), run by gx_ner_companies. */
void gx_ner_bare_firms(const gx_lexicon *lex, const gx_article *a, gx_extraction *x);
/* Does a word that stands before company names (在, 位于…的) end at byte p? */
bool gx_company_boundary_before(const gx_lexicon *lex, const char *s, size_t p);
void gx_ner_places(const gx_lexicon *lex, const gx_article *a, gx_extraction *x);
void gx_ner_events(const gx_lexicon *lex, const gx_article *a, gx_extraction *x);

/* Character helpers over valid UTF-8. */
static inline bool gx_is_han_at(const char *s, size_t i, size_t len)
{
    return i < len && (unsigned char)s[i] >= 0xE3 && gx_cp_is_han(gx_utf8_at(s + i, NULL));
}
/* gx_words_next for a set whose words start with a few three-byte Han characters (and no
 * four-byte one): the first byte from i where one of them stands, found by their three bytes side
 * by side, sixteen places at a step with SSE2 (every x86-64), or len.  A lead byte is never a
 * continuation byte, so where the three bytes stand a character starts. */
size_t gx_words_next_few(const gx_words *ws, const char *s, size_t i, size_t len);
/* As gx_trie_next_han for a set of words: the first character boundary from i (of valid UTF-8
 * text) where a Han character stands that may start a word, or len. */
static inline size_t gx_words_next(const gx_words *ws, const char *s, size_t i, size_t len)
{
    if (ws->nfirst <= GX_WORDS_FIRSTS && !ws->four)
        return gx_words_next_few(ws, s, i, len);
    const unsigned char *u = (const unsigned char *)s;
    while (i < len) {
        unsigned c = u[i];
        if (c - 0xE3u < 0xF0u - 0xE3u) {
            if (i + 3 > len)
                return len;
            unsigned b = gx_words_first_bit(u + i);
            if (ws->first[b >> 6] >> (b & 63) & 1 && gx_is_han_at(s, i, len))
                return i;
            i += 3;
        } else if (c >= 0xF0) {
            if (ws->four && gx_is_han_at(s, i, len))
                return i;
            i += 4;
        } else {
            i += gx_utf8_len((unsigned char)c);
        }
    }
    return len;
}
/* 0 if a Han character that may start a word of t stands at byte i (a boundary of valid UTF-8
 * text before len), else the bytes to the next character. */
static inline size_t gx_trie_han_skip(const gx_trie *t, const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[i];
    if (c < 0xE3) /* no Han character starts below */
        return gx_utf8_len((unsigned char)c);
    if (c < 0xF0) /* the trie's own filter first: for an article's few names it mostly says no */
        return i + 3 <= len && gx_trie_may_start3(t, u + i) && gx_is_han_at(s, i, len) ? 0 : 3;
    return gx_is_han_at(s, i, len) ? 0 : 4;
}
/* The first character boundary from i (a boundary of valid UTF-8 text) where a Han character
 * stands that may start a word of t, or len: where a scan for t's words need look. */
static inline size_t gx_trie_next_han(const gx_trie *t, const char *s, size_t i, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t k; i < len; i += k) {
        /* an unindexed trie (an article's few names), a three-byte character: as gx_trie_han_skip
         * would answer 3, but tested in a tight loop */
        while (!t->han && i + 3 <= len && u[i] - 0xE3u < 0xF0u - 0xE3u && !gx_trie_may_start3(t, u + i))
            i += 3;
        if (i >= len || !(k = gx_trie_han_skip(t, s, i, len)))
            return i < len ? i : len;
    }
    return len;
}
/* Where a scan of the text being extracted goes on from i for a trie t whose scan bit is `bit`
 * (SB_KNOWN_*): as gx_trie_next_han, but past the characters the extraction's scan bits rule out. */
static inline size_t gx_scan_han(const gx_extraction *x, const gx_trie *t, const char *s, size_t i, size_t len,
                                 uint32_t bit)
{
    for (size_t k; (i = gx_scan_to(x, i, len, bit)) < len; i += k) /* then one character at a time */
        if (!(k = gx_trie_han_skip(t, s, i, len)))
            return i;
    return len;
}
/* Does the word w stand at byte i? */
static inline bool gx_at(const char *s, size_t i, size_t len, const char *w)
{
    size_t n = strlen(w);
    return i <= len && n <= len - i && memcmp(s + i, w, n) == 0;
}
/* Does the word w end at byte e? */
static inline bool gx_ends_at(const char *s, size_t e, const char *w)
{
    size_t n = strlen(w);
    return e >= n && memcmp(s + e - n, w, n) == 0;
}
/* Is the character at byte i one of the characters of `set` ("的和与")? */
static inline bool gx_char_in(const char *set, const char *s, size_t i)
{
    if (!s[i])
        return false;
    char ch[5] = {0};
    memcpy(ch, s + i, gx_utf8_len((unsigned char)s[i]));
    return strstr(set, ch) != NULL;
}
/* Byte offset after `n` characters from i (stops at len). */
size_t gx_adv_chars(const char *s, size_t i, size_t len, size_t n);

#endif
