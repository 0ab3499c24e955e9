/* cli.h — the guanxi command line: options shared by the subcommands, and the subcommands. */
#ifndef GX_CLI_H
#define GX_CLI_H

#include "gx_common.h"
#include "gx_export.h"
#include "gx_graph.h"
#include "gx_ingest.h"
#include "gx_ner.h"

/* Exit codes (documented in --help and README). */
enum { EXIT_OK = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_PARTIAL = 4 };

typedef enum cli_format { CLI_FMT_AUTO = 0, CLI_FMT_TABLE, CLI_FMT_TSV, CLI_FMT_CSV, CLI_FMT_JSON } cli_format;

enum { CLI_TYPE_ALL = -2, CLI_TYPE_PEOPLE_AND_FIRMS = -1 };

typedef struct cli_opts {
    const char *cmd;
    gx_date date;
    const char *manifest_path;
    const char *data_dir;
    gx_strvec lexicons;
    gx_strvec outputs;
    gx_strvec inputs;
    gx_graph_options graph;
    bool quiet;
    bool verbose; /* build: how long each stage of the network took */
    int top;
    const char *official, *company; /* visits: selection */
    const char *name;               /* who-with: the entity asked about */
    int type;                       /* who-with: a gx_etype, or one of CLI_TYPE_… */
    cli_format format;
    size_t max_file_bytes, max_article_bytes; /* --max-file-bytes, --max-article-bytes */
    int jobs;                                 /* -j: threads reading and extracting */
    const char *home;                         /* --home: the paper's division code */
} cli_opts;

/* Parses argv for subcommand `cmd`.  Returns -1 to go on, or an exit code
 * (0 after --help, EXIT_USAGE after a usage error, already reported). */
int cli_parse(int argc, char **argv, const char *cmd, cli_opts *o);
void cli_opts_destroy(cli_opts *o);
void cli_usage(FILE *fp, const char *cmd);

int cli_build(cli_opts *o);
int cli_extract(cli_opts *o);
int cli_visits(cli_opts *o);
int cli_who_with(cli_opts *o);
int cli_stats(cli_opts *o);

/* --- shared by the subcommands (run.c) --- */

typedef struct cli_counts {
    size_t files, skipped_inputs, skipped_lines, articles, by_kind[8];
    size_t cut;        /* articles read in parts (over --max-article-bytes) or cut short (too many
                        * mentions or events) */
    gx_strvec why; /* "input: reason" for each input skipped */
    size_t spilled;          /* inputs whose first reading pass 2 read back from the spill file */
    uint64_t spilled_bytes;  /* the file's size */
} cli_counts;

typedef void (*cli_article_fn)(void *ctx, const gx_article *a, const gx_extraction *x);

/* Where the articles go.  Either take gets each article with its entities, on the calling thread
 * in input order; or format appends each article's output to a buffer on the worker threads and
 * write gets each input's buffer on the calling thread in input order; or add gets each article
 * on the thread that read it, with that thread's number (0 … cli_jobs(o) - 1), for a
 * result that does not depend on the order and is kept per thread. */
typedef struct cli_sink {
    cli_article_fn take;
    void (*add)(void *ctx, int thread, const gx_article *a, const gx_extraction *x);
    void (*format)(gx_buf *out, const gx_article *a, const gx_extraction *x);
    void (*write)(void *ctx, const gx_buf *out);
    void *ctx;
} cli_sink;

/* Loads the lexicons (and --lexicon files); prints the error and returns false on failure. */
bool cli_load_lexicon(const cli_opts *o, gx_lexicon **lex);
/* Reads every input (pages, or extract's JSONL) and hands each article with its entities to the
 * sink.  Returns false if the set-up failed (already reported). */
bool cli_read_all(const cli_opts *o, const gx_lexicon *lex, cli_counts *c, const cli_sink *sink);
/* The threads -j asks for (0 or none: one per core); a sink's add gets thread numbers below it (the
 * calling thread is 0). */
