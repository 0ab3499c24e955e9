/* main.c — guanxi: pick the subcommand, parse its options, run it. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#ifdef GX_JEMALLOC
/* jemalloc is left to its default, without the transparent huge pages that its malloc_conf
 * symbol asked for until stop 41 ("thp:always").  A huge page is 2 MB zeroed at its first touch,
 * and on a virtual machine such as the benchmark's, memory new to the guest is dear to zero:
 * loading the 1 GB corpus's manifest took 0.27–0.56 s with them (79 % of its samples zeroing 35
 * huge pages) and takes 0.14 s without.  Alternating runs (docs/PERFORMANCE-HISTORY.md, stop 41), the
 * output the same bytes: 1 GB build -j 2 median 18.48 → 14.80 s, system time 6.5 → 2.4 s, peak
 * 252 → 229 MB; 100 MB build -j 2 2.45 → 2.10 s; 100 MB extract -j 1 2.00 → 1.97 s, its slowest
 * of ten 2.30 → 2.00 s; user time within 2 % each time. */
static void ask_for_huge_pages(char **argv)
{
    (void)argv;
}
#else

/* glibc's malloc asks the kernel for transparent huge pages only when its tunable says so, and
 * Debian's kernel gives them only on request.  A network of millions of co-occurrences then takes
 * a tenth of the page faults (100 MB corpus's build: 456,000 → 50,000; 40.7 → 32.4 s), so the
 * program starts itself again with the tunable set, unless it is set already (to 0 to refuse) or
 * the program runs under valgrind, which would lose sight of it. */
static void ask_for_huge_pages(char **argv)
{
    const char *t = getenv("GLIBC_TUNABLES"), *pre = getenv("LD_PRELOAD");
    if ((t && strstr(t, "glibc.malloc.hugetlb")) || (pre && strstr(pre, "vgpreload"))) /* valgrind's */
        return;
    char v[4096];
    int n = snprintf(v, sizeof v, "%s%sglibc.malloc.hugetlb=1", t ? t : "", t && *t ? ":" : "");
    if (n < 0 || (size_t)n >= sizeof v || setenv("GLIBC_TUNABLES", v, 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    /* no /proc: go on with small pages, and leave the environment as it was for any child */
    if (t)
        setenv("GLIBC_TUNABLES", t, 1);
    else
        unsetenv("GLIBC_TUNABLES");
}
#endif

int main(int argc, char **argv)
{
    ask_for_huge_pages(argv);
    /* past a file-size limit (ulimit -f) a write fails (EFBIG) and is reported like any failed
     * write, instead of the signal ending guanxi with nothing said */
    signal(SIGXFSZ, SIG_IGN);
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
