/* read.c — reading the inputs: the lexicons, then two passes over pages (or extract's JSONL) on the
 * work pool, each article handed with its entities to a sink. */
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef cli_counts counts;

int cli_jobs(const cli_opts *o)
{
    return o->jobs > 0 ? o->jobs : cli_jobs_default();
}

static bool progress_on(const cli_opts *o)
{
    return !o->quiet && isatty(STDERR_FILENO);
}

/* Loads the lexicons; prints the error and returns false on failure. */
bool cli_load_lexicon(const cli_opts *o, gx_lexicon **lex)
{
    gx_error err;
    gx_error_clear(&err);
    if (gx_lexicon_load(o->data_dir, lex, &err) != GX_OK) {
        char msg[1200];
        gx_error_format(&err, msg, sizeof msg);
        fprintf(stderr, "guanxi: error: %s\n(set --data-dir or GUANXI_DATA to the folder holding titles.tsv)\n", msg);
        return false;
    }
    if (o->home && gx_lexicon_set_home(*lex, o->home, &err) != GX_OK) {
        fprintf(stderr, "guanxi: error: %s\n", err.msg);
        gx_lexicon_free(*lex);
        *lex = NULL;
        return false;
    }
    for (size_t i = 0; i < o->lexicons.n; i++)
        if (gx_lexicon_add_user(*lex, o->lexicons.v[i], &err) != GX_OK) {
            char msg[1200];
            gx_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "guanxi: error: %s\n", msg);
            gx_lexicon_free(*lex);
            *lex = NULL;
            return false;
        }
    return true;
}

/* Ingests one input; standard input was read once into stdin_buf. */
static gx_status ingest_one(const char *path, const gx_buf *stdin_buf, const gx_ingest_options *io,
                            gx_article_list *arts, gx_error *err)
{
    if (strcmp(path, "-") == 0)
        return gx_ingest_buffer("-", stdin_buf->data ? stdin_buf->data : "", stdin_buf->len, GX_FMT_TEXT, io,
                                arts, err);
    return gx_ingest_file(path, GX_FMT_UNKNOWN, io, arts, err);
}

/* Keeps "input: why" for stats. */
static void add_why(counts *c, const char *input, const char *why)
{
    gx_buf b;
    gx_buf_init(&b);
    gx_buf_adds(&b, input);
    gx_buf_adds(&b, ": ");
    gx_buf_adds(&b, why);
    gx_strvec_push(&c->why, b.data);
    gx_buf_destroy(&b);
}

static void skipped(counts *c, const char *input, const char *why)
{
    c->skipped_inputs++;
    add_why(c, input, why);
}

/* Inputs the expansion skips (unknown kinds, unreadable folders): said, and kept for stats. */
static void expand_diag(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    gx_diag_emit(NULL, sev, file, line, offset, "%s", msg);
    add_why(ctx, file ? file : "", msg);
}

/* A bad manifest line: said, and counted, since the files it names may go undated. */
static void manifest_diag(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    counts *c = ctx;
    gx_diag_emit(NULL, sev, file, line, offset, "%s", msg);
    c->skipped_lines++;
}

/* Is path a .jsonl that `guanxi extract` wrote?  (Its first line says so.) */
static bool is_extracted(const char *path)
{
    if (gx_export_format(path) != GX_OUT_JSONL)
        return false;
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return false;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n = getline(&line, &cap, fp);
    bool yes = n > 0 && gx_jsonl_is_extracted(line, (size_t)n);
    free(line);
    fclose(fp);
    return yes;
}

/* Hands one article to the sink, on thread number `thread`: formatted into out, or to add or
 * take. */
static void give(const cli_sink *sink, int thread, const gx_article *a, const gx_extraction *x, gx_buf *out)
{
    if (sink->format)
        sink->format(out, a, x);
    else if (sink->add)
        sink->add(sink->ctx, thread, a, x);
    else
        sink->take(sink->ctx, a, x);
}

/* Hands each article of an extracted JSONL to the sink, as read (no NER); bad lines are named
 * and skipped. */