int cli_jobs(const cli_opts *o);
/* 0, 4 (partial) or 1 (nothing read) from the counts. */
int cli_finish_code(const cli_counts *c);
/* Reads the inputs into a network built with the default options (and --since/--until).  When no
 * network comes of it (*net NULL), c's strings are already freed. */
int cli_network(cli_opts *o, cli_counts *c, gx_network **net);

/* --- the ordered work pool (pool.c) --- */

/* work(ctx, worker, i, slot) runs on one of `jobs` threads, numbered 0 … jobs-1, in any order; the
 * calling thread is worker 0 and works while the next item in order is not done.  consume(ctx, i,
 * slot) runs on the calling thread for i = 0, 1, … in order.  A slot is slot_size zeroed bytes
 * that work fills and consume empties; work returns about how many bytes the slot holds until
 * then, and no item is begun while those of the finished items waiting to be consumed come to
 * CLI_POOL_HOLD_BYTES.  jobs <= 1 runs everything on the calling thread. */
#define CLI_POOL_HOLD_BYTES ((size_t)64 << 20)
typedef size_t (*cli_work_fn)(void *ctx, int worker, size_t i, void *slot);
typedef void (*cli_consume_fn)(void *ctx, size_t i, void *slot);
void cli_pool_run(size_t n, int jobs, size_t slot_size, cli_work_fn work, cli_consume_fn consume, void *ctx);
/* The number of online cores (at most 64). */
int cli_jobs_default(void);
/* From here on freed memory goes back to the system at once (alloc.c): for building the network,
 * which frees and allocates large arrays, after reading, which churns small ones. */
void cli_return_freed_memory_at_once(void);

/* --- pass 1's readings, kept for pass 2 in a temporary file (spill.c) --- */

/* Unlinked temporary files in $TMPDIR (else /tmp), one for each of `workers` threads; NULL, with a
 * note, if they cannot be made. */
typedef struct cli_spill cli_spill;
cli_spill *cli_spill_open(int workers);
/* Where a record is: its worker's file, and the bytes there. */
typedef struct cli_spill_at {
    uint64_t off;
    size_t len; /* 0: no record */
    int file;
} cli_spill_at;
/* Appends a record to worker's file (on that worker's thread only) and says where it is; false, with
 * a note the first time, once a write fails (then nothing more is written). */
bool cli_spill_put(cli_spill *s, int worker, const gx_buf *rec, cli_spill_at *at);
/* Has no write failed yet? */
bool cli_spill_ok(cli_spill *s);
/* Reads the record at `at` into out (on any thread); false, with a warning, if it cannot be read. */
bool cli_spill_get(cli_spill *s, const cli_spill_at *at, gx_buf *out);
void cli_spill_close(cli_spill *s);

/* --- the inputs asked of the kernel ahead of the workers (prefetch.c) --- */

/* A thread that asks the kernel for the inputs a little ahead of the workers when they are not in
 * memory; NULL (nothing asked) for fewer than two inputs or if no thread can be made. */
typedef struct cli_prefetch cli_prefetch;
cli_prefetch *cli_prefetch_start(const gx_strvec *paths);
/* A worker began input i (p may be NULL). */
void cli_prefetch_begun(cli_prefetch *p, size_t i);
void cli_prefetch_stop(cli_prefetch *p);

/* --- tables (table.c): aligned on a terminal, TSV when piped, CSV, JSON --- */

typedef struct cli_table {
    const char *const *cols;
    size_t ncols;
    gx_strvec cells; /* row-major */
} cli_table;
void cli_table_init(cli_table *t, const char *const *cols, size_t ncols);
void cli_table_add(cli_table *t, const char *const *row);
/* Prints in format f (AUTO: table on a terminal, else TSV).  JSON numbers stay strings unless
 * the column name is in `numeric` (comma-separated). */
void cli_table_print(const cli_table *t, cli_format f, const char *numeric);
void cli_table_destroy(cli_table *t);

#endif
