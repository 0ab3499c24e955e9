/* ingest.c — the stage's front door: expanding inputs, reading a file by format, dating articles. */
#include "internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

const char *gx_unit_kind_name(gx_unit_kind k)
{
    switch (k) {
    case GX_UNIT_ARTICLE: return "article";
    case GX_UNIT_CAPTION: return "caption";
    case GX_UNIT_ADVERT: return "advert";
    case GX_UNIT_WEATHER: return "weather";
    case GX_UNIT_FRAGMENT: return "fragment";
    }
    return "article";
}

void gx_article_list_init(gx_article_list *l)
{
    l->v = NULL;
    l->n = l->cap = 0;
}

void gx_article_destroy(gx_article *a)
{
    free(a->id);
    free(a->source);
    free(a->title);
    free(a->text);
    free(a->sentences);
    gx_strvec_destroy(&a->journalists);
    memset(a, 0, sizeof *a);
}

void gx_article_pack(const gx_article *a, gx_buf *out)
{
    gx_pack_str(out, a->id);
    gx_pack_str(out, a->source);
    gx_pack_u64(out, (uint64_t)a->index);
    gx_pack_u64(out, a->kind);
    gx_pack_u64(out, (uint32_t)a->date);
    gx_pack_u64(out, (uint32_t)a->event_date);
    gx_pack_u64(out, a->event_date_approx);
    gx_pack_str(out, a->title);
    gx_pack_bytes(out, a->text, a->len);
    gx_pack_u64(out, a->n_sentences);
    for (size_t i = 0, at = 0; i < a->n_sentences; at = a->sentences[i++].end) { /* each from the last's end */
        gx_pack_u64(out, a->sentences[i].start - at);
        gx_pack_u64(out, a->sentences[i].end - a->sentences[i].start);
    }
    gx_pack_u64(out, a->journalists.n);
    for (size_t i = 0; i < a->journalists.n; i++)
        gx_pack_str(out, a->journalists.v[i]);
}

bool gx_article_unpack(gx_unpack *u, gx_article *a)
{
    memset(a, 0, sizeof *a);
    a->id = gx_unpack_str(u);
    a->source = gx_unpack_str(u);
    a->index = (int)gx_unpack_u64(u);
    a->kind = (gx_unit_kind)gx_unpack_u64(u);
    a->date = (gx_date)(uint32_t)gx_unpack_u64(u);
    a->event_date = (gx_date)(uint32_t)gx_unpack_u64(u);
    a->event_date_approx = gx_unpack_u64(u) != 0;
    a->title = gx_unpack_str(u);
    const char *p = gx_unpack_bytes(u, &a->len);
    a->text = gx_xstrndup(p, a->len);
    uint64_t n = gx_unpack_count(u, 2); /* two bytes a sentence at least */
    if (n) {
        a->sentences = gx_xmalloc(n * sizeof *a->sentences);
        for (size_t at = 0; a->n_sentences < n; at = a->sentences[a->n_sentences++].end) {
            a->sentences[a->n_sentences].start = at + gx_unpack_u64(u);
            a->sentences[a->n_sentences].end = a->sentences[a->n_sentences].start + gx_unpack_u64(u);
        }
    }
    gx_strvec_init(&a->journalists);
    for (uint64_t i = 0, k = gx_unpack_count(u, 1); i < k && !u->bad; i++) {
        size_t jn;
        const char *j = gx_unpack_bytes(u, &jn);
        gx_strvec_pushn(&a->journalists, j, jn);
    }
    return !u->bad;
}

void gx_article_list_destroy(gx_article_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        gx_article_destroy(&l->v[i]);
    free(l->v);
    gx_article_list_init(l);
}

void gx_ingest_options_init(gx_ingest_options *o)
{
    memset(o, 0, sizeof *o);
    o->max_file_bytes = GX_MAX_FILE_BYTES;
    o->max_article_bytes = GX_MAX_ARTICLE_BYTES;
}

gx_format gx_format_from_path(const char *path)
{
    const char *dot = strrchr(path, '.');
    const char *slash = strrchr(path, '/');
    if (!dot || (slash && dot < slash))
        return GX_FMT_UNKNOWN;
    if (strcasecmp(dot, ".txt") == 0)
        return GX_FMT_TEXT;
    if (strcasecmp(dot, ".html") == 0 || strcasecmp(dot, ".htm") == 0)
        return GX_FMT_HTML;
    if (strcasecmp(dot, ".jsonl") == 0)
        return GX_FMT_JSONL;
    return GX_FMT_UNKNOWN;
}

