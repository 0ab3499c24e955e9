/* test_trie.c — the word trie (ner/trie.c) against a brute-force reading of the same words: small
 * tries, indexed ones (whose first-pair filter is sized for their nodes and rebuilt as they grow),
 * with words added before and after indexing, stray bytes and shared prefixes. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "../../ner/internal.h" /* the trie is internal to the NER stage */

/* A deterministic generator (xorshift), so a failure is the same on every run. */
static uint64_t rng = 88172645463325252ull;
static uint32_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (uint32_t)rng;
}

/* The pieces words are made of: CJK characters (a few, so prefixes are shared), ASCII, a
 * two-byte character, and a stray continuation byte. */
static const char *const PIECES[] = {"平", "湖", "市", "独", "山", "港", "镇", "中", "国", "A", "b", "é", "\x80", "经"};
enum { NPIECES = sizeof PIECES / sizeof *PIECES, MAXW = 64 };

static size_t make_word(char *w, size_t max_pieces)
{
    size_t n = 0, k = 1 + next() % max_pieces;
    for (size_t i = 0; i < k; i++) {
        const char *p = PIECES[next() % NPIECES];
        memcpy(w + n, p, strlen(p));
        n += strlen(p);
    }
    return n;
}

typedef struct word {
    char s[MAXW];
    size_t n;
    int32_t v;
} word;

/* Adds w to the trie and to the kept words (a later duplicate overwrites the value, as
 * gx_trie_add does). */
static void add_word(gx_trie *t, word *ws, size_t *kept, word w)
{
    gx_trie_add(t, w.s, w.n, w.v);
    size_t j = 0;
    while (j < *kept && !(ws[j].n == w.n && memcmp(ws[j].s, w.s, w.n) == 0))
        j++;
    if (j == *kept)
        ++*kept;
    ws[j] = w;
}

/* The longest of the words that s starts with, by trying each of them. */
static size_t brute_longest(const word *ws, size_t nw, const char *s, size_t len, int32_t *value)
{
    size_t best = 0;
    for (size_t i = 0; i < nw; i++)
        if (ws[i].n <= len && ws[i].n > best && memcmp(ws[i].s, s, ws[i].n) == 0) {
            best = ws[i].n;
            *value = ws[i].v;
        }
    return best;
}

/* The k-th CJK character from U+4E00, as UTF-8 (three bytes). */
static void put_han(char *out, uint32_t k)
{
    uint32_t cp = 0x4E00 + k;
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
}

/* The character at s packed as trie.c packs it (its UTF-8 bytes side by side; a stray byte alone). */
static uint32_t packed(const char *s, size_t len, size_t *k)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] - 0xE0u < 0x10u && len >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
        *k = 3;
        return (uint32_t)u[0] << 16 | (uint32_t)u[1] << 8 | u[2];
    }
    if (u[0] >= 0xC2 && u[0] < 0xE0 && len >= 2 && (u[1] & 0xC0) == 0x80) {
        *k = 2;
        return (uint32_t)u[0] << 8 | u[1];
    }
    *k = 1;
    return u[0];
}

/* Does a word of two characters or more begin s (len bytes), or is one its first two characters
 * alone (b2 bytes)? */
static bool word_begins(const word *ws, size_t kept, const char *s, size_t len, size_t b2)
{
    for (size_t i = 0; i < kept; i++)
        if (ws[i].n >= b2 && ws[i].n <= len && memcmp(ws[i].s, s, ws[i].n) == 0)
            return true;
    return false;
}

/* The first-pair and three-character filters of an indexed trie let every word through: its first
 * two characters, and its third (GX_TRIE_END for a word of two).  And the three-character filter
 * rules out most third characters that no word goes on with: of a word's first two characters
 * (not a word themselves) and a random one of the first `alphabet` CJK characters that no word
 * begins with, fewer than one in ten passes (the scan of places reads it so, in ner.c).  With
 * alphabet 0, the words only (a few pieces make most pairs words themselves). */
