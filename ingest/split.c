/* split.c — a newspaper page into its articles, captions, adverts and weather boxes.
 *
 * The page is read line by line.  An article starts at 本报讯 (headline text
 * before it on the same line is headline) or, without 本报讯, at the first body
 * line after a byline.  Bylines (■记者 …) end the unit before them.  Whether a
 * byline belongs to the article before it or after it is the page's style:
 * pages whose first byline comes before their first 本报讯 put bylines above
 * their articles.  Headline lines (short, no sentence punctuation) go with the
 * byline they touch, or to the article whose 本报讯 they precede. */
#include "gx_ingest.h"

#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

typedef enum ltype { L_BLANK, L_TEXT, L_START, L_BYLINE, L_JUMP, L_AD, L_WEATHER } ltype;

typedef struct pline {
    size_t start, end; /* trimmed, in the page */
    ltype type;
    size_t body;       /* L_START: offset of the text after 本报讯 */
    unsigned may;      /* what its words may make it (line_may) */
} pline;

static const char MARKER[] = "本报讯";

static bool starts_with(const char *s, size_t len, const char *p)
{
    size_t n = strlen(p);
    return len >= n && memcmp(s, p, n) == 0;
}

static const char *find(const char *s, size_t len, const char *needle)
{
    return gx_find(s, len, needle, strlen(needle));
}

static void trim(const char *s, size_t *a, size_t *b)
{
    for (;;) {
        if (*a < *b && s[*a] == ' ')
            (*a)++;
        else if (*a + 3 <= *b && memcmp(s + *a, "\xE3\x80\x80", 3) == 0)
            *a += 3;
        else
            break;
    }
    for (;;) {
        if (*b > *a && s[*b - 1] == ' ')
            (*b)--;
        else if (*b >= *a + 3 && memcmp(s + *b - 3, "\xE3\x80\x80", 3) == 0)
            *b -= 3;
        else
            break;
    }
}

/* Byline roles, longest first so that 见习记者 wins over 记者. */
static const char *const ROLES[] = {"本报评论员", "特约评论员", "见习记者", "本报记者", "记者",
                                    "通讯员", "摄影", "评论员", "摄", NULL};

static size_t role_at(const char *s, size_t len)
{
    if (len < 3)
        return 0;
    for (int i = 0; ROLES[i]; i++) /* the first character's bytes inline: most lines start with none */
        if (ROLES[i][2] == s[2] && ROLES[i][1] == s[1] && ROLES[i][0] == s[0] && starts_with(s, len, ROLES[i]))
            return strlen(ROLES[i]);
    /* "记 者" with a padding space */
    if (starts_with(s, len, "记 者"))
        return strlen("记 者");
    return 0;
}

/* Splits on spaces into tokens; returns the count (at most max). */
static size_t tokens(const char *s, size_t len, gx_span *tok, size_t max)
{
    size_t n = 0, i = 0;
    while (i < len && n < max) {
        while (i < len && (s[i] == ' ' || starts_with(s + i, len - i, "\xE3\x80\x80")))
            i += s[i] == ' ' ? 1 : 3;
        if (i >= len)
            break;
        size_t a = i;
        while (i < len && s[i] != ' ' && !starts_with(s + i, len - i, "\xE3\x80\x80"))
            i++;
        tok[n++] = (gx_span){a, i};
    }
    return n;
}

static bool all_han(const char *s, size_t a, size_t b)
{
    if (a >= b)
        return false;
    for (size_t i = a; i < b;) {
        size_t n;
        uint32_t cp = gx_utf8_at(s + i, &n);
        if (!gx_cp_is_han(cp))
            return false;
        i += n;
    }
    return true;
}