static void read_extracted(const char *path, const cli_opts *o, counts *c, const cli_sink *sink)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        fprintf(stderr, "guanxi: error: %s: %s\n", path, strerror(errno));
        skipped(c, path, strerror(errno));
        return;
    }
    c->files++;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    gx_buf out;
    gx_buf_init(&out);
    for (long no = 1; (n = getline(&line, &cap, fp)) > 0; no++) {
        if (n == 1 && line[0] == '\n')
            continue;
        gx_article a;
        gx_extraction x;
        gx_extraction_init(&x);
        gx_error err;
        gx_error_clear(&err);
        if (gx_jsonl_read_extracted(line, (size_t)n, &a, &x, &err) != GX_OK) {
            fprintf(stderr, "guanxi: warning: %s:%ld: %s; line skipped\n", path, no, err.msg);
            c->skipped_lines++;
        } else {
            if (o->date)
                a.date = o->date;
            c->articles++;
            c->by_kind[a.kind]++;
            give(sink, 0, &a, &x, &out);
            if (out.len >= (1u << 20)) {
                sink->write(sink->ctx, &out);
                out.len = 0;
            }
        }
        gx_extraction_destroy(&x);
        gx_article_destroy(&a);
    }
    if (out.len)
        sink->write(sink->ctx, &out);
    gx_buf_destroy(&out);
    free(line);
    fclose(fp);
}

/* Pass 1's articles, with what it found in them, go to temporary files (one a worker) for pass 2
 * to read back (spill.c): about 1.5 bytes a byte of the inputs, and less work than reading and
 * recognising them again.  Without the files (no temporary folder, or a full disk) they are kept in memory
 * until they would pass this many bytes; the first input that does not fit and every one after it
 * are read again.  What was found takes about 1.5 bytes a byte of text, so this keeps about 64 MB
 * of text.  GUANXI_KEEP_MB sets another budget (0: keep nothing), which the tests use, with a
 * TMPDIR that does not exist, to take the other paths on a small corpus. */
#define KEEP_BYTES ((size_t)160 << 20)

static size_t keep_budget(void)
{
    const char *e = getenv("GUANXI_KEEP_MB");
    char *end;
    unsigned long long mb = e && *e ? strtoull(e, &end, 10) : 0;
    if (!e || !*e || *end || mb > ((size_t)-1 >> 21))
        return KEEP_BYTES;
    return (size_t)mb << 20;
}

/* An input as ingest left it: its articles (or why there are none), messages and counts. */
typedef struct ingested {
    gx_article_list arts;
    gx_first_read **first;   /* per article: what pass 1 read in it, for pass 2; NULL if not kept */
    gx_status st;
    gx_error err;
    gx_buf msgs;             /* the input's messages, printed when it is handed over */
    size_t skipped_lines, cut;
    int owner;               /* the worker that read it, whose malloc arena holds the articles */
} ingested;

/* What a worker allocated and another thread is done with, handed back for that worker to free
 * before its next input: glibc's malloc (a build with -DGX_JEMALLOC=OFF, or with the sanitizers)
 * locks the allocating thread's arena for a free on another thread, and that thread, allocating
 * meanwhile, sleeps on the lock; jemalloc, the default, batches such frees, so for it this only
 * keeps frees local.  (The second pass's threads
 * are new; each takes over an arena a first-pass thread left, so with -j 2 the owner is exact and
 * beyond it a free may still land on another thread — never a wrong one, only a slower one.) */
typedef struct handed_back {
    pthread_mutex_t mu;
    gx_names **names;
    size_t nnames, cnames;
    gx_article_list *arts;
    size_t narts, carts;
} handed_back;

