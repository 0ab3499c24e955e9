/* options.c — getopt_long parsing and the help text of each subcommand. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char GENERAL[] =
    "usage: guanxi COMMAND [OPTIONS] INPUT...\n"
    "\n"
    "Turns Chinese local newspaper pages into a network of officials, companies and places.\n"
    "\n"
    "commands:\n"
    "  build     read pages, find entities, write the co-occurrence network (GraphML, GEXF, CSV)\n"
    "  extract   read pages, write one JSON line per article with its entities and events\n"
    "  visits    which companies each official visited, when, with the sentence that says so\n"
    "  who-with  who and what appears with an official (or a company, a place), ranked\n"
    "  stats     what was read and skipped, entities per type, the most named, the busiest pairs\n"
    "\n"
    "Run 'guanxi COMMAND --help' for a command's options; 'guanxi --version' for the version.\n";

static const char INPUT_HELP[] =
    "inputs:\n"
    "  INPUT is a file or a folder (read recursively, in sorted order), or - for standard input.\n"
    "  .txt pages (UTF-8, GB18030/GBK, UTF-16 with BOM), .html/.htm article pages, .jsonl (one\n"
    "  article per line: text, and optionally id, title, date, source).  Other files are skipped.\n"
    "\n"
    "input options:\n"
    "  -d, --date YYYY-MM-DD   publication date of every input (overrides all other sources)\n"
    "  -m, --manifest FILE     TSV of PATH<TAB>YYYY-MM-DD (paths relative to FILE's folder)\n"
    "      --data-dir DIR      where the lexicons live (default: the installed data/)\n"
    "      --home CODE         the paper's home division (GB/T 2260, e.g. 330482 for 平湖市): a\n"
    "                          name several divisions share goes to the one nearest home, and\n"
    "                          home's towns are read by short name too (广陈 for 广陈镇)\n"
    "  -l, --lexicon FILE      a user lexicon: NAME<TAB>TYPE[<TAB>ALIAS|ALIAS…]; TYPE is official,\n"
    "                          company, place, person, or stop (never an entity); may repeat\n"
    "  -q, --quiet             no progress and no summary\n"
    "  -j, --jobs N            threads reading and extracting (default: one per core); the output\n"
    "                          is the same for every N\n"
    "      --max-file-bytes N  refuse files larger than N bytes (K, M, G suffixes; default 1G;\n"
    "                          0: no limit)\n"
    "      --max-article-bytes N  read an article longer than N bytes (default 1M) in parts cut at\n"
    "                          paragraph or sentence ends, with a warning; 0: no limit\n"
    "\n"
    "A page's publication date comes from --date, else the manifest, else a date in the file name\n"
    "(2024-02-21, 20240221), else the page itself (HTML meta, JSONL 'date').  An article's event\n"
    "date comes from its lead (2月19日下午, 昨天, 近日).\n"
    "\n"
    "Every input is read twice; what the first reading found waits for the second in a temporary\n"
    "file in $TMPDIR (else /tmp), about 1.5 bytes a byte of input, removed when guanxi ends.\n";

static const char EXIT_HELP[] =
    "exit status:\n"
    "  0  success\n"
    "  1  error: nothing usable was read, or an output could not be written\n"
    "  2  usage error\n"
    "  4  partial: some inputs (or lines of them) were skipped; the rest was used\n";

static const char BUILD_HELP[] =
    "usage: guanxi build [OPTIONS] INPUT... -o OUT [-o OUT...]\n"
    "\n"
    "Reads the inputs, finds officials, companies and places, and writes the network of entities\n"
    "that appear in the same article.  OUT's extension picks the format:\n"
    "  .graphml   GraphML for Gephi, networkx, igraph, graphology\n"
    "  .gexf      GEXF 1.3 with date spells, for Gephi's timeline\n"
    "  .csv       OUT.nodes.csv and OUT.edges.csv in Gephi's spreadsheet format\n"
    "Outputs are written to a temporary file and renamed, so a failed run never leaves half a file.\n"
    "\n"
    "network options:\n"
    "  -o, --output FILE       where to write (repeat for several formats)\n"
    "      --types LIST        node types to keep: official,company,place (default: all three)\n"
    "      --include LIST      also keep journalists, persons, referenced (comma-separated)\n"
    "      --window W          what 'together' means: article (default), paragraph or sentence;\n"
    "                          an edge's weight counts the windows in which both appear\n"
    "      --min-weight N      drop edges lighter than N (seen in fewer than N windows)\n"
    "      --since DATE        keep articles dated on or after DATE\n"
    "      --until DATE        keep articles dated on or before DATE\n"
    "      --top N             officials listed in the summary (default 5)\n"
    "  -v, --verbose           also report how long each stage of building the network took,\n"
    "                          and the peak memory where it rose\n"
    "\n";

static const char EXTRACT_HELP[] =
    "usage: guanxi extract [OPTIONS] INPUT... [-o FILE.jsonl]\n"
    "\n"
    "Writes one JSON object per article (to standard output, or FILE): id, source, kind, date,\n"
    "event_date, title, text (normalised), journalists, mentions (type, name, span in bytes of\n"
    "text, titles, flags) and events (visits with their evidence sentence).\n"
    "\n"
    "  -o, --output FILE       write to FILE (atomically) instead of standard output (-)\n"
    "\n";

static const char ANSWER_INPUTS[] =
    "  INPUT may also be the JSONL that 'guanxi extract' wrote: it is read as it is, without\n"
    "  finding the entities again, so a large corpus is read once.\n";

static const char FORMAT_HELP[] =
    "output:\n"
    "      --format F          table (aligned, the default on a terminal), tsv (the default when\n"
    "                          piped), csv, or json (an array of objects)\n"
    "      --since DATE        keep articles dated on or after DATE\n"
    "      --until DATE        keep articles dated on or before DATE\n";

static const char VISITS_HELP[] =
    "usage: guanxi visits [--official NAME] [--company NAME] [OPTIONS] INPUT...\n"
    "\n"
    "Lists the visits officials paid to companies (调研, 走访, 来到, 走进 … a firm), one row per\n"
    "visit, in date order, with the sentence that shows it so that each claim can be checked.\n"
    "\n"
    "columns:\n"
    "  date       the event date of the article (else its publication date)\n"
    "  official   the official's name;  titles  the titles the article gives them then\n"
    "  company    the firm's full name, however the sentence wrote it (钛迩赛 → 浙江钛迩赛…公司)\n"
    "  place      a place named in the same sentence (a development zone, a town), if any\n"
    "  article    the article id (FILE#N); evidence: the sentence\n"
    "\n"
    "selection:\n"
    "      --official NAME     only this official (full name)\n"
    "      --company NAME      only this company: its full name or any short form seen in the\n"
    "                          corpus (钛迩赛 finds 浙江钛迩赛新材料有限公司)\n"
    "\n";

static const char WHO_WITH_HELP[] =
    "usage: guanxi who-with NAME [--type T] [OPTIONS] INPUT...\n"
    "\n"
    "Ranks the officials and companies that appear in the same articles as NAME (an official, a\n"
    "company by its full name or a short form, or a place), most shared articles first.  Places\n"
    "(the home county is in nearly every article) are listed with --type place or --type all.\n"
    "\n"
    "columns:\n"
    "  name, type       the other entity\n"
    "  articles         articles in which both appear\n"
    "  first, last      the dates of the first and last of them\n"
    "\n"
    "selection:\n"
    "      --type T            official, company, place, or all (default: officials and companies)\n"
    "      --top N             at most N rows (default: all)\n"
    "\n";

static const char STATS_HELP[] =
    "usage: guanxi stats [OPTIONS] INPUT...\n"
    "\n"
    "Says what was read: files and articles (and captions, adverts, fragments), undated articles,\n"
    "inputs and lines skipped and why; entities per type; the officials, companies and places\n"
    "named in most articles; and the pairs that appear together most often.\n"
    "\n"
    "      --top N             rows in each top list (default 10)\n"
    "      --format F          table (default) or json\n"
    "      --since DATE, --until DATE   as for build\n"
    "\n";

void cli_usage(FILE *fp, const char *cmd)
{
    if (cmd && strcmp(cmd, "visits") == 0) {
        fprintf(fp, "%s%s\n%s%s\n%s", VISITS_HELP, FORMAT_HELP, INPUT_HELP, ANSWER_INPUTS, EXIT_HELP);
        fprintf(fp, "\nexample:\n  guanxi visits --official 仲旭东 -m examples/pinghu/MANIFEST.tsv examples/pinghu\n");
        return;
    }
    if (cmd && strcmp(cmd, "who-with") == 0) {
        fprintf(fp, "%s%s\n%s%s\n%s", WHO_WITH_HELP, FORMAT_HELP, INPUT_HELP, ANSWER_INPUTS, EXIT_HELP);
        fprintf(fp, "\nexample:\n  guanxi who-with 仲旭东 --type official -m examples/pinghu/MANIFEST.tsv examples/pinghu\n");
        return;
    }
    if (cmd && strcmp(cmd, "stats") == 0) {
        fprintf(fp, "%s%s%s\n%s", STATS_HELP, INPUT_HELP, ANSWER_INPUTS, EXIT_HELP);
        return;
    }
    if (cmd && strcmp(cmd, "build") == 0)
        fprintf(fp, "%s%s\n%s", BUILD_HELP, INPUT_HELP, EXIT_HELP);
    else if (cmd && strcmp(cmd, "extract") == 0)
        fprintf(fp, "%s%s\n%s", EXTRACT_HELP, INPUT_HELP, EXIT_HELP);
    else
        fprintf(fp, "%s\n%s", GENERAL, EXIT_HELP);
}

static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "guanxi %s: ", cmd);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'guanxi %s --help'.\n", cmd);
    return EXIT_USAGE;
}

static bool parse_date(const char *s, gx_date *out)
{
    size_t used;
    *out = gx_date_parse(s, strlen(s), &used);
    return *out && used == strlen(s);
}

/* Index of the n bytes at s in the NULL-ended `words`, or -1. */
static int word_index(const char *s, size_t n, const char *const *words)
{
    for (int i = 0; words[i]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
            return i;
    return -1;
}

/* "64K", "1M", "2G" or a plain number of bytes. */
static bool parse_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-')
        return false;
    unsigned shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20 : *end == 'G' || *end == 'g' ? 30 : 0;
    if (shift)
        end++;
    if (*end || v > (SIZE_MAX >> shift))
        return false;
    *out = (size_t)(v << shift);
    return true;
}