void gx_ingest_byline_names(const char *line, size_t len, gx_strvec *names)
{
    gx_span tok[32];
    size_t nt = tokens(line, len, tok, 32);
    gx_buf pend;
    gx_buf_init(&pend);
    for (size_t k = 0; k < nt; k++) {
        size_t a = tok[k].start, b = tok[k].end;
        while (starts_with(line + a, b - a, "\xE2\x96\xA0")) /* ■ */
            a += 3;
        /* "记" "者" split by padding */
        if (b - a == 3 && memcmp(line + a, "记", 3) == 0 && k + 1 < nt &&
            tok[k + 1].end - tok[k + 1].start == 3 && memcmp(line + tok[k + 1].start, "者", 3) == 0) {
            k++;
            continue;
        }
        size_t r;
        while ((r = role_at(line + a, b - a)) > 0 && r <= b - a)
            a += r;
        if (!all_han(line, a, b) || b - a > 12) {
            if (pend.len) {
                gx_strvec_push(names, pend.data);
                pend.len = 0;
            }
            continue;
        }
        size_t chars = gx_utf8_count(line + a, b - a);
        if (chars == 1) {
            /* padded two-character name: "高 洁" */
            gx_buf_add(&pend, line + a, b - a);
            if (gx_utf8_count(pend.data, pend.len) == 2) {
                gx_strvec_push(names, pend.data);
                pend.len = 0;
            }
            continue;
        }
        if (pend.len) {
            gx_strvec_push(names, pend.data);
            pend.len = 0;
        }
        gx_strvec_pushn(names, line + a, b - a);
    }
    if (pend.len)
        gx_strvec_push(names, pend.data);
    gx_buf_destroy(&pend);
}

/* A line of names only ("刘波 徐凯", "徐冰艳"), as continues a byline. */
static bool names_only(const char *s, size_t len)
{
    gx_span tok[8];
    size_t nt = tokens(s, len, tok, 8);
    if (nt == 0 || nt > 4)
        return false;
    for (size_t k = 0; k < nt; k++) {
        size_t c = gx_utf8_count(s + tok[k].start, tok[k].end - tok[k].start);
        if (c > 3 || !all_han(s, tok[k].start, tok[k].end))
            return false;
    }
    return true;
}

static bool is_byline(const char *s, size_t len)
{
    bool box = starts_with(s, len, "\xE2\x96\xA0");
    size_t i = box ? 3 : 0;
    while (i < len && s[i] == ' ')
        i++;
    size_t r = role_at(s + i, len - i);
    if (!r)
        return false;
    if (box)
        return true;
    /* Without ■ the rest must be names only: "记者驱车来到" is body text. */
    return i + r == len || (s[i + r] == ' ' && names_only(s + i + r, len - i - r));
}

static bool is_jump(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && (starts_with(s + i, len - i, "\xE2\x96\xA0") || starts_with(s + i, len - i, "（") ||
                       s[i] == '('))
        i += s[i] == '(' ? 1 : 3;
    if (!(starts_with(s + i, len - i, "下转") || starts_with(s + i, len - i, "上接")))
        return false;
    return gx_utf8_count(s, len) <= 14 && find(s, len, "版");
}

/* Weather boxes and adverts are recognised by what they must contain. */
static bool is_weather(const char *s, size_t len)
{
    return find(s, len, "℃") || find(s, len, "气温") ||
           (find(s, len, "天气") && (find(s, len, "晴") || find(s, len, "多云") || find(s, len, "关注")));
}

static bool has_digits(const char *s, size_t len, size_t min)
{
    size_t run = 0;
    for (size_t i = 0; i < len; i++) {
        run = (s[i] >= '0' && s[i] <= '9') ? run + 1 : 0;
        if (run >= min)
            return true;
    }
    return false;
}

static bool is_advert(const char *s, size_t len)
{
    if (find(s, len, "地址：") || find(s, len, "地址:") || find(s, len, "www.") ||
        find(s, len, "http"))
        return true;
    if ((find(s, len, "热线") || find(s, len, "电话") || find(s, len, "咨询") || find(s, len, "Tel") ||
         find(s, len, "TEL")) &&
        has_digits(s, len, 7))
        return true;
    return false;
}

/* Could sentence punctuation start with the byte c: , ; ! ?, or the lead byte of ，；：！？ (EF)
 * or of 。、 (E3)? */
static inline bool punct_start(unsigned c)
{
    return c == ',' || c == ';' || c == '!' || c == '?' || c == 0xEF || c == 0xE3;
}

/* The first byte from i on that punct_start allows, or len; sixteen bytes at a step with SSE2
 * (a headline is mostly characters with other lead bytes). */