/* --- expanding inputs --- */

void gx_ingest_inputs_init(gx_inputs *in)
{
    gx_strvec_init(&in->paths);
    in->skipped = 0;
}

void gx_ingest_inputs_destroy(gx_inputs *in)
{
    gx_strvec_destroy(&in->paths);
}

typedef struct visited {
    dev_t *dev;
    ino_t *ino;
    size_t n, cap, cap2;
} visited;

/* A folder's entry: its name, and whether the folder's listing says it is a regular file (not a
 * symbolic link), which spares a stat of each page in a folder of pages. */
typedef struct entry {
    char *name;
    bool regular;
} entry;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static void expand_one(gx_inputs *in, const char *path, bool named, bool regular, visited *seen,
                       const gx_diag *diag, int depth)
{
    struct stat st;
    if (strcmp(path, "-") == 0) {
        gx_strvec_push(&in->paths, path);
        return;
    }
    if (regular)
        st.st_mode = S_IFREG;
    else if (stat(path, &st) != 0) {
        gx_diag_emit(diag, GX_ERROR, path, -1, -1, "cannot read: %s; skipped", strerror(errno));
        in->skipped++;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        for (size_t i = 0; i < seen->n; i++)
            if (seen->dev[i] == st.st_dev && seen->ino[i] == st.st_ino) {
                gx_diag_emit(diag, GX_WARNING, path, -1, -1, "directory loop (symlink); not entered again");
                return;
            }
        if (depth > 64) {
            gx_diag_emit(diag, GX_WARNING, path, -1, -1, "directories nested deeper than 64; not entered");
            in->skipped++;
            return;
        }
        GX_GROW(seen->dev, seen->cap, seen->n + 1);
        GX_GROW(seen->ino, seen->cap2, seen->n + 1);
        seen->dev[seen->n] = st.st_dev;
        seen->ino[seen->n++] = st.st_ino;
        DIR *d = opendir(path);
        if (!d) {
            gx_diag_emit(diag, GX_ERROR, path, -1, -1, "cannot open directory: %s; skipped", strerror(errno));
            in->skipped++;
            seen->n--;
            return;
        }
        entry *e = NULL;
        size_t ne = 0, ce = 0;
        struct dirent *de;
        while ((de = readdir(d)) != NULL)
            if (de->d_name[0] != '.') {
                GX_GROW(e, ce, ne + 1);
                e[ne++] = (entry){gx_xstrdup(de->d_name), de->d_type == DT_REG};
            }
        closedir(d);
        if (ne)
            qsort(e, ne, sizeof *e, cmp_name);
        for (size_t i = 0; i < ne; i++) {
            gx_buf p;
            gx_buf_init(&p);
            gx_buf_adds(&p, path);
            if (p.len && p.data[p.len - 1] != '/')
                gx_buf_addc(&p, '/');
            gx_buf_adds(&p, e[i].name);
            expand_one(in, p.data, false, e[i].regular, seen, diag, depth + 1);
            gx_buf_destroy(&p);
            free(e[i].name);
        }
        free(e);
        seen->n--;
        return;
    }
    if (!named && !S_ISREG(st.st_mode)) {
        /* A FIFO would block the run, a device would never end; named ones the user asked for. */
        gx_diag_emit(diag, GX_WARNING, path, -1, -1, "not a regular file (%s); skipped",
                     S_ISFIFO(st.st_mode) ? "a FIFO" : S_ISSOCK(st.st_mode) ? "a socket" : "a device");
        in->skipped++;
        return;
    }
    if (gx_format_from_path(path) == GX_FMT_UNKNOWN) {
        /* A manifest or README beside the pages is expected; say so quietly. */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        bool expected = strcasecmp(base, "MANIFEST.tsv") == 0 || strncasecmp(base, "README", 6) == 0;
        if (named || !expected) {
            gx_diag_emit(diag, GX_WARNING, path, -1, -1,
                         "not a .txt, .html, .htm or .jsonl file; skipped");
            in->skipped++;
        }
        return;
    }
    gx_strvec_push(&in->paths, path);
}

void gx_ingest_expand(gx_inputs *in, const char *const *args, size_t n, const gx_diag *diag)
{
    visited seen = {0};
    for (size_t i = 0; i < n; i++)
        expand_one(in, args[i], true, false, &seen, diag, 0);
    free(seen.dev);
    free(seen.ino);
}

/* --- reading --- */