static void check_triples(const gx_trie *t, const word *ws, size_t kept, uint32_t alphabet)
{
    CHECK(t->pairs != NULL && t->triples != NULL);
    int bad = 0, tried = 0, passed = 0;
    for (size_t i = 0; i < kept && bad < 5; i++) {
        size_t k1, k2, k3;
        uint32_t a = packed(ws[i].s, ws[i].n, &k1);
        if (k1 == ws[i].n)
            continue; /* one character: no pair */
        uint32_t b = packed(ws[i].s + k1, ws[i].n - k1, &k2);
        uint32_t c = k1 + k2 == ws[i].n ? GX_TRIE_END : packed(ws[i].s + k1 + k2, ws[i].n - k1 - k2, &k3);
        bool ok = gx_trie_pair_may(t, a, b) && gx_trie_triple_may(t->triples, t->pair_bits, a, b, c);
        if (!ok) {
            gx_t_fail(__FILE__, __LINE__, "the filters rule out the word %.*s", (int)ws[i].n, ws[i].s);
            bad++;
        }
        gx_t_checks++;
        for (int q = 0; alphabet && q < 8; q++) { /* the same two with a third no word goes on with */
            char s[MAXW];
            memcpy(s, ws[i].s, k1 + k2);
            put_han(s + k1 + k2, next() % alphabet);
            if (word_begins(ws, kept, s, k1 + k2 + 3, k1 + k2))
                continue;
            uint32_t other = packed(s + k1 + k2, 3, &k3);
            tried++;
            passed += gx_trie_triple_may(t->triples, t->pair_bits, a, b, other) ||
                      gx_trie_triple_may(t->triples, t->pair_bits, a, b, GX_TRIE_END);
        }
    }
    if (alphabet) {
        CHECK(tried > 1000);
        CHECK(passed * 10 < tried);
    }
}

/* Adds nw random words (a later duplicate overwrites the value, as gx_trie_add does), indexing
 * the trie half-way when asked, then checks lookups of random strings against brute force. */
static void check_against_brute(size_t nw, size_t max_pieces, bool index, bool filter)
{
    gx_trie t;
    gx_trie_init(&t);
    word *ws = calloc(nw, sizeof *ws);
    size_t kept = 0;
    for (size_t i = 0; i < nw; i++) {
        word w = {.v = (int32_t)i};
        w.n = make_word(w.s, max_pieces);
        add_word(&t, ws, &kept, w);
        if (index && i == nw / 2)
            gx_trie_index(&t);
    }
    CHECK(!filter || t.pairs != NULL); /* the filter was built, so the lookups below go through it */
    int bad = 0;
    for (int q = 0; q < 3000 && bad < 5; q++) {
        char s[MAXW * 2];
        size_t len = make_word(s, max_pieces + 2);
        int32_t want_v = -1, got_v = -1;
        size_t want = brute_longest(ws, kept, s, len, &want_v);
        size_t got = gx_trie_longest(&t, s, len, &got_v);
        if (got != want || (want && got_v != want_v)) {
            gx_t_fail(__FILE__, __LINE__, "longest: got %zu (value %d), want %zu (value %d)", got, got_v, want,
                      want_v);
            bad++;
        }
        gx_t_checks++;
    }
    for (size_t i = 0; i < kept; i += 7)
        CHECK_EQ_INT(gx_trie_get(&t, ws[i].s, ws[i].n), ws[i].v);
    CHECK_EQ_INT(gx_trie_get(&t, "", 0), -1);
    if (filter)
        check_triples(&t, ws, kept, 0);
    free(ws);
    gx_trie_destroy(&t);
}

static void test_small_trie(void)
{
    check_against_brute(300, 4, false, false);
}

static void test_indexed_trie(void)
{
    check_against_brute(3000, 5, true, false);
}

/* A large indexed trie (the filter at its largest); words added after indexing must pass it. */
static void test_large_trie_with_filter(void)
{
    check_against_brute(12000, 8, true, true);
}

/* As gx_names_merge does: an empty trie indexed, then grown word by word past several sizes of
 * its first-pair filter, from a few hundred CJK characters (so that most pairs are not words and
 * the filter, read inline by gx_trie_longest, answers); checked after each doubling. */