static size_t next_punct_start(const unsigned char *u, size_t i, size_t len)
{
#ifdef __SSE2__
    for (; i + 16 <= len; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(u + i));
        __m128i m = _mm_or_si128(
            _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8(';'))),
                         _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('!')), _mm_cmpeq_epi8(v, _mm_set1_epi8('?')))),
            _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE3))));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return i + (size_t)__builtin_ctz(bits);
    }
#endif
    while (i < len && !punct_start(u[i]))
        i++;
    return i;
}

/* Has the line a mark that headlines do not carry: ，。；：！？ and , ; ! ?, and 、 unless list_ok
 * (one pass, by next_punct_start)? */
static bool has_punct(const char *s, size_t len, bool list_ok)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; (i = next_punct_start(u, i, len)) < len; i++) {
        unsigned c = u[i];
        if (c == ',' || c == ';' || c == '!' || c == '?')
            return true;
        if (i + 2 >= len)
            continue;
        switch (c << 16 | (unsigned)u[i + 1] << 8 | u[i + 2]) {
        case 0xEFBC8C: case 0xE38082: case 0xEFBC9B: case 0xEFBC9A: /* ，。；： */
        case 0xEFBC81: case 0xEFBC9F:                               /* ！？ */
            return true;
        case 0xE38081: /* 、 */
            if (!list_ok)
                return true;
        }
    }
    return false;
}

/* May the line be a headline?  Short, with no sentence's marks; a list mark (、) only where
 * list_ok (a line the body before ended its sentence for, and a byline or 本报讯 comes after:
 * 周军波走访慰问老党员、困难群众), since wrapped body lines carry it too. */
static bool headline_line(const char *s, const pline *l, bool list_ok)
{
    size_t len = l->end - l->start; /* 48 characters: 48 to 192 bytes */
    return l->type == L_TEXT && len <= 4 * 48 && !has_punct(s + l->start, len, list_ok) &&
           (len <= 48 || gx_utf8_count(s + l->start, len) <= 48); /* body text's first mark ends it sooner */
}

static bool is_headline(const char *s, const pline *l)
{
    return headline_line(s, l, false);
}

/* Mastheads and page furniture that are never a title. */
static bool is_masthead(const char *s, size_t len)
{
    bool han = false;
    for (size_t i = 0; i < len;) {
        size_t n;
        if (gx_cp_is_han(gx_utf8_at(s + i, &n)))
            han = true;
        i += n;
    }
    if (!han || find(s, len, "客户端"))
        return true;
    size_t c = gx_utf8_count(s, len);
    return c <= 4 && len >= 3 && memcmp(s + len - 3, "版", 3) == 0;
}

static bool ends_sentence(const char *s, const pline *l)
{
    static const char *const E[] = {"。", "！", "？", "!", "?", "…", "”", "」", ")", "）", NULL};
    size_t len = l->end - l->start;
    for (int i = 0; E[i]; i++) {
        size_t n = strlen(E[i]);
        if (len >= n && memcmp(s + l->end - n, E[i], n) == 0)
            return true;
    }
    return false;
}

/* --- units under construction --- */

typedef struct unit {
    size_t *lines; /* indices into the page's lines (L_TEXT and L_BLANK) */
    size_t n, cap;
    size_t *lead;  /* headline lines before it */
    size_t nlead, clead;
    size_t *tail;  /* headline lines before its closing byline */
    size_t ntail, ctail;
    bool marker;   /* started at 本报讯 */
    size_t start_line; /* the L_START line, if marker */
    gx_unit_kind kind;
    gx_strvec names;
    bool photo_only;   /* its byline credits only a photographer */
    bool dropped;
} unit;

typedef struct page {
    const char *s;
    pline *lines;
    size_t nl;
    unit *u;
    size_t nu, cu;
} page;

static void push_idx(size_t **v, size_t *n, size_t *cap, size_t x)
{
    GX_GROW(*v, *cap, *n < 32 ? 32 : *n + 1); /* an article's lines at once, most often */
    (*v)[(*n)++] = x;
}

static unit *new_unit(page *p)
{
    GX_GROW(p->u, p->cu, p->nu + 1);
    unit *u = &p->u[p->nu++];
    memset(u, 0, sizeof *u);
    gx_strvec_init(&u->names);
    return u;
}