static gx_article *push_article(gx_article_list *out)
{
    GX_GROW(out->v, out->cap, out->n + 1);
    gx_article *a = &out->v[out->n++];
    memset(a, 0, sizeof *a);
    gx_strvec_init(&a->journalists);
    return a;
}

/* Publication date in the documented order: --date, manifest, file name, the document's own. */
static gx_date pub_date(const char *path, gx_date own, const gx_ingest_options *opt)
{
    if (opt->date)
        return opt->date;
    gx_date d = gx_manifest_lookup(opt->manifest, path);
    if (!d && strcmp(path, "-") != 0)
        d = gx_ingest_date_from_name(path);
    return d ? d : own;
}

/* Where to end a part of at most `limit` bytes starting at p: the last paragraph end in its
 * second half, else the last sentence end there, else the last character boundary. */
static size_t part_end(const char *s, size_t len, size_t p, size_t limit)
{
    size_t w = p + limit;
    if (w >= len)
        return len;
    size_t half = p + limit / 2;
    for (size_t i = w; i > half; i--)
        if (s[i - 1] == '\n')
            return i;
    static const char *const ENDS[] = {"。", "!", "?", ";"};
    for (size_t i = w; i > half; i--)
        for (size_t k = 0; k < sizeof ENDS / sizeof *ENDS; k++) {
            size_t n = strlen(ENDS[k]);
            if (i >= p + n && memcmp(s + i - n, ENDS[k], n) == 0)
                return i;
        }
    while (w > p + 1 && ((unsigned char)s[w] & 0xC0) == 0x80)
        w--;
    return w;
}

/* Articles longer than the limit become several, cut at paragraph or sentence ends, so that one
 * pathological "article" cannot take unbounded time; each cut is reported and counted. */
static void cut_long(gx_article_list *out, size_t first, const char *name, const gx_ingest_options *opt)
{
    size_t limit = opt->max_article_bytes;
    if (!limit)
        return;
    size_t n = out->n - first;
    bool any = false;
    for (size_t i = first; i < out->n && !any; i++)
        any = out->v[i].len > limit;
    if (!any)
        return;
    gx_article *old = gx_xmalloc(n * sizeof *old);
    memcpy(old, out->v + first, n * sizeof *old);
    out->n = first;
    for (size_t i = 0; i < n; i++) {
        gx_article *a = &old[i];
        if (a->len <= limit) {
            *push_article(out) = *a;
            continue;
        }
        size_t parts = 0;
        for (size_t p = 0; p < a->len; parts++) {
            size_t e = part_end(a->text, a->len, p, limit);
            gx_article *b = push_article(out);
            b->source = gx_xstrdup(a->source);
            b->kind = a->kind;
            b->date = a->date;
            b->title = gx_xstrdup(a->title);
            b->text = gx_xstrndup(a->text + p, e - p);
            b->len = e - p;
            if (parts == 0)
                for (size_t j = 0; j < a->journalists.n; j++)
                    gx_strvec_push(&b->journalists, a->journalists.v[j]);
            if (a->id) {
                gx_buf id;
                gx_buf_init(&id);
                gx_buf_addf(&id, parts ? "%s.%zu" : "%s", a->id, parts + 1);
                b->id = gx_buf_take(&id);
            }
            p = e;
        }
        gx_diag_emit(&opt->diag, GX_WARNING, name, -1, -1,
                     "article %zu is %zu bytes, more than the limit of %zu; read as %zu parts cut at "
                     "paragraph or sentence ends (entities in different parts are not linked)",
                     i + 1, a->len, limit, parts);
        if (opt->cut)
            (*opt->cut)++;
        gx_article_destroy(a);
    }
    free(old);
}

static void finish(gx_article_list *out, size_t first, const char *name, gx_date own,
                   const gx_ingest_options *opt)
{
    cut_long(out, first, name, opt);
    gx_date pub = pub_date(name, own, opt);
    for (size_t i = first; i < out->n; i++) {
        gx_article *a = &out->v[i];
        a->index = (int)(i - first + 1);
        if (!a->id) {
            gx_buf id;
            gx_buf_init(&id);
            gx_buf_adds(&id, name); /* name#index, without printf: one for each article */
            gx_buf_addc(&id, '#');
            gx_buf_add_uint(&id, (uint64_t)a->index);
            a->id = gx_buf_take(&id);
        }
        if (!a->date)
            a->date = pub;
        a->event_date = gx_ingest_event_date(a->text, a->len, a->date, &a->event_date_approx);
        if (!a->sentences)
            gx_ingest_sentences(a);
    }
}

