/* test_ner.c — NER unit tests, and the NER cases in tests/cases/ (text in, entities out).
 *   test_ner                 the unit tests
 *   test_ner --cases DIR     every case in DIR/ *.tsv
 *
 * A case file holds blocks; a block starts at "case<TAB>what it shows":
 *   text<TAB>…             the article text (normalised as ingest would); may repeat (paragraphs)
 *   journalists<TAB>A|B    byline names of the article
 *   known<TAB>A|B          officials confirmed elsewhere in the corpus
 *   date<TAB>YYYY-MM-DD    the article's event date
 *   home<TAB>CODE          the paper's home division (--home), for this case only
 *   official<TAB>NAME[<TAB>TITLE|TITLE]   an official, with titles among theirs
 *   officials<TAB>none     no official at all
 *   person|journalist|referenced|place<TAB>NAME
 *   company<TAB>NAME[<TAB>ALIAS|ALIAS]
 *   companies<TAB>none
 *   not<TAB>NAME           NAME is no entity of any type (a stray span)
 *   not-place<TAB>NAME
 *   visit<TAB>OFFICIAL<TAB>COMPANY
 * The officials found must be exactly those listed, and so must the companies when
 * any company line is given. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gx_ingest.h"
#include "gx_ner.h"
#include "harness.h"

static gx_lexicon *lex;
static gx_names *known; /* the corpus's confirmed officials for the case at hand */

/* Does extracting from what collecting read in the article give what extracting afresh gives? */
static bool second_reading_agrees(const gx_article *a, const gx_extraction *fresh)
{
    gx_first_read *first = NULL;
    gx_names_free(gx_names_of_articles(lex, a, 1, &first));
    gx_extraction again;
    gx_extraction_init(&again);
    gx_ner_extract_after(lex, known, a, first, &again);
    bool same = gx_extraction_equal(fresh, &again);
    gx_extraction_destroy(&again);
    return same;
}

static void extract(const char *text, const char *journalists, gx_date date, gx_article *a, gx_extraction *x)
{
    memset(a, 0, sizeof *a);
    gx_buf norm;
    gx_buf_init(&norm);
    gx_ingest_normalise(text, strlen(text), &norm);
    a->text = gx_buf_take(&norm);
    a->len = strlen(a->text);
    a->id = gx_xstrdup("case");
    a->source = gx_xstrdup("case");
    a->title = gx_xstrdup("");
    a->event_date = a->date = date;
    gx_strvec_init(&a->journalists);
    for (const char *p = journalists; p && *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        gx_strvec_pushn(&a->journalists, p, n);
        p = bar ? bar + 1 : p + n;
    }
    gx_ingest_sentences(a);
    gx_extraction_init(x);
    gx_ner_extract(lex, known, a, x);
}

static const gx_mention *find(const gx_extraction *x, gx_etype t, const char *name)
{
    for (size_t i = 0; i < x->n; i++)
        if (x->m[i].type == t && strcmp(x->m[i].name, name) == 0)
            return &x->m[i];
    return NULL;
}

static bool has_titles(const gx_extraction *x, const char *name, const char *titles)
{
    for (const char *p = titles; *p;) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        bool found = false;
        for (size_t i = 0; i < x->n && !found; i++) {
            if (x->m[i].type != GX_ENT_OFFICIAL || strcmp(x->m[i].name, name) != 0)
                continue;
            for (const char *t = x->m[i].titles; *t && !found;) {
                const char *tb = strchr(t, '|');
                size_t tl = tb ? (size_t)(tb - t) : strlen(t);
                found = tl == n && memcmp(t, p, n) == 0;
                t = tb ? tb + 1 : t + tl;
            }
        }
        if (!found)
            return false;
        p = bar ? bar + 1 : p + n;
    }
    return true;
}

/* --- unit tests --- */