/* Where a title and its subtitle begin among lines [k, end) of the unit — the headline lines (and
 * blanks) at its end, k the first non-blank — or end if they are not so: the last line starts with
 * a dash (——上半年平湖经济发展述评③), and the title before it (动能转换添活力) is a block of
 * lines with a blank line before it.  Wrapped body text does not end so: a sentence that goes on
 * past a dash carries its marks, and its lines follow each other with no blank between. */
static size_t subtitle_start(const page *p, const unit *u, size_t k, size_t end)
{
    static const char DASH[] = "——";
    const pline *sub = &p->lines[u->lines[end - 1]];
    if (!starts_with(p->s + sub->start, sub->end - sub->start, DASH))
        return end;
    size_t t = end - 1; /* back to the title's last line */
    while (t > k && p->lines[u->lines[t - 1]].type == L_BLANK)
        t--;
    if (t == k)
        return end;
    t--;
    const pline *title = &p->lines[u->lines[t]];
    if (starts_with(p->s + title->start, title->end - title->start, DASH))
        return end;
    while (t > 0 && p->lines[u->lines[t - 1]].type != L_BLANK) /* back to its first line */
        t--;
    return t >= k && t > 0 ? t : end; /* before k, the block would take in a body line */
}

/* Moves the headline lines at the end of a unit's body into *dst (a list mark allowed in them: the
 * body before must have ended its sentence, or they must be a title and its subtitle). */
static void take_tail_heads(page *p, unit *u, size_t **dst, size_t *nd, size_t *cd)
{
    size_t k = u->n;
    while (k > 0 && p->lines[u->lines[k - 1]].type == L_BLANK)
        k--;
    size_t end = k;
    while (k > 0 && (p->lines[u->lines[k - 1]].type == L_BLANK ||
                     headline_line(p->s, &p->lines[u->lines[k - 1]], true)))
        k--;
    while (k < end && p->lines[u->lines[k]].type == L_BLANK)
        k++;
    if (k == end)
        return;
    /* Only when the body before them ended its sentence (else they are wrapped body); where it did
     * not (a column cut: 宋怡玲指出，), only a title and its subtitle. */
    size_t b = k;
    while (b > 0 && p->lines[u->lines[b - 1]].type == L_BLANK)
        b--;
    if (b > 0 && !ends_sentence(p->s, &p->lines[u->lines[b - 1]])) {
        k = subtitle_start(p, u, k, end);
        if (k == end)
            return;
    }
    for (size_t i = k; i < end; i++)
        if (p->lines[u->lines[i]].type != L_BLANK)
            push_idx(dst, nd, cd, u->lines[i]);
    u->n = k;
}

static bool unit_empty(const page *p, const unit *u)
{
    for (size_t i = 0; i < u->n; i++)
        if (p->lines[u->lines[i]].type != L_BLANK)
            return false;
    return !u->marker;
}

/* What a line may be, from the words the tests below start from, found in one pass: a long
 * body line then costs one scan instead of a dozen searches. */
enum { MAY_START = 1, MAY_WEATHER = 2, MAY_ADVERT = 4, MAY_JUMP = 8 };

/* The words a line's kind is read from (besides www., http, Tel and TEL): the character each
 * starts with, what must follow it, and what the word may make the line. */
static const struct {
    char c[4]; /* a three-byte character */
    const char *rest;
    unsigned may;
} MARKS[] = {
    {"本", "", MAY_START},       {"℃", "", MAY_WEATHER},    {"气", "温", MAY_WEATHER}, {"天", "气", MAY_WEATHER},
    {"地", "址", MAY_ADVERT},    {"热", "线", MAY_ADVERT},  {"电", "话", MAY_ADVERT},  {"咨", "询", MAY_ADVERT},
    {"■", "下转", MAY_JUMP}, /* a jump line glued to a paragraph's end (emit) */
};
enum { N_MARKS = sizeof MARKS / sizeof MARKS[0] };
static const unsigned char LETTERS[] = {'w', 'h', 'T'};

/* What the word at byte p of a line (len bytes, valid UTF-8) may make the line: p is an ASCII
 * letter (www., http, Tel, TEL) or the second byte of a character of MARKS (in valid UTF-8 the
 * byte before a second byte is its character's first). */
