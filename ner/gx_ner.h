/* gx_ner.h — the NER stage: officials, other persons, journalists, companies, places and
 * visit events in one article, found by rules over lexicons (data/ TSV files) and PCRE2.
 *
 * Extraction depends on nothing but the article and the read-only lexicon, so
 * articles may be extracted in any order, on any thread, on any machine.
 *
 * Ownership: gx_lexicon_load returns a lexicon the caller frees with
 * gx_lexicon_free; gx_ner_extract fills a caller-owned gx_extraction that
 * gx_extraction_destroy frees.  Strings in mentions and events are owned by
 * the extraction. */
#ifndef GX_NER_H
#define GX_NER_H

#include "gx_common.h"
#include "gx_ingest.h"

typedef enum gx_etype {
    GX_ENT_OFFICIAL = 0, /* a person named with a government or party office */
    GX_ENT_COMPANY,
    GX_ENT_PLACE,
    GX_ENT_PERSON,       /* a person with another role (董事长, 设计师), or referenced only */
    GX_ENT_JOURNALIST,   /* a byline name or 记者 X */
    GX_ENT_NTYPES
} gx_etype;
const char *gx_etype_name(gx_etype t);
/* Parses "official", "company", …; returns -1 if unknown. */
int gx_etype_parse(const char *s, size_t len);

enum {
    GX_MF_LIST = 1u << 0,       /* named in a list under a group title (市领导 A、B、C) */
    GX_MF_BYLINE = 1u << 1,     /* from the byline */
    GX_MF_REFERENCED = 1u << 2, /* named as a source, not present (学习贯彻习近平总书记…) */
    GX_MF_ALIAS = 1u << 3,      /* a short form resolved to the full name (钛迩赛, 仲书记) */
    GX_MF_TITLED = 1u << 4      /* named with a title in this mention */
};

typedef struct gx_mention {
    gx_etype type;
    gx_span span;   /* bytes in the article text; {0,0} for byline names */
    char *name;     /* canonical name */
    char *titles;   /* '|'-separated titles held in this article (officials, persons); "" if none */
    char *aliases;  /* '|'-separated short forms (companies); "" if none */
    char *code;     /* places: GB/T 2260 code or "" */
    char *parent;   /* places: the code of the division it lies in, or "" (its level is in titles) */
    unsigned flags;
} gx_mention;

typedef enum gx_event_kind { GX_EV_VISIT = 0, GX_EV_CEREMONY } gx_event_kind;
const char *gx_event_kind_name(gx_event_kind k);

typedef struct gx_event {
    gx_event_kind kind;
    char *official;    /* canonical names */
    char *company;
    gx_date date;      /* the article's event date (or publication date) */
    gx_span evidence;  /* the sentence that shows it */
} gx_event;

/* At most this many mentions and events are kept per article; past either, `truncated` is
 * set and the caller should say so (a pathological input, e.g. a 50 MB line). */
enum { GX_NER_MAX_MENTIONS = 20000, GX_NER_MAX_EVENTS = 20000 };

typedef struct gx_extraction {
    gx_mention *m;
    size_t n, cap;
    gx_event *ev;
    size_t nev, evcap;
    bool truncated;
    gx_mention overflow; /* scratch slot handed out past the cap; never part of m */
    unsigned char *cover; /* while extracting: per byte of text, the types (1u << type) of the
                           * mentions over it, so that "is this already taken?" costs the span */
    size_t cover_len;
    uint16_t *starts;     /* while extracting: per byte of text, the lexicon's scan bits of the
                           * character that starts there (0 at a continuation byte), read once for
                           * all the scans */
} gx_extraction;
void gx_extraction_init(gx_extraction *x);
void gx_extraction_destroy(gx_extraction *x);
/* Are two extractions the same, mention by mention and event by event (every field)? */
bool gx_extraction_equal(const gx_extraction *p, const gx_extraction *q);

typedef struct gx_lexicon gx_lexicon;

/* Loads every lexicon from data_dir (titles, surnames, follow words,
 * companies, places, stop lists).  Each file is checked: UTF-8, field counts,
 * duplicates; problems are reported as "file:line: …" in err. */
gx_status gx_lexicon_load(const char *data_dir, gx_lexicon **out, gx_error *err);
/* Adds a user lexicon (TSV: name, type[, aliases '|'-separated]; type "stop"
 * blocks a name from ever being an entity). */
gx_status gx_lexicon_add_user(gx_lexicon *lex, const char *path, gx_error *err);
/* The paper's home division (a GB/T 2260 code from data/places.tsv, e.g. 330482): a spelling
 * several divisions share goes to the one nearest home (same county, prefecture, province)
 * before the highest-level one, and the home area's towns are also read by their short forms
 * (独山港 for 独山港镇, 广陈 for 广陈镇). */
gx_status gx_lexicon_set_home(gx_lexicon *lex, const char *code, gx_error *err);
void gx_lexicon_free(gx_lexicon *lex);

/* What the whole corpus confirms, collected over every article first and then given to
 * gx_ner_extract, so that each article is read the same way whatever order the files come in:
 * officials found with a title or in a group list (a bare 许静出席 or 戴振对应征青年 resolves), and
 * firms with their short names (钛迩赛 alone resolves to 浙江钛迩赛新材料有限公司 in an article that
 * never names it in full), unless two firms share a short name.  Merging is associative. */
typedef struct gx_names gx_names;
gx_names *gx_names_new(void);
void gx_names_free(gx_names *n);
/* Adds the confirmed officials and the firms of one article (the firms are looked up only
 * after gx_names_merge has put them into the set merged into). */
void gx_names_collect(gx_names *n, const gx_lexicon *lex, const gx_article *a);
/* What collecting read in an article, which its extraction (gx_ner_extract_after) can start from
 * instead of reading the article's titles and firms again — with the same result. */
typedef struct gx_first_read gx_first_read;
/* As gx_names_collect, and *keep gets what was read (NULL if nothing can be kept), which the
 * caller gives to gx_ner_extract_after or frees. */
void gx_names_collect_keeping(gx_names *n, const gx_lexicon *lex, const gx_article *a, gx_first_read **keep);
/* What n articles confirm as a corpus, each article collected and merged in turn (as the CLI
 * does a file at a time); first (may be NULL) gets n first readings, as gx_names_collect_keeping. */
gx_names *gx_names_of_articles(const gx_lexicon *lex, const gx_article *a, size_t n, gx_first_read **first);
size_t gx_first_read_bytes(const gx_first_read *f); /* the memory it holds, roughly */
void gx_first_read_free(gx_first_read *f);
/* A first reading packed into a record (gx_pack_*) and read back as it was; NULL on a short record. */
void gx_first_read_pack(const gx_first_read *f, gx_buf *out);
gx_first_read *gx_first_read_unpack(gx_unpack *u);
void gx_names_add(gx_names *n, const char *name);
/* Records that `alias` names the firm `full` (an alias two firms share names neither). */
void gx_names_add_firm(gx_names *n, const char *alias, const char *full);
void gx_names_merge(gx_names *dst, const gx_names *src);
size_t gx_names_count(const gx_names *n); /* officials */

/* Finds the entities and events of one article.  `known` (may be NULL) is what the corpus
 * confirms (gx_names).  Mentions come sorted by span. */
void gx_ner_extract(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_extraction *out);
/* The same, starting from what collecting read in this article (`first`, may be NULL), which it
 * frees. */
void gx_ner_extract_after(const gx_lexicon *lex, const gx_names *known, const gx_article *a, gx_first_read *first,
                          gx_extraction *out);

#endif