static void test_title_chain(void)
{
    gx_article a;
    gx_extraction x;
    extract("市委常委、常务副市长、市征兵工作领导小组常务副组长戴振对应征青年积极响应国家号召给予肯定。", NULL, 0, &a, &x);
    const gx_mention *m = find(&x, GX_ENT_OFFICIAL, "戴振");
    CHECK(m != NULL);
    if (m)
        CHECK_EQ_STR(m->titles, "市委常委|常务副市长|市征兵工作领导小组常务副组长");
    CHECK(find(&x, GX_ENT_OFFICIAL, "戴振对") == NULL);
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
}

static void test_spans_are_bytes_of_text(void)
{
    gx_article a;
    gx_extraction x;
    extract("在安佐化学有限公司，仲旭东与企业引进的省级高端人才亲切交谈。", NULL, 0, &a, &x);
    const gx_mention *c = find(&x, GX_ENT_COMPANY, "安佐化学有限公司");
    CHECK(c != NULL);
    if (c) {
        CHECK_EQ_INT(c->span.start, strlen("在"));
        CHECK_EQ_INT(c->span.end, strlen("在安佐化学有限公司"));
    }
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
}

static void test_user_lexicon_and_stop(void)
{
    FILE *fp = fopen("user_lexicon_test.tsv", "w");
    fputs("# name\ttype\taliases\n长城汽车\tcompany\t长城\n平湖经济技术开发区\tstop\n", fp);
    fclose(fp);
    gx_lexicon *l2;
    gx_error err;
    CHECK_EQ_INT(gx_lexicon_load(GX_DATA_DIR, &l2, &err), GX_OK);
    CHECK_EQ_INT(gx_lexicon_add_user(l2, "user_lexicon_test.tsv", &err), GX_OK);
    gx_lexicon *saved = lex;
    lex = l2;
    gx_article a;
    gx_extraction x;
    extract("长城汽车在平湖经济技术开发区投资建设。", NULL, 0, &a, &x);
    CHECK(find(&x, GX_ENT_COMPANY, "长城汽车") != NULL);
    CHECK(find(&x, GX_ENT_PLACE, "平湖经济技术开发区") == NULL);
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
    lex = saved;
    gx_lexicon_free(l2);
    /* a bad type is reported with its line */
    fp = fopen("user_lexicon_test.tsv", "w");
    fputs("长城汽车\tcompany\n某某\tfirm\n", fp);
    fclose(fp);
    CHECK_EQ_INT(gx_lexicon_load(GX_DATA_DIR, &l2, &err), GX_OK);
    CHECK_EQ_INT(gx_lexicon_add_user(l2, "user_lexicon_test.tsv", &err), GX_ERR_PARSE);
    CHECK_EQ_INT(err.line, 2);
    gx_lexicon_free(l2);
    remove("user_lexicon_test.tsv");
}

/* An article and its first reading packed into a record and read back (what the spill file
 * holds); NULL first read if the record is short. */
static gx_first_read *packed_and_back(const gx_article *a, const gx_first_read *f, gx_article *back, size_t cut)
{
    gx_buf rec;
    gx_buf_init(&rec);
    gx_article_pack(a, &rec);
    gx_first_read_pack(f, &rec);
    gx_unpack u = {rec.data, rec.data + (cut < rec.len ? cut : rec.len), false};
    gx_first_read *g = NULL;
    if (gx_article_unpack(&u, back))
        g = gx_first_read_unpack(&u);
    if (g && u.p != u.end)
        gx_t_fail(__FILE__, __LINE__, "%zu bytes of the record left over", (size_t)(u.end - u.p));
    gx_buf_destroy(&rec);
    return g;
}

/* Pass 2 starts from what pass 1 found in an article (gx_ner_extract_after): on every article of
 * the sample pages, with the names those pages confirm, it must give what a fresh reading gives,
 * and so must the article and its first reading packed for the spill file and read back; a
 * record cut short anywhere reads back as none. */
/* Mentions come sorted by span, then type, then name, though each recogniser adds its own from the
 * start of the text (so the officials', firms' and places' runs are merged); equal ones keep the
 * order they were added in (two bylines of one name). */
