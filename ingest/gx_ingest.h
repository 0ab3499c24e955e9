/* gx_ingest.h — the ingest stage: files in, articles out.
 *
 * Reads .txt pages, .html/.htm article pages and .jsonl article files; decodes
 * UTF-8 (with or without BOM), UTF-16 with BOM and GB18030/GBK; normalises the
 * text; splits pages into articles and small units (captions, adverts, weather
 * boxes); and dates each article.  Everything after this stage may assume valid
 * UTF-8 without control characters other than '\n'.
 *
 * Ownership: articles and lists returned here belong to the caller, who frees
 * them with gx_article_list_destroy / gx_ingest_inputs_destroy. */
#ifndef GX_INGEST_H
#define GX_INGEST_H

#include "gx_common.h"

typedef enum gx_unit_kind {
    GX_UNIT_ARTICLE = 0, /* a news item, commentary or feature */
    GX_UNIT_CAPTION,     /* a photo caption (ends in a 摄影 byline, no 本报讯) */
    GX_UNIT_ADVERT,
    GX_UNIT_WEATHER,
    GX_UNIT_FRAGMENT     /* a scrap too short to be an article (mastheads, jump lines) */
} gx_unit_kind;
const char *gx_unit_kind_name(gx_unit_kind k);

typedef struct gx_span {
    size_t start, end; /* byte offsets, end exclusive */
} gx_span;

typedef struct gx_article {
    char *id;         /* "<source>#<index>", index counts units from 1 within the source */
    char *source;     /* the path as given (or "-" for stdin) */
    int index;
    gx_unit_kind kind;
    gx_date date;       /* publication date, 0 if unknown */
    gx_date event_date; /* date of the reported event, 0 if unknown */
    bool event_date_approx; /* 近日/日前: the publication date stands in */
    char *title;        /* may be "" */
    char *text;         /* normalised UTF-8: paragraphs end in '\n' */
    size_t len;
    gx_span *sentences; /* sentence spans in text */
    size_t n_sentences;
    gx_strvec journalists; /* byline names (记者, 通讯员, 摄影, 评论员) */
} gx_article;

typedef struct gx_article_list {
    gx_article *v;
    size_t n, cap;
} gx_article_list;
void gx_article_list_init(gx_article_list *l);
void gx_article_list_destroy(gx_article_list *l);
void gx_article_destroy(gx_article *a);
/* An article packed into a record (gx_pack_*) and read back as it was; false on a short record
 * (the article is then empty, safe to destroy). */
void gx_article_pack(const gx_article *a, gx_buf *out);
bool gx_article_unpack(gx_unpack *u, gx_article *a);

/* A manifest maps paths (relative to the manifest's folder) to dates. */
typedef struct gx_manifest gx_manifest;
/* Reads a manifest (TSV "path<TAB>YYYY-MM-DD[<TAB>note]", '#' comments).  Bad
 * lines are reported through diag and skipped; returns NULL only if the file
 * cannot be read (err filled). */
gx_manifest *gx_manifest_load(const char *path, const gx_diag *diag, gx_error *err);
void gx_manifest_free(gx_manifest *m);
/* The date the manifest gives for `path` (compared after resolving both to
 * real paths), or 0. */
gx_date gx_manifest_lookup(const gx_manifest *m, const char *path);

typedef struct gx_ingest_options {
    gx_date date;                 /* --date: overrides every other source; 0 if not given */
    const gx_manifest *manifest;  /* may be NULL */
    size_t max_file_bytes;        /* larger files are refused; 0: no limit (default GX_MAX_FILE_BYTES) */
    size_t max_article_bytes;     /* longer articles are read in parts of at most this many bytes,
                                   * cut at paragraph or sentence ends; 0: no limit
                                   * (default GX_MAX_ARTICLE_BYTES) */
    size_t *skipped;              /* if set, counts skipped parts of inputs (bad JSONL lines) */
    size_t *cut;                  /* if set, counts articles read in parts or with text lost */
    gx_diag diag;                 /* where warnings go */
} gx_ingest_options;
/* Limits that keep a pathological input (a whole site dumped on one line) from taking unbounded
 * time or memory: a newspaper article is a few KB, a page file a few hundred. */