static inline unsigned may_at(const char *s, size_t p, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[p];
    if (c == 'w' || c == 'h' || c == 'T')
        return starts_with(s + p, len - p, "www.") || starts_with(s + p, len - p, "http") ||
                       starts_with(s + p, len - p, "Tel") || starts_with(s + p, len - p, "TEL")
                   ? MAY_ADVERT
                   : 0;
    if (p == 0 || p + 1 >= len)
        return 0;
    for (size_t k = 0; k < N_MARKS; k++)
        if (memcmp(s + p - 1, MARKS[k].c, 3) == 0)
            return starts_with(s + p + 2, len - p - 2, MARKS[k].rest) ? MARKS[k].may : 0;
    return 0;
}

/* Does may_at start from byte i of u (len bytes): a letter, or a character of MARKS's second byte
 * followed by its third? */
static inline bool may_start_at(const unsigned char *u, size_t i, size_t len)
{
    for (size_t k = 0; k < sizeof LETTERS; k++)
        if (u[i] == LETTERS[k])
            return true;
    for (size_t k = 0; k < N_MARKS && i + 1 < len; k++)
        if (u[i] == (unsigned char)MARKS[k].c[1] && u[i + 1] == (unsigned char)MARKS[k].c[2])
            return true;
    return false;
}

#ifdef __SSE2__
/* The bytes of the sixteen at s where may_at starts, as bits; the sixteenth byte's third is not
 * read, so its bit is set for a letter only. */
static inline unsigned start_bits(const char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s), next = _mm_srli_si128(v, 1);
    __m128i hit = _mm_setzero_si128();
    for (size_t k = 0; k < sizeof LETTERS; k++)
        hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8((char)LETTERS[k])));
    for (size_t k = 0; k < N_MARKS; k++)
        hit = _mm_or_si128(hit, _mm_and_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(MARKS[k].c[1])),
                                              _mm_cmpeq_epi8(next, _mm_set1_epi8(MARKS[k].c[2]))));
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

static unsigned line_may(const char *s, size_t len)
{
    unsigned m = 0;
    size_t i = 0;
#ifdef __SSE2__
    if (len >= 16) { /* fifteen bytes at a step (the sixteenth's third is the next step's), the last
                        step over the last sixteen: most have none */
        for (;; i += 15) {
            bool last = i + 16 >= len;
            size_t at = last ? len - 16 : i;
            unsigned bits = start_bits(s + at) >> (i - at) << (i - at); /* not those already seen */
            if (!last)
                bits &= 0x7FFFu;
            for (; bits; bits &= bits - 1)
                m |= may_at(s, at + (size_t)__builtin_ctz(bits), len);
            if (last)
                return m;
        }
    }
#endif
    const unsigned char *u = (const unsigned char *)s;
    for (; i < len; i++) /* a short line, one at a time */
        if (may_start_at(u, i, len))
            m |= may_at(s, i, len);
    return m;
}

static void classify(page *p, const char *s, size_t len)
{
    size_t cap = 0;
    GX_GROW(p->lines, cap, len / 48 + 8); /* room for lines of 16 characters at once: it grows past that */
    for (size_t i = 0; i <= len;) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t e = nl ? (size_t)(nl - s) : len;
        size_t a = i, b = e;
        trim(s, &a, &b);
        GX_GROW(p->lines, cap, p->nl + 1);
        pline *l = &p->lines[p->nl++];
        *l = (pline){a, b, L_TEXT, 0, 0};
        const char *m;
        unsigned may = l->may = line_may(s + a, b - a);
        if (a == b)
            l->type = L_BLANK;
        else if (is_byline(s + a, b - a) ||
                 (p->nl > 1 && p->lines[p->nl - 2].type == L_BYLINE && names_only(s + a, b - a)))
            l->type = L_BYLINE;
        else if (is_jump(s + a, b - a))
            l->type = L_JUMP;
        else if ((may & MAY_START) && (m = find(s + a, b - a, MARKER)) != NULL) {
            l->type = L_START;
            l->body = (size_t)(m - s) + strlen(MARKER);
        } else if ((may & MAY_WEATHER) && is_weather(s + a, b - a))
            l->type = L_WEATHER;
        else if ((may & MAY_ADVERT) && is_advert(s + a, b - a))
            l->type = L_AD;
        if (e >= len)
            break;
        i = e + 1;
    }
    /* Short headline-like lines between two advert or weather lines are part of the box. */
    for (size_t i = 0; i < p->nl; i++) {
        if (p->lines[i].type != L_TEXT)
            continue;
        size_t a = i, b = i;
        while (a > 0 && p->lines[a - 1].type == L_BLANK)
            a--;
        while (b + 1 < p->nl && p->lines[b + 1].type == L_BLANK)
            b++;
        ltype before = a > 0 ? p->lines[a - 1].type : L_BLANK;
        ltype after = b + 1 < p->nl ? p->lines[b + 1].type : L_BLANK;
        bool box_before = before == L_AD || before == L_WEATHER;
        bool box_after = after == L_AD || after == L_WEATHER;
        if (box_before && box_after && is_headline(s, &p->lines[i])) /* the boxes first: most lines have none */
            p->lines[i].type = after;
    }
    /* A weather box's wrapped second line ("高气温16℃…") may stand alone; its first
     * line ("今天多云到晴。…今天白天最") joins it when adjacent. */
    for (size_t i = 0; i + 1 < p->nl; i++)
        if (p->lines[i].type == L_TEXT && p->lines[i + 1].type == L_WEATHER &&
            (find(s + p->lines[i].start, p->lines[i].end - p->lines[i].start, "多云") ||
             find(s + p->lines[i].start, p->lines[i].end - p->lines[i].start, "晴") ||
             find(s + p->lines[i].start, p->lines[i].end - p->lines[i].start, "风")))
            p->lines[i].type = L_WEATHER;
}

