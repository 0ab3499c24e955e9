/* numbers.c — numbers as the outputs print them: a double as the shortest text that reads back,
 * an id ("n42"), a long. */
#include "internal.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does v printed with `digits` significant digits (into buf) read back as v? */
static bool reads_back(double v, int digits, char *buf, size_t size)
{
    snprintf(buf, size, "%.*g", digits, v);
    return strtod(buf, NULL) == v;
}

/* What printf gives for |v| with 21 significant digits: the digits and the power of ten of the
 * first, as in d[0].d[1]…d[20] × 10^exp.  Four more than a double needs, so that rounding them
 * to fewer is rarely a tie. */
enum { ALL_DIGITS = 21 };
typedef struct digits {
    char d[ALL_DIGITS];
    int exp;
} digits;

static void digits_all(double v, digits *out)
{
    char s[48]; /* "d.dddddddddddddddddddde±XX" */
    snprintf(s, sizeof s, "%.*e", ALL_DIGITS - 1, fabs(v));
    out->d[0] = s[0];
    memcpy(out->d + 1, s + 2, ALL_DIGITS - 1);
    out->exp = (int)strtol(s + ALL_DIGITS + 2, NULL, 10);
}

/* The digits rounded to p (<= 17) as printf rounds v itself: the same unless the digits past p are
 * 5 and then zeros, where v may lie on either side of the half (false: ask printf). */
static bool round_to(const digits *all, int p, digits *out)
{
    bool half = all->d[p] == '5';
    for (int i = p + 1; half && i < ALL_DIGITS; i++)
        half = all->d[i] == '0';
    if (half)
        return false;
    *out = *all;
    if (all->d[p] >= '5') { /* up, carrying */
        int i = p - 1;
        while (i >= 0 && out->d[i] == '9')
            out->d[i--] = '0';
        if (i >= 0) {
            out->d[i]++;
        } else { /* 9…9 became 10…0 */
            out->d[0] = '1';
            out->exp++;
        }
    }
    return true;
}

/* Does the p-digit decimal r read back as |v|?  Exactly computed where the digits fit in 53 bits
 * and the power of ten in a double (both factors exact, so the one rounding is strtod's);
 * otherwise strtod says. */
static bool digits_read_back(const digits *r, int p, double v)
{
    static const double TEN[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t m = 0;
    for (int i = 0; i < p; i++)
        m = m * 10 + (uint64_t)(r->d[i] - '0');
    int e = r->exp - (p - 1);
    if (m <= (uint64_t)1 << 53 && e >= -22 && e <= 22)
        return (e >= 0 ? (double)m * TEN[e] : (double)m / TEN[-e]) == fabs(v);
    char s[48]; /* the digits, 'e', the power: "1234567890123456e-21" */
    memcpy(s, r->d, (size_t)p);
    s[p] = 'e';
    gx_fmt_long(s + p + 1, e);
    return strtod(s, NULL) == fabs(v);
}

/* r's p digits as "%.{p}g" prints them (v's sign first): fixed notation for a power of ten from
 * -4 to p - 1, else d.ddde±XX; trailing zeros of the fraction dropped. */
static void format_g(const digits *r, int p, double v, char *buf)
{
    char *o = buf;
    if (signbit(v))
        *o++ = '-';
    int q = p; /* significant digits, the fraction's trailing zeros left out */
    while (q > 1 && r->d[q - 1] == '0')
        q--;
    int x = r->exp;
    if (x >= -4 && x < p) {
        if (x < 0) {
            *o++ = '0';
            *o++ = '.';
            for (int i = -1; i > x; i--)
                *o++ = '0';
            memcpy(o, r->d, (size_t)q);
            o += q;
        } else {
            for (int i = 0; i <= x; i++)
                *o++ = i < q ? r->d[i] : '0';
            if (q > x + 1) {
                *o++ = '.';
                memcpy(o, r->d + x + 1, (size_t)(q - x - 1));
                o += q - x - 1;
            }
        }
    } else {
        *o++ = r->d[0];
        if (q > 1) {
            *o++ = '.';
            memcpy(o, r->d + 1, (size_t)(q - 1));
            o += q - 1;
        }
        *o++ = 'e';
        *o++ = x < 0 ? '-' : '+';
        unsigned a = (unsigned)(x < 0 ? -x : x);
        if (a >= 100)
            *o++ = (char)('0' + a / 100);
        *o++ = (char)('0' + a / 10 % 10);
        *o++ = (char)('0' + a % 10);
    }
    *o = '\0';
}

/* The fewest digits, from 6, that read back as v: more digits read back whenever fewer do.  Most
 * values of a network's metrics need 17 (18 k of the 10 MB benchmark's 28 k), 16 (6 k) or 15
 * (3 k), so those are tried first and the rest found by bisection.  The way the first
 * gx_fmt_double took: printf and strtod for every precision tried. */
static void fmt_double_printf(double v, char *buf, size_t size)
{
    if (!reads_back(v, 16, buf, size)) {
        snprintf(buf, size, "%.17g", v);
        return;
    }
    if (!reads_back(v, 15, buf, size)) {
        snprintf(buf, size, "%.16g", v);
        return;
    }
    int lo = 6, hi = 15;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (reads_back(v, mid, buf, size))
            hi = mid;
        else
            lo = mid + 1;
    }
    snprintf(buf, size, "%.*g", lo, v);
}

/* Whether v's digits rounded to p read back as v: 1 or 0, or -1 where only printf can round
 * them. */
static int digits_try(const digits *all, int p, double v)
{
    digits r;
    return round_to(all, p, &r) ? digits_read_back(&r, p, v) : -1;
}

/* The same precisions tried in the same order, each from one printf of 21 digits rounded here
 * and (mostly) checked without strtod: a network's million PageRanks and betweennesses took two
 * or three printfs and a strtod each.  False where a rounding is printf's to make. */
static bool fmt_double_digits(double v, char *buf)
{
    digits all, r;
    digits_all(v, &all);
    int p, t = digits_try(&all, 16, v);
    if (t == 0) {
        p = 17;
    } else if (t == 1 && (t = digits_try(&all, 15, v)) == 0) {
        p = 16;
    } else {
        int lo = 6, hi = 15;
        while (t >= 0 && lo < hi) {
            int mid = (lo + hi) / 2;
            if ((t = digits_try(&all, mid, v)) == 1)
                hi = mid;
            else
                lo = mid + 1;
        }
        p = lo;
    }
    if (t < 0 || !round_to(&all, p, &r))
        return false;
    format_g(&r, p, v, buf);
    return true;
}

void gx_fmt_double(double v, char *buf, size_t size)
{
    if (!isfinite(v))
        v = 0;
    /* a whole number below 10^6 prints as its digits, as "%.6g" would print it */
    if (fabs(v) < 1e6 && v == (double)(long)v && size >= 24 && !(v == 0 && signbit(v))) {
        gx_fmt_long(buf, (long)v);
        return;
    }
    if (v == 0 || size < 32 || !fmt_double_digits(v, buf))
        fmt_double_printf(v, buf, size);
}

size_t gx_fmt_id(char *out, char prefix, size_t i)
{
    *out = prefix;
    return 1 + gx_fmt_uint(out + 1, i);
}

void gx_fmt_long(char *out, long v)
{
    if (v < 0)
        *out++ = '-';
    gx_fmt_uint(out, v < 0 ? 0 - (uint64_t)v : (uint64_t)v);
}
