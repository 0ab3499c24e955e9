/* trie.c — the word trie: one step per character, through a hash table of (node, character) edges. */
#include "internal.h"

#include <stdlib.h>

/* A "character" is the bytes of one UTF-8 sequence packed into an integer (a stray byte is a
 * character of its own), so distinct byte strings give distinct character strings and a lookup
 * returns lengths in bytes that end on a character boundary. */
static inline uint32_t char_at(const unsigned char *u, size_t len, size_t *k)
{
    unsigned c = u[0];
    if (c - 0xE0u < 0x10u && len >= 3 && ((u[1] ^ 0x80u) | (u[2] ^ 0x80u)) < 0x40u) {
        *k = 3;
        return c << 16 | (uint32_t)u[1] << 8 | u[2];
    }
    if (c >= 0xC2 && c < 0xE0 && len >= 2 && (u[1] & 0xC0) == 0x80) {
        *k = 2;
        return c << 8 | u[1];
    }
    if (c >= 0xF0 && c < 0xF5 && len >= 4 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80 &&
        (u[3] & 0xC0) == 0x80) {
        *k = 4;
        return (uint32_t)c << 24 | (uint32_t)u[1] << 16 | (uint32_t)u[2] << 8 | u[3];
    }
    *k = 1;
    return c;
}

enum { HAN_FIRST = 0x4E00, HAN_COUNT = 0x9FFF - 0x4E00 + 1 };

/* The index slot of a packed three-byte character in U+4E00–U+9FFF, or -1. */
static inline int han_slot(uint32_t ch)
{
    if (ch < 0xE00000 || ch > 0xEFFFFF)
        return -1;
    uint32_t cp = (ch >> 16 & 0x0F) << 12 | (ch >> 8 & 0x3F) << 6 | (ch & 0x3F);
    return cp >= HAN_FIRST && cp < HAN_FIRST + HAN_COUNT ? (int)(cp - HAN_FIRST) : -1;
}

static inline uint64_t edge_key(int32_t node, uint32_t ch)
{
    return (uint64_t)(uint32_t)node << 32 | ch;
}

static inline int32_t edge_get(const gx_trie *t, int32_t node, uint32_t ch)
{
    return gx_u64map_get(&t->edges, edge_key(node, ch));
}

void gx_trie_init(gx_trie *t)
{
    *t = (gx_trie){0};
}

void gx_trie_destroy(gx_trie *t)
{
    free(t->value);
    gx_u64map_destroy(&t->edges);
    free(t->han);
    free(t->pairs);
    free(t->triples);
    gx_trie_init(t);
}

enum { PAIR_BITS_MIN = 10, PAIR_BITS_MAX = 20, PAIR_BITS_PER_NODE = 16 };

/* The filter's size for t's nodes now: the power of two nearest above 16 bits a node, within
 * the bounds. */
static unsigned pair_bits_for(const gx_trie *t)
{
    unsigned b = PAIR_BITS_MIN;
    while (b < PAIR_BITS_MAX && ((size_t)1 << b) < t->n * PAIR_BITS_PER_NODE)
        b++;
    return b;
}

static inline void pair_set(gx_trie *t, uint32_t a, uint32_t b)
{
    uint32_t h = gx_trie_pair_bit(a, b, t->pair_bits);
    t->pairs[h >> 6] |= 1ull << (h & 63);
}

static inline void triple_set(gx_trie *t, uint32_t a, uint32_t b, uint32_t c)
{
    uint32_t h = gx_trie_triple_bit(a, b, c, t->pair_bits);
    t->triples[h >> 6] |= 1ull << (h & 63);
}

static void build_pairs(gx_trie *t);

void gx_trie_index(gx_trie *t)
{
    if (t->han)
        return;
    t->han = gx_xcalloc(HAN_COUNT, sizeof *t->han);
    const gx_u64map *e = &t->edges;
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t key = gx_u64slot_key(&e->slot[s]) - 1;
        int slot = han_slot((uint32_t)key);
        if (gx_u64slot_key(&e->slot[s]) && key >> 32 == 0 && slot >= 0)
            t->han[slot] = e->slot[s].val + 1;
    }
    build_pairs(t);
}

/* The root's children: *is_first[node] for each, and *first[node] the character the edge to it
 * reads (a word's first).  The caller frees both. */
