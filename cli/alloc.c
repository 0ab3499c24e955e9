/* alloc.c — telling the allocator that the work from here on frees large blocks, not small ones. */
#include "cli.h"

#ifdef GX_JEMALLOC
#include <jemalloc/jemalloc.h>
#include <stdio.h>
#include <sys/types.h>

/* jemalloc keeps the pages of freed memory for about ten seconds before it gives them back, so
 * that a program freeing and allocating small blocks at a high rate does not ask the kernel each
 * time.  Reading the corpus does that, and keeps the default.  Building the network then frees
 * arrays of hundreds of megabytes (the shards' logs, the pairs once sorted) and allocates others
 * right after, and pages kept from the freed ones add to the peak: at 1 GB, giving them back at
 * once took the edges' stage, the build's peak, from 3.68 to 3.58 GiB (docs/PERFORMANCE-HISTORY.md).
 * Every arena gets a decay of 0 (the ones made later too), and what is kept already goes back
 * now. */
void cli_return_freed_memory_at_once(void)
{
    unsigned narenas;
    size_t sz = sizeof narenas;
    if (mallctl("arenas.narenas", &narenas, &sz, NULL, 0) != 0)
        return;
    ssize_t zero = 0;
    mallctl("arenas.dirty_decay_ms", NULL, NULL, &zero, sizeof zero);
    mallctl("arenas.muzzy_decay_ms", NULL, NULL, &zero, sizeof zero);
    char name[64];
    for (unsigned i = 0; i < narenas; i++) { /* an arena not in use refuses: nothing to do there */
        snprintf(name, sizeof name, "arena.%u.dirty_decay_ms", i);
        mallctl(name, NULL, NULL, &zero, sizeof zero);
        snprintf(name, sizeof name, "arena.%u.muzzy_decay_ms", i);
        mallctl(name, NULL, NULL, &zero, sizeof zero);
    }
    snprintf(name, sizeof name, "arena.%u.purge", (unsigned)MALLCTL_ARENAS_ALL);
    mallctl(name, NULL, NULL, NULL, 0);
}
#else
/* glibc's malloc gives large blocks (mmap'd) back when they are freed. */
void cli_return_freed_memory_at_once(void)
{
}
#endif