static void test_filter_grown_from_empty(void)
{
    gx_trie t;
    gx_trie_init(&t);
    gx_trie_index(&t);
    enum { NW = 6000 };
    word *ws = calloc(NW, sizeof *ws);
    size_t kept = 0;
    unsigned bits_seen = 0;
    for (size_t i = 0; i < NW; i++) {
        word w = {.v = (int32_t)i};
        for (size_t k = 0, m = 1 + next() % 4; k < m; k++) {
            put_han(w.s + w.n, next() % 300);
            w.n += 3;
        }
        add_word(&t, ws, &kept, w);
        if ((i & (i + 1)) != 0 && i + 1 != NW)
            continue; /* check at 1, 2, 4, … words and at the end */
        bits_seen |= 1u << t.pair_bits;
        for (int q = 0; q < 400; q++) {
            char s[16];
            size_t len = 0;
            for (int k = 0; k < 4; k++, len += 3)
                put_han(s + len, next() % 300);
            const word *start = &ws[next() % kept];
            if (q % 2) /* half the strings start with a word (or its first two characters) */
                memcpy(s, start->s, start->n <= 6 ? start->n : 6);
            int32_t want_v = -1, got_v = -1;
            size_t want = brute_longest(ws, kept, s, len, &want_v);
            CHECK_EQ_INT(gx_trie_longest(&t, s, len, &got_v), want);
            if (want)
                CHECK_EQ_INT(got_v, want_v);
        }
    }
    check_triples(&t, ws, kept, 300);
    CHECK(bits_seen & 1u << 10); /* the smallest filter, and a larger one it was rebuilt as */
    CHECK(bits_seen & ~(1u << 10));
    free(ws);
    gx_trie_destroy(&t);
}

static void collect_first(uint32_t packed, void *arg)
{
    uint32_t *seen = arg;
    for (int k = 0; k < 8; k++)
        if (seen[k] == packed || !seen[k]) {
            seen[k] = packed;
            return;
        }
}

/* The first characters of the words of more than one character: 湖 (湖市) and 中 (中国), not 平 (平
 * alone) nor 市 (no word starts with it). */
static void test_longer_first_chars(void)
{
    gx_trie t;
    gx_trie_init(&t);
    gx_trie_add(&t, "平", strlen("平"), 1);
    gx_trie_add(&t, "湖市", strlen("湖市"), 2);
    gx_trie_add(&t, "中国", strlen("中国"), 3);
    gx_trie_add(&t, "中", strlen("中"), 4);
    uint32_t seen[8] = {0};
    gx_trie_longer_first_chars(&t, collect_first, seen);
    uint32_t hu = 0xE6B996, zhong = 0xE4B8AD; /* 湖, 中 packed: their UTF-8 bytes */
    CHECK((seen[0] == hu && seen[1] == zhong) || (seen[0] == zhong && seen[1] == hu));
    CHECK_EQ_INT(seen[2], 0);
    gx_trie_destroy(&t);
}

static void test_words_and_values(void)
{
    gx_trie t;
    gx_trie_init(&t);
    CHECK_EQ_INT(gx_trie_add(&t, "平湖", strlen("平湖"), 1), -1);
    CHECK_EQ_INT(gx_trie_add(&t, "平湖市", strlen("平湖市"), 2), -1);
    CHECK(!t.single); /* no word of one character yet (the scan bits' filters rely on it) */
    CHECK_EQ_INT(gx_trie_add(&t, "平湖", strlen("平湖"), 3), 1); /* returns the old value */
    int32_t v = -1;
    CHECK_EQ_INT(gx_trie_longest(&t, "平湖市长", strlen("平湖市长"), &v), strlen("平湖市"));
    CHECK_EQ_INT(v, 2);
    CHECK_EQ_INT(gx_trie_longest(&t, "平湖秋月", strlen("平湖秋月"), &v), strlen("平湖"));
    CHECK_EQ_INT(v, 3);
    /* a length that cuts a character: no word there */
    CHECK_EQ_INT(gx_trie_longest(&t, "平湖市", strlen("平湖市") - 1, &v), strlen("平湖"));
    CHECK_EQ_INT(gx_trie_get(&t, "平", strlen("平")), -1);
    gx_trie_index(&t);
    CHECK_EQ_INT(gx_trie_longest(&t, "湖平", strlen("湖平"), NULL), 0);
    CHECK_EQ_INT(gx_trie_add(&t, "湖", strlen("湖"), 4), -1);
    CHECK(t.single);
    CHECK_EQ_INT(gx_trie_longest(&t, "湖平", strlen("湖平"), NULL), strlen("湖"));
    gx_trie_destroy(&t);
}

/* Pieces of valid UTF-8 text for the word sets: Han characters (〇 and 㐀 among them, outside
 * U+4E00–U+9FFF), ASCII, a two-byte character and a three-byte one that is not Han (、). */
static const char *const TEXT_PIECES[] = {"平", "湖", "市", "独", "山", "港", "镇", "中", "国", "经", "济", "区",
                                          "〇", "㐀", "、", "A", "b", "é"};
