/* automaton_probe.c — how fast one pass of one automaton over every lexicon word could read a
 * corpus: the question behind "read each article once for all the recognisers" (docs/PERFORMANCE-HISTORY.md).
 *
 * A character-level Aho–Corasick automaton over the words of data/ (places with their short forms,
 * titles, firm, event and place words, the stop lists) reads the pages named on standard input,
 * concatenated, and counts the positions where some word ends.  Only the scan is timed; no rule
 * judges what it finds.
 *
 *   bench/automaton_probe.sh [CORPUS]     (builds it, gathers the words, runs it)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A node's children: the root's in an array by code point, the rest in one open-addressing table
 * keyed by (node, code point). */
typedef struct edge {
    uint64_t key; /* node << 21 | code point; 0: empty */
    uint32_t child;
} edge;

static edge *edges;
static size_t edge_cap = (size_t)1 << 22;
static uint32_t root[0x10000];
static uint32_t *fail, *ends, *parent, *via;
static uint32_t nodes = 1;

static uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    return k ^ k >> 33;
}

static uint32_t child(uint32_t s, uint32_t cp)
{
    if (!s)
        return root[cp];
    uint64_t k = (uint64_t)s << 21 | cp;
    for (size_t i = mix(k) & (edge_cap - 1);; i = (i + 1) & (edge_cap - 1))
        if (edges[i].key == k || !edges[i].key)
            return edges[i].key ? edges[i].child : 0;
}

static void add_child(uint32_t s, uint32_t cp, uint32_t c)
{
    parent[c] = s;
    via[c] = cp;
    if (!s) {
        root[cp] = c;
        return;
    }
    uint64_t k = (uint64_t)s << 21 | cp;
    size_t i = mix(k) & (edge_cap - 1);
    while (edges[i].key)
        i = (i + 1) & (edge_cap - 1);
    edges[i] = (edge){k, c};
}

/* The code point at u (valid UTF-8 assumed), characters past U+FFFF as U+FFFF; its length. */
static size_t decode(const unsigned char *u, uint32_t *cp)
{
    if (u[0] < 0x80)
        return *cp = u[0], 1;
    if (u[0] < 0xE0)
        return *cp = (uint32_t)(u[0] & 31) << 6 | (u[1] & 63), 2;
    if (u[0] < 0xF0)
        return *cp = (uint32_t)(u[0] & 15) << 12 | (uint32_t)(u[1] & 63) << 6 | (u[2] & 63), 3;
    return *cp = 0xFFFF, 4;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: automaton_probe WORDS < list-of-pages\n");
        return 2;
    }
    size_t cap = (size_t)1 << 21;
    edges = calloc(edge_cap, sizeof *edges);
    fail = calloc(cap, 4), ends = calloc(cap, 4), parent = calloc(cap, 4), via = calloc(cap, 4);
    FILE *w = fopen(argv[1], "r");
    if (!w || !edges || !fail || !ends || !parent || !via)
        return 1;
    char line[1024];
    size_t words = 0;
    while (fgets(line, sizeof line, w)) {
        size_t n = strcspn(line, "\n");
        uint32_t s = 0;
        for (size_t i = 0; i < n && nodes < cap;) {
            uint32_t cp, c;
            i += decode((unsigned char *)line + i, &cp);
            if (!(c = child(s, cp)))
                add_child(s, cp, c = nodes++);
            s = c;
        }
        ends[s] = 1;
        words++;
    }
    fclose(w);
    /* failure links in breadth-first order (a node's depth is one more than its parent's) */
    uint32_t *order = malloc(nodes * sizeof *order), *depth = calloc(nodes, sizeof *depth), deepest = 0, k = 0;
    for (uint32_t v = 1; v < nodes; v++) {
        depth[v] = depth[parent[v]] + 1; /* a parent is made before its children */
        deepest = depth[v] > deepest ? depth[v] : deepest;
    }
    for (uint32_t d = 1; d <= deepest; d++)
        for (uint32_t v = 1; v < nodes; v++)
            if (depth[v] == d)
                order[k++] = v;
    for (uint32_t i = 0; i < k; i++) {
        uint32_t v = order[i], f = parent[v] ? fail[parent[v]] : 0, c = 0;
        if (parent[v]) {
            while (f && !child(f, via[v]))
                f = fail[f];
            c = child(f, via[v]);
        }
        fail[v] = c == v ? 0 : c;
        ends[v] |= ends[fail[v]];
    }
    /* the pages, concatenated */
    size_t tcap = (size_t)1 << 30, len = 0;
    char *text = malloc(tcap), path[4096];
    while (text && fgets(path, sizeof path, stdin)) {
        path[strcspn(path, "\n")] = '\0';
        FILE *f = fopen(path, "rb");
        for (size_t r; f && (r = fread(text + len, 1, tcap - len - 4, f)) > 0;)
            len += r;
        if (f)
            fclose(f);
    }
    if (!text)
        return 1;
    memset(text + len, 0, 4);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    const unsigned char *u = (const unsigned char *)text;
    uint32_t s = 0;
    size_t found = 0, chars = 0;
    for (size_t i = 0; i < len; chars++) {
        uint32_t cp;
        i += decode(u + i, &cp);
        while (s && !child(s, cp))
            s = fail[s];
        s = child(s, cp);
        found += ends[s];
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double sec = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("%zu words, %u nodes; %zu bytes, %zu characters, %zu where a word ends; the scan %.3f s, %.1f MB/s\n",
           words, nodes, len, chars, found, sec, (double)len / sec / 1048576);
    return 0;
}
