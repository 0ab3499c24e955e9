/* fail_spill_read.c — for tests/cli/run.sh, loaded with LD_PRELOAD: every other read of guanxi's
 * temporary files (the unlinked guanxi-pass1-* of cli/spill.c) fails with EIO, as a failing disk
 * would, so that the second pass must read those inputs again — with the manifest it let go after
 * the first pass loaded again.  Other files read as ever. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*pread_fn)(int, void *, size_t, off_t);

static atomic_uint spill_reads;

static bool is_spill_file(int fd)
{
    char link[64], target[4096];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n < 0)
        return false;
    target[n] = '\0';
    return strstr(target, "/guanxi-pass1-") != NULL;
}

/* Does this read fail?  The first of a temporary file's reads, the third, the fifth … */
static bool fails(int fd)
{
    return is_spill_file(fd) && atomic_fetch_add(&spill_reads, 1) % 2 == 0;
}

static ssize_t pass_on(const char *name, int fd, void *buf, size_t count, off_t off)
{
    pread_fn real = (pread_fn)dlsym(RTLD_NEXT, name);
    if (!real) {
        errno = ENOSYS;
        return -1;
    }
    return real(fd, buf, count, off);
}

ssize_t pread(int fd, void *buf, size_t count, off_t off)
{
    if (fails(fd)) {
        errno = EIO;
        return -1;
    }
    return pass_on("pread", fd, buf, count, off);
}

ssize_t pread64(int fd, void *buf, size_t count, off_t off)
{
    if (fails(fd)) {
        errno = EIO;
        return -1;
    }
    return pass_on("pread64", fd, buf, count, off);
}
