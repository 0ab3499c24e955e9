/* spill.c — temporary files of records: pass 1 writes there what it read and found in each input,
 * and pass 2 reads each back instead of reading and recognising the input again.
 *
 * The files are made in $TMPDIR (else /tmp) and unlinked at once, so they go when guanxi does,
 * however it ends.  Each worker appends its records to a file of its own (two threads writing one
 * file take turns at its lock: 640 MB in 16 KB records took 0.49–0.76 s so, 0.23 s to a file each,
 * measured), and any thread reads one back (pread, from the file and offset put gave).  A write
 * that fails (the disk full) ends the writing, and the inputs from there on are handled as they
 * would be without the files. */
#include <errno.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct spill_file {
    int fd;
    uint64_t end; /* bytes taken by records: its worker's alone */
} spill_file;

struct cli_spill {
    spill_file *f; /* per worker */
    int n;
    atomic_bool failed; /* a write failed: put writes no more */
    char dir[512];
};

static const char *temp_dir(void)
{
    const char *d = getenv("TMPDIR");
    return d && *d ? d : "/tmp";
}

cli_spill *cli_spill_open(int workers)
{
    cli_spill *s = gx_xcalloc(1, sizeof *s);
    snprintf(s->dir, sizeof s->dir, "%s", temp_dir());
    int files = workers > 0 ? workers : 1;
    s->f = gx_xcalloc((size_t)files, sizeof *s->f);
    for (s->n = 0; s->n < files; s->n++) {
        char path[600];
        snprintf(path, sizeof path, "%s/guanxi-pass1-XXXXXX", s->dir);
        int fd = mkstemp(path);
        if (fd < 0) {
            fprintf(stderr, "guanxi: note: no temporary file in %s (%s): the second pass keeps what the first "
                    "read in memory up to a limit and reads the rest again (set TMPDIR to another folder)\n",
                    s->dir, strerror(errno));
            cli_spill_close(s);
            return NULL;
        }
        unlink(path);
        s->f[s->n] = (spill_file){fd, 0};
    }
    atomic_init(&s->failed, false);
    return s;
}

bool cli_spill_ok(cli_spill *s)
{
    return !atomic_load_explicit(&s->failed, memory_order_relaxed);
}

bool cli_spill_put(cli_spill *s, int worker, const gx_buf *rec, cli_spill_at *at)
{
    if (!cli_spill_ok(s))
        return false;
    spill_file *f = &s->f[worker];
    for (size_t done = 0; done < rec->len;) {
        ssize_t w = pwrite(f->fd, rec->data + done, rec->len - done, (off_t)(f->end + done));
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            if (!atomic_exchange(&s->failed, true))
                fprintf(stderr, "guanxi: note: a temporary file in %s could not grow past %llu bytes (%s): the "
                        "second pass keeps what the first reads from here on in memory up to a limit and "
                        "reads the rest again\n",
                        s->dir, (unsigned long long)(f->end + done), w < 0 ? strerror(e) : "nothing written");
            return false;
        }
        done += (size_t)w;
    }
    *at = (cli_spill_at){f->end, rec->len, worker};
    f->end += rec->len;
    return true;
}

bool cli_spill_get(cli_spill *s, const cli_spill_at *at, gx_buf *out)
{
    gx_buf_clear(out);
    gx_buf_reserve(out, at->len);
    for (size_t done = 0; done < at->len;) {
        ssize_t r = pread(s->f[at->file].fd, out->data + done, at->len - done, (off_t)(at->off + done));
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0) {
            fprintf(stderr, "guanxi: warning: a temporary file in %s could not be read at byte %llu (%s): "
                    "the input is read again\n", s->dir, (unsigned long long)(at->off + done),
                    r < 0 ? strerror(errno) : "it ends there");
            return false;
        }
        done += (size_t)r;
    }
    out->len = at->len;
    out->data[at->len] = '\0';
    return true;
}

void cli_spill_close(cli_spill *s)
{
    if (!s)
        return;
    for (int k = 0; k < s->n; k++)
        close(s->f[k].fd);
    free(s->f);
    free(s);
}