/* What the passes over the inputs share. */
typedef struct reading {
    const cli_opts *o;
    const gx_lexicon *lex;
    const gx_strvec *paths;
    const bool *extracted;   /* per input: extract's JSONL, read as it is in pass 2 */
    const gx_buf *stdin_buf;
    gx_ingest_options io;
    gx_names *known;         /* pass 1 fills it; pass 2 reads it */
    ingested **kept;         /* per input: pass 1's reading, if kept for pass 2 */
    cli_spill *spill;        /* pass 1's readings for pass 2 (NULL if no file could be made) */
    cli_spill_at *spilled;   /* per input: its record in the files (len 0: not there) */
    gx_buf *rec;             /* per worker: the record it packs (pass 1) or reads (pass 2) */
    size_t keep_bytes;       /* the budget for what is kept (KEEP_BYTES) */
    atomic_size_t kept_bytes; /* written by pass 1's hand-over, read by its workers */
    counts *c;
    const cli_sink *sink;
    bool prog;
    handed_back *back;       /* per worker */
    cli_prefetch *prefetch;  /* pass 1: the inputs asked of the kernel ahead (NULL: none) */
    struct reloaded *again;  /* pass 2: the manifest, if it was let go after pass 1 (NULL: kept) */
} reading;

/* The manifest loaded again for pass 2, which let it go after pass 1, should an input be read
 * again after all (its record in the temporary file could not be read back). */
typedef struct reloaded {
    const char *path;
    pthread_mutex_t mu;
    bool tried;
    gx_manifest *m;
} reloaded;

static void quiet_diag(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    (void)ctx, (void)sev, (void)file, (void)line, (void)offset, (void)msg; /* said when first loaded */
}

static const gx_manifest *manifest_again(reloaded *a)
{
    pthread_mutex_lock(&a->mu);
    if (!a->tried) {
        gx_error err;
        gx_diag quiet = {quiet_diag, NULL};
        a->m = gx_manifest_load(a->path, &quiet, &err);
        a->tried = true;
    }
    pthread_mutex_unlock(&a->mu);
    return a->m;
}

/* One input's work, done on a worker thread and handed over in input order. */
typedef struct file_job {
    int worker;
    gx_names *names;         /* pass 1 */
    ingested in;
    gx_extraction *x;        /* pass 2, for a sink's take: one per article */
    gx_buf out;              /* pass 2, with a formatting sink: the input's output */
    size_t articles, by_kind[8], cut; /* pass 2: counted on the worker */
} file_job;

static void keep_diag(void *ctx, gx_severity sev, const char *file, long line, long offset, const char *msg)
{
    char out[1700];
    gx_diag_format(out, sizeof out, sev, file, line, offset, msg);
    gx_buf_adds(&((ingested *)ctx)->msgs, out);
}

static void ingest(const reading *r, int worker, size_t i, ingested *in)
{
    in->owner = worker;
    in->first = NULL;
    gx_ingest_options io = r->io;
    if (r->again)
        io.manifest = manifest_again(r->again);
    io.diag = (gx_diag){keep_diag, in};
    io.skipped = &in->skipped_lines;
    io.cut = &in->cut;
    gx_article_list_init(&in->arts);
    gx_error_clear(&in->err);
    in->st = ingest_one(r->paths->v[i], r->stdin_buf, &io, &in->arts, &in->err);
}

static void free_first_reads(ingested *in)
{
    for (size_t k = 0; in->first && k < in->arts.n; k++)
        gx_first_read_free(in->first[k]);
    free(in->first);
    in->first = NULL;
}

static void ingested_destroy(ingested *in)
{
    free_first_reads(in);
    gx_article_list_destroy(&in->arts);
    gx_buf_destroy(&in->msgs);
}

static size_t ingested_bytes(const ingested *in)
{
    size_t n = sizeof *in + in->msgs.cap;
    for (size_t k = 0; k < in->arts.n; k++) {
        n += sizeof in->arts.v[k] + in->arts.v[k].len + 256;
        if (in->first && in->first[k])
            n += sizeof *in->first + gx_first_read_bytes(in->first[k]);
    }
    return n;
}

/* Packs an input that was read whole (st OK) with its first readings into a record for the spill
 * file: its messages and counts, then each article and what pass 1 found in it. */
static void pack_input(const ingested *in, gx_buf *rec)
{
    gx_pack_bytes(rec, in->msgs.data ? in->msgs.data : "", in->msgs.len);
    gx_pack_u64(rec, in->skipped_lines);
    gx_pack_u64(rec, in->cut);
    gx_pack_u64(rec, in->arts.n);
    for (size_t k = 0; k < in->arts.n; k++) {
        gx_article_pack(&in->arts.v[k], rec);
        const gx_first_read *f = in->first ? in->first[k] : NULL;
        gx_pack_u64(rec, f != NULL);
        if (f)
            gx_first_read_pack(f, rec);
    }
}