static void test_mentions_in_order(void)
{
    gx_article a;
    gx_extraction x;
    extract("本报讯 市委书记仲旭东来到位于独山港经济开发区的浙江钛迩赛新材料有限公司调研。钛迩赛是一家领军人才企业。"
            "副市长周军波在平湖经济技术开发区走访安佐化学有限公司。仲旭东指出，安佐化学要加快发展。",
            "王小明|王小明", 0, &a, &x);
    size_t types[GX_ENT_NTYPES] = {0};
    bool ordered = true;
    for (size_t k = 0; k < x.n; k++) {
        types[x.m[k].type]++;
        if (k == 0)
            continue;
        const gx_mention *p = &x.m[k - 1], *q = &x.m[k];
        int by = p->span.start != q->span.start ? (p->span.start < q->span.start ? -1 : 1)
                 : p->span.end != q->span.end   ? (p->span.end < q->span.end ? -1 : 1)
                 : p->type != q->type           ? (int)p->type - (int)q->type
                                                : strcmp(p->name, q->name);
        ordered &= by <= 0;
    }
    CHECK(ordered);
    CHECK(types[GX_ENT_OFFICIAL] >= 3 && types[GX_ENT_COMPANY] >= 3 && types[GX_ENT_PLACE] >= 2);
    CHECK_EQ_INT((long)types[GX_ENT_JOURNALIST], 2);
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
}

/* A set merged into (so indexed, with its table of first characters) and added to afterwards finds
 * the names added later as it finds those merged (许静出席: a bare mention of a known official),
 * and so does a set never merged into; a name it was not told of stays unread. */
static void test_known_names_added_after_merging(void)
{
    gx_names *saved = known, *one = gx_names_new(), *merged = gx_names_new(), *plain = gx_names_new();
    gx_names_add(one, "戴振");
    gx_names_merge(merged, one);
    gx_names_add(merged, "许静");
    gx_names_add(plain, "许静");
    gx_names_add(plain, "戴振");
    gx_names *sets[] = {merged, plain};
    for (size_t k = 0; k < 2; k++) {
        known = sets[k];
        gx_article a;
        gx_extraction x;
        extract("许静出席会议。戴振对应征青年提出要求。吴明出席。", NULL, 0, &a, &x);
        CHECK(find(&x, GX_ENT_OFFICIAL, "许静") != NULL);
        CHECK(find(&x, GX_ENT_OFFICIAL, "戴振") != NULL);
        CHECK(find(&x, GX_ENT_OFFICIAL, "吴明") == NULL);
        gx_extraction_destroy(&x);
        gx_article_destroy(&a);
    }
    known = saved;
    gx_names_free(one);
    gx_names_free(merged);
    gx_names_free(plain);
}

