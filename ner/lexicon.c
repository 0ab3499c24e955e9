/* lexicon.c — loading and checking data/ TSV files into tries; the user lexicon and stop list. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* --- TSV files --- */

typedef gx_status (*row_fn)(gx_lexicon *lex, const char *file, long line, char **f, size_t nf,
                            gx_error *err);

/* Reads the rows of a TSV file into lex with fn; grows, if not NULL, is the trie the file fills,
 * given room for a word's edge in each 16 bytes of it at once (places.tsv's 1.6 MB make 94 K edges),
 * instead of moving its edges each time they double. */
static gx_status read_tsv(gx_lexicon *lex, const char *path, size_t min_fields, row_fn fn, gx_trie *grows,
                          gx_error *err)
{
    char *data;
    size_t len;
    gx_status st = gx_read_file(path, &data, &len, err);
    if (st != GX_OK)
        return st;
    size_t valid = gx_utf8_valid_prefix(data, len);
    if (valid < len) {
        long line = 1;
        for (size_t k = 0; k < valid; k++)
            line += data[k] == '\n';
        free(data);
        return gx_error_set(err, GX_ERR_PARSE, path, line, (long)valid, "invalid UTF-8");
    }
    if (grows)
        gx_u64map_reserve(&grows->edges, len / 16);
    /* kept: the rows' fields stay where they are (place[] points into them) */
    GX_GROW(lex->texts, lex->ctext, lex->ntext + 1);
    lex->texts[lex->ntext++] = data;
    long lineno = 0;
    char *save = NULL;
    for (char *line = data; line && line < data + len; line = save) {
        char *nl = strchr(line, '\n');
        save = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        lineno++;
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\r')
            line[--ll] = '\0';
        if (!ll || line[0] == '#')
            continue;
        char *f[8] = {0};
        size_t nf = 0;
        for (char *p = line; nf < 8;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf < min_fields || !*f[0])
            return gx_error_set(err, GX_ERR_PARSE, path, lineno, -1, "expected %zu tab-separated fields",
                                min_fields);
        st = fn(lex, path, lineno, f, nf, err);
        if (st != GX_OK)
            return st;
    }
    return GX_OK;
}

static gx_status dup(const char *file, long line, const char *w, gx_error *err)
{
    return gx_error_set(err, GX_ERR_PARSE, file, line, -1, "duplicate entry '%s'", w);
}

static gx_status bad_kind(const char *file, long line, const char *k, gx_error *err)
{
    return gx_error_set(err, GX_ERR_PARSE, file, line, -1, "unknown kind '%s'", k);
}

static int kind_of(const char *k, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (strcmp(k, names[i]) == 0)
            return i;
    return -1;
}

enum { N_TRIES = 25 };

/* Every trie of the lexicon, for initialising and freeing them together. */
static void all_tries(gx_lexicon *lex, gx_trie *t[N_TRIES])
{
    gx_trie *all[N_TRIES] = {&lex->titles, &lex->surnames, &lex->follow, &lex->name_stop, &lex->csuffix,
                             &lex->cbound_rev, &lex->clead, &lex->cgeneric, &lex->cindustry, &lex->events,
                             &lex->places, &lex->place_sfx, &lex->place_stop, &lex->user, &lex->stop,
                             &lex->place_org, &lex->abbrev, &lex->pair_follow, &lex->abbrev_lead,
                             &lex->not_place, &lex->cproject, &lex->cgroup, &lex->not_lead, &lex->pair_word,
                             &lex->cinname};
    memcpy(t, all, sizeof all);
}

