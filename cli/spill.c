/* spill.c — a temporary file of records: pass 1 writes there what it read and found in each input,
 * and pass 2 reads each back instead of reading and recognising the input again.
 *
 * The file is made in $TMPDIR (else /tmp) and unlinked at once, so it goes when guanxi does,
 * however it ends.  Any thread appends a record (pass 1's worker that packed it: each takes the
 * next stretch of the file and writes there) and any reads one back (pread, at the offset put
 * gave).  A write that fails (the disk full) ends the writing, and the inputs from there on are
 * handled as they would be without the file. */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

struct cli_spill {
    int fd;
    atomic_uint_fast64_t end; /* bytes taken by records */
    atomic_bool failed;       /* a write failed: put writes no more */
    char dir[512];
};

static const char *temp_dir(void)
{
    const char *d = getenv("TMPDIR");
    return d && *d ? d : "/tmp";
}

cli_spill *cli_spill_open(void)
{
    cli_spill *s = gx_xcalloc(1, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "%s", temp_dir());
    char path[600];
    snprintf(path, sizeof path, "%s/guanxi-pass1-XXXXXX", s->dir);
    s->fd = mkstemp(path);
    if (s->fd < 0) {
        fprintf(stderr, "guanxi: note: no temporary file in %s (%s): the second pass keeps what the first "
                "read in memory up to a limit and reads the rest again (set TMPDIR to another folder)\n",
                s->dir, strerror(errno));
        free(s);
        return NULL;
    }
    unlink(path);
    atomic_init(&s->end, 0);
    atomic_init(&s->failed, false);
    return s;
}

bool cli_spill_ok(cli_spill *s)
{
    return !atomic_load_explicit(&s->failed, memory_order_relaxed);
}

bool cli_spill_put(cli_spill *s, const gx_buf *rec, uint64_t *off)
{
    if (!cli_spill_ok(s))
        return false;
    uint64_t at = atomic_fetch_add_explicit(&s->end, rec->len, memory_order_relaxed);
    for (size_t done = 0; done < rec->len;) {
        ssize_t w = pwrite(s->fd, rec->data + done, rec->len - done, (off_t)(at + done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            if (!atomic_exchange(&s->failed, true))
                fprintf(stderr, "guanxi: note: the temporary file in %s could not grow past %llu bytes (%s): the "
                        "second pass keeps what the first reads from here on in memory up to a limit and "
                        "reads the rest again\n",
                        s->dir, (unsigned long long)(at + done), w < 0 ? strerror(e) : "nothing written");
            return false;
        }
        done += (size_t)w;
    }
    *off = at;
    return true;
}

bool cli_spill_get(cli_spill *s, uint64_t off, size_t len, gx_buf *out)
{
    gx_buf_clear(out);
    gx_buf_reserve(out, len);
    for (size_t done = 0; done < len;) {
        ssize_t r = pread(s->fd, out->data + done, len - done, (off_t)(off + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            fprintf(stderr, "guanxi: warning: the temporary file in %s could not be read at byte %llu (%s): "
                    "the input is read again\n", s->dir, (unsigned long long)(off + done),
                    r < 0 ? strerror(errno) : "it ends there");
            return false;
        }
        done += (size_t)r;
    }
    out->len = len;
    out->data[len] = '\0';
    return true;
}

void cli_spill_close(cli_spill *s)
{
    if (!s)
        return;
    close(s->fd);
    free(s);
}
