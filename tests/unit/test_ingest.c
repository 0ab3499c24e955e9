/* test_ingest.c — decoding, normalisation, dates, bylines, HTML, JSONL and page splitting.
 *   test_ingest                     run the unit tests
 *   test_ingest --split FILE DATE   print the split of a page (for the golden files) */
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "gx_ingest.h"
#include "harness.h"

/* Diagnostics are collected so tests can check what was said. */
static char said[4096];
static void collect(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    (void)ctx;
    size_t n = strlen(said);
    snprintf(said + n, sizeof said - n, "[%d %s:%ld:%ld %s]", (int)sev, file ? file : "", line, offset, msg);
}
static const gx_diag DIAG = {collect, NULL};

static char *decode(const char *raw, size_t len, gx_status *st)
{
    gx_buf out;
    gx_buf_init(&out);
    gx_error err;
    gx_error_clear(&err);
    said[0] = '\0';
    *st = gx_ingest_decode("t.txt", raw, len, &out, &DIAG, &err);
    return gx_buf_take(&out);
}

static char *normalise(const char *s)
{
    gx_buf out;
    gx_buf_init(&out);
    gx_ingest_normalise(s, strlen(s), &out);
    return gx_buf_take(&out);
}

static char *to_charset(const char *utf8, const char *cs, size_t *len)
{
    iconv_t cd = iconv_open(cs, "UTF-8");
    char *out = calloc(1, 4096), *in = (char *)utf8, *o = out;
    size_t il = strlen(utf8), ol = 4096;
    iconv(cd, &in, &il, &o, &ol);
    iconv_close(cd);
    *len = 4096 - ol;
    return out;
}