/* "official,company" -> bit mask; false on an unknown word. */
static bool parse_list(const char *s, unsigned *mask, const char *const *words)
{
    *mask = 0;
    while (*s) {
        const char *comma = strchr(s, ',');
        size_t n = comma ? (size_t)(comma - s) : strlen(s);
        int k = word_index(s, n, words);
        if (k < 0)
            return false;
        *mask |= 1u << k;
        s += n + (comma ? 1 : 0);
    }
    return true;
}

void cli_opts_destroy(cli_opts *o)
{
    gx_strvec_destroy(&o->lexicons);
    gx_strvec_destroy(&o->outputs);
    gx_strvec_destroy(&o->inputs);
}

enum { OPT_DATA = 256, OPT_TYPES, OPT_INCLUDE, OPT_MINW, OPT_SINCE, OPT_UNTIL, OPT_TOP, OPT_WINDOW,
           OPT_OFFICIAL, OPT_COMPANY, OPT_FORMAT, OPT_TYPE, OPT_MAX_FILE, OPT_MAX_ARTICLE, OPT_HOME };

/* Which options each subcommand takes (the input options go everywhere). */
static bool allowed(const char *cmd, int c)
{
    enum { B = 1, E = 2, V = 4, W = 8, S = 16 };
    int me = strcmp(cmd, "build") == 0      ? B
             : strcmp(cmd, "extract") == 0  ? E
             : strcmp(cmd, "visits") == 0   ? V
             : strcmp(cmd, "who-with") == 0 ? W
                                            : S;
    int ok;
    switch (c) {
    case 'o': ok = B | E; break;
    case 'v': ok = B; break;
    case OPT_TYPES: case OPT_INCLUDE: case OPT_MINW: case OPT_WINDOW: ok = B; break;
    case OPT_SINCE: case OPT_UNTIL: ok = B | V | W | S; break;
    case OPT_TOP: ok = B | W | S; break;
    case OPT_OFFICIAL: case OPT_COMPANY: ok = V; break;
    case OPT_FORMAT: ok = V | W | S; break;
    case OPT_TYPE: ok = W; break;
    default: ok = B | E | V | W | S; break;
    }
    return (ok & me) != 0;
}