/* A document from HTML or JSONL: clean, normalise, one article. */
static void add_doc(gx_article_list *out, const char *name, gx_doc *d, const gx_ingest_options *opt)
{
    gx_buf clean, norm;
    gx_buf_init(&clean);
    gx_buf_init(&norm);
    gx_ingest_decode(name, d->text, strlen(d->text), &clean, &opt->diag, NULL);
    gx_ingest_normalise(clean.data, clean.len, &norm);
    gx_article *a = push_article(out);
    a->source = gx_xstrdup(d->source ? d->source : name);
    /* "本报讯" opens the text of many e-paper pages; pages have it cut at the split. */
    static const char MARK[] = "本报讯";
    if (norm.len >= sizeof MARK - 1 && memcmp(norm.data, MARK, sizeof MARK - 1) == 0) {
        memmove(norm.data, norm.data + sizeof MARK - 1, norm.len - (sizeof MARK - 1) + 1);
        norm.len -= sizeof MARK - 1;
    }
    a->text = gx_buf_take(&norm);
    a->len = strlen(a->text);
    a->title = d->title ? d->title : gx_xstrdup("");
    d->title = NULL;
    if (d->id) {
        gx_buf id;
        gx_buf_init(&id);
        gx_buf_addf(&id, "%s#%s", name, d->id);
        a->id = gx_buf_take(&id);
    }
    gx_buf_destroy(&clean);
}

gx_status gx_ingest_buffer(const char *name, const char *data, size_t len, gx_format fmt,
                           const gx_ingest_options *opt, gx_article_list *out, gx_error *err)
{
    if (fmt == GX_FMT_UNKNOWN)
        fmt = strcmp(name, "-") == 0 ? GX_FMT_TEXT : gx_format_from_path(name);
    if (fmt == GX_FMT_UNKNOWN)
        return gx_error_set(err, GX_ERR_USAGE, name, -1, -1, "unknown file type");
    if (opt->max_file_bytes && len > opt->max_file_bytes)
        return gx_error_set(err, GX_ERR_LIMIT, name, -1, -1,
                            "%zu bytes is more than the limit of %zu; skipped", len, opt->max_file_bytes);
    gx_buf text;
    gx_buf_init(&text);
    gx_status st = gx_ingest_decode(name, data, len, &text, &opt->diag, err);
    if (st != GX_OK) {
        gx_buf_destroy(&text);
        return st;
    }
    size_t first = out->n;
    gx_date own = 0;
    if (text.len == 0)
        gx_diag_emit(&opt->diag, GX_WARNING, name, -1, -1, "empty: no text to read");
    if (fmt == GX_FMT_TEXT) {
        gx_ingest_split_page(name, text.data, text.len, out);
    } else if (fmt == GX_FMT_HTML) {
        gx_doc d;
        st = gx_html_read(name, text.data, text.len, &d, &opt->diag, err);
        if (st == GX_OK) {
            own = d.date;
            if (d.lost && opt->cut)
                (*opt->cut)++;
            add_doc(out, name, &d, opt);
            gx_doc_destroy(&d);
        }
    } else {
        gx_doc *docs = NULL;
        size_t n = 0, bad = 0;
        gx_jsonl_read(name, text.data, text.len, &docs, &n, &bad, &opt->diag);
        gx_date file_date = pub_date(name, 0, opt);
        for (size_t i = 0; i < n; i++) {
            add_doc(out, name, &docs[i], opt);
            /* Each line's own date stands unless --date, the manifest or the name give one. */
            out->v[out->n - 1].date = file_date ? file_date : docs[i].date;
            gx_doc_destroy(&docs[i]);
        }
        free(docs);
        if (opt->skipped)
            *opt->skipped += bad;
        if (n == 0 && bad > 0)
            st = gx_error_set(err, GX_ERR_PARSE, name, -1, -1, "no usable line (%zu bad)", bad);
    }
    gx_buf_destroy(&text);
    if (st == GX_OK)
        finish(out, first, name, own, opt);
    return st;
}

gx_status gx_ingest_file(const char *path, gx_format fmt, const gx_ingest_options *opt,
                         gx_article_list *out, gx_error *err)
{
    char *data;
    size_t len;
    gx_status s = gx_read_file_max(path, opt->max_file_bytes, &data, &len, err);
    if (s != GX_OK)
        return s;
    s = gx_ingest_buffer(path, data, len, fmt, opt, out, err);
    free(data);
    return s;
}
