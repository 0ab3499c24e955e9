/* table.c — rows of answers printed aligned on a terminal (CJK counted two columns wide), or as
 * TSV, CSV or JSON. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

void cli_table_init(cli_table *t, const char *const *cols, size_t ncols)
{
    t->cols = cols;
    t->ncols = ncols;
    gx_strvec_init(&t->cells);
}

void cli_table_add(cli_table *t, const char *const *row)
{
    for (size_t i = 0; i < t->ncols; i++)
        gx_strvec_push(&t->cells, row[i] ? row[i] : "");
}

void cli_table_destroy(cli_table *t)
{
    gx_strvec_destroy(&t->cells);
}

/* Terminal columns a code point takes: two for East Asian wide and full-width forms. */
static int cp_width(uint32_t cp)
{
    if (cp < 0x1100)
        return 1;
    if ((cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

static size_t width(const char *s)
{
    size_t w = 0;
    for (size_t i = 0, n; s[i]; i += n ? n : 1)
        w += (size_t)cp_width(gx_utf8_at(s + i, &n));
    return w;
}

/* Tabs and line ends inside a cell would break TSV rows: they become spaces. */
static void put_flat(const char *s, FILE *fp)
{
    for (; *s; s++)
        fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, fp);
}

static void put_csv(const char *s, FILE *fp)
{
    if (!strpbrk(s, ",\"\n\r")) {
        fputs(s, fp);
        return;
    }
    fputc('"', fp);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', fp);
        fputc(*s, fp);
    }
    fputc('"', fp);
}

static void print_json(const cli_table *t, const char *numeric)
{
    json_t *arr = json_array();
    size_t rows = t->cells.n / t->ncols;
    for (size_t r = 0; r < rows; r++) {
        json_t *o = json_object();
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = t->cells.v[r * t->ncols + c];
            json_object_set_new(o, t->cols[c],
                                gx_list_has(numeric, ',', t->cols[c]) ? json_integer(strtoll(v, NULL, 10)) : json_string(v));
        }
        json_array_append_new(arr, o);
    }
    json_dumpf(arr, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
    fputc('\n', stdout);
    json_decref(arr);
}

/* Aligned columns; the last column is not padded (it may be a long sentence). */
static void print_aligned(const cli_table *t)
{
    size_t rows = t->cells.n / t->ncols;
    size_t *w = gx_xcalloc(t->ncols, sizeof *w);
    for (size_t c = 0; c < t->ncols; c++) {
        w[c] = width(t->cols[c]);
        for (size_t r = 0; r < rows; r++) {
            size_t x = width(t->cells.v[r * t->ncols + c]);
            if (x > w[c])
                w[c] = x;
        }
    }
    for (size_t r = 0; r <= rows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = r == 0 ? t->cols[c] : t->cells.v[(r - 1) * t->ncols + c];
            put_flat(v, stdout);
            if (c + 1 == t->ncols) {
                fputc('\n', stdout);
                break;
            }
            for (size_t pad = width(v); pad < w[c] + 2; pad++)
                fputc(' ', stdout);
        }
    free(w);
}

void cli_table_print(const cli_table *t, cli_format f, const char *numeric)
{
    if (f == CLI_FMT_AUTO)
        f = isatty(STDOUT_FILENO) ? CLI_FMT_TABLE : CLI_FMT_TSV;
    if (f == CLI_FMT_JSON) {
        print_json(t, numeric);
        return;
    }
    if (f == CLI_FMT_TABLE) {
        print_aligned(t);
        return;
    }
    size_t rows = t->cells.n / t->ncols;
    for (size_t r = 0; r <= rows; r++)
        for (size_t c = 0; c < t->ncols; c++) {
            const char *v = r == 0 ? t->cols[c] : t->cells.v[(r - 1) * t->ncols + c];
            if (f == CLI_FMT_CSV)
                put_csv(v, stdout);
            else
                put_flat(v, stdout);
            fputc(c + 1 == t->ncols ? '\n' : f == CLI_FMT_CSV ? ',' : '\t', stdout);
        }
}