/* Reads a record of pack_input back into in (read on worker `worker`); false on a short record
 * (in is then empty). */
static bool unpack_input(const gx_buf *rec, int worker, ingested *in)
{
    gx_unpack u = {rec->data, rec->data + rec->len, false};
    memset(in, 0, sizeof *in);
    in->owner = worker;
    in->st = GX_OK;
    gx_error_clear(&in->err);
    size_t n;
    const char *msgs = gx_unpack_bytes(&u, &n);
    if (n) /* most inputs have none: no buffer, as ingest leaves them */
        gx_buf_add(&in->msgs, msgs, n);
    in->skipped_lines = gx_unpack_u64(&u);
    in->cut = gx_unpack_u64(&u);
    uint64_t arts = gx_unpack_count(&u, 1);
    gx_article_list_init(&in->arts);
    if (!u.bad)
        in->first = gx_xcalloc(arts + 1, sizeof *in->first);
    for (uint64_t k = 0; k < arts && !u.bad; k++) {
        GX_GROW(in->arts.v, in->arts.cap, in->arts.n + 1);
        gx_article *a = &in->arts.v[in->arts.n++];
        if (gx_article_unpack(&u, a) && gx_unpack_u64(&u))
            in->first[k] = gx_first_read_unpack(&u);
    }
    if (u.bad || u.p != u.end) {
        ingested_destroy(in);
        memset(in, 0, sizeof *in);
        return false;
    }
    return true;
}

/* Frees names collected by `owner` now (on worker `worker`) or hands them back. */
static void release_names(reading *r, int worker, int owner, gx_names *n)
{
    if (owner == worker) {
        gx_names_free(n);
        return;
    }
    handed_back *b = &r->back[owner];
    pthread_mutex_lock(&b->mu);
    GX_GROW(b->names, b->cnames, b->nnames + 1);
    b->names[b->nnames++] = n;
    pthread_mutex_unlock(&b->mu);
}

/* Frees articles read by `owner` now (on worker `worker`) or hands them back. */
static void release_articles(reading *r, int worker, int owner, gx_article_list *arts)
{
    if (owner == worker) {
        gx_article_list_destroy(arts);
        return;
    }
    handed_back *b = &r->back[owner];
    pthread_mutex_lock(&b->mu);
    GX_GROW(b->arts, b->carts, b->narts + 1);
    b->arts[b->narts++] = *arts;
    pthread_mutex_unlock(&b->mu);
    gx_article_list_init(arts);
}

/* Frees what other threads handed back to worker k. */
static void free_handed_back(reading *r, int k)
{
    handed_back *b = &r->back[k];
    pthread_mutex_lock(&b->mu);
    handed_back got = *b;
    b->names = NULL;
    b->nnames = b->cnames = 0;
    b->arts = NULL;
    b->narts = b->carts = 0;
    pthread_mutex_unlock(&b->mu);
    for (size_t i = 0; i < got.nnames; i++)
        gx_names_free(got.names[i]);
    free(got.names);
    for (size_t i = 0; i < got.narts; i++)
        gx_article_list_destroy(&got.arts[i]);
    free(got.arts);
}

static void progress(const reading *r, const char *what, size_t i)
{
    if (r->prog)
        fprintf(stderr, "\rguanxi: %s %zu/%zu files", what, i + 1, r->paths->n);
}

/* About what a finished job holds until it is handed over, for the pool's bound: its reading
 * (unless it went to the spill file or was handed back), its output and its extractions. */
static size_t job_holds(const file_job *j)
{
    size_t n = ingested_bytes(&j->in) + j->out.cap;
    if (j->x)
        for (size_t k = 0; k < j->in.arts.n; k++)
            n += sizeof *j->x + j->x[k].n * (sizeof *j->x[k].m + 64);
    return n;
}