static void test_second_reading_of_the_sample_pages(void)
{
    gx_inputs in;
    gx_ingest_inputs_init(&in);
    const char *dir = GX_SOURCE_DIR "/examples/pinghu";
    gx_ingest_expand(&in, &dir, 1, NULL);
    gx_ingest_options io;
    gx_ingest_options_init(&io);
    gx_article_list arts;
    gx_article_list_init(&arts);
    for (size_t i = 0; i < in.paths.n; i++) {
        gx_error err;
        gx_error_clear(&err);
        CHECK_EQ_INT(gx_ingest_file(in.paths.v[i], GX_FMT_UNKNOWN, &io, &arts, &err), GX_OK);
    }
    CHECK(arts.n >= 20);
    gx_first_read **first = gx_xcalloc(arts.n + 1, sizeof *first);
    gx_names *saved = known, *corpus = gx_names_of_articles(lex, arts.v, arts.n, first);
    CHECK(gx_names_count(corpus) > 0);
    known = corpus;
    size_t mentions = 0, taken_over = 0;
    for (size_t i = 0; i < arts.n; i++) {
        gx_extraction fresh, after;
        gx_extraction_init(&fresh);
        gx_extraction_init(&after);
        gx_ner_extract(lex, corpus, &arts.v[i], &fresh);
        taken_over += first[i] != NULL;
        gx_article back;
        gx_first_read *unpacked = first[i] ? packed_and_back(&arts.v[i], first[i], &back, (size_t)-1) : NULL;
        gx_ner_extract_after(lex, corpus, &arts.v[i], first[i], &after);
        if (!gx_extraction_equal(&fresh, &after))
            gx_t_fail(__FILE__, __LINE__, "article %s: the second reading differs", arts.v[i].id);
        gx_t_checks++;
        if (first[i]) {
            CHECK(unpacked != NULL);
            CHECK_EQ_STR(back.id, arts.v[i].id);
            CHECK_EQ_STR(back.title, arts.v[i].title);
            CHECK(back.len == arts.v[i].len && memcmp(back.text, arts.v[i].text, back.len) == 0);
            CHECK(back.date == arts.v[i].date && back.event_date == arts.v[i].event_date && back.kind == arts.v[i].kind);
            CHECK_EQ_INT(back.n_sentences, arts.v[i].n_sentences);
            for (size_t k = 0; k < back.n_sentences && k < arts.v[i].n_sentences; k++)
                CHECK(back.sentences[k].start == arts.v[i].sentences[k].start &&
                      back.sentences[k].end == arts.v[i].sentences[k].end);
            CHECK_EQ_INT(back.journalists.n, arts.v[i].journalists.n);
            gx_extraction packed;
            gx_extraction_init(&packed);
            gx_ner_extract_after(lex, corpus, &back, unpacked, &packed);
            if (!gx_extraction_equal(&fresh, &packed))
                gx_t_fail(__FILE__, __LINE__, "article %s: the reading packed and read back differs", arts.v[i].id);
            gx_t_checks++;
            gx_extraction_destroy(&packed);
            gx_article_destroy(&back);
        }
        mentions += fresh.n;
        gx_extraction_destroy(&fresh);
        gx_extraction_destroy(&after);
    }
    CHECK(mentions > 100);
    CHECK_EQ_INT(taken_over, arts.n);
    /* the first article's record cut at every length short of its whole */
    gx_first_read *one = NULL;
    gx_names_free(gx_names_of_articles(lex, arts.v, 1, &one));
    CHECK(one != NULL);
    gx_buf rec;
    gx_buf_init(&rec);
    gx_article_pack(&arts.v[0], &rec);
    if (one)
        gx_first_read_pack(one, &rec);
    size_t whole = rec.len, short_ones = 0;
    gx_buf_destroy(&rec);
    for (size_t cut = 0; one && cut < whole; cut++) {
        gx_article back;
        gx_first_read *g = packed_and_back(&arts.v[0], one, &back, cut);
        short_ones += g == NULL;
        gx_first_read_free(g);
        gx_article_destroy(&back);
    }
    CHECK_EQ_INT(short_ones, whole);
    gx_first_read_free(one);
    known = saved;
    free(first);
    gx_names_free(corpus);
    gx_article_list_destroy(&arts);
    gx_ingest_inputs_destroy(&in);
}

/* At the cap on mentions a byline's names count too: pass 1, without them, keeps every official of
 * an article that pass 2 must cut short, so pass 2 reads it afresh. */
static void test_second_reading_at_the_cap(void)
{
    gx_buf text;
    gx_buf_init(&text);
    for (int i = 0; i < GX_NER_MAX_MENTIONS; i++)
        gx_buf_adds(&text, "市长张伟。");
    gx_article a;
    gx_extraction x;
    extract(text.data, "李明", 0, &a, &x);
    CHECK(x.truncated);
    CHECK(second_reading_agrees(&a, &x));
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
    gx_buf_destroy(&text);
}

