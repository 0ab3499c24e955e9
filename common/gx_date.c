/* gx_date.c — calendar dates as YYYYMMDD integers: validation, arithmetic, parsing. */
#include "gx_common.h"

#include <stdio.h>
#include <string.h>

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : dm[m - 1];
}

bool gx_date_valid(int y, int m, int d)
{
    return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

gx_date gx_date_make(int y, int m, int d)
{
    return gx_date_valid(y, m, d) ? (gx_date)(y * 10000 + m * 100 + d) : 0;
}

gx_date gx_date_add_days(gx_date date, int days)
{
    if (!date)
        return 0;
    int y = date / 10000, m = date / 100 % 100, d = date % 100;
    d += days;
    while (d < 1) {
        if (--m < 1) {
            m = 12;
            y--;
        }
        d += days_in_month(y, m);
    }
    while (d > days_in_month(y, m)) {
        d -= days_in_month(y, m);
        if (++m > 12) {
            m = 1;
            y++;
        }
    }
    return gx_date_make(y, m, d);
}

/* Reads 1..max ASCII digits at s[*i]. */
static int read_num(const char *s, size_t len, size_t *i, int min, int max)
{
    int v = 0, n = 0;
    while (*i < len && n < max && s[*i] >= '0' && s[*i] <= '9') {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n >= min ? v : -1;
}

static bool skip_sep(const char *s, size_t len, size_t *i, const char *ascii, const char *han)
{
    if (*i < len && strchr(ascii, s[*i]) && s[*i]) {
        (*i)++;
        return true;
    }
    size_t hl = han ? strlen(han) : 0;
    if (hl && *i + hl <= len && memcmp(s + *i, han, hl) == 0) {
        *i += hl;
        return true;
    }
    return false;
}

gx_date gx_date_parse(const char *s, size_t len, size_t *used)
{
    size_t i = 0;
    if (used)
        *used = 0;
    /* YYYYMMDD */
    if (len >= 8) {
        size_t j = 0;
        int v = read_num(s, len, &j, 8, 8);
        if (v > 0 && (j == len || s[j] < '0' || s[j] > '9')) {
            gx_date d = gx_date_make(v / 10000, v / 100 % 100, v % 100);
            if (d && used)
                *used = j;
            if (d)
                return d;
        }
    }
    int y = read_num(s, len, &i, 4, 4);
    if (y < 0 || !skip_sep(s, len, &i, "-/.", "年"))
        return 0;
    int m = read_num(s, len, &i, 1, 2);
    if (m < 0 || !skip_sep(s, len, &i, "-/.", "月"))
        return 0;
    int d = read_num(s, len, &i, 1, 2);
    if (d < 0)
        return 0;
    skip_sep(s, len, &i, "", "日");
    gx_date r = gx_date_make(y, m, d);
    if (r && used)
        *used = i;
    return r;
}

void gx_date_format(gx_date date, char out[11])
{
    if (!date) {
        out[0] = '\0';
        return;
    }
    unsigned y = (unsigned)(date / 10000) % 10000u, m = (unsigned)(date / 100 % 100) % 100u,
             d = (unsigned)(date % 100) % 100u;
    static const char two[] = "00010203040506070809101112131415161718192021222324252627282930313233343536373839"
                              "4041424344454647484950515253545556575859606162636465666768697071727374757677787980"
                              "81828384858687888990919293949596979899";
    memcpy(out, two + 2 * (y / 100), 2);
    memcpy(out + 2, two + 2 * (y % 100), 2);
    out[4] = '-';
    memcpy(out + 5, two + 2 * m, 2);
    out[7] = '-';
    memcpy(out + 8, two + 2 * d, 2);
    out[10] = '\0';
}
