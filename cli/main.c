/* main.c — guanxi: pick the subcommand, parse its options, run it. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        cli_usage(stderr, NULL);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        cli_usage(stdout, argc > 2 ? argv[2] : NULL);
        return EXIT_OK;
    }
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("guanxi %s\n", GX_VERSION);
        return EXIT_OK;
    }
    int (*run)(cli_opts *) = strcmp(cmd, "build") == 0      ? cli_build
                             : strcmp(cmd, "extract") == 0  ? cli_extract
                             : strcmp(cmd, "visits") == 0   ? cli_visits
                             : strcmp(cmd, "who-with") == 0 ? cli_who_with
                             : strcmp(cmd, "stats") == 0    ? cli_stats
                                                            : NULL;
    if (!run) {
        fprintf(stderr, "guanxi: unknown command '%s'\nTry 'guanxi --help'.\n", cmd);
        return EXIT_USAGE;
    }
    cli_opts o;
    int rc = cli_parse(argc - 1, argv + 1, cmd, &o);
    if (rc < 0)
        rc = run(&o);
    cli_opts_destroy(&o);
    return rc;
}