/* Is the byline at line index k credited only to photographers? */
static bool photo_byline(const page *p, size_t k)
{
    const pline *l = &p->lines[k];
    const char *s = p->s + l->start;
    size_t len = l->end - l->start;
    return (find(s, len, "摄影") || find(s, len, "摄")) && !find(s, len, "记") && !find(s, len, "通讯员") &&
           !find(s, len, "评论员");
}

static bool starts_box(const page *p, size_t k)
{
    return starts_with(p->s + p->lines[k].start, p->lines[k].end - p->lines[k].start, "\xE2\x96\xA0");
}

static void add_names(page *p, unit *u, size_t from, size_t to)
{
    for (size_t k = from; k < to; k++)
        if (p->lines[k].type == L_BYLINE) {
            gx_strvec names;
            gx_strvec_init(&names);
            gx_ingest_byline_names(p->s + p->lines[k].start, p->lines[k].end - p->lines[k].start, &names);
            for (size_t i = 0; i < names.n; i++)
                if (!gx_strvec_contains(&u->names, names.v[i]))
                    gx_strvec_push(&u->names, names.v[i]);
            gx_strvec_destroy(&names);
        }
}

/* Headline lines, each normalised, joined by a space. */
static char *join_heads(const page *p, const size_t *idx, size_t n)
{
    gx_buf b;
    gx_buf_init(&b);
    for (size_t i = 0; i < n; i++) {
        const pline *l = &p->lines[idx[i]];
        size_t a = l->start, e = l->type == L_START ? l->body - strlen(MARKER) : l->end;
        trim(p->s, &a, &e);
        if (a == e || is_masthead(p->s + a, e - a))
            continue;
        gx_buf one;
        gx_buf_init(&one);
        gx_ingest_normalise(p->s + a, e - a, &one);
        while (one.len && one.data[one.len - 1] == '\n')
            one.data[--one.len] = '\0';
        if (one.len) {
            if (b.len)
                gx_buf_addc(&b, ' ');
            gx_buf_add(&b, one.data, one.len);
        }
        gx_buf_destroy(&one);
    }
    return gx_buf_take(&b);
}

/* Do these headline lines hold any text (a 本报讯 line counts by its prefix)? */
static bool heads_text(const page *p, const size_t *idx, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const pline *l = &p->lines[idx[i]];
        size_t e = l->type == L_START ? l->body - strlen(MARKER) : l->end;
        size_t a = l->start;
        trim(p->s, &a, &e);
        if (a < e && !is_masthead(p->s + a, e - a))
            return true;
    }
    return false;
}