static void root_children(const gx_trie *t, uint32_t **first, bool **is_first)
{
    const gx_u64map *e = &t->edges;
    *first = gx_xcalloc(t->n, sizeof **first);
    *is_first = gx_xcalloc(t->n, sizeof **is_first);
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t stored = gx_u64slot_key(&e->slot[s]);
        if (stored && (stored - 1) >> 32 == 0) { /* an edge out of the root */
            (*first)[e->slot[s].val] = (uint32_t)(stored - 1);
            (*is_first)[e->slot[s].val] = true;
        }
    }
}

/* The first-pair and first-three filters, sized for the trie's nodes: the first character of each
 * root child, then every edge out of one, then every edge out of those edges' nodes (and
 * GX_TRIE_END for each of them a word ends at). */
static void build_pairs(gx_trie *t)
{
    const gx_u64map *e = &t->edges;
    uint32_t *first, *second = gx_xcalloc(t->n, sizeof *second);
    bool *is_first;
    root_children(t, &first, &is_first);
    int32_t *parent_of = gx_xmalloc(t->n * sizeof *parent_of); /* a second-level node's parent; -1 */
    for (size_t k = 0; k < t->n; k++)
        parent_of[k] = -1;
    free(t->pairs);
    free(t->triples);
    t->pair_bits = pair_bits_for(t);
    t->pairs = gx_xcalloc((size_t)1 << (t->pair_bits - 6), sizeof *t->pairs);
    t->triples = gx_xcalloc((size_t)1 << (t->pair_bits + 1 - 6), sizeof *t->triples);
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t key = gx_u64slot_key(&e->slot[s]) - 1;
        uint32_t parent = (uint32_t)(key >> 32);
        if (gx_u64slot_key(&e->slot[s]) && parent != 0 && is_first[parent]) {
            int32_t child = e->slot[s].val;
            pair_set(t, first[parent], (uint32_t)key);
            parent_of[child] = (int32_t)parent;
            second[child] = (uint32_t)key;
            if (t->value[child] >= 0)
                triple_set(t, first[parent], (uint32_t)key, GX_TRIE_END);
        }
    }
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t key = gx_u64slot_key(&e->slot[s]) - 1;
        uint32_t parent = (uint32_t)(key >> 32);
        if (gx_u64slot_key(&e->slot[s]) && parent != 0 && parent_of[parent] >= 0)
            triple_set(t, first[parent_of[parent]], second[parent], (uint32_t)key);
    }
    free(first);
    free(second);
    free(parent_of);
    free(is_first);
}

void gx_trie_first_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg)
{
    const gx_u64map *e = &t->edges;
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t stored = gx_u64slot_key(&e->slot[s]);
        if (stored && (stored - 1) >> 32 == 0) /* an edge out of the root */
            fn((uint32_t)(stored - 1), arg);
    }
}

void gx_trie_longer_first_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg)
{
    const gx_u64map *e = &t->edges;
    uint32_t *first;
    bool *is_first;
    root_children(t, &first, &is_first);
    for (size_t s = 0; s < e->slots; s++) { /* an edge out of a first character's node */
        uint64_t stored = gx_u64slot_key(&e->slot[s]);
        uint32_t parent = (uint32_t)((stored - 1) >> 32);
        if (stored && parent != 0 && is_first[parent])
            fn(first[parent], arg);
    }
    free(first);
    free(is_first);
}

void gx_trie_last_chars(const gx_trie *t, void (*fn)(uint32_t packed, void *arg), void *arg)
{
    const gx_u64map *e = &t->edges;
    for (size_t s = 0; s < e->slots; s++) {
        uint64_t stored = gx_u64slot_key(&e->slot[s]);
        if (stored && t->value[e->slot[s].val] >= 0) /* an edge into a node where a word ends */
            fn((uint32_t)(stored - 1), arg);
    }
}

/* gx_trie_add and gx_trie_add_new: the word's node made, its value set (kept, if it had one and
 * keep). */
