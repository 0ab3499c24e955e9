/* dates.c — publication dates (file names, manifests) and event dates from an article's lead. */
#include "gx_ingest.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

gx_date gx_ingest_date_from_name(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    size_t len = strlen(base);
    for (size_t i = 0; i + 8 <= len; i++) {
        if (!is_digit(base[i]) || (i > 0 && is_digit(base[i - 1])))
            continue;
        /* YYYY[-_.]MM[-_.]DD or YYYYMMDD, not inside a longer number */
        char d[9];
        size_t j = i, k = 0;
        while (j < len && k < 8) {
            if (is_digit(base[j]))
                d[k++] = base[j++];
            else if ((k == 4 || k == 6) && (base[j] == '-' || base[j] == '_' || base[j] == '.') &&
                     j + 1 < len && is_digit(base[j + 1]))
                j++;
            else
                break;
        }
        if (k != 8 || (j < len && is_digit(base[j])))
            continue;
        d[8] = '\0';
        int v = atoi(d);
        gx_date r = gx_date_make(v / 10000, v / 100 % 100, v % 100);
        if (r)
            return r;
    }
    return 0;
}

static bool at(const char *s, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    return i + n <= len && memcmp(s + i, w, n) == 0;
}

/* Reads 1–2 (or exactly 4 when four) digits. */
static int num_at(const char *s, size_t len, size_t *i, int maxd)
{
    int v = 0, n = 0;
    while (*i < len && n < maxd && is_digit(s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        n++;
    }
    return n ? v : -1;
}

gx_date gx_ingest_event_date(const char *text, size_t len, gx_date pub, bool *approx)
{
    if (approx)
        *approx = false;
    /* The lead: the first two sentences, at most 150 characters
     * (“新春第一会”,凝聚起攻坚奋进力量。昨天上午,…). */
    size_t end = 0, chars = 0, stops = 0;
    while (end < len && chars < 150 && stops < 2) {
        if (at(text, len, end, "。") || text[end] == '\n')
            stops++;
        end += gx_utf8_len((unsigned char)text[end]);
        chars++;
    }
    int py = pub / 10000, pm = pub / 100 % 100;
    for (size_t i = 0; i < end;) {
        if (is_digit(text[i]) && (i == 0 || !is_digit(text[i - 1]))) {
            size_t j = i;
            int a = num_at(text, end, &j, 4);
            if (j - i == 4 && at(text, end, j, "年")) {
                j += strlen("年");
                int m = num_at(text, end, &j, 2);
                if (m > 0 && at(text, end, j, "月")) {
                    j += strlen("月");
                    int d = num_at(text, end, &j, 2);
                    if (d > 0 && (at(text, end, j, "日") || at(text, end, j, "号"))) {
                        gx_date r = gx_date_make(a, m, d);
                        if (r)
                            return r;
                    }
                }
            } else if (j - i <= 2 && at(text, end, j, "月")) {
                j += strlen("月");
                int d = num_at(text, end, &j, 2);
                if (d > 0 && (at(text, end, j, "日") || at(text, end, j, "号")) && pub) {
                    /* A month later than the page's month is last year's. */
                    int y = a > pm ? py - 1 : py;
                    gx_date r = gx_date_make(y, a, d);
                    if (r)
                        return r;
                }
            }
            i = j > i ? j : i + 1;
            continue;
        }
        unsigned char c = (unsigned char)text[i];
        if (c < 0xE4 || c > 0xE8) { /* no word below starts so; their first characters: 今 E4, 前 E5, 昨 日 E6, 近 连 E8 */
            i += gx_utf8_len(c);
            continue;
        }
        if (at(text, end, i, "昨天") || at(text, end, i, "昨日") || at(text, end, i, "昨晚"))
            return gx_date_add_days(pub, -1);
        if (at(text, end, i, "前天") || at(text, end, i, "前日"))
            return gx_date_add_days(pub, -2);
        if (at(text, end, i, "今天") || at(text, end, i, "今日") || at(text, end, i, "今晨"))
            return pub;
        if (at(text, end, i, "近日") || at(text, end, i, "日前") || at(text, end, i, "近期") ||
            at(text, end, i, "连日来")) {
            if (approx && pub)
                *approx = true;
            return pub;
        }
        i += gx_utf8_len((unsigned char)text[i]);
    }
    return 0;
}

/* --- manifests --- */

/* An entry, its strings in the manifest's text (offsets, as the text grows while it loads). */
typedef struct mentry {
    size_t path;  /* its path joined with the manifest's folder */
    size_t real;  /* its realpath, or NO_REAL (SIZE_MAX) if the file does not exist */
    gx_date date;
    uint32_t first; /* the first entry naming this entry's file (by path or realpath): itself or earlier */
} mentry;
#define NO_REAL SIZE_MAX

/* The entries by one of their strings (path or realpath): open addressing over 1 + an entry's
 * number (0: empty), the strings compared in the manifest's text.  Loading the 1 GB corpus's
 * manifest (99,621 lines) added 56 MB to guanxi's peak with each string allocated on its own and
 * copied again as a hash map's key, and adds 23 MB so, 9 MB of it the folder's listing while it
 * loads (docs/PERFORMANCE-HISTORY.md, stop 41). */
typedef struct entry_index {
    uint32_t *slot;
    size_t cap, n; /* cap a power of two, at most half full */
} entry_index;

struct gx_manifest {
    gx_buf text;  /* every entry's path and realpath, each ending in NUL */
    mentry *v;
    size_t n, cap;
    entry_index by_path, by_real; /* the first entry with that path or realpath */
};

static const char *entry_key(const gx_manifest *m, uint32_t e, bool real)
{
    return m->text.data + (real ? m->v[e].real : m->v[e].path);
}

/* The slot of key in x: the one holding its entry, or the empty one where it would go. */
static size_t index_slot(const gx_manifest *m, const entry_index *x, bool real, const char *key)
{
    size_t i = (size_t)gx_hash(key, strlen(key)) & (x->cap - 1);
    while (x->slot[i] && strcmp(entry_key(m, x->slot[i] - 1, real), key) != 0)
        i = (i + 1) & (x->cap - 1);
    return i;
}

static void index_grow(const gx_manifest *m, entry_index *x, bool real)
{
    entry_index old = *x;
    x->cap = old.cap ? 2 * old.cap : 64;
    x->slot = gx_xcalloc(x->cap, sizeof *x->slot);
    for (size_t i = 0; i < old.cap; i++)
        if (old.slot[i])
            x->slot[index_slot(m, x, real, entry_key(m, old.slot[i] - 1, real))] = old.slot[i];
    free(old.slot);
}

/* Indexes entry e under its path or realpath; returns the first entry with that key (a repeated
 * key keeps it). */
static uint32_t index_entry(gx_manifest *m, entry_index *x, bool real, uint32_t e)
{
    if (2 * (x->n + 1) > x->cap)
        index_grow(m, x, real);
    size_t i = index_slot(m, x, real, entry_key(m, e, real));
    if (x->slot[i])
        return x->slot[i] - 1;
    x->slot[i] = e + 1;
    x->n++;
    return e;
}

/* The first entry with that path or realpath, or -1. */
static int64_t index_get(const gx_manifest *m, const entry_index *x, bool real, const char *key)
{
    if (!x->cap)
        return -1;
    size_t i = index_slot(m, x, real, key);
    return x->slot[i] ? (int64_t)x->slot[i] - 1 : -1;
}

/* A folder that entries name, resolved once: its real path and, once LIST_AFTER entries were in
 * it, its listing, which says for each name at once what an lstat of each would (whether it is
 * there, whether it is a symbolic link).  Loading the 1 GB corpus's manifest (99,621 entries in
 * one folder) spent 30 % of its time in an lstat per entry, and cold, 0.34 s more. */
enum { LIST_AFTER = 64 };

typedef struct folder {
    char *real;      /* realpath of the folder; NULL if it has none */
    size_t entries;  /* entries in it so far */
    bool listed;     /* kinds holds its listing */
    bool unlisted;   /* it could not be listed: an lstat each */
    gx_strmap kinds; /* name → its d_type + 1 */
} folder;

typedef struct folders {
    gx_strmap by_dir; /* the folder as the entries spell it → index into v */
    folder *v;
    size_t n, cap;
} folders;

static folder *folder_of(folders *fs, const char *dir, size_t dl)
{
    bool added;
    int64_t *at = gx_strmap_put(&fs->by_dir, dir, dl, (int64_t)fs->n, &added);
    if (added) {
        GX_GROW(fs->v, fs->cap, fs->n + 1);
        folder *f = &fs->v[fs->n++];
        memset(f, 0, sizeof *f);
        char *d = gx_xstrndup(dir, dl);
        f->real = realpath(d, NULL);
        free(d);
        gx_strmap_init(&f->kinds);
    }
    return &fs->v[*at];
}

static void list_folder(folder *f, const char *dir, size_t dl)
{
    char *d = gx_xstrndup(dir, dl);
    DIR *dp = opendir(d);
    free(d);
    if (!dp) {
        f->unlisted = true;
        return;
    }
    for (struct dirent *de; (de = readdir(dp)) != NULL;)
        gx_strmap_put(&f->kinds, de->d_name, strlen(de->d_name), (int64_t)de->d_type + 1, NULL);
    closedir(dp);
    f->listed = true;
}

static void folders_free(folders *fs)
{
    for (size_t i = 0; i < fs->n; i++) {
        free(fs->v[i].real);
        gx_strmap_destroy(&fs->v[i].kinds);
    }
    free(fs->v);
    gx_strmap_destroy(&fs->by_dir);
}

/* realpath(path), its folder resolved once: a file that is not a symbolic link (nor . or ..) has
 * its folder's real path and its own name.  Loading the 1 GB corpus's manifest (238,440 entries in
 * one folder) took 2.4 s with a realpath per entry, 1.4 s so. */
static char *resolve(const char *path, folders *fs)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        return realpath(path, NULL);
    const char *dir = slash ? path : ".";
    size_t dl = slash && slash > path ? (size_t)(slash - path) : 1; /* "/x": the folder is "/" */
    folder *f = folder_of(fs, dir, dl);
    if (!f->real)
        return realpath(path, NULL);
    if (!f->listed && !f->unlisted && ++f->entries >= LIST_AFTER)
        list_folder(f, dir, dl);
    const int64_t *kind = f->listed ? gx_strmap_get(&f->kinds, base, strlen(base)) : NULL;
    if (f->listed && !kind)
        return NULL; /* not there */
    struct stat st;
    if (!kind || *kind - 1 == DT_LNK || *kind - 1 == DT_UNKNOWN) /* not listed, or the listing cannot say */
        if (lstat(path, &st) != 0 || S_ISLNK(st.st_mode))
            return realpath(path, NULL);
    gx_buf out;
    gx_buf_init(&out);
    gx_buf_adds(&out, f->real);
    if (out.len == 0 || out.data[out.len - 1] != '/')
        gx_buf_add(&out, "/", 1);
    gx_buf_adds(&out, base);
    return gx_buf_take(&out);
}

