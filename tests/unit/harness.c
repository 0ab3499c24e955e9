/* harness.c — failure reporting and the closing "N passed, M failed" line. */
#include "harness.h"

#include <stdarg.h>
#include <stdio.h>

int gx_t_failed, gx_t_checks;
static int tests_passed, tests_failed;
static const char *current = "";

void gx_t_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "FAIL %s (%s:%d): ", current, file, line);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    gx_t_failed++;
}

void gx_t_run(const char *name, void (*fn)(void))
{
    int before = gx_t_failed;
    current = name;
    fn();
    if (gx_t_failed == before) {
        tests_passed++;
        printf("ok   %s\n", name);
    } else {
        tests_failed++;
        printf("FAIL %s\n", name);
    }
}

int gx_t_summary(void)
{
    printf("%d passed, %d failed\n", tests_passed, tests_failed);
    return tests_failed ? 1 : 0;
}
