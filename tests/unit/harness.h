/* harness.h — a minimal unit-test harness: CHECK macros, named tests, a summary line. */
#ifndef GX_HARNESS_H
#define GX_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

extern int gx_t_failed, gx_t_checks;
void gx_t_fail(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Runs fn as a named test; returns its failure count. */
void gx_t_run(const char *name, void (*fn)(void));
/* Prints "N passed, M failed" and returns the exit status. */
int gx_t_summary(void);

#define CHECK(cond)                                                                                   \
    do {                                                                                              \
        gx_t_checks++;                                                                                \
        if (!(cond))                                                                                  \
            gx_t_fail(__FILE__, __LINE__, "%s", #cond);                                               \
    } while (0)
#define CHECK_EQ_INT(a, b)                                                                            \
    do {                                                                                              \
        long long a_ = (long long)(a), b_ = (long long)(b);                                           \
        gx_t_checks++;                                                                                \
        if (a_ != b_)                                                                                 \
            gx_t_fail(__FILE__, __LINE__, "%s == %s: %lld != %lld", #a, #b, a_, b_);                  \
    } while (0)
#define CHECK_EQ_STR(a, b)                                                                            \
    do {                                                                                              \
        const char *a_ = (a), *b_ = (b);                                                              \
        gx_t_checks++;                                                                                \
        if (!a_ || !b_ || strcmp(a_, b_) != 0)                                                        \
            gx_t_fail(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", #a, #b, a_ ? a_ : "(null)",   \
                      b_ ? b_ : "(null)");                                                            \
    } while (0)
#define RUN(fn) gx_t_run(#fn, fn)

#endif
