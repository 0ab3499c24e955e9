/* gx_file.c — reading whole files and writing outputs atomically (temp + rename). */
#define _GNU_SOURCE /* sync_file_range */
#include "gx_common.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads fp (stdin) to its end. */
static gx_status read_stream(const char *path, FILE *fp, char **data, size_t *len, gx_error *err)
{
    gx_buf b;
    gx_buf_init(&b);
    for (;;) {
        gx_buf_reserve(&b, 1 << 16);
        size_t n = fread(b.data + b.len, 1, b.cap - b.len - 1, fp);
        b.len += n;
        b.data[b.len] = '\0';
        if (n == 0) {
            if (ferror(fp)) {
                gx_status st = gx_error_set(err, GX_ERR_IO, path, -1, (long)b.len, "read failed: %s",
                                            strerror(errno));
                gx_buf_destroy(&b);
                return st;
            }
            break;
        }
    }
    *len = b.len;
    *data = gx_buf_take(&b);
    return GX_OK;
}

gx_status gx_read_file_max(const char *path, size_t max, char **data, size_t *len, gx_error *err)
{
    if (strcmp(path, "-") == 0)
        return read_stream(path, stdin, data, len, err);
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return gx_error_set(err, GX_ERR_IO, path, -1, -1, "cannot open: %s", strerror(errno));
    struct stat st;
    bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
    size_t size = regular ? (size_t)st.st_size : 0;
    if (max && size > max) {
        close(fd);
        return gx_error_set(err, GX_ERR_LIMIT, path, -1, -1,
                            "%zu bytes is more than the limit of %zu; skipped", size, max);
    }
    gx_buf b;
    gx_buf_init(&b);
    /* Room for a byte more than the size, so that one read of a regular file says where it ends:
     * fewer bytes than asked for, and all of them there (a file of 10 KB was two reads, the second
     * finding nothing).  A file that grew, or one with no size (a pipe), is read until a read
     * finds nothing. */
    gx_buf_reserve(&b, size + 2);
    for (;;) {
        if (b.cap - b.len - 1 == 0)
            gx_buf_reserve(&b, b.cap);
        size_t want = b.cap - b.len - 1;
        ssize_t n = read(fd, b.data + b.len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            gx_status rs = gx_error_set(err, GX_ERR_IO, path, -1, (long)b.len, "read failed: %s",
                                        strerror(errno));
            close(fd);
            gx_buf_destroy(&b);
            return rs;
        }
        b.len += (size_t)n;
        b.data[b.len] = '\0';
        if (n == 0 || (regular && (size_t)n < want && b.len == size))
            break;
    }
    close(fd);
    *len = b.len;
    *data = gx_buf_take(&b);
    return GX_OK;
}

gx_status gx_read_file(const char *path, char **data, size_t *len, gx_error *err)
{
    return gx_read_file_max(path, 0, data, len, err);
}

/* Temporaries being written, removed if the run is interrupted (Ctrl-C, kill), so that an
 * interrupted run leaves the earlier outputs as they were and no litter beside them. */
enum { MAX_PENDING = 32 };
static char *volatile pending[MAX_PENDING];

static void on_signal(int sig)
{
    for (int i = 0; i < MAX_PENDING; i++)
        if (pending[i])
            unlink(pending[i]); /* async-signal-safe */
    signal(sig, SIG_DFL);
    raise(sig);
}

static void track(char *tmp, bool on)
{
    static bool installed;
    if (!installed) {
        static const int SIGS[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
        for (size_t i = 0; i < sizeof SIGS / sizeof *SIGS; i++) {
            struct sigaction sa = {0};
            sa.sa_handler = on_signal;
            sigemptyset(&sa.sa_mask);
            struct sigaction old;
            if (sigaction(SIGS[i], NULL, &old) == 0 && old.sa_handler == SIG_DFL)
                sigaction(SIGS[i], &sa, NULL);
        }
        installed = true;
    }
    for (int i = 0; i < MAX_PENDING; i++)
        if (on ? pending[i] == NULL : pending[i] == tmp) {
            pending[i] = on ? tmp : NULL;
            return;
        }
}

gx_status gx_atomic_open(gx_atomic *a, const char *path, gx_error *err)
{
    struct stat there;
    bool exists = stat(path, &there) == 0;
    a->written = a->kicked = 0;
    a->replaces = false;
    if (exists && !S_ISREG(there.st_mode)) {
        if (S_ISDIR(there.st_mode))
            return gx_error_set(err, GX_ERR_IO, path, -1, -1, "cannot write: it is a folder");
        a->fp = fopen(path, "wb"); /* a device or a pipe: nothing to keep, nothing to rename */
        if (!a->fp)
            return gx_error_set(err, GX_ERR_IO, path, -1, -1, "cannot write: %s", strerror(errno));
        a->path = gx_xstrdup(path);
        a->tmp = NULL;
        return GX_OK;
    }
    a->path = gx_xstrdup(path);
    a->replaces = exists; /* a regular file, as the test above found */
    gx_buf t;
    gx_buf_init(&t);
    gx_buf_addf(&t, "%s.tmp.%ld", path, (long)getpid());
    a->tmp = gx_buf_take(&t);
    a->fp = fopen(a->tmp, "wb");
    if (!a->fp) {
        gx_status st = gx_error_set(err, GX_ERR_IO, path, -1, -1, "cannot write: %s", strerror(errno));
        free(a->path);
        free(a->tmp);
        a->path = a->tmp = NULL;
        return st;
    }
    track(a->tmp, true);
    return GX_OK;
}

void gx_atomic_wrote(gx_atomic *a, size_t n)
{
    a->written += n;
    if (!a->replaces || a->written - a->kicked < GX_ATOMIC_KICK_BYTES)
        return;
#ifdef SYNC_FILE_RANGE_WRITE
    /* from the last start to the end of what the kernel has: pages already on their way are left */
    sync_file_range(fileno((FILE *)a->fp), (off_t)a->kicked, 0, SYNC_FILE_RANGE_WRITE);
#endif
    a->kicked = a->written;
}

gx_status gx_atomic_commit(gx_atomic *a, gx_error *err)
{
    FILE *fp = a->fp;
    gx_status st = GX_OK;
    bool bad = ferror(fp) != 0;
    if (fflush(fp) != 0 || bad)
        st = gx_error_set(err, GX_ERR_IO, a->path, -1, -1, "write failed: %s", strerror(errno));
    if (fclose(fp) != 0 && st == GX_OK)
        st = gx_error_set(err, GX_ERR_IO, a->path, -1, -1, "close failed: %s", strerror(errno));
    a->fp = NULL;
    if (!a->tmp) { /* written directly */
        free(a->path);
        a->path = NULL;
        return st;
    }
    if (st == GX_OK) {
        /* New files get the usual permissions (mkstemp-style 0600 is not wanted). */
        mode_t mask = umask(0);
        umask(mask);
        chmod(a->tmp, 0666 & ~mask);
        if (rename(a->tmp, a->path) != 0)
            st = gx_error_set(err, GX_ERR_IO, a->path, -1, -1, "cannot rename %s: %s", a->tmp,
                              strerror(errno));
    }
    if (st != GX_OK)
        remove(a->tmp);
    track(a->tmp, false);
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
    return st;
}

void gx_atomic_abort(gx_atomic *a)
{
    if (a->fp) {
        fclose(a->fp);
        if (a->tmp)
            remove(a->tmp);
    }
    if (a->tmp)
        track(a->tmp, false);
    a->fp = NULL;
    free(a->path);
    free(a->tmp);
    a->path = a->tmp = NULL;
}