/* pass 1: the officials an input confirms (titled or listed) */
static size_t work_names(void *ctx, int worker, size_t i, void *slot)
{
    reading *r = ctx;
    file_job *j = slot;
    free_handed_back(r, worker);
    j->worker = worker;
    cli_prefetch_begun(r->prefetch, i);
    if (r->extracted[i])
        return job_holds(j);
    ingest(r, worker, i, &j->in);
    j->names = gx_names_new();
    if (j->in.st != GX_OK)
        return job_holds(j);
    /* What is read goes to the worker's spill file for pass 2; without the files it is kept in
     * memory while the inputs kept so far leave room (the hand-over decides; this only spares the
     * work where it will not). */
    bool spill = r->spill && cli_spill_ok(r->spill);
    bool keep = !spill && atomic_load_explicit(&r->kept_bytes, memory_order_relaxed) < r->keep_bytes;
    if (keep || spill)
        j->in.first = gx_xcalloc(j->in.arts.n + 1, sizeof *j->in.first);
    for (size_t k = 0; k < j->in.arts.n; k++)
        gx_names_collect_keeping(j->names, r->lex, &j->in.arts.v[k], j->in.first ? &j->in.first[k] : NULL);
    if (spill) { /* packed and written here, and freed by the thread whose arena holds it */
        gx_buf *rec = &r->rec[worker];
        gx_buf_clear(rec);
        pack_input(&j->in, rec);
        if (cli_spill_put(r->spill, worker, rec, &r->spilled[i])) {
            ingested_destroy(&j->in);
            j->in.st = GX_OK;
        } /* else the hand-over keeps it in memory if it fits, as without the files */
    }
    return job_holds(j);
}

static void take_names(void *ctx, size_t i, void *slot)
{
    reading *r = ctx;
    file_job *j = slot;
    progress(r, "scanning", i);
    if (j->names) {
        gx_names_merge(r->known, j->names);
        release_names(r, 0, j->worker, j->names);
    }
    if (r->extracted[i])
        return;
    if (r->spilled[i].len) { /* written to its file by the worker */
        r->c->spilled++;
        r->c->spilled_bytes += r->spilled[i].len;
        return;
    }
    size_t bytes = ingested_bytes(&j->in), kept = atomic_load_explicit(&r->kept_bytes, memory_order_relaxed);
    if (kept + bytes <= r->keep_bytes) {
        r->kept[i] = gx_xmalloc(sizeof *r->kept[i]);
        *r->kept[i] = j->in;
        atomic_store_explicit(&r->kept_bytes, kept + bytes, memory_order_relaxed);
    } else {
        atomic_store_explicit(&r->kept_bytes, r->keep_bytes, memory_order_relaxed); /* full: keep no more */
        free_first_reads(&j->in); /* while the articles are still counted: handing them back empties the list */
        release_articles(r, 0, j->in.owner, &j->in.arts);
        ingested_destroy(&j->in);
    }
}

