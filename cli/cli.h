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
    int top;
} cli_opts;

/* Parses argv for subcommand `cmd`.  Returns -1 to go on, or an exit code
 * (0 after --help, EXIT_USAGE after a usage error, already reported). */
int cli_parse(int argc, char **argv, const char *cmd, cli_opts *o);
void cli_opts_destroy(cli_opts *o);
void cli_usage(FILE *fp, const char *cmd);

int cli_build(cli_opts *o);
int cli_extract(cli_opts *o);

#endif