enum { NTEXT_PIECES = sizeof TEXT_PIECES / sizeof *TEXT_PIECES };

/* Pieces drawn from the first `from` of TEXT_PIECES, k of them, into s. */
static size_t make_text(char *s, size_t k, size_t from)
{
    size_t n = 0;
    for (size_t i = 0; i < k; i++) {
        const char *p = TEXT_PIECES[next() % from];
        memcpy(s + n, p, strlen(p));
        n += strlen(p);
    }
    return n;
}

/* The first character boundary from i where a Han character stands that starts a word of ws
 * (given as words[0..nw)), by reading every character. */
static size_t brute_next(char words[][MAXW], const size_t *wlen, size_t nw, const char *s, size_t i, size_t len)
{
    for (size_t k; i < len; i += k) {
        uint32_t cp = gx_utf8_at(s + i, &k);
        if (!gx_cp_is_han(cp))
            continue;
        for (size_t w = 0; w < nw; w++)
            if (wlen[w] >= k && memcmp(words[w], s + i, k) == 0)
                return i;
    }
    return len;
}

/* gx_words_next: with eight first characters or fewer (read side by side, sixteen places at a
 * step) it stops exactly where a word's first Han character stands; with more (a filter of first
 * characters) never after such a place, and only at a Han character. */
static void test_words_next(void)
{
    int bad = 0;
    for (int round = 0; round < 400 && bad < 5; round++) {
        gx_words ws;
        size_t nw = 1 + next() % 14;
        gx_words_init(&ws, nw, 64);
        char words[16][MAXW];
        size_t wlen[16];
        for (size_t w = 0; w < nw; w++) {
            wlen[w] = make_text(words[w], 1 + next() % 3, NTEXT_PIECES);
            gx_words_add(&ws, words[w], wlen[w], (int32_t)w);
        }
        bool exact = ws.nfirst <= GX_WORDS_FIRSTS && !ws.four;
        char s[MAXW * 4];
        size_t len = make_text(s, next() % 60, NTEXT_PIECES);
        for (size_t i = 0, k; i < len; i += k) {
            size_t want = brute_next(words, wlen, nw, s, i, len);
            size_t got = gx_words_next(&ws, s, i, len);
            bool ok = exact ? got == want
                            : got <= want && (got == len || gx_cp_is_han(gx_utf8_at(s + got, NULL)));
            if (!ok) {
                gx_t_fail(__FILE__, __LINE__, "words_next from %zu of %zu: got %zu, want %zu (%zu words)", i, len, got,
                          want, nw);
                bad++;
            }
            gx_t_checks++;
            gx_utf8_at(s + i, &k);
        }
        gx_words_destroy(&ws);
    }
}

/* gx_scan_to stops at the first entry at or after i with one of the bits asked for, whatever the
 * length (the steps of sixteen and eight entries, and the rest one at a time) and wherever the
 * entry lies among them. */
static void test_scan_to(void)
{
    int bad = 0;
    for (int round = 0; round < 2000 && bad < 5; round++) {
        size_t len = next() % 70;
        uint16_t st[80];
        for (size_t k = 0; k < len; k++) /* sparse: most entries none of the bits asked for */
            st[k] = next() % 8 ? (uint16_t)(1u << (next() % 4 + 8)) : (uint16_t)(1u << (next() % 16));
        uint32_t bits = (uint32_t)(1u << (next() % 8)) | (next() % 2 ? 1u << (next() % 16) : 0);
        gx_extraction x;
        gx_extraction_init(&x);
        x.starts = st;
        for (size_t i = 0; i <= len; i++) {
            size_t want = i;
            while (want < len && !(st[want] & bits))
                want++;
            size_t got = gx_scan_to(&x, i, len, bits);
            if (got != want) {
                gx_t_fail(__FILE__, __LINE__, "scan_to from %zu of %zu for %#x: got %zu, want %zu", i, len, bits, got,
                          want);
                bad++;
            }
            gx_t_checks++;
        }
    }
}

int main(void)
{
    RUN(test_words_next);
    RUN(test_scan_to);
    RUN(test_words_and_values);
    RUN(test_longer_first_chars);
    RUN(test_small_trie);
    RUN(test_indexed_trie);
    RUN(test_large_trie_with_filter);
    RUN(test_filter_grown_from_empty);
    return gx_t_summary();
}