int cli_parse(int argc, char **argv, const char *cmd, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->cmd = cmd;
    o->data_dir = getenv("GUANXI_DATA") ? getenv("GUANXI_DATA") : GX_DATA_DIR;
    o->top = strcmp(cmd, "stats") == 0 ? 10 : strcmp(cmd, "who-with") == 0 ? 0 : 5;
    o->type = CLI_TYPE_PEOPLE_AND_FIRMS;
    o->max_file_bytes = GX_MAX_FILE_BYTES;
    o->max_article_bytes = GX_MAX_ARTICLE_BYTES;
    gx_graph_options_init(&o->graph);
    gx_strvec_init(&o->lexicons);
    gx_strvec_init(&o->outputs);
    gx_strvec_init(&o->inputs);
    bool build = strcmp(cmd, "build") == 0;
    static const struct option longopts[] = {
        {"help", no_argument, NULL, 'h'},
        {"date", required_argument, NULL, 'd'},
        {"manifest", required_argument, NULL, 'm'},
        {"data-dir", required_argument, NULL, OPT_DATA},
        {"lexicon", required_argument, NULL, 'l'},
        {"output", required_argument, NULL, 'o'},
        {"quiet", no_argument, NULL, 'q'},
        {"verbose", no_argument, NULL, 'v'},
        {"types", required_argument, NULL, OPT_TYPES},
        {"include", required_argument, NULL, OPT_INCLUDE},
        {"min-weight", required_argument, NULL, OPT_MINW},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"top", required_argument, NULL, OPT_TOP},
        {"window", required_argument, NULL, OPT_WINDOW},
        {"official", required_argument, NULL, OPT_OFFICIAL},
        {"company", required_argument, NULL, OPT_COMPANY},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"type", required_argument, NULL, OPT_TYPE},
        {"jobs", required_argument, NULL, 'j'},
        {"home", required_argument, NULL, OPT_HOME},
        {"max-file-bytes", required_argument, NULL, OPT_MAX_FILE},
        {"max-article-bytes", required_argument, NULL, OPT_MAX_ARTICLE},
        {NULL, 0, NULL, 0},
    };
    static const char *const TYPES[] = {"official", "company", "place", NULL};
    static const char *const INCLUDE[] = {"journalists", "persons", "referenced", NULL};
    optind = 1;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":hd:m:l:o:qvj:", longopts, NULL)) != -1) {
        if (!allowed(cmd, c))
            return usage_error(cmd, "option '%s' does not apply here (see --help)", argv[optind - 1]);
        switch (c) {
        case 'h':
            cli_usage(stdout, cmd);
            return EXIT_OK;
        case 'd':
            if (!parse_date(optarg, &o->date))
                return usage_error(cmd, "bad --date '%s' (want YYYY-MM-DD)", optarg);
            break;
        case 'm': o->manifest_path = optarg; break;
        case OPT_DATA: o->data_dir = optarg; break;
        case 'l': gx_strvec_push(&o->lexicons, optarg); break;
        case 'o': gx_strvec_push(&o->outputs, optarg); break;
        case 'q': o->quiet = true; break;
        case 'v': o->verbose = true; break;
        case OPT_TYPES:
            if (!parse_list(optarg, &o->graph.types, TYPES) || !o->graph.types)
                return usage_error(cmd, "bad --types '%s' (official, company, place)", optarg);
            break;
        case OPT_INCLUDE: {
            unsigned m;
            if (!parse_list(optarg, &m, INCLUDE))
                return usage_error(cmd, "bad --include '%s' (journalists, persons, referenced)", optarg);
            o->graph.journalists = m & 1u;
            o->graph.persons = m & 2u;
            o->graph.referenced = m & 4u;
            break;
        }
        case OPT_MINW: {
            char *end;
            o->graph.min_weight = strtod(optarg, &end);
            if (*end || o->graph.min_weight < 0)
                return usage_error(cmd, "bad --min-weight '%s'", optarg);
            break;
        }
        case OPT_SINCE:
            if (!parse_date(optarg, &o->graph.since))
                return usage_error(cmd, "bad --since '%s' (want YYYY-MM-DD)", optarg);
            break;
        case OPT_UNTIL:
            if (!parse_date(optarg, &o->graph.until))
                return usage_error(cmd, "bad --until '%s' (want YYYY-MM-DD)", optarg);
            break;
        case OPT_TOP: {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 0 || v > 100000)
                return usage_error(cmd, "bad --top '%s'", optarg);
            o->top = (int)v;
            break;
        }
        case OPT_WINDOW: {
            static const char *const W[] = {"article", "paragraph", "sentence", NULL};
            int k = word_index(optarg, strlen(optarg), W);
            if (k < 0)
                return usage_error(cmd, "bad --window '%s' (article, paragraph or sentence)", optarg);
            o->graph.window = (gx_window)k;
            break;
        }
        case OPT_OFFICIAL: o->official = optarg; break;
        case OPT_COMPANY: o->company = optarg; break;
        case OPT_FORMAT: {
            static const char *const F[] = {"table", "tsv", "csv", "json", NULL};
            int k = word_index(optarg, strlen(optarg), F);
            if (k < 0)
                return usage_error(cmd, "bad --format '%s' (table, tsv, csv or json)", optarg);
            o->format = (cli_format)(k + 1);
            break;
        }
        case OPT_TYPE: {
            int t = strcmp(optarg, "all") == 0 ? CLI_TYPE_ALL : gx_etype_parse(optarg, strlen(optarg));
            if (t < CLI_TYPE_ALL || t > GX_ENT_PLACE)
                return usage_error(cmd, "bad --type '%s' (official, company, place or all)", optarg);
            o->type = t;
            break;
        }
        case 'j': {
            char *end;
            long v = strtol(optarg, &end, 10);
            if (*end || v < 1 || v > 256)
                return usage_error(cmd, "bad --jobs '%s' (1 to 256)", optarg);
            o->jobs = (int)v;
            break;
        }
        case OPT_HOME: {
            size_t n = strspn(optarg, "0123456789");
            if (optarg[n] || (n != 2 && n != 4 && n != 6 && n != 9))
                return usage_error(cmd, "bad --home '%s' (a division code of 2, 4, 6 or 9 digits, e.g. 330482)",
                                   optarg);
            o->home = optarg;
            break;
        }
        case OPT_MAX_FILE:
            if (!parse_size(optarg, &o->max_file_bytes))
                return usage_error(cmd, "bad --max-file-bytes '%s' (a size such as 500M)", optarg);
            break;
        case OPT_MAX_ARTICLE:
            if (!parse_size(optarg, &o->max_article_bytes) || (o->max_article_bytes && o->max_article_bytes < 1024))
                return usage_error(cmd, "bad --max-article-bytes '%s' (a size of 1K or more, or 0)", optarg);
            break;
        case ':': return usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
        default: return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
        }
    }
    if (strcmp(cmd, "who-with") == 0) {
        if (optind >= argc)
            return usage_error(cmd, "%s", "no NAME given (guanxi who-with NAME INPUT...)");
        o->name = argv[optind++];
    }
    for (int i = optind; i < argc; i++)
        gx_strvec_push(&o->inputs, argv[i]);
    if (!o->inputs.n)
        return usage_error(cmd, "%s", "no INPUT given");
    if (build && !o->outputs.n)
        return usage_error(cmd, "%s", "no output given (-o FILE.graphml, .gexf or .csv)");
    for (size_t i = 0; i < o->outputs.n; i++) {
        gx_out_format f = gx_export_format(o->outputs.v[i]);
        if (build ? (f == GX_OUT_UNKNOWN || f == GX_OUT_JSONL) : (o->outputs.n > 1))
            return usage_error(cmd, build ? "cannot tell the format of '%s' (use .graphml, .gexf or .csv)"
                                          : "only one output for extract ('%s')",
                               o->outputs.v[i]);
    }
    return -1;
}