static void emit(page *p, const char *source, gx_article_list *out)
{
    for (size_t k = 0; k < p->nu; k++) {
        unit *u = &p->u[k];
        if (u->dropped)
            continue;
        gx_buf raw;
        gx_buf_init(&raw);
        size_t need = 1;
        for (size_t i = 0; i < u->n; i++)
            need += p->lines[u->lines[i]].end - p->lines[u->lines[i]].start + 1;
        gx_buf_reserve(&raw, need);
        if (u->marker) {
            const pline *l = &p->lines[u->start_line];
            gx_buf_add(&raw, p->s + l->body, l->end - l->body);
            gx_buf_addc(&raw, '\n');
        }
        for (size_t i = 0; i < u->n; i++) {
            const pline *l = &p->lines[u->lines[i]];
            size_t e = l->end;
            /* a jump line glued to the end of a paragraph: "宋怡玲指出,■下转 C2版" */
            const char *j = l->may & MAY_JUMP ? find(p->s + l->start, e - l->start, "■下转") : NULL;
            if (j && gx_utf8_count(j, (size_t)(p->s + e - j)) <= 10)
                e = (size_t)(j - p->s);
            gx_buf_add(&raw, p->s + l->start, e - l->start);
            gx_buf_addc(&raw, '\n');
        }
        gx_buf norm;
        gx_buf_init(&norm);
        gx_ingest_normalise(raw.data ? raw.data : "", raw.len, &norm);
        gx_buf_destroy(&raw);

        GX_GROW(out->v, out->cap, out->n + 1);
        gx_article *a = &out->v[out->n++];
        memset(a, 0, sizeof *a);
        a->source = gx_xstrdup(source);
        a->text = gx_buf_take(&norm);
        a->len = strlen(a->text);
        a->kind = u->kind;
        if (a->kind == GX_UNIT_ARTICLE && !u->marker) {
            size_t chars = gx_utf8_count(a->text, a->len);
            if (u->photo_only && chars < 400)
                a->kind = GX_UNIT_CAPTION;
            else if (chars < 60)
                a->kind = GX_UNIT_FRAGMENT;
        }
        size_t *heads = u->ntail ? u->tail : u->lead;
        size_t nh = u->ntail ? u->ntail : u->nlead;
        a->title = join_heads(p, heads, nh);
        a->journalists = u->names;
        gx_strvec_init(&u->names);
        gx_ingest_sentences(a);
    }
}