gx_manifest *gx_manifest_load(const char *path, const gx_diag *diag, gx_error *err)
{
    char *data;
    size_t len;
    if (gx_read_file(path, &data, &len, err) != GX_OK)
        return NULL;
    gx_manifest *m = gx_xcalloc(1, sizeof *m);
    gx_buf_init(&m->text);
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    /* an entry for each line at once, so that growing never holds two copies */
    size_t lines = 1;
    for (const char *q = data; (q = memchr(q, '\n', (size_t)(data + len - q))) != NULL; q++)
        lines++;
    GX_GROW(m->v, m->cap, lines);
    long lineno = 0;
    folders fs = {0};
    gx_strmap_init(&fs.by_dir);
    for (char *p = data; p < data + len;) {
        char *e = memchr(p, '\n', (size_t)(data + len - p));
        if (!e)
            e = data + len;
        lineno++;
        char *line = p;
        size_t ll = (size_t)(e - p);
        p = e + 1;
        if (ll && line[ll - 1] == '\r')
            ll--;
        if (!ll || line[0] == '#')
            continue;
        char *tab = memchr(line, '\t', ll);
        if (!tab || tab == line) {
            gx_diag_emit(diag, GX_WARNING, path, lineno, -1, "expected PATH<TAB>YYYY-MM-DD; line skipped");
            continue;
        }
        char *ds = tab + 1;
        char *tab2 = memchr(ds, '\t', ll - (size_t)(ds - line));
        size_t dl = tab2 ? (size_t)(tab2 - ds) : ll - (size_t)(ds - line);
        size_t used;
        gx_date d = gx_date_parse(ds, dl, &used);
        if (!d || used != dl) {
            gx_diag_emit(diag, GX_WARNING, path, lineno, -1, "bad date '%.*s' (want YYYY-MM-DD); line skipped",
                         (int)(dl > 40 ? 40 : dl), ds);
            continue;
        }
        if (m->n >= UINT32_MAX - 1) {
            gx_diag_emit(diag, GX_WARNING, path, lineno, -1, "more than 4,294,967,293 entries; the rest skipped");
            break;
        }
        uint32_t k = (uint32_t)m->n;
        GX_GROW(m->v, m->cap, m->n + 1);
        mentry *me = &m->v[m->n++];
        me->path = m->text.len; /* joined with the manifest's folder, in the text at once */
        if (line[0] != '/')
            gx_buf_add(&m->text, path, dirlen);
        gx_buf_add(&m->text, line, (size_t)(tab - line));
        gx_buf_addc(&m->text, '\0');
        char *real = resolve(m->text.data + me->path, &fs);
        me->real = NO_REAL;
        if (real) {
            me->real = m->text.len;
            gx_buf_add(&m->text, real, strlen(real) + 1);
        }
        me->date = d;
        free(real);
        me->first = index_entry(m, &m->by_path, false, k);
        if (me->real != NO_REAL) {
            uint32_t by_real = index_entry(m, &m->by_real, true, k);
            if (by_real < me->first)
                me->first = by_real;
        }
    }
    free(data);
    folders_free(&fs);
    return m;
}

void gx_manifest_free(gx_manifest *m)
{
    if (!m)
        return;
    gx_buf_destroy(&m->text);
    free(m->v);
    free(m->by_path.slot);
    free(m->by_real.slot);
    free(m);
}

gx_date gx_manifest_lookup(const gx_manifest *m, const char *path)
{
    if (!m)
        return 0;
    /* the first entry naming the file either way, as a scan of the manifest in order would find;
     * a path spelt as an entry spells it names that entry's file, so needs no realpath */
    int64_t same = index_get(m, &m->by_path, false, path);
    if (same >= 0)
        return m->v[m->v[same].first].date;
    char *real = realpath(path, NULL);
    int64_t by_real = real ? index_get(m, &m->by_real, true, real) : -1;
    free(real);
    return by_real >= 0 ? m->v[by_real].date : 0;
}