static void test_lexicon_errors_name_the_line(void)
{
    system("rm -rf lex_bad && mkdir -p lex_bad && cp " GX_DATA_DIR "/*.tsv lex_bad/ && printf '市长\\toffice\\n' >> lex_bad/titles.tsv");
    gx_lexicon *l2 = NULL;
    gx_error err;
    gx_error_clear(&err);
    CHECK_EQ_INT(gx_lexicon_load("lex_bad", &l2, &err), GX_ERR_PARSE);
    CHECK(strstr(err.file, "titles.tsv") != NULL);
    CHECK(err.line > 0);
    CHECK(strstr(err.msg, "duplicate") != NULL);
    /* a file that is not UTF-8: the line of the first bad byte */
    system("cp " GX_DATA_DIR "/titles.tsv lex_bad/ && printf '\\344\\270\\tmayor\\n' >> lex_bad/name_follow.tsv");
    gx_error_clear(&err);
    CHECK_EQ_INT(gx_lexicon_load("lex_bad", &l2, &err), GX_ERR_PARSE);
    CHECK(strstr(err.file, "name_follow.tsv") != NULL);
    CHECK(strstr(err.msg, "invalid UTF-8") != NULL);
    FILE *fp = fopen(GX_DATA_DIR "/name_follow.tsv", "r");
    long lines = 0;
    for (int c; fp && (c = fgetc(fp)) != EOF;)
        lines += c == '\n';
    if (fp)
        fclose(fp);
    CHECK_EQ_INT(err.line, lines + 1);
    system("rm -rf lex_bad");
}

/* --- cases --- */

typedef struct expect {
    gx_strvec officials;
    bool have_companies;
    gx_strvec companies;
} expect;

static int cases_failed, cases_passed;

static void case_fail(const char *file, long line, const char *name, const char *what, const char *arg)
{
    fprintf(stderr, "FAIL %s:%ld: case \"%s\": %s %s\n", file, line, name, what, arg);
}