static gx_status row_title(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    static const char *const K[] = {"office", "group", "role", "journalist", NULL};
    int k = nf > 1 ? kind_of(f[1], K) : -1;
    if (k < 0)
        return bad_kind(file, line, nf > 1 ? f[1] : "", err);
    if (gx_trie_add(&lex->titles, f[0], strlen(f[0]), k) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static gx_status row_surname(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    int k = nf > 1 && strcmp(f[1], "weak") == 0 ? SN_WEAK : SN_STRONG;
    if (nf > 1 && strcmp(f[1], "weak") != 0 && strcmp(f[1], "surname") != 0)
        return bad_kind(file, line, f[1], err);
    if (gx_trie_add(&lex->surnames, f[0], strlen(f[0]), k) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static gx_status row_place_stop(gx_lexicon *lex, const char *file, long line, char **f, size_t nf,
                                gx_error *err)
{
    (void)nf;
    if (gx_trie_add(&lex->place_stop, f[0], strlen(f[0]), 1) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static gx_status row_name_stop(gx_lexicon *lex, const char *file, long line, char **f, size_t nf,
                               gx_error *err)
{
    static const char *const K[] = {"name", "given", NULL};
    int k = nf > 1 ? kind_of(f[1], K) : -1;
    if (k < 0)
        return bad_kind(file, line, nf > 1 ? f[1] : "", err);
    if (gx_trie_add(&lex->name_stop, f[0], strlen(f[0]), k) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static gx_status row_follow(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    (void)nf;
    if (gx_trie_add(&lex->follow, f[0], strlen(f[0]), 1) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static void reverse_utf8(const char *s, size_t len, gx_buf *out)
{
    out->len = 0;
    size_t e = len;
    while (e > 0) {
        size_t b = gx_utf8_prev(s, e);
        gx_buf_add(out, s + b, e - b);
        e = b;
    }
}

static gx_status row_cword(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    static const char *const K[] = {"suffix", "boundary", "lead", "generic", "industry", "project", "group",
                                    "inname", NULL};
    int k = nf > 1 ? kind_of(f[1], K) : -1;
    if (k < 0)
        return bad_kind(file, line, nf > 1 ? f[1] : "", err);
    gx_trie *t[] = {&lex->csuffix,   &lex->cbound_rev, &lex->clead,  &lex->cgeneric,
                    &lex->cindustry, &lex->cproject,   &lex->cgroup, &lex->cinname};
    size_t n = strlen(f[0]);
    gx_buf r;
    gx_buf_init(&r);
    if (k == 1)
        reverse_utf8(f[0], n, &r);
    else
        gx_buf_add(&r, f[0], n);
    int32_t old = gx_trie_add(t[k], r.data, r.len, 1);
    gx_buf_destroy(&r);
    return old >= 0 ? dup(file, line, f[0], err) : GX_OK;
}

static gx_status row_event(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    static const char *const K[] = {"visit", "ceremony", NULL};
    int k = nf > 1 ? kind_of(f[1], K) : -1;
    if (k < 0)
        return bad_kind(file, line, nf > 1 ? f[1] : "", err);
    if (gx_trie_add(&lex->events, f[0], strlen(f[0]), k) >= 0)
        return dup(file, line, f[0], err);
    return GX_OK;
}

static int32_t add_place(gx_lexicon *lex, const char *code, const char *name, const char *parent,
                         place_level level)
{
    GX_GROW(lex->place, lex->cplace, lex->nplace + 1);
    place *p = &lex->place[lex->nplace];
    p->code = code; /* in the lexicon's texts, or a literal */
    p->name = name;
    p->parent = parent;
    p->level = level;
    return (int32_t)lex->nplace++;
}

/* Indexes a place under a spelling; several divisions may share it (chained). */
static void index_place(gx_lexicon *lex, const char *spelling, int32_t id)
{
    int32_t entry = (int32_t)lex->nspell; /* the spelling's entry if it is new: one walk of the trie */
    int32_t k = gx_trie_add_new(&lex->places, spelling, strlen(spelling), entry), last = -1;
    for (; k >= 0; last = k, k = lex->spell[k].next)
        if (lex->spell[k].place == id)
            return; /* the same division twice under one spelling */
    GX_GROW(lex->spell, lex->cspell, lex->nspell + 1);
    lex->spell[lex->nspell++] = (struct place_spell){id, -1};
    if (last >= 0)
        lex->spell[last].next = entry;
}

/* Digits a division code shares with the home code, in whole levels (2, 4, 6 or 9). */
static size_t near_home(const gx_lexicon *lex, const place *p)
{
    static const size_t LEVELS[] = {9, 6, 4, 2};
    for (size_t i = 0; i < sizeof LEVELS / sizeof *LEVELS; i++) {
        size_t n = LEVELS[i];
        if (strlen(lex->home) >= n && strlen(p->code) >= n && memcmp(lex->home, p->code, n) == 0)
            return n;
    }
    return 0;
}

const place *gx_place_best(const gx_lexicon *lex, int32_t entry)
{
    int32_t best = lex->spell[entry].place;
    size_t best_near = lex->home[0] ? near_home(lex, &lex->place[best]) : 0;
    for (int32_t k = lex->spell[entry].next; k >= 0; k = lex->spell[k].next) {
        const place *p = &lex->place[lex->spell[k].place];
        size_t near = lex->home[0] ? near_home(lex, p) : 0;
        if (near > best_near || (near == best_near && p->level < lex->place[best].level)) {
            best = lex->spell[k].place;
            best_near = near;
        }
    }
    return &lex->place[best];
}

/* The short form of a town: its name without 街道, 镇 or 乡, if two characters or more remain
 * (独山港镇 → 独山港); n gets its length, 0 if none.  tools/gen_place_stop.py forms it the same way. */
static size_t town_short(const char *name)
{
    static const char *const SFX[] = {"街道", "镇", "乡", NULL};
    size_t len = strlen(name);
    for (int k = 0; SFX[k]; k++) {
        size_t n = strlen(SFX[k]);
        if (len > n && gx_ends_at(name, len, SFX[k]) && gx_utf8_count(name, len - n) >= 2)
            return len - n;
    }
    return 0;
}

/* A local paper names its own towns by short form (广陈模式, 独山港一新项目); across China those forms
 * are too ambiguous, so they are read for the home area's towns only. */
static void index_home_towns(gx_lexicon *lex)
{
    size_t hl = strlen(lex->home);
    for (size_t i = 0; i < lex->nplace; i++) {
        const place *p = &lex->place[i];
        size_t n = p->level == PL_TOWN && strncmp(p->code, lex->home, hl) == 0 ? town_short(p->name) : 0;
        if (!n)
            continue;
        char *sh = gx_xstrndup(p->name, n);
        if (gx_trie_get(&lex->place_stop, sh, n) < 0)
            index_place(lex, sh, (int32_t)i);
        free(sh);
    }
}

static void mark_starts(gx_lexicon *lex);

gx_status gx_lexicon_set_home(gx_lexicon *lex, const char *code, gx_error *err)
{
    for (size_t i = 0; i < lex->nplace; i++)
        if (*code && strcmp(lex->place[i].code, code) == 0 && strlen(code) < sizeof lex->home) {
            strcpy(lex->home, code);
            index_home_towns(lex);
            free(lex->starts); /* the towns' short forms are places: their first characters too */
            mark_starts(lex);
            return GX_OK;
        }
    return gx_error_set(err, GX_ERR_USAGE, NULL, -1, -1,
                        "--home %s: no division has that code (GB/T 2260, e.g. 330482 for 平湖市)", code);
}

static gx_status row_place(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    static const char *const K[] = {"province", "prefecture", "county", "town", NULL};
    int k = kind_of(f[3], K);
    (void)nf;
    if (k < 0)
        return bad_kind(file, line, f[3], err);
    int32_t id = add_place(lex, f[0], f[1], f[4], (place_level)k);
    if (gx_trie_get(&lex->place_stop, f[1], strlen(f[1])) < 0)
        index_place(lex, f[1], id);
    if (*f[2] && gx_trie_get(&lex->place_stop, f[2], strlen(f[2])) < 0)
        index_place(lex, f[2], id);
    return GX_OK;
}

static gx_status row_place_extra(gx_lexicon *lex, const char *file, long line, char **f, size_t nf,
                                 gx_error *err)
{
    enum { COUNTRY, REGION, CITY, ZONE_SFX, VILLAGE_SFX, ORG_SFX, ABBREV, PAIR_FOLLOW, ABBREV_LEAD, ALIAS,
           ABBREV_TRAVEL, NOT_PLACE, NOT_LEAD, ABBREV_ALONE, ABBREV_AT, ABBREV_AT_LEAD, PAIR_WORD };
    static const char *const K[] = {"country", "region", "city", "zone-suffix", "village-suffix", "org-suffix",
                                    "abbreviation", "pair-follow", "abbreviation-lead", "alias",
                                    "abbreviation-travel", "not-place", "not-lead", "abbreviation-alone",
                                    "abbreviation-at", "abbreviation-at-lead", "pair-word", NULL};
    int k = nf > 1 ? kind_of(f[1], K) : -1;
    if (k < 0)
        return bad_kind(file, line, nf > 1 ? f[1] : "", err);
    size_t n = strlen(f[0]);
    gx_trie *word_list = k == ORG_SFX        ? &lex->place_org
                         : k == PAIR_FOLLOW  ? &lex->pair_follow
                         : k == PAIR_WORD    ? &lex->pair_word
                         : k == ABBREV_LEAD || k == ABBREV_AT_LEAD ? &lex->abbrev_lead
                         : k == NOT_PLACE    ? &lex->not_place
                         : k == NOT_LEAD     ? &lex->not_lead
                                             : NULL;
    if (word_list) {
        if (gx_trie_add(word_list, f[0], n, k == ABBREV_AT_LEAD ? LEAD_AT : LEAD_TRAVEL) >= 0)
            return dup(file, line, f[0], err);
        return GX_OK;
    }
    if (k == ZONE_SFX || k == VILLAGE_SFX) {
        if (gx_trie_add(&lex->place_sfx, f[0], n, k == ZONE_SFX ? PL_ZONE : PL_VILLAGE) >= 0)
            return dup(file, line, f[0], err);
        return GX_OK;
    }
    if (k == ABBREV || k == ABBREV_TRAVEL || k == ABBREV_ALONE || k == ABBREV_AT || k == ALIAS) {
        int32_t entry = nf > 2 ? gx_trie_get(&lex->places, f[2], strlen(f[2])) : -1;
        if (entry < 0)
            return gx_error_set(err, GX_ERR_PARSE, file, line, -1,
                                "%s '%s' needs the name of a place listed above it", f[1], f[0]);
        int32_t id = (int32_t)(gx_place_best(lex, entry) - lex->place);
        if (k == ALIAS) { /* 印尼 is 印度尼西亚: one more spelling of that place */
            index_place(lex, f[0], id);
            return GX_OK;
        }
        int32_t flags = k == ABBREV_ALONE ? ABBR_TRAVEL | ABBR_ALONE
                        : k == ABBREV_AT  ? ABBR_TRAVEL | ABBR_AT
                        : k == ABBREV_TRAVEL ? ABBR_TRAVEL
                                             : 0;
        if (gx_trie_add(&lex->abbrev, f[0], n, id << ABBR_SHIFT | flags) >= 0)
            return dup(file, line, f[0], err);
        return GX_OK;
    }
    if (gx_trie_get(&lex->places, f[0], n) >= 0) {
        /* a country or region already indexed (e.g. 香港 as a division) */
        return GX_OK;
    }
    int32_t id = add_place(lex, "", f[0], "", k == COUNTRY ? PL_COUNTRY : k == REGION ? PL_REGION : PL_CITY);
    index_place(lex, f[0], id);
    return GX_OK;
}

static gx_status load_one(gx_lexicon *lex, const char *dir, const char *file, size_t min, row_fn fn,
                          gx_error *err)
{
    gx_buf p;
    gx_buf_init(&p);
    gx_buf_addf(&p, "%s/%s", dir, file);
    gx_status st = read_tsv(lex, p.data, min, fn, fn == row_place ? &lex->places : NULL, err); /* the large one */
    gx_buf_destroy(&p);
    return st;
}

/* Characters of transliterated foreign names and places (丹尼斯·霍珀, 库哈斯, 得克萨斯). */
static const char TRANSLIT[] = "阿埃艾安奥巴拜班邦保贝本比彼宾波伯博布查达戴丹道德迪蒂丁杜顿多厄恩法凡菲费芬弗福盖冈戈格各古"
                               "哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康柯科克肯库奎拉莱赖兰朗劳勒雷里利莉丽林琳卢鲁"
                               "伦罗洛马玛迈麦曼梅蒙米明莫姆穆纳娜内尼纽诺帕潘佩彭皮珀普奇恰乔切琼丘萨塞桑瑟森沙莎"
                               "舍什施斯松苏索塔泰坦汤唐特提廷图托瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊尤约詹兹佐"
                               "尔夫久延尚茨泽热日默齐娃娅妮丝蕾黛琪芙薇露鲍列涅佛";

static void mark_translit(gx_lexicon *lex)
{
    for (size_t i = 0; TRANSLIT[i];) {
        size_t n;
        uint32_t cp = gx_utf8_at(TRANSLIT + i, &n);
        lex->translit[cp >> 6] |= 1ull << (cp & 63);
        i += n;
    }
    static const uint32_t DOTS[] = {0x00B7, 0x30FB, 0x2022}; /* between a name's parts: ·, ・, • */
    for (size_t k = 0; k < sizeof DOTS / sizeof DOTS[0]; k++)
        lex->translit[DOTS[k] >> 6] |= 1ull << (DOTS[k] & 63);
}

/* A trie's bit, for mark_starts's walk over the first characters of its words. */
typedef struct start_bit {
    uint16_t *starts;
    uint16_t bit;
} start_bit;

/* Marks the bit at a first character that is not Han (a Han character's come from the index). */
static void mark_other_start(uint32_t packed, void *arg)
{
    start_bit *sb = arg;
    uint32_t cp = gx_packed_cp(packed);
    if (cp < STARTS_COUNT && (sb->starts[cp] & SB_NOT_HAN))
        sb->starts[cp] |= sb->bit;
}

/* Marks SB_ABBREV_FREE at the first character of a country's form or travel verb of more than one
 * character. */
static void mark_free_start(uint32_t packed, void *arg)
{
    uint16_t *starts = arg;
    uint32_t cp = gx_packed_cp(packed);
    if (cp < STARTS_COUNT)
        starts[cp] |= SB_ABBREV_FREE;
}

/* Marks the last character of a word of cindustry (mark_industry_last's walk). */
static void mark_industry_char(uint32_t packed, void *arg)
{
    gx_lexicon *lex = arg;
    uint32_t cp = gx_packed_cp(packed);
    if (cp < 0x10000)
        lex->industry_last[cp >> 6] |= 1ull << (cp & 63);
    else
        lex->industry_last_astral = true;
}

/* Which characters end an industry word: a list of firms (gx_ner_bare_firms) needs one before its
 * first 、, and most 、 have none. */
static void mark_industry_last(gx_lexicon *lex)
{
    gx_trie_last_chars(&lex->cindustry, mark_industry_char, lex);
}

/* Which scan tries a word of which starts with each BMP character (the tries are indexed and no
 * longer change). */
static void mark_starts(gx_lexicon *lex)
{
    const struct {
        const gx_trie *t;
        uint16_t bit;
    } scans[] = {{&lex->titles, SB_TITLES},     {&lex->csuffix, SB_CSUFFIX},     {&lex->cproject, SB_CPROJECT},
                 {&lex->events, SB_EVENTS},     {&lex->places, SB_PLACES},       {&lex->not_place, SB_NOT_PLACE},
                 {&lex->place_sfx, SB_PLACE_SFX}, {&lex->abbrev, SB_ABBREV}, {&lex->abbrev_lead, SB_ABBREV_LEAD}};
    lex->starts = gx_xmalloc(STARTS_COUNT * sizeof *lex->starts);
    for (uint32_t cp = 0; cp < STARTS_COUNT; cp++) {
        uint32_t bits = gx_translit_char(lex, cp) ? SB_TRANSLIT : 0;
        if (cp < 0x4E00 || cp > 0x9FFF) { /* outside the tries' character index: mark_other_start */
            bits = gx_cp_is_han(cp) || (cp >= 0xD800 && cp <= 0xDFFF) ? 0xFFFFu : bits | SB_NOT_HAN;
        } else {
            for (size_t k = 0; k < sizeof scans / sizeof scans[0]; k++)
                if (scans[k].t->han[cp - 0x4E00])
                    bits |= scans[k].bit;
            int32_t root = lex->places.han[cp - 0x4E00];
            if (root && lex->places.value[root - 1] >= 0)
                bits |= SB_PLACE_ALONE;
            int32_t form = lex->abbrev.han[cp - 0x4E00];
            if (form && lex->abbrev.value[form - 1] >= 0 && (lex->abbrev.value[form - 1] & ABBR_ALONE))
                bits |= SB_ABBREV_FREE;
        }
        lex->starts[cp] = (uint16_t)bits;
    }
    for (size_t k = 0; k < sizeof scans / sizeof scans[0]; k++)
        gx_trie_first_chars(scans[k].t, mark_other_start, &(start_bit){lex->starts, scans[k].bit});
    gx_trie_longer_first_chars(&lex->abbrev, mark_free_start, lex->starts);
    gx_trie_longer_first_chars(&lex->abbrev_lead, mark_free_start, lex->starts);
    lex->starts[0x3001] |= SB_CPROJECT; /* 、: gx_ner_bare_firms reads a list of firms there */
}

gx_status gx_lexicon_load(const char *data_dir, gx_lexicon **out, gx_error *err)
{
    gx_lexicon *lex = gx_xcalloc(1, sizeof *lex);
    gx_trie *tries[N_TRIES];
    all_tries(lex, tries);
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++)
        gx_trie_init(tries[i]);
    gx_status st = GX_OK;
    if (st == GX_OK)
        st = load_one(lex, data_dir, "titles.tsv", 2, row_title, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "surnames.tsv", 1, row_surname, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "name_follow.tsv", 1, row_follow, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "name_stop.tsv", 2, row_name_stop, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "company_words.tsv", 2, row_cword, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "event_words.tsv", 2, row_event, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "place_stop.tsv", 1, row_place_stop, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "places.tsv", 5, row_place, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "places_world.tsv", 2, row_place_extra, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "place_words.tsv", 2, row_place_extra, err);
    if (st == GX_OK)
        st = load_one(lex, data_dir, "place_inside.tsv", 2, row_place_extra, err);
    if (st != GX_OK) {
        gx_lexicon_free(lex);
        return st;
    }
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++)
        gx_trie_index(tries[i]);
    mark_translit(lex);
    mark_starts(lex);
    mark_industry_last(lex);
    *out = lex;
    return GX_OK;
}

static gx_status row_user(gx_lexicon *lex, const char *file, long line, char **f, size_t nf, gx_error *err)
{
    size_t n = strlen(f[0]);
    if (strcmp(f[1], "stop") == 0) {
        gx_trie_add(&lex->stop, f[0], n, 1);
        return GX_OK;
    }
    int t = gx_etype_parse(f[1], strlen(f[1]));
    if (t < 0)
        return gx_error_set(err, GX_ERR_PARSE, file, line, -1,
                            "unknown type '%s' (official, company, place, person or stop)", f[1]);
    if (gx_trie_get(&lex->user, f[0], n) >= 0)
        return dup(file, line, f[0], err);
    GX_GROW(lex->user_ent, lex->cuser, lex->nuser + 1);
    user_entity *u = &lex->user_ent[lex->nuser];
    u->name = gx_xstrdup(f[0]);
    u->type = (gx_etype)t;
    u->aliases = gx_xstrdup(nf > 2 ? f[2] : "");
    int32_t id = (int32_t)lex->nuser++;
    gx_trie_add(&lex->user, f[0], n, id);
    gx_strvec al;
    gx_strvec_init(&al);
    gx_strvec_split(&al, u->aliases, '|');
    for (size_t i = 0; i < al.n; i++)
        gx_trie_add(&lex->user, al.v[i], strlen(al.v[i]), id);
    gx_strvec_destroy(&al);
    return GX_OK;
}

gx_status gx_lexicon_add_user(gx_lexicon *lex, const char *path, gx_error *err)
{
    return read_tsv(lex, path, 2, row_user, NULL, err);
}

void gx_lexicon_free(gx_lexicon *lex)
{
    if (!lex)
        return;
    gx_trie *tries[N_TRIES];
    all_tries(lex, tries);
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++)
        gx_trie_destroy(tries[i]);
    free(lex->place);
    for (size_t i = 0; i < lex->ntext; i++)
        free(lex->texts[i]);
    free(lex->texts);
    free(lex->spell);
    for (size_t i = 0; i < lex->nuser; i++) {
        free(lex->user_ent[i].name);
        free(lex->user_ent[i].aliases);
    }
    free(lex->user_ent);
    free(lex->starts);
    free(lex);
}