/* pass 2: an input's articles and their entities */
static size_t work_extract(void *ctx, int worker, size_t i, void *slot)
{
    reading *r = ctx;
    file_job *j = slot;
    free_handed_back(r, worker);
    if (r->extracted[i])
        return job_holds(j);
    bool have = false;
    if (r->kept[i]) {
        j->in = *r->kept[i];
        free(r->kept[i]);
        r->kept[i] = NULL;
        have = true;
    } else if (r->spilled[i].len) {
        gx_buf *rec = &r->rec[worker];
        bool got = cli_spill_get(r->spill, &r->spilled[i], rec);
        have = got && unpack_input(rec, worker, &j->in);
        if (got && !have)
            fprintf(stderr, "guanxi: warning: %s: the second pass's record of it was short; it is read again\n",
                    r->paths->v[i]);
    }
    if (!have)
        ingest(r, worker, i, &j->in);
    if (j->in.st != GX_OK)
        return job_holds(j);
    /* Only take needs the articles on the calling thread; otherwise they are freed here, by the
     * thread whose malloc arena holds them (freeing them on another thread contends for its lock). */
    bool keep = r->sink->take != NULL;
    if (keep)
        j->x = gx_xcalloc(j->in.arts.n + 1, sizeof *j->x);
    if (r->sink->format) { /* room for the output at once: the JSONL of the 10 MB benchmark corpus
                              * is 6.1 times its articles' text, the sample pages' less */
        size_t text = 0;
        for (size_t k = 0; k < j->in.arts.n; k++)
            text += j->in.arts.v[k].len;
        gx_buf_reserve(&j->out, 7 * text + 4096);
    }
    for (size_t k = 0; k < j->in.arts.n; k++) {
        const gx_article *a = &j->in.arts.v[k];
        gx_extraction here, *x = keep ? &j->x[k] : &here;
        gx_extraction_init(x);
        gx_first_read *first = j->in.first ? j->in.first[k] : NULL;
        if (first)
            j->in.first[k] = NULL;
        gx_ner_extract_after(r->lex, r->known, a, first, x);
        if (x->truncated) {
            gx_buf_addf(&j->in.msgs, "guanxi: warning: %s: more than %d entity mentions or %d events; the "
                        "rest were ignored\n", a->id, GX_NER_MAX_MENTIONS, GX_NER_MAX_EVENTS);
            j->cut++;
        }
        j->articles++;
        j->by_kind[a->kind]++;
        if (!keep) {
            give(r->sink, worker, a, x, &j->out);
            gx_extraction_destroy(x);
        }
    }
    if (!keep)
        release_articles(r, worker, j->in.owner, &j->in.arts);
    return job_holds(j);
}

static void take_extract(void *ctx, size_t i, void *slot)
{
    reading *r = ctx;
    file_job *j = slot;
    counts *c = r->c;
    const char *path = r->paths->v[i];
    progress(r, "reading", i);
    if (r->extracted[i]) {
        read_extracted(path, r->o, c, r->sink);
        return;
    }
    if (j->in.msgs.len) {
        if (r->prog)
            fputc('\n', stderr);
        fputs(j->in.msgs.data, stderr);
    }
    c->skipped_lines += j->in.skipped_lines;
    c->cut += j->in.cut;
    if (j->in.st != GX_OK) {
        char msg[1200];
        gx_error_format(&j->in.err, msg, sizeof msg);
        if (r->prog)
            fputc('\n', stderr);
        fprintf(stderr, "guanxi: error: %s\n", msg);
        skipped(c, path, j->in.err.msg);
        ingested_destroy(&j->in);
        return;
    }
    c->files++;
    c->articles += j->articles;
    c->cut += j->cut;
    for (size_t k = 0; k < sizeof j->by_kind / sizeof *j->by_kind; k++)
        c->by_kind[k] += j->by_kind[k];
    for (size_t k = 0; j->x && k < j->in.arts.n; k++) {
        r->sink->take(r->sink->ctx, &j->in.arts.v[k], &j->x[k]);
        gx_extraction_destroy(&j->x[k]);
    }
    if (r->sink->format)
        r->sink->write(r->sink->ctx, &j->out);
    gx_buf_destroy(&j->out);
    free(j->x);
    ingested_destroy(&j->in);
}

/* Reads every input twice: first to learn which names the corpus confirms as
 * officials, then to extract each article with that knowledge and hand it to
 * the sink.  The first pass's articles are kept for the second up to KEEP_BYTES.
 * Both passes run on o->jobs threads and hand inputs over in order, so the
 * result does not depend on the number of threads.  Messages about inputs are
 * given once, in the second pass.  Returns false if the set-up failed (already
 * reported). */