static void test_decode_utf8_bom_and_line_ends(void)
{
    gx_status st;
    char *s = decode("\xEF\xBB\xBF市委书记\r\n仲旭东\r强调", strlen("\xEF\xBB\xBF市委书记\r\n仲旭东\r强调"), &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK_EQ_STR(s, "市委书记\n仲旭东\n强调");
    CHECK_EQ_STR(said, "");
    free(s);
}

static void test_decode_invalid_bytes_named(void)
{
    gx_status st;
    const char raw[] = "平湖\xFF\xFE市\xC3";
    char *s = decode(raw, sizeof raw - 1, &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK_EQ_STR(s, "平湖\xEF\xBF\xBD\xEF\xBF\xBD市\xEF\xBF\xBD");
    CHECK(strstr(said, "t.txt:-1:6 3 invalid UTF-8 bytes") != NULL);
    free(s);
}

static void test_decode_controls_dropped(void)
{
    gx_status st;
    const char raw[] = "仲\0旭\x01东\x7F";
    char *s = decode(raw, sizeof raw - 1, &st);
    CHECK_EQ_STR(s, "仲旭东");
    CHECK(strstr(said, "3 control characters") != NULL);
    free(s);
}

/* What clean text keeps, changes and drops, with plain runs around each kind of character. */
static void test_decode_marks_between_plain_runs(void)
{
    gx_status st;
    const char raw[] = "平湖\xE2\x80\xA8市\xE2\x80\xA9委\xEF\xBB\xBF书\xC2\x85记〇\xF0\x9F\x98\x80"
                       "\xE0\x80\x80\xED\xA0\x80 ok\xE2\x80\x94强调\xE4\xB8";
    char *s = decode(raw, sizeof raw - 1, &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK_EQ_STR(s, "平湖\n市\n委书记〇\xF0\x9F\x98\x80"
                    "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ok\xE2\x80\x94强调"
                    "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(strstr(said, "8 invalid UTF-8 bytes") != NULL);
    CHECK(strstr(said, "2 control characters") != NULL);
    free(s);
}

/* The longest valid prefix is what decoding character by character finds, on edge cases and on
 * random mixtures of ASCII, CJK, lead and continuation bytes. */
static size_t valid_prefix_by_decoding(const char *s, size_t len)
{
    size_t i = 0, n;
    uint32_t cp;
    while (i < len && (n = gx_utf8_decode((const unsigned char *)s + i, len - i, &cp)))
        i += n;
    return i;
}

static void test_utf8_valid_prefix(void)
{
    static const char *const cases[] = {"", "abcdefghijklmnopq", "平湖市委书记", "平湖\xE4\xB8",
                                        "\xED\x9F\xBF\xED\xA0\x80", "\xE0\xA0\x80\xE0\x9F\xBF", "\xEF\xBF\xBF\xF4\x90\x80\x80",
                                        "12345678\xC2\x80\xC1\xBF", "\xF0\x9F\x98\x80x\x80"};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++)
        CHECK_EQ_INT((long)gx_utf8_valid_prefix(cases[k], strlen(cases[k])),
                     (long)valid_prefix_by_decoding(cases[k], strlen(cases[k])));
    static const unsigned char BYTES[] = {'a', '\n', 0x80, 0xA0, 0xBF, 0xC2, 0xDF, 0xE0, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    uint32_t seed = 12345;
    char buf[24];
    int mismatches = 0;
    for (int round = 0; round < 200000; round++) {
        size_t len = (size_t)(round % 24);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = (char)BYTES[(seed >> 16) % sizeof BYTES];
        }
        mismatches += gx_utf8_valid_prefix(buf, len) != valid_prefix_by_decoding(buf, len);
    }
    CHECK_EQ_INT(mismatches, 0);
}

/* The plain run sixteen bytes at a step ends where a character-by-character reading of the rule
 * ends, in text made of plain characters with the ones that end a run strewn among them (at
 * every offset, so that each falls at each place of a sixteen-byte step, and cut by the end). */
static size_t plain_run_by_decoding(const char *s, size_t len, bool text)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n;
    uint32_t cp;
    while (i < len && (n = gx_utf8_decode(u + i, len - i, &cp))) {
        bool plain = n == 1 ? !text || ((cp >= 0x20 || cp == '\n') && cp != 0x7F)
                            : n == 3 && u[i] != 0xE0 && u[i] != 0xED &&
                                  !(text && (cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF));
        if (!plain)
            break;
        i += n;
    }
    return i;
}

static void test_utf8_plain_run(void)
{
    static const char *const PLAIN[] = {"平", "湖", "市", "，", "“", "a", " ", "\n", "7", "\xEF\xBF\xBD"};
    static const char *const ODD[] = {"\xE2\x80\xA8", "\xE2\x80\xA9", "\xEF\xBB\xBF", "\t", "\x7F", "\x01",
                                      "\xC2\xA0", "\xF0\x9F\x98\x80", "\xE0\xA0\x80", "\xED\x9F\xBF",
                                      "\x80", "\xE5\xB9", "\xE2\x80\xA6"};
    enum { MAX = 120 };
    char buf[MAX + 8];
    uint32_t seed = 99;
    int mismatches = 0, long_runs = 0;
    for (int round = 0; round < 40000; round++) {
        size_t len = 0;
        while (len < MAX) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 16;
            const char *piece = r % 40 ? PLAIN[r / 40 % 10] : ODD[r / 40 % 13];
            size_t n = strlen(piece);
            if (len + n > MAX)
                break;
            memcpy(buf + len, piece, n);
            len += n;
        }
        size_t off = (size_t)round % 17, cut = off + (size_t)(round / 17) % (len - off + 1);
        for (int text = 0; text < 2; text++) {
            size_t got = gx_utf8_plain_run(buf + off, cut - off, text), want = plain_run_by_decoding(buf + off, cut - off, text);
            mismatches += got != want;
            long_runs += want >= 32;
        }
        mismatches += gx_utf8_valid_prefix(buf + off, cut - off) != valid_prefix_by_decoding(buf + off, cut - off);
    }
    CHECK_EQ_INT(mismatches, 0);
    CHECK(long_runs > 10000); /* the sixteen-byte steps were taken, not only the tail */
    CHECK_EQ_INT((long)gx_utf8_plain_run("平湖\xE2\x80\xA8市", strlen("平湖\xE2\x80\xA8市"), true), 6);
    CHECK_EQ_INT((long)gx_utf8_plain_run("平湖\xE2\x80\xA8市", strlen("平湖\xE2\x80\xA8市"), false), 12);
}

/* Counting characters sixteen bytes at a step gives what counting byte by byte gives, at every
 * length and offset, and past the 255 steps after which the per-byte tallies are summed. */
static void test_utf8_count(void)
{
    static const unsigned char BYTES[] = {'a', 0x80, 0xBF, 0xC2, 0xE5, 0xF0, 0xFF, 0x7F, 0x00, 0xC0};
    enum { MAX = 16 * 300 + 40 };
    char *buf = malloc(MAX);
    uint32_t seed = 777;
    for (size_t i = 0; i < MAX; i++) {
        seed = seed * 1103515245u + 12345u;
        buf[i] = (char)BYTES[(seed >> 16) % sizeof BYTES];
    }
    int mismatches = 0;
    for (size_t off = 0; off < 17; off++)
        for (size_t len = 0; off + len <= MAX; len += len < 70 ? 1 : 97) {
            size_t want = 0;
            for (size_t i = 0; i < len; i++)
                want += ((unsigned char)buf[off + i] & 0xC0) != 0x80;
            mismatches += gx_utf8_count(buf + off, len) != want;
        }
    CHECK_EQ_INT(mismatches, 0);
    memset(buf, 0x80, MAX); /* all continuation bytes: each tally byte reaches 255 */
    CHECK_EQ_INT((long)gx_utf8_count(buf, MAX), 0);
    CHECK_EQ_INT((long)gx_utf8_count("平湖市委书记 ok", strlen("平湖市委书记 ok")), 9);
    free(buf);
}

/* gx_find against a plain search, on text built from a few bytes so that needles often nearly
 * match: every length and offset around the sixteen-byte steps, needles of one to nine bytes,
 * and the needle at the very end. */
static const char *plain_find(const char *s, size_t len, const char *w, size_t n)
{
    for (size_t i = 0; n <= len && i <= len - n; i++)
        if (memcmp(s + i, w, n) == 0)
            return s + i;
    return NULL;
}

static void test_find(void)
{
    static const char BYTES[] = {'\xE2', '\x96', '\xA0', '\xE4', 'a', '\x8B'};
    enum { MAX = 80 };
    char buf[MAX], w[9];
    uint32_t seed = 4242;
    int mismatches = 0, found = 0;
    for (int round = 0; round < 4000; round++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 8) % MAX, n = 1 + (seed >> 20) % 9;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = BYTES[(seed >> 16) % 3 + (round & 1) * 3]; /* three bytes, or the other three */
        }
        for (size_t i = 0; i < n; i++) {
            seed = seed * 1103515245u + 12345u;
            w[i] = BYTES[(seed >> 16) % 3 + (round & 1) * 3];
        }
        if (round % 5 == 0 && n <= len)
            memcpy(buf + len - n, w, n); /* at the end */
        const char *want = plain_find(buf, len, w, n);
        mismatches += gx_find(buf, len, w, n) != want;
        found += want != NULL;
    }
    CHECK_EQ_INT(mismatches, 0);
    CHECK(found > 1000 && found < 3900); /* both answers were tested often */
    CHECK(gx_find("宋怡玲指出,■下转 C2版", strlen("宋怡玲指出,■下转 C2版"), "■下转", strlen("■下转")) != NULL);
    CHECK(gx_find("abc", 3, "", 0) != NULL);
}

/* text in GBK, decoded as a page is (the diagnostics in said) */
static char *decode_gbk(const char *text, gx_status *st)
{
    size_t len;
    char *gbk = to_charset(text, "GBK", &len);
    char *s = decode(gbk, len, st);
    free(gbk);
    return s;
}