static int32_t add(gx_trie *t, const char *w, size_t len, int32_t value, bool keep)
{
    if (!len)
        return -1;
    if (!t->n) { /* the root */
        GX_GROW(t->value, t->cap, 1);
        t->value[t->n++] = -1;
    }
    const unsigned char *u = (const unsigned char *)w;
    int32_t cur = 0;
    uint32_t first = 0, second = 0;
    size_t depth = 0;
    for (size_t i = 0, k; i < len; i += k, depth++) {
        uint32_t ch = char_at(u + i, len - i, &k);
        if (depth == 0) {
            first = ch;
            unsigned b = gx_trie_first_bit(ch);
            t->first[b >> 6] |= 1ull << (b & 63);
        } else if (depth == 1 && t->pairs) {
            pair_set(t, first, ch);
            second = ch;
        } else if (depth == 2 && t->pairs) {
            triple_set(t, first, second, ch);
        }
        int slot = cur == 0 && t->han ? han_slot(ch) : -1;
        if (slot >= 0 && t->han[slot]) { /* the root's child, from the index: no hashing */
            cur = t->han[slot] - 1;
            continue;
        }
        bool added;
        int32_t next = *gx_u64map_put(&t->edges, edge_key(cur, ch), (int32_t)t->n, &added);
        if (added) { /* a new node */
            GX_GROW(t->value, t->cap, t->n + 1);
            t->value[t->n++] = -1;
            if (slot >= 0)
                t->han[slot] = next + 1;
        }
        cur = next;
    }
    int32_t old = t->value[cur];
    if (old >= 0 && keep)
        return old;
    t->value[cur] = value;
    if (depth == 1)
        t->single = true;
    if (depth == 2 && t->pairs)
        triple_set(t, first, second, GX_TRIE_END);
    if (t->pairs && t->pair_bits < PAIR_BITS_MAX && ((size_t)1 << t->pair_bits) < t->n * (PAIR_BITS_PER_NODE / 2))
        build_pairs(t); /* an indexed trie grown to twice the nodes its filter was sized for */
    return old;
}

int32_t gx_trie_add(gx_trie *t, const char *w, size_t len, int32_t value)
{
    return add(t, w, len, value, false);
}

int32_t gx_trie_add_new(gx_trie *t, const char *w, size_t len, int32_t value)
{
    return add(t, w, len, value, true);
}

/* The node after character ch, or -1. */
static inline int32_t step(const gx_trie *t, int32_t cur, uint32_t ch)
{
    if (cur == 0 && t->han) {
        int slot = han_slot(ch);
        if (slot >= 0)
            return t->han[slot] - 1;
    }
    return edge_get(t, cur, ch);
}

/* The longest word through node cur, which the first character (`first`, packed, k bytes) of s
 * reached: its length in bytes (0 if none), and *value its value.  With pairs, the pair filter is
 * read for the second character (the caller has not). */
static inline size_t walk_from(const gx_trie *t, const unsigned char *u, size_t len, int32_t *value, int32_t cur,
                               uint32_t first, size_t k, bool pairs)
{
    size_t best = 0;
    if (t->value[cur] >= 0) {
        best = k;
        if (value)
            *value = t->value[cur];
    }
    size_t i = k;
    if (i >= len)
        return best;
    uint32_t ch = char_at(u + i, len - i, &k);
    if (pairs && t->pairs && !gx_trie_pair_may(t, first, ch))
        return best; /* no word goes on from its first character with this one */
    for (;;) {
        cur = edge_get(t, cur, ch);
        if (cur < 0)
            break;
        i += k;
        if (t->value[cur] >= 0) {
            best = i;
            if (value)
                *value = t->value[cur];
        }
        if (i >= len)
            break;
        ch = char_at(u + i, len - i, &k);
    }
    return best;
}

size_t gx_trie_walk_(const gx_trie *t, const char *s, size_t len, int32_t *value, int32_t node, uint32_t first)
{
    return walk_from(t, (const unsigned char *)s, len, value, node, first, 3, false); /* read by the caller */
}

size_t gx_trie_longest_(const gx_trie *t, const char *s, size_t len, int32_t *value)
{
    const unsigned char *u = (const unsigned char *)s;
    if (!len)
        return 0;
    size_t k;
    uint32_t first = char_at(u, len, &k);
    int32_t cur = step(t, 0, first);
    return cur < 0 ? 0 : walk_from(t, u, len, value, cur, first, k, true);
}

int32_t gx_trie_get(const gx_trie *t, const char *w, size_t len)
{
    if (!len)
        return -1;
    const unsigned char *u = (const unsigned char *)w;
    size_t k, k2;
    uint32_t first = char_at(u, len, &k);
    int32_t cur = step(t, 0, first);
    if (cur < 0 || k == len)
        return cur >= 0 ? t->value[cur] : -1;
    uint32_t ch = char_at(u + k, len - k, &k2);
    if (t->pairs && !gx_trie_pair_may(t, first, ch))
        return -1; /* no word goes on from its first character with this one */
    for (size_t i = k;;) {
        cur = edge_get(t, cur, ch);
        i += k2;
        if (cur < 0 || i >= len)
            break;
        ch = char_at(u + i, len - i, &k2);
    }
    return cur >= 0 ? t->value[cur] : -1;
}