bool cli_read_all(const cli_opts *o, const gx_lexicon *lex, counts *c, const cli_sink *sink)
{
    reading r = {.o = o, .lex = lex, .c = c, .sink = sink, .prog = progress_on(o), .keep_bytes = keep_budget()};
    gx_ingest_options_init(&r.io);
    r.io.date = o->date;
    r.io.max_file_bytes = o->max_file_bytes;
    r.io.max_article_bytes = o->max_article_bytes;
    gx_manifest *man = NULL;
    if (o->manifest_path) {
        gx_error err;
        gx_error_clear(&err);
        gx_diag md = {manifest_diag, c};
        man = gx_manifest_load(o->manifest_path, &md, &err);
        if (!man) {
            char msg[1200];
            gx_error_format(&err, msg, sizeof msg);
            fprintf(stderr, "guanxi: error: %s\n", msg);
            return false;
        }
        r.io.manifest = man;
    }
    gx_inputs in;
    gx_ingest_inputs_init(&in);
    gx_diag ed = {expand_diag, c};
    gx_ingest_expand(&in, (const char *const *)o->inputs.v, o->inputs.n, &ed);
    c->skipped_inputs += in.skipped;
    r.paths = &in.paths;
    gx_buf stdin_buf;
    gx_buf_init(&stdin_buf);
    if (gx_strvec_contains(&in.paths, "-")) {
        char *d;
        size_t n;
        gx_error err;
        if (gx_read_file("-", &d, &n, &err) == GX_OK) {
            stdin_buf.data = d;
            stdin_buf.len = stdin_buf.cap = n;
        }
    }
    r.stdin_buf = &stdin_buf;
    bool *extracted = gx_xcalloc(in.paths.n + 1, sizeof *extracted);
    for (size_t i = 0; i < in.paths.n; i++)
        extracted[i] = is_extracted(in.paths.v[i]);
    r.extracted = extracted;
    r.kept = gx_xcalloc(in.paths.n + 1, sizeof *r.kept);
    r.spilled = gx_xcalloc(in.paths.n + 1, sizeof *r.spilled);
    int jobs = cli_jobs(o);
    r.back = gx_xcalloc((size_t)jobs, sizeof *r.back);
    r.rec = gx_xcalloc((size_t)jobs, sizeof *r.rec);
    bool pages = false; /* only pages are read twice: extract's JSONL is read once */
    for (size_t i = 0; i < in.paths.n; i++)
        pages |= !extracted[i];
    r.spill = pages ? cli_spill_open(jobs) : NULL;
    for (int k = 0; k < jobs; k++)
        pthread_mutex_init(&r.back[k].mu, NULL);
    gx_ingest_global_init();

    r.known = gx_names_new();
    r.prefetch = cli_prefetch_start(&in.paths);
    cli_pool_run(in.paths.n, jobs, sizeof(file_job), work_names, take_names, &r);
    cli_prefetch_stop(r.prefetch);
    r.prefetch = NULL;
    if (r.prog && in.paths.n)
        fputc('\n', stderr);
    /* The manifest dates what pass 1 reads; pass 2 needs it only for an input it reads again (in
     * neither the temporary files nor memory), so without one it goes now instead of staying
     * through pass 2 (about 14 MB for the 1 GB corpus's 99,621 lines), and comes back only if a
     * record in the files cannot be read. */
    bool again = false;
    for (size_t i = 0; man && i < in.paths.n && !again; i++)
        again = !extracted[i] && !r.spilled[i].len && !r.kept[i];
    reloaded reload = {.path = o->manifest_path};
    pthread_mutex_init(&reload.mu, NULL);
    if (man && !again) {
        gx_manifest_free(man);
        man = NULL;
        r.io.manifest = NULL;
        r.again = &reload;
    }
    cli_pool_run(in.paths.n, jobs, sizeof(file_job), work_extract, take_extract, &r);
    if (r.prog && in.paths.n)
        fputc('\n', stderr);
    free(extracted);
    free(r.kept);
    free(r.spilled);
    cli_spill_close(r.spill);
    for (int k = 0; k < jobs; k++)
        gx_buf_destroy(&r.rec[k]);
    free(r.rec);
    for (int k = 0; k < jobs; k++) {
        free_handed_back(&r, k);
        pthread_mutex_destroy(&r.back[k].mu);
    }
    free(r.back);
    gx_names_free(r.known);
    gx_buf_destroy(&stdin_buf);
    gx_ingest_inputs_destroy(&in);
    gx_manifest_free(man);
    gx_manifest_free(reload.m);
    pthread_mutex_destroy(&reload.mu);
    return true;
}

int cli_finish_code(const counts *c)
{
    if (c->files == 0 && c->skipped_inputs > 0)
        return EXIT_ERROR;
    return c->skipped_inputs || c->skipped_lines || c->cut ? EXIT_PARTIAL : EXIT_OK;
}