static void run_case(const char *file, long line, const char *name, const char *text, const char *journalists,
                     gx_date date, char **checks, size_t nchecks)
{
    gx_article a;
    gx_extraction x;
    extract(text, journalists, date, &a, &x);
    bool ok = true;
    if (!second_reading_agrees(&a, &x)) {
        case_fail(file, line, name, "extracting from what collecting read differs from extracting afresh", "");
        ok = false;
    }
    gx_strvec want_off, want_com;
    gx_strvec_init(&want_off);
    gx_strvec_init(&want_com);
    bool companies_listed = false;
    /* every case: no mention without a name, none outside the text */
    for (size_t i = 0; i < x.n; i++)
        if (!*x.m[i].name || x.m[i].span.end > a.len) {
            case_fail(file, line, name, "a mention without a name or outside the text, of type",
                      gx_etype_name(x.m[i].type));
            ok = false;
        }
    for (size_t i = 0; i < nchecks; i++) {
        char *f[4] = {NULL, NULL, NULL, NULL};
        char *c = gx_xstrdup(checks[i]);
        size_t nf = 0;
        for (char *p = c; p && nf < 4;) {
            f[nf++] = p;
            char *tab = strchr(p, '\t');
            if (tab)
                *tab = '\0';
            p = tab ? tab + 1 : NULL;
        }
        const char *k = f[0];
        const char *v = nf > 1 ? f[1] : "";
        if (strcmp(k, "official") == 0) {
            gx_strvec_push(&want_off, v);
            if (!find(&x, GX_ENT_OFFICIAL, v)) {
                case_fail(file, line, name, "missing official", v);
                ok = false;
            } else if (nf > 2 && !has_titles(&x, v, f[2])) {
                case_fail(file, line, name, "wrong titles for", v);
                ok = false;
            }
        } else if (strcmp(k, "officials") == 0 || strcmp(k, "companies") == 0) {
            if (strcmp(k, "companies") == 0)
                companies_listed = true;
        } else if (strcmp(k, "company") == 0) {
            companies_listed = true;
            gx_strvec_push(&want_com, v);
            const gx_mention *m = find(&x, GX_ENT_COMPANY, v);
            if (!m) {
                case_fail(file, line, name, "missing company", v);
                ok = false;
            } else if (nf > 2) {
                for (const char *p = f[2]; *p;) {
                    const char *bar = strchr(p, '|');
                    size_t n = bar ? (size_t)(bar - p) : strlen(p);
                    char *al = gx_xstrndup(p, n);
                    bool seen = false;
                    for (size_t q = 0; q < x.n && !seen; q++)
                        seen = x.m[q].type == GX_ENT_COMPANY && strcmp(x.m[q].name, v) == 0 &&
                               strstr(x.m[q].aliases, al) != NULL;
                    if (!seen) {
                        case_fail(file, line, name, "missing alias", al);
                        ok = false;
                    }
                    free(al);
                    p = bar ? bar + 1 : p + n;
                }
            }
        } else if (strcmp(k, "person") == 0 || strcmp(k, "journalist") == 0 || strcmp(k, "place") == 0 ||
                   strcmp(k, "referenced") == 0) {
            gx_etype t = k[0] == 'j' ? GX_ENT_JOURNALIST : k[0] == 'p' && k[1] == 'l' ? GX_ENT_PLACE : GX_ENT_PERSON;
            const gx_mention *m = find(&x, t, v);
            if (!m || (k[0] == 'r' && !(m->flags & GX_MF_REFERENCED))) {
                case_fail(file, line, name, k, v);
                ok = false;
            }
        } else if (strcmp(k, "not") == 0 || strcmp(k, "not-place") == 0) {
            for (int t = 0; t < GX_ENT_NTYPES; t++)
                if ((k[3] == '\0' || t == GX_ENT_PLACE) && find(&x, (gx_etype)t, v)) {
                    case_fail(file, line, name, "unexpected entity", v);
                    ok = false;
                }
        } else if (strcmp(k, "visit") == 0) {
            bool seen = false;
            for (size_t q = 0; q < x.nev && !seen; q++)
                seen = x.ev[q].kind == GX_EV_VISIT && strcmp(x.ev[q].official, v) == 0 && nf > 2 &&
                       strcmp(x.ev[q].company, f[2]) == 0;
            if (!seen) {
                case_fail(file, line, name, "missing visit of", v);
                ok = false;
            }
        } else {
            case_fail(file, line, name, "unknown check", k);
            ok = false;
        }
        free(c);
    }
    for (size_t i = 0; i < x.n; i++) {
        if (x.m[i].type == GX_ENT_OFFICIAL && !gx_strvec_contains(&want_off, x.m[i].name)) {
            case_fail(file, line, name, "unexpected official", x.m[i].name);
            ok = false;
            gx_strvec_push(&want_off, x.m[i].name); /* once */
        }
        if (companies_listed && x.m[i].type == GX_ENT_COMPANY && !gx_strvec_contains(&want_com, x.m[i].name)) {
            case_fail(file, line, name, "unexpected company", x.m[i].name);
            ok = false;
            gx_strvec_push(&want_com, x.m[i].name);
        }
    }
    if (ok)
        cases_passed++;
    else
        cases_failed++;
    printf("%s %s\n", ok ? "ok  " : "FAIL", name);
    gx_strvec_destroy(&want_off);
    gx_strvec_destroy(&want_com);
    gx_extraction_destroy(&x);
    gx_article_destroy(&a);
}