void gx_ingest_split_page(const char *source, const char *text, size_t len, gx_article_list *out)
{
    page p = {0};
    p.s = text;
    classify(&p, text, len);

    size_t first_byline = (size_t)-1, first_start = (size_t)-1;
    for (size_t i = 0; i < p.nl; i++) {
        if (p.lines[i].type == L_BYLINE && first_byline == (size_t)-1)
            first_byline = i;
        if (p.lines[i].type == L_START && first_start == (size_t)-1)
            first_start = i;
    }
    bool leading = first_byline < first_start;

    unit *cur = NULL;
    size_t cur_i = 0;
    /* Headline lines waiting for the unit they belong to. */
    size_t *pend = NULL, npend = 0, cpend = 0;
    /* The unit closed by the last byline run, for trailing pages. */
    size_t prev_closed = (size_t)-1;

    for (size_t i = 0; i < p.nl; i++) {
        pline *l = &p.lines[i];
        switch (l->type) {
        case L_BLANK:
            if (cur)
                push_idx(&cur->lines, &cur->n, &cur->cap, i);
            break;
        case L_JUMP:
            break;
        case L_AD:
        case L_WEATHER: {
            /* A box is a unit of its own; the article around it goes on. */
            size_t j = i;
            ltype t = l->type;
            size_t saved = cur ? cur_i : (size_t)-1;
            unit *box = new_unit(&p);
            box->kind = t == L_AD ? GX_UNIT_ADVERT : GX_UNIT_WEATHER;
            while (j < p.nl && (p.lines[j].type == t || p.lines[j].type == L_BLANK)) {
                if (p.lines[j].type == t)
                    push_idx(&box->lines, &box->n, &box->cap, j);
                j++;
            }
            i = j - 1;
            cur = saved == (size_t)-1 ? NULL : &p.u[saved];
            break;
        }
        case L_TEXT:
            if (!cur) {
                cur = new_unit(&p);
                cur_i = p.nu - 1;
            }
            push_idx(&cur->lines, &cur->n, &cur->cap, i);
            break;
        case L_START: {
            if (cur) {
                take_tail_heads(&p, cur, &pend, &npend, &cpend);
                if (unit_empty(&p, cur))
                    cur->dropped = true;
            }
            push_idx(&pend, &npend, &cpend, i); /* its own prefix */
            cur = new_unit(&p);
            cur_i = p.nu - 1;
            cur->marker = true;
            cur->start_line = i;
            for (size_t k = 0; k < npend; k++)
                push_idx(&cur->lead, &cur->nlead, &cur->clead, pend[k]);
            npend = 0;
            if (leading) {
                /* The byline run above (past blanks and headlines) is this article's. */
                size_t k = i;
                while (k > 0 && (p.lines[k - 1].type == L_BLANK || is_headline(p.s, &p.lines[k - 1])))
                    k--;
                size_t end = k;
                while (k > 0 && p.lines[k - 1].type == L_BYLINE) {
                    k--;
                    if (starts_box(&p, k))
                        break;
                }
                if (k < end && !photo_byline(&p, k))
                    add_names(&p, cur, k, end);
            }
            break;
        }
        case L_BYLINE: {
            /* A run is one ■ line and the name lines that continue it. */
            size_t j = i;
            while (j + 1 < p.nl && p.lines[j + 1].type == L_BYLINE && !starts_box(&p, j + 1))
                j++;
            size_t k = j + 1;
            while (k < p.nl && (p.lines[k].type == L_BLANK || is_headline(p.s, &p.lines[k])))
                k++;
            bool photo = photo_byline(&p, i);
            bool down = leading && !photo && k < p.nl && (p.lines[k].type == L_START || p.lines[k].type == L_TEXT);
            if (down) {
                /* Headlines above a byline that faces down are the next article's. */
                if (cur) {
                    take_tail_heads(&p, cur, &pend, &npend, &cpend);
                    if (unit_empty(&p, cur))
                        cur->dropped = true;
                }
                if (p.lines[k].type == L_TEXT) {
                    /* no 本报讯 below: the unit starts here, with this byline */
                    cur = new_unit(&p);
                    cur_i = p.nu - 1;
                    add_names(&p, cur, i, j + 1);
                    for (size_t h = 0; h < npend; h++)
                        push_idx(&cur->lead, &cur->nlead, &cur->clead, pend[h]);
                    npend = 0;
                    i = j;
                    break;
                }
            } else {
                unit *owner = cur;
                if (cur) {
                    take_tail_heads(&p, cur, &cur->tail, &cur->ntail, &cur->ctail);
                    if (unit_empty(&p, cur)) {
                        cur->dropped = true;
                        owner = prev_closed != (size_t)-1 ? &p.u[prev_closed] : NULL;
                    } else {
                        prev_closed = cur_i;
                    }
                } else if (prev_closed != (size_t)-1) {
                    owner = &p.u[prev_closed];
                }
                if (owner) {
                    bool credited = owner->names.n > 0;
                    add_names(&p, owner, i, j + 1);
                    owner->photo_only = photo && !credited;
                }
            }
            cur = NULL;
            i = j;
            break;
        }
        }
    }
    (void)cur_i;
    /* On pages with bylines below their articles, the headlines above an
     * article that has its own headline below belong to the untitled article
     * before it (the kicker and headline of page 000's visit piece). */
    for (size_t k = 1; k < p.nu && !leading; k++) {
        unit *u = &p.u[k];
        if (!u->ntail || !u->nlead)
            continue;
        size_t b = k;
        while (b > 0 && (p.u[b - 1].dropped || p.u[b - 1].kind != GX_UNIT_ARTICLE))
            b--;
        if (b == 0)
            continue;
        unit *prev = &p.u[b - 1];
        if (prev->ntail || heads_text(&p, prev->lead, prev->nlead))
            continue;
        for (size_t h = 0; h < u->nlead; h++)
            push_idx(&prev->tail, &prev->ntail, &prev->ctail, u->lead[h]);
        u->nlead = 0;
    }
    emit(&p, source, out);
    for (size_t k = 0; k < p.nu; k++) {
        free(p.u[k].lines);
        free(p.u[k].lead);
        free(p.u[k].tail);
        gx_strvec_destroy(&p.u[k].names);
    }
    free(p.u);
    free(p.lines);
    free(pend);
}