static void test_decode_gbk(void)
{
    const char *text = "本报讯 昨天上午，市委书记仲旭东在会上强调，要深入学习贯彻重要讲话精神。";
    gx_status st;
    char *s = decode_gbk(text, &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK_EQ_STR(s, text);
    CHECK(strstr(said, "decoded as GB18030") != NULL);
    free(s);
}

/* A control character in a page decoded as GB18030 is reported without an offset: its place in the
 * converted text is not a byte of the file (as for UTF-16). */
static void test_decode_gbk_control_offset(void)
{
    gx_status st;
    char *s = decode_gbk("本报讯 昨天上午，市委书记仲旭东\x01在会上强调，要深入学习贯彻重要讲话精神。", &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK(strstr(said, "decoded as GB18030") != NULL);
    CHECK(strstr(said, ":-1:-1 1 control character (NUL, C0/C1) dropped") != NULL);
    free(s);
}

static void test_decode_utf16_bom(void)
{
    size_t len;
    char *u16 = to_charset("\xEF\xBB\xBF周军波主持会议", "UTF-16LE", &len);
    gx_status st;
    char *s = decode(u16, len, &st);
    CHECK_EQ_INT(st, GX_OK);
    CHECK_EQ_STR(s, "周军波主持会议");
    free(s);
    free(u16);
}

static void test_decode_binary_refused(void)
{
    gx_status st;
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    char *s = decode(png, sizeof png - 1, &st);
    CHECK_EQ_INT(st, GX_ERR_BINARY);
    free(s);
    char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (char)(i % 7);
    s = decode(junk, sizeof junk, &st);
    CHECK_EQ_INT(st, GX_ERR_BINARY);
    free(s);
    /* past one in ten control bytes (tabs, line ends, form feeds and ESC are not), counted over
     * more than the 255 sixteen-byte steps after which the counter sums its tallies */
    enum { N = 5000 };
    static const char allowed[] = "\t\n\r\f\x1b";
    for (int extra = 0; extra < 2; extra++) {
        char *text = malloc(N);
        for (int i = 0; i < N; i++)
            text[i] = i % 3 ? allowed[i % 5] : 'a';
        for (int i = 0; i < N / 10 + extra; i++)
            text[(i * 7919) % N] = (char)(1 + i % 8); /* 0x01-0x08: all controls */
        s = decode(text, N, &st);
        CHECK_EQ_INT(st == GX_ERR_BINARY, extra == 1);
        free(s);
        free(text);
    }
}

static void test_normalise_joins_wrapped_names(void)
{
    char *s = normalise("市委书记仲旭\n东在会上强调，要深入\n学习贯彻。");
    CHECK_EQ_STR(s, "市委书记仲旭东在会上强调,要深入学习贯彻。\n");
    free(s);
    /* a column break (blank line) inside a sentence joins too */
    s = normalise("全市三级干部大会暨\n\n“创新攻坚年”动员大会召开，");
    CHECK_EQ_STR(s, "全市三级干部大会暨“创新攻坚年”动员大会召开,\n");
    free(s);
}

static void test_normalise_padding_and_width(void)
{
    char *s = normalise("■记者 高 洁　２月 19日，ＰＶＣ专用 发泡剂（浙江）");
    CHECK_EQ_STR(s, "■记者高洁2月19日,PVC专用发泡剂(浙江)\n");
    free(s);
    s = normalise("硬质 PVC 专用 and more\n5G\nnetworks");
    CHECK_EQ_STR(s, "硬质PVC专用and more 5G networks\n");
    free(s);
}

/* The full-width forms at both ends of the folded block, the ones beside it that stay, and no text
 * at all (a NULL text of no bytes, as an empty page gives: fuzz_ingest found the fold reading it). */
static void test_normalise_fold_edges(void)
{
    char *s = normalise("！～＿｀｟、。a\xC2\xA0" "b\xE3\x80\x80" "c");
    CHECK_EQ_STR(s, "!~_`｟、。a b c\n");
    free(s);
    gx_buf out;
    gx_buf_init(&out);
    gx_ingest_normalise(NULL, 0, &out);
    CHECK_EQ_STR(out.data, "");
    gx_buf_destroy(&out);
}

static void test_normalise_keeps_paragraphs(void)
{
    char *s = normalise("陈王进等出席\n会议。\n\n仲旭东指出，2023年是平湖面对错综\n复杂的外部环境。\n展。\n仲旭东强调，要强化狠抓落实，以更大\n的力度");
    CHECK_EQ_STR(s, "陈王进等出席会议。\n仲旭东指出,2023年是平湖面对错综复杂的外部环境。\n展。\n仲旭东强调,要强化狠抓落实,以更大的力度\n");
    free(s);
}

static void test_sentences(void)
{
    gx_article a = {0};
    a.text = "他强调,要深入学习。“大家辛苦了!”市领导一行\n走进车间";
    a.len = strlen(a.text);
    gx_ingest_sentences(&a);
    CHECK_EQ_INT(a.n_sentences, 4);
    if (a.n_sentences == 4) {
        CHECK_EQ_INT(a.sentences[1].start, strlen("他强调,要深入学习。"));
        CHECK_EQ_INT(a.sentences[1].end, strlen("他强调,要深入学习。“大家辛苦了!”"));
        CHECK_EQ_INT(a.sentences[3].end, a.len);
    }
    free(a.sentences);
}

/* Sentence ends as found by reading each character: after 。!?… and the closing marks and
 * further ends right after them, and at each run of line ends. */
static size_t sentence_ends_by_reading(const char *s, size_t len, gx_span *out)
{
    static const char *const TERMINAL[] = {"。", "!", "?", "…"};
    static const char *const CLOSING[] = {"”", "’", "」", "』", ")", "\""};
    size_t n = 0, start = 0, i = 0;
    while (i < len) {
        size_t end = 0, k = gx_utf8_len((unsigned char)s[i]);
        bool term = false;
        for (size_t t = 0; t < 4; t++)
            term |= strncmp(s + i, TERMINAL[t], strlen(TERMINAL[t])) == 0;
        if (s[i] == '\n') {
            end = i;
            i++;
        } else if (term) {
            for (i += k; i < len;) {
                bool more = false;
                for (size_t t = 0; t < 4; t++)
                    more |= strncmp(s + i, TERMINAL[t], strlen(TERMINAL[t])) == 0;
                for (size_t t = 0; t < 6; t++)
                    more |= strncmp(s + i, CLOSING[t], strlen(CLOSING[t])) == 0;
                if (!more)
                    break;
                i += gx_utf8_len((unsigned char)s[i]);
            }
            end = i;
        } else {
            i += k;
            continue;
        }
        if (end > start)
            out[n++] = (gx_span){start, end};
        for (start = i; start < len && s[start] == '\n';)
            start++;
        i = start;
    }
    if (len > start)
        out[n++] = (gx_span){start, len};
    return n;
}

/* Long random texts of CJK, ASCII, sentence ends, closing marks and line ends split as reading
 * them character by character does, whatever the sixteen-byte steps of the scan. */
static void test_sentences_random(void)
{
    static const char *const PIECES[] = {"平湖", "市委书记", "。", "!", "?", "…", "”", "」", "\n", "\n\n",
                                         "a", "2023年", ",", "、", "“", "经济开发区管委会"};
    uint32_t seed = 4242;
    int bad = 0;
    for (int round = 0; round < 300; round++) {
        char text[2048];
        size_t len = 0, pieces = 1 + (size_t)round % 120;
        for (size_t p = 0; p < pieces; p++) {
            seed = seed * 1103515245u + 12345u;
            const char *w = PIECES[(seed >> 16) % (sizeof PIECES / sizeof *PIECES)];
            memcpy(text + len, w, strlen(w));
            len += strlen(w);
        }
        text[len] = 0;
        gx_article a = {0};
        a.text = text;
        a.len = len;
        gx_ingest_sentences(&a);
        gx_span want[2048];
        size_t nw = sentence_ends_by_reading(text, len, want);
        bool same = a.n_sentences == nw;
        for (size_t k = 0; same && k < nw; k++)
            same = a.sentences[k].start == want[k].start && a.sentences[k].end == want[k].end;
        bad += !same;
        free(a.sentences);
    }
    CHECK_EQ_INT(bad, 0);
}

static void test_event_dates(void)
{
    gx_date pub = gx_date_make(2024, 2, 21);
    bool approx;
    const char *lead = "2月19日下午,市委书记仲旭东带队走访人才企业。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240219);
    CHECK(!approx);
    lead = "“新春第一会”,凝聚起攻坚奋进力量。昨天上午,全市三级干部大会召开。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240220);
    lead = "前天,我市召开会议。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240219);
    lead = "近日,市领导李文健来到市民兵训练中心。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240221);
    CHECK(approx);
    /* a month later than the page's month is last year's */
    lead = "12月20日晚,我市举行第一百期创新学堂。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), gx_date_make(2022, 1, 5), &approx), 20211220);
    lead = "2023年12月1日,平湖召开大会。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20231201);
    lead = "昨天上午,会议召开。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), 0, &approx), 0);
    lead = "7月份以来,我市启动双拥系列活动。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 0);
    /* each word of the lead's day, after text that starts none (their first bytes are E4–E8) */
    lead = "今天上午,会议召开。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240221);
    CHECK(!approx);
    lead = "日前,我市召开会议。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240221);
    CHECK(approx);
    lead = "“双拥”活动连日来走进社区。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240221);
    CHECK(approx);
    lead = "在平湖,ABC公司昨晚举行晚会。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), pub, &approx), 20240220);
    CHECK(!approx);
    /* the day before 1 March in a leap year */
    lead = "昨天,会议召开。";
    CHECK_EQ_INT(gx_ingest_event_date(lead, strlen(lead), gx_date_make(2024, 3, 1), &approx), 20240229);
}

static void test_dates_from_names(void)
{
    CHECK_EQ_INT(gx_ingest_date_from_name("pages/2024-02-21.txt"), 20240221);
    CHECK_EQ_INT(gx_ingest_date_from_name("pinghu_20240221_p1.txt"), 20240221);
    CHECK_EQ_INT(gx_ingest_date_from_name("2024_02_21-a.html"), 20240221);
    CHECK_EQ_INT(gx_ingest_date_from_name("000_10a9f01861d5bbf5.txt"), 0);
    CHECK_EQ_INT(gx_ingest_date_from_name("a/20240231.txt"), 0);
    CHECK_EQ_INT(gx_ingest_date_from_name("1202402211.txt"), 0);
}

static void manifest_spellings(int pad);

static void test_manifest(void)
{
    said[0] = '\0';
    FILE *fp = fopen("manifest_test.tsv", "w");
    fputs("# path\tdate\n000.txt\t2024-02-21\tnote\nbad.txt\t2024-13-01\n001.txt\n", fp);
    fclose(fp);
    gx_error err;
    gx_manifest *m = gx_manifest_load("manifest_test.tsv", &DIAG, &err);
    CHECK(m != NULL);
    CHECK_EQ_INT(gx_manifest_lookup(m, "000.txt"), 20240221);
    CHECK_EQ_INT(gx_manifest_lookup(m, "bad.txt"), 0);
    CHECK(strstr(said, "manifest_test.tsv:3:-1 bad date '2024-13-01'") != NULL);
    CHECK(strstr(said, "manifest_test.tsv:4:-1 expected PATH<TAB>YYYY-MM-DD") != NULL);
    gx_manifest_free(m);
    remove("manifest_test.tsv");

    /* the same twice: as the first entries of their folders (an lstat each), then after a hundred
     * others in the same folders, where the folder's listing answers instead */
    for (int pad = 0; pad < 2; pad++)
        manifest_spellings(pad ? 100 : 0);
}

/* Writes manifest_test.tsv: `pad` entries of missing files in . and in manifest_here/, then text. */
static void write_padded_manifest(int pad, const char *text)
{
    FILE *fp = fopen("manifest_test.tsv", "w");
    for (int i = 0; i < pad; i++)
        fprintf(fp, "manifest_pad_%03d.txt\t2020-01-01\nmanifest_here/manifest_pad_%03d.txt\t2020-01-02\n", i, i);
    fputs(text, fp);
    fclose(fp);
}

static void manifest_spellings(int pad)
{
    gx_error err;
    /* one file listed under two spellings: the first entry wins, however the file is named */
    FILE *fp = fopen("manifest_file.txt", "w");
    fputs("x\n", fp);
    fclose(fp);
    CHECK(symlink(".", "manifest_here") == 0);
    write_padded_manifest(pad, "./manifest_file.txt\t2024-01-01\nmanifest_file.txt\t2024-02-02\nmissing.txt\t2024-03-03\n");
    gx_manifest *m = gx_manifest_load("manifest_test.tsv", &DIAG, &err);
    CHECK(m != NULL);
    CHECK_EQ_INT(gx_manifest_lookup(m, "manifest_file.txt"), 20240101);
    CHECK_EQ_INT(gx_manifest_lookup(m, "./manifest_file.txt"), 20240101);
    CHECK_EQ_INT(gx_manifest_lookup(m, "././manifest_file.txt"), 20240101);
    CHECK_EQ_INT(gx_manifest_lookup(m, "missing.txt"), 20240303);
    CHECK_EQ_INT(gx_manifest_lookup(m, "./missing.txt"), 0);
    CHECK_EQ_INT(gx_manifest_lookup(m, "manifest_pad_007.txt"), pad ? 20200101 : 0);
    gx_manifest_free(m);

    /* through symbolic links: a linked file, and a file in a linked folder, are the file itself */
    CHECK(symlink("manifest_file.txt", "manifest_link.txt") == 0);
    write_padded_manifest(pad, "manifest_file.txt\t2024-01-01\nmanifest_link.txt\t2024-05-05\n"
                               "manifest_here/manifest_file.txt\t2024-06-06\n");
    m = gx_manifest_load("manifest_test.tsv", &DIAG, &err);
    CHECK(m != NULL);
    CHECK_EQ_INT(gx_manifest_lookup(m, "manifest_link.txt"), 20240101);
    CHECK_EQ_INT(gx_manifest_lookup(m, "manifest_here/manifest_file.txt"), 20240101);
    CHECK_EQ_INT(gx_manifest_lookup(m, "./manifest_here/manifest_link.txt"), 20240101);
    gx_manifest_free(m);

    /* the linked file listed first: the file's own name, later, is the same file */
    write_padded_manifest(pad, "manifest_here/manifest_link.txt\t2024-07-07\nmanifest_file.txt\t2024-08-08\n");
    m = gx_manifest_load("manifest_test.tsv", &DIAG, &err);
    CHECK(m != NULL);
    CHECK_EQ_INT(gx_manifest_lookup(m, "manifest_file.txt"), 20240707);
    gx_manifest_free(m);
    remove("manifest_here");
    remove("manifest_link.txt");
    remove("manifest_test.tsv");
    remove("manifest_file.txt");
}

/* Many entries (the index grows past its first size several times), names that begin others
 * (m_1.txt, m_1.txt2, m_10.txt), and a repeated path, whose first date holds. */
static void test_manifest_many(void)
{
    FILE *fp = fopen("manifest_test.tsv", "w");
    for (int i = 0; i < 500; i++)
        fprintf(fp, "m_%d.txt\t2020-%02d-%02d\nm_%d.txt2\t2021-%02d-%02d\n", i, 1 + i % 12, 1 + i % 28, i,
                1 + i % 12, 1 + i % 28);
    fputs("m_7.txt\t2024-12-31\n", fp);
    fclose(fp);
    gx_error err;
    gx_manifest *m = gx_manifest_load("manifest_test.tsv", &DIAG, &err);
    CHECK(m != NULL);
    int bad = 0;
    for (int i = 0; i < 500 && bad < 5; i++) {
        char name[32];
        snprintf(name, sizeof name, "m_%d.txt", i);
        gx_date want = 20200000 + (1 + i % 12) * 100 + 1 + i % 28;
        if (gx_manifest_lookup(m, name) != want)
            bad++;
        snprintf(name, sizeof name, "m_%d.txt2", i);
        if (gx_manifest_lookup(m, name) != want + 10000)
            bad++;
        gx_t_checks += 2;
    }
    CHECK_EQ_INT(bad, 0);
    CHECK_EQ_INT(gx_manifest_lookup(m, "m_7.txt"), 20200808); /* the first of the two */
    CHECK_EQ_INT(gx_manifest_lookup(m, "m_1.tx"), 0);
    CHECK_EQ_INT(gx_manifest_lookup(m, "m_1.txt22"), 0);
    gx_manifest_free(m);
    remove("manifest_test.tsv");
}

static void check_names(const char *line, const char *expect)
{
    gx_strvec v;
    gx_strvec_init(&v);
    gx_ingest_byline_names(line, strlen(line), &v);
    char *j = gx_strvec_join(&v, "|");
    CHECK_EQ_STR(j, expect);
    free(j);
    gx_strvec_destroy(&v);
}

static void test_byline_names(void)
{
    check_names("■记者 荣怡婷 见习记者 汤书睿", "荣怡婷|汤书睿");
    check_names("■记者 高 洁", "高洁");
    check_names("■摄影 王 强 陈明远", "王强|陈明远");
    check_names("■记 者 金睿敏", "金睿敏");
    check_names("通讯员 刘波 徐凯", "刘波|徐凯");
    check_names("■本报评论员", "");
    check_names("■记者 胡佳英 通讯员 胡 侃", "胡佳英|胡侃");
}

static gx_article_list ingest(const char *name, const char *data, gx_date date, size_t *skipped)
{
    gx_ingest_options o;
    gx_ingest_options_init(&o);
    o.date = date;
    o.diag = DIAG;
    o.skipped = skipped;
    gx_article_list l;
    gx_article_list_init(&l);
    gx_error err;
    said[0] = '\0';
    gx_ingest_buffer(name, data, strlen(data), GX_FMT_UNKNOWN, &o, &l, &err);
    return l;
}

static char *slurp(const char *path)
{
    char *d;
    size_t n;
    gx_error err;
    if (gx_read_file(path, &d, &n, &err) != GX_OK)
        return NULL;
    return d;
}

static void test_html_epaper_page(void)
{
    char *html = slurp(GX_SOURCE_DIR "/tests/data/epaper_article.html");
    CHECK(html != NULL);
    if (!html)
        return;
    size_t skipped = 0;
    gx_article_list l = ingest("content_12345.html", html, 0, &skipped);
    CHECK_EQ_INT(l.n, 1);
    if (l.n == 1) {
        gx_article *a = &l.v[0];
        CHECK_EQ_STR(a->title, "仲旭东在走访人才企业和高端人才时强调");
        CHECK_EQ_INT(a->date, 20240221);
        CHECK_EQ_INT(a->event_date, 20240219);
        CHECK(strstr(a->text, "浙江钛迩赛新材料有限公司") != NULL);
        CHECK(strstr(a->text, "仲旭东首先来到") != NULL);
        CHECK(strstr(a->text, "function") == NULL);  /* script */
        CHECK(strstr(a->text, "首页") == NULL);      /* navigation */
        CHECK(strstr(a->text, "版权所有") == NULL);  /* footer */
        CHECK(strstr(a->text, "color:") == NULL);    /* style */
    }
    gx_article_list_destroy(&l);
    free(html);
}

static void test_html_visible_date(void)
{
    const char *html = "<html><head><title>平湖新闻</title></head><body><div class=\"info\">发布时间：2024-01-04 "
                       "09:30</div><div id=\"content\"><p>本报讯 昨天上午，市委书记仲旭东调研。</p></div></body></html>";
    size_t skipped = 0;
    gx_article_list l = ingest("news.htm", html, 0, &skipped);
    CHECK_EQ_INT(l.n, 1);
    if (l.n == 1) {
        CHECK_EQ_INT(l.v[0].date, 20240104);
        CHECK_EQ_INT(l.v[0].event_date, 20240103);
        CHECK_EQ_STR(l.v[0].title, "平湖新闻");
    }
    gx_article_list_destroy(&l);
}

static void test_jsonl_lines(void)
{
    const char *data = "{\"id\":\"a1\",\"title\":\"市领导视察\",\"date\":\"2024-02-21\",\"text\":\"近日，市领导李文健、戴振来到市民兵训练中心。\"}\n"
                       "{\"id\":\"a2\",\"text\":\"broken\"\n"
                       "{\"id\":\"a3\",\"title\":\"no text\"}\n"
                       "[1,2]\n"
                       "\n"
                       "{\"id\":7,\"date\":20240221,\"text\":\"昨天，会议召开。\\u0000\"}\n";
    size_t skipped = 0;
    gx_article_list l = ingest("feed.jsonl", data, 0, &skipped);
    CHECK_EQ_INT(l.n, 2);
    CHECK_EQ_INT(skipped, 3);
    CHECK(strstr(said, "feed.jsonl:2:") != NULL);
    CHECK(strstr(said, "feed.jsonl:3:-1 no \"text\" string") != NULL);
    CHECK(strstr(said, "feed.jsonl:4:-1 not a JSON object") != NULL);
    CHECK(strstr(said, "feed.jsonl:6:-1 field \"date\" is not a string") != NULL);
    if (l.n == 2) {
        CHECK_EQ_STR(l.v[0].id, "feed.jsonl#a1");
        CHECK_EQ_INT(l.v[0].date, 20240221);
        CHECK_EQ_INT(l.v[0].event_date, 20240221);
        CHECK(l.v[0].event_date_approx);
        CHECK_EQ_STR(l.v[1].id, "feed.jsonl#7");
        CHECK_EQ_INT(l.v[1].date, 0);
        CHECK_EQ_STR(l.v[1].text, "昨天,会议召开。\n");
    }
    gx_article_list_destroy(&l);
}

static void test_date_priority(void)
{
    /* --date beats the file name; the file name beats the JSONL field */
    const char *data = "{\"date\":\"2020-01-01\",\"text\":\"会议召开。\"}\n";
    size_t skipped = 0;
    gx_article_list l = ingest("2024-02-21.jsonl", data, 0, &skipped);
    CHECK(l.n == 1 && l.v[0].date == 20240221);
    gx_article_list_destroy(&l);
    l = ingest("2024-02-21.jsonl", data, 20230505, &skipped);
    CHECK(l.n == 1 && l.v[0].date == 20230505);
    gx_article_list_destroy(&l);
    l = ingest("feed.jsonl", data, 0, &skipped);
    CHECK(l.n == 1 && l.v[0].date == 20200101);
    gx_article_list_destroy(&l);
}

/* A headline with an enumeration comma (老党员、困难群众) is the next article's title, not the end of
 * the article before (found by the benchmark corpus: 赴荷兰、日本招商推介). */
static void test_headline_with_enumeration_comma(void)
{
    const char *page = "市领导调研安全生产工作\n\n■记者 胡佳英\n\n本报讯 昨天上午，市领导王芳调研安全生产工作。"
                       "王芳强调，要压实责任。\n\n周军波走访慰问老党员、困难群众\n\n■记者 李雨婷\n\n"
                       "本报讯 昨天，市长周军波走访慰问老党员。\n";
    size_t skipped = 0;
    gx_article_list l = ingest("2024-02-21.txt", page, 0, &skipped);
    CHECK_EQ_INT(l.n, 2);
    if (l.n == 2) {
        CHECK_EQ_STR(l.v[0].title, "市领导调研安全生产工作");
        CHECK(strstr(l.v[0].text, "困难群众") == NULL);
        CHECK_EQ_STR(l.v[1].title, "周军波走访慰问老党员、困难群众");
    }
    gx_article_list_destroy(&l);
}

/* A jump line glued to a paragraph's end (page 003: 宋怡玲指出,■下转 C2版) is cut from the text,
 * whether the paragraph is wrapped or not; a ■ that no 下转 follows stays. */
static void test_glued_jump_line(void)
{
    const char *page = "市领导调研安全生产工作\n\n■记者 胡佳英\n\n本报讯 昨天上午，市领导王芳调研\n安全生产工作。"
                       "王芳指出，■下转 C2版\n\n在■处签字的企业负责人说，要压实责任。\n";
    size_t skipped = 0;
    gx_article_list l = ingest("2024-02-21.txt", page, 0, &skipped);
    CHECK_EQ_INT(l.n, 1);
    if (l.n == 1) {
        CHECK(strstr(l.v[0].text, "下转") == NULL);
        CHECK(strstr(l.v[0].text, "王芳指出,") != NULL);
        CHECK(strstr(l.v[0].text, "在■处签字") != NULL);
    }
    gx_article_list_destroy(&l);
}

/* A title and its "——" subtitle after a column cut mid-sentence (page 003: 宋怡玲指出，, then
 * 动能转换添活力 / ——上半年平湖经济发展述评③) begin the next article; a wrapped body line with no
 * mark before the title's block stays in the body. */
static void test_subtitled_head_after_cut(void)
{
    static const struct {
        const char *cut;   /* the body's last lines, cut mid-sentence */
        const char *last;  /* what the first article's text ends with */
    } CASES[] = {
        {"李明指出，", "李明指出,"},
        {"李明指出，要\n扎实推进安全生产", "扎实推进安全生产"},
    };
    for (size_t c = 0; c < sizeof CASES / sizeof *CASES; c++) {
        char page[1024];
        snprintf(page, sizeof page,
                 "市领导调研安全生产工作\n\n■记者 胡佳英\n\n本报讯 昨天上午，市领导王芳调研安全生产工作。\n\n"
                 "副市长李明在讲话中表示，全市上下要压实责任。%s\n\n招商引资开新局\n\n——上半年平湖经济发展述评②\n\n"
                 "■记者 汪锦秀\n\n项目为王，实干为先。今年以来，我市新引进项目32个。\n",
                 CASES[c].cut);
        size_t skipped = 0;
        gx_article_list l = ingest("2024-02-21.txt", page, 0, &skipped);
        CHECK_EQ_INT(l.n, 2);
        if (l.n == 2) {
            const char *t = l.v[0].text;
            size_t n = strlen(t), m = strlen(CASES[c].last);
            CHECK(n > m && strncmp(t + n - m - 1, CASES[c].last, m) == 0); /* then the closing newline */
            CHECK(strstr(t, "招商引资") == NULL && strstr(t, "述评") == NULL);
            CHECK_EQ_STR(l.v[1].title, "招商引资开新局 ——上半年平湖经济发展述评②");
            CHECK(l.v[1].journalists.n == 1 && strcmp(l.v[1].journalists.v[0], "汪锦秀") == 0);
            CHECK(strncmp(l.v[1].text, "项目为王", strlen("项目为王")) == 0);
        }
        gx_article_list_destroy(&l);
    }
}

/* Page 000 reads as five articles, the visit dated 2024-02-19. */
static void test_split_page_000(void)
{
    char *page = slurp(GX_SOURCE_DIR "/examples/pinghu/000_10a9f01861d5bbf5.txt");
    CHECK(page != NULL);
    if (!page)
        return;
    size_t skipped = 0;
    gx_article_list l = ingest("000.txt", page, 20240221, &skipped);
    CHECK_EQ_INT(l.n, 5);
    if (l.n == 5) {
        CHECK(strncmp(l.v[0].text, "“新春第一会”", strlen("“新春第一会”")) == 0);
        CHECK_EQ_INT(l.v[0].event_date, 20240220);
        CHECK(strncmp(l.v[1].text, "2月19日下午,市委书记仲旭东带队走访", strlen("2月19日下午,市委书记仲旭东带队走访")) == 0);
        CHECK_EQ_INT(l.v[1].event_date, 20240219);
        CHECK_EQ_INT(l.v[1].journalists.n, 2);
        CHECK(strncmp(l.v[2].text, "近日,市领导李文健", strlen("近日,市领导李文健")) == 0);
        CHECK_EQ_STR(l.v[2].title, "市领导视察征兵体检工作");
        CHECK(l.v[2].journalists.n == 1 && strcmp(l.v[2].journalists.v[0], "林旭东") == 0);
        CHECK(strncmp(l.v[3].text, "战鼓擂", strlen("战鼓擂")) == 0);
        CHECK(strncmp(l.v[4].text, "“2024年,首位", strlen("“2024年,首位")) == 0);
        CHECK(l.v[4].journalists.n == 1 && strcmp(l.v[4].journalists.v[0], "高洁") == 0);
        for (size_t i = 0; i < l.n; i++)
            CHECK_EQ_INT(l.v[i].kind, GX_UNIT_ARTICLE);
        /* the visit never runs into the conscription piece */
        CHECK(strstr(l.v[1].text, "征兵") == NULL);
    }
    gx_article_list_destroy(&l);
    free(page);
}

/* Adverts and weather boxes are units of their own. */
static void test_split_boxes(void)
{
    const char *page = "本报讯 昨天上午，市委书记仲旭东\n出席会议。\n\n■记者 胡佳英\n\n"
                       "招生热线：85087171 85087979驾培 全日制\n\n嘉兴市交通学校\n\n地址：平湖市当湖街道乍王线大胜段88号\n\n"
                       "今天多云到晴。明天多云到阴，偏北风 3级。今天白天最\n高气温16℃，明天早晨最低气温4℃。\n\n"
                       "本报讯 昨天下午，市人大\n读书会召开。\n";
    size_t skipped = 0;
    gx_article_list l = ingest("p.txt", page, 20211222, &skipped);
    CHECK_EQ_INT(l.n, 4);
    if (l.n == 4) {
        CHECK_EQ_INT(l.v[0].kind, GX_UNIT_ARTICLE);
        CHECK_EQ_INT(l.v[1].kind, GX_UNIT_ADVERT);
        CHECK(strstr(l.v[1].text, "嘉兴市交通学校") != NULL);
        CHECK_EQ_INT(l.v[2].kind, GX_UNIT_WEATHER);
        CHECK_EQ_INT(l.v[3].kind, GX_UNIT_ARTICLE);
        CHECK(strstr(l.v[0].text, "热线") == NULL);
    }
    gx_article_list_destroy(&l);
}

/* A weather or advert word, or 本报讯, is found at any byte of a line, and with any bytes after it:
 * the line's pre-filter (line_may) reads sixteen bytes a step and each character by its last two
 * bytes, so the word is put at every offset of the step and before the line's end. */
static void test_split_markers_anywhere(void)
{
    static const struct {
        const char *word;
        gx_unit_kind kind;
    } MARK[] = {{"最高气温16", GX_UNIT_WEATHER},     {"明天多云16℃", GX_UNIT_WEATHER},
                {"天气晴", GX_UNIT_WEATHER},         {"地址：当湖街道88号", GX_UNIT_ADVERT},
                {"招生热线85087171", GX_UNIT_ADVERT}, {"电话85087171", GX_UNIT_ADVERT},
                {"咨询85087171", GX_UNIT_ADVERT},     {"www.phnews.cn", GX_UNIT_ADVERT},
                {"http://phnews.cn", GX_UNIT_ADVERT}, {"Tel85087171", GX_UNIT_ADVERT},
                {"TEL 85087171", GX_UNIT_ADVERT}};
    int bad = 0;
    for (size_t w = 0; w < sizeof MARK / sizeof MARK[0]; w++)
        for (size_t lead = 0; lead < 34 && bad < 5; lead++)
            for (size_t tail = 0; tail < 3; tail++) {
                char page[512];
                snprintf(page, sizeof page, "本报讯 昨天上午，市委书记仲旭东出席会议。\n\n%.*s%s%s\n\n本报讯 昨天下午，读书会召开。\n",
                         (int)lead, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", MARK[w].word,
                         tail == 0 ? "" : tail == 1 ? "x" : "。");
                size_t skipped = 0;
                gx_article_list l = ingest("p.txt", page, 20211222, &skipped);
                bool found = false;
                for (size_t i = 0; i < l.n; i++)
                    found |= l.v[i].kind == MARK[w].kind;
                if (!found) {
                    gx_t_fail(__FILE__, __LINE__, "no %s unit for %s after %zu bytes", gx_unit_kind_name(MARK[w].kind),
                              MARK[w].word, lead);
                    bad++;
                }
                gx_t_checks++;
                gx_article_list_destroy(&l);
            }
    /* and 本报讯 starts an article wherever it stands in its line */
    for (size_t lead = 0; lead < 34 && bad < 5; lead++) {
        char page[512];
        snprintf(page, sizeof page, "本报讯 昨天上午，市委书记仲旭东出席会议。\n\n%.*s本报讯 昨天下午，读书会召开。\n", (int)lead,
                 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        size_t skipped = 0;
        gx_article_list l = ingest("p.txt", page, 20211222, &skipped);
        bool found = false;
        for (size_t i = 0; i < l.n; i++)
            found |= strncmp(l.v[i].text, "昨天下午", strlen("昨天下午")) == 0;
        if (!found) {
            gx_t_fail(__FILE__, __LINE__, "本报讯 after %zu bytes starts no article", lead);
            bad++;
        }
        gx_t_checks++;
        gx_article_list_destroy(&l);
    }
}

static int print_split(const char *path, const char *date)
{
    char *page = slurp(path);
    if (!page)
        return 1;
    size_t used, skipped = 0;
    gx_date d = gx_date_parse(date, strlen(date), &used);
    gx_article_list l = ingest(path, page, d, &skipped);
    for (size_t i = 0; i < l.n; i++) {
        gx_article *a = &l.v[i];
        char ev[11];
        gx_date_format(a->event_date, ev);
        char *j = gx_strvec_join(&a->journalists, "|");
        size_t head = 0, tail = a->len;
        for (int k = 0; k < 12 && head < a->len; k++)
            head += gx_utf8_len((unsigned char)a->text[head]);
        for (int k = 0; k < 13 && tail > 0; k++)
            tail = gx_utf8_prev(a->text, tail);
        printf("%d\t%s\t%s\t%s\t%s\t", a->index, gx_unit_kind_name(a->kind), ev, a->title, j);
        for (size_t k = 0; k < a->len; k++) {
            if (k == head && head < tail) {
                fputs("…", stdout);
                k = tail;
            }
            putchar(a->text[k] == '\n' ? '/' : a->text[k]);
        }
        putchar('\n');
        free(j);
    }
    gx_article_list_destroy(&l);
    free(page);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "--split") == 0)
        return print_split(argv[2], argv[3]);
    RUN(test_decode_utf8_bom_and_line_ends);
    RUN(test_decode_invalid_bytes_named);
    RUN(test_decode_controls_dropped);
    RUN(test_decode_marks_between_plain_runs);
    RUN(test_utf8_valid_prefix);
    RUN(test_utf8_plain_run);
    RUN(test_decode_gbk);
    RUN(test_decode_gbk_control_offset);
    RUN(test_decode_utf16_bom);
    RUN(test_decode_binary_refused);
    RUN(test_normalise_joins_wrapped_names);
    RUN(test_normalise_padding_and_width);
    RUN(test_normalise_keeps_paragraphs);
    RUN(test_normalise_fold_edges);
    RUN(test_sentences);
    RUN(test_event_dates);
    RUN(test_dates_from_names);
    RUN(test_manifest);
    RUN(test_manifest_many);
    RUN(test_byline_names);
    RUN(test_html_epaper_page);
    RUN(test_html_visible_date);
    RUN(test_jsonl_lines);
    RUN(test_date_priority);
    RUN(test_utf8_count);
    RUN(test_find);
    RUN(test_sentences_random);
    RUN(test_headline_with_enumeration_comma);
    RUN(test_glued_jump_line);
    RUN(test_subtitled_head_after_cut);
    RUN(test_split_page_000);
    RUN(test_split_boxes);
    RUN(test_split_markers_anywhere);
    return gx_t_summary();
}