enum { GX_MAX_ARTICLE_BYTES = 1 << 20 };
#define GX_MAX_FILE_BYTES ((size_t)1 << 30)
void gx_ingest_options_init(gx_ingest_options *o);
/* Call once before reading from several threads (sets up libxml2's parser). */
void gx_ingest_global_init(void);

typedef enum gx_format { GX_FMT_UNKNOWN = 0, GX_FMT_TEXT, GX_FMT_HTML, GX_FMT_JSONL } gx_format;
/* The format a path's extension names (case-insensitive). */
gx_format gx_format_from_path(const char *path);

/* Expands inputs: directories recursively in sorted byte order (symlink loops
 * are detected), files of unknown type skipped with a warning.  "-" stays "-".
 * Returns the number of inputs that were skipped or missing in *skipped. */
typedef struct gx_inputs {
    gx_strvec paths;
    size_t skipped;
} gx_inputs;
void gx_ingest_inputs_init(gx_inputs *in);
void gx_ingest_inputs_destroy(gx_inputs *in);
void gx_ingest_expand(gx_inputs *in, const char *const *args, size_t n, const gx_diag *diag);

/* Reads one file and appends its articles.  Returns GX_OK, or an error when the
 * file could not be used at all (unreadable, binary, undecodable); partial
 * problems (bad bytes, bad JSONL lines) are warnings and the rest is kept.
 * `fmt` may be GX_FMT_UNKNOWN to decide from the path (stdin reads as text). */
gx_status gx_ingest_file(const char *path, gx_format fmt, const gx_ingest_options *opt,
                         gx_article_list *out, gx_error *err);

/* The same on bytes already in memory; `name` is used for ids and messages. */
gx_status gx_ingest_buffer(const char *name, const char *data, size_t len, gx_format fmt,
                           const gx_ingest_options *opt, gx_article_list *out, gx_error *err);

/* --- the steps, public for tests and for tools built on the library --- */

/* Decodes raw bytes to clean UTF-8 with '\n' line ends: strips a BOM, converts
 * UTF-16 (BOM) and GB18030/GBK (detected), replaces invalid bytes with U+FFFD
 * (one warning naming the first byte offset and the count), drops NUL and
 * other control characters.  Refuses binary data with GX_ERR_BINARY. */
gx_status gx_ingest_decode(const char *name, const char *raw, size_t len, gx_buf *out,
                           const gx_diag *diag, gx_error *err);

/* Normalises a block of page text: joins lines wrapped inside sentences and
 * names, drops padding spaces next to Han characters, folds full-width ASCII
 * (U+FF01–FF5E, U+3000) to ASCII, and keeps paragraph ends as '\n'. */
void gx_ingest_normalise(const char *text, size_t len, gx_buf *out);

/* Finds sentence spans (ending at 。！？!?; or a paragraph end). */
void gx_ingest_sentences(gx_article *a);

/* Splits a decoded page into units, appending to out with source/index set;
 * titles, bylines and kinds filled, text normalised.  Dates are not set. */
void gx_ingest_split_page(const char *source, const char *text, size_t len, gx_article_list *out);

/* Parses the names of a byline ("■记者 高 洁 通讯员 刘波 徐凯") into names. */
void gx_ingest_byline_names(const char *line, size_t len, gx_strvec *names);

/* The publication date a file name carries (2024-02-21, 2024_02_21, 20240221), or 0. */
gx_date gx_ingest_date_from_name(const char *path);

/* The event date from an article's lead, relative to the publication date
 * `pub`.  Sets *approx for 近日/日前/近期.  Returns 0 when the lead gives none or
 * pub is unknown and the lead is relative. */
gx_date gx_ingest_event_date(const char *text, size_t len, gx_date pub, bool *approx);

#endif