static void run_file(const char *path)
{
    char *data;
    size_t len;
    gx_error err;
    if (gx_read_file(path, &data, &len, &err) != GX_OK) {
        fprintf(stderr, "cannot read %s\n", path);
        cases_failed++;
        return;
    }
    char *name = NULL, *journalists = NULL, *known_line = NULL, *home = NULL;
    gx_buf text;
    gx_buf_init(&text);
    gx_date date = 0;
    char **checks = NULL;
    size_t nchecks = 0, ccap = 0;
    long lineno = 0, case_line = 0;
    char *save;
    for (char *line = strtok_r(data, "\n", &save);; line = strtok_r(NULL, "\n", &save)) {
        lineno++;
        bool end = line == NULL || strncmp(line, "case\t", 5) == 0;
        if (end && name) {
            known = gx_names_new();
            gx_strvec kv;
            gx_strvec_init(&kv);
            gx_strvec_split(&kv, known_line, '|');
            for (size_t k = 0; k < kv.n; k++)
                gx_names_add(known, kv.v[k]);
            gx_strvec_destroy(&kv);
            gx_lexicon *shared = lex;
            gx_error herr;
            gx_error_clear(&herr);
            if (home && (gx_lexicon_load(GX_DATA_DIR, &lex, &herr) != GX_OK ||
                         gx_lexicon_set_home(lex, home, &herr) != GX_OK)) {
                case_fail(path, case_line, name, "cannot set home", herr.msg);
                cases_failed++;
            } else {
                run_case(path, case_line, name, text.data ? text.data : "", journalists, date, checks, nchecks);
            }
            if (lex != shared)
                gx_lexicon_free(lex);
            lex = shared;
            home = NULL;
            gx_names_free(known);
            known = NULL;
            known_line = NULL;
            nchecks = 0;
            text.len = 0;
            if (text.data)
                text.data[0] = '\0';
            journalists = NULL;
            date = 0;
        }
        if (!line)
            break;
        if (line[0] == '#' || !line[0])
            continue;
        if (strncmp(line, "case\t", 5) == 0) {
            name = line + 5;
            case_line = lineno;
        } else if (strncmp(line, "text\t", 5) == 0) {
            if (text.len)
                gx_buf_addc(&text, '\n');
            gx_buf_adds(&text, line + 5);
        } else if (strncmp(line, "home\t", 5) == 0) {
            home = line + 5;
        } else if (strncmp(line, "known\t", 6) == 0) {
            known_line = line + 6;
        } else if (strncmp(line, "journalists\t", 12) == 0) {
            journalists = line + 12;
        } else if (strncmp(line, "date\t", 5) == 0) {
            size_t used;
            date = gx_date_parse(line + 5, strlen(line + 5), &used);
        } else {
            GX_GROW(checks, ccap, nchecks + 1);
            checks[nchecks++] = line;
        }
    }
    free(checks);
    gx_buf_destroy(&text);
    free(data);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_cases(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", dir);
        return 1;
    }
    gx_strvec files;
    gx_strvec_init(&files);
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        if (n > 4 && strcmp(de->d_name + n - 4, ".tsv") == 0)
            gx_strvec_push(&files, de->d_name);
    }
    closedir(d);
    qsort(files.v, files.n, sizeof *files.v, cmp_str);
    for (size_t i = 0; i < files.n; i++) {
        gx_buf p;
        gx_buf_init(&p);
        gx_buf_addf(&p, "%s/%s", dir, files.v[i]);
        run_file(p.data);
        gx_buf_destroy(&p);
    }
    gx_strvec_destroy(&files);
    printf("%d passed, %d failed\n", cases_passed, cases_failed);
    return cases_failed || !cases_passed ? 1 : 0;
}

int main(int argc, char **argv)
{
    gx_error err;
    if (gx_lexicon_load(GX_DATA_DIR, &lex, &err) != GX_OK) {
        fprintf(stderr, "lexicon: %s:%ld: %s\n", err.file, err.line, err.msg);
        return 1;
    }
    int rc;
    if (argc == 3 && strcmp(argv[1], "--cases") == 0) {
        rc = run_cases(argv[2]);
    } else {
        RUN(test_title_chain);
        RUN(test_spans_are_bytes_of_text);
        RUN(test_mentions_in_order);
        RUN(test_known_names_added_after_merging);
        RUN(test_user_lexicon_and_stop);
        RUN(test_lexicon_errors_name_the_line);
        RUN(test_second_reading_of_the_sample_pages);
        RUN(test_second_reading_at_the_cap);
        rc = gx_t_summary();
    }
    gx_lexicon_free(lex);
    return rc;
}
