/* test_pool.c — the ordered work pool: every item worked once, by a thread numbered below jobs,
 * and consumed in input order on the calling thread, whatever the number of threads and however
 * long each item takes; and the prefetcher that runs ahead of pass 1's workers. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "harness.h"

static void nap_us(long us)
{
    struct timespec ts = {us / 1000000, us % 1000000 * 1000};
    nanosleep(&ts, NULL);
}

typedef struct item_slot {
    size_t i;
    int worker;
    bool filled;
} item_slot;

typedef struct run_state {
    size_t n;
    int jobs;
    atomic_int *worked;    /* per item: how many times work saw it */
    atomic_int by_worker[8];
    size_t next_consumed;  /* touched by consume only */
    pthread_t caller;
    atomic_int bad_slot;   /* work and consume both count here */
    int out_of_order, wrong_thread;
} run_state;

static size_t work(void *ctx, int worker, size_t i, void *slot)
{
    run_state *s = ctx;
    item_slot *it = slot;
    if (it->filled)
        atomic_fetch_add(&s->bad_slot, 1); /* a slot must come zeroed */
    it->i = i;
    it->worker = worker;
    it->filled = true;
    atomic_fetch_add(&s->worked[i], 1);
    if (worker >= 0 && worker < 8)
        atomic_fetch_add(&s->by_worker[worker], 1);
    if (i % 13 == 0) /* some items are slow, so later ones finish first */
        nap_us(200);
    return 0;
}

static void consume(void *ctx, size_t i, void *slot)
{
    run_state *s = ctx;
    item_slot *it = slot;
    if (!pthread_equal(pthread_self(), s->caller))
        s->wrong_thread++;
    if (i != s->next_consumed)
        s->out_of_order++;
    s->next_consumed = i + 1;
    if (!it->filled || it->i != i || it->worker < 0 || it->worker >= s->jobs)
        atomic_fetch_add(&s->bad_slot, 1);
}

static void run_one(size_t n, int jobs)
{
    run_state s = {.n = n, .jobs = jobs < 1 ? 1 : jobs, .caller = pthread_self()};
    s.worked = calloc(n + 1, sizeof *s.worked);
    cli_pool_run(n, jobs, sizeof(item_slot), work, consume, &s);
    CHECK_EQ_INT(s.next_consumed, n);
    CHECK_EQ_INT(s.out_of_order, 0);
    CHECK_EQ_INT(atomic_load(&s.bad_slot), 0);
    CHECK_EQ_INT(s.wrong_thread, 0);
    size_t once = 0;
    for (size_t i = 0; i < n; i++)
        once += atomic_load(&s.worked[i]) == 1;
    CHECK_EQ_INT(once, n);
    int total = 0;
    for (int k = 0; k < 8; k++)
        total += atomic_load(&s.by_worker[k]);
    CHECK_EQ_INT(total, (long long)n);
    free(s.worked);
}

static void test_every_item_once_in_order(void)
{
    static const size_t ns[] = {0, 1, 2, 7, 64, 1000};
    static const int jobs[] = {0, 1, 2, 3, 5};
    for (size_t a = 0; a < sizeof ns / sizeof *ns; a++)
        for (size_t b = 0; b < sizeof jobs / sizeof *jobs; b++)
            run_one(ns[a], jobs[b]);
}

/* Items that each hold half the pool's bound until consumed: however slow the consumer, no more
 * finished items wait for it than the bound lets begin (two) and the threads had in hand then. */
typedef struct hold_state {
    atomic_int finished; /* worked, not yet consumed */
    int most;            /* the most seen waiting, by consume */
    size_t consumed;
} hold_state;

static size_t work_holding(void *ctx, int worker, size_t i, void *slot)
{
    (void)worker;
    (void)slot;
    hold_state *s = ctx;
    if (i % 7 == 0) /* some slow items, so that others finish and wait behind them */
        nap_us(300);
    atomic_fetch_add(&s->finished, 1);
    return CLI_POOL_HOLD_BYTES / 2;
}

static void consume_slowly(void *ctx, size_t i, void *slot)
{
    (void)slot;
    hold_state *s = ctx;
    nap_us(100); /* the others, if unbounded, would run far ahead meanwhile */
    int f = atomic_fetch_sub(&s->finished, 1);
    if (f > s->most)
        s->most = f;
    s->consumed = i + 1;
}

static void test_held_bytes_bound_the_work_ahead(void)
{
    static const int jobs[] = {1, 2, 4};
    for (size_t b = 0; b < sizeof jobs / sizeof *jobs; b++) {
        hold_state s = {0};
        cli_pool_run(200, jobs[b], 8, work_holding, consume_slowly, &s);
        CHECK_EQ_INT(s.consumed, 200);
        CHECK(s.most >= 1);
        CHECK(s.most <= 2 + jobs[b]);
    }
}

/* The prefetcher walks any list to its end and stops when told, whatever the workers do: files,
 * a missing path, standard input and a named pipe (which it must not wait on), with the workers
 * at the start, partway or already past the last input (where it once read past the list's end). */
static void test_prefetch_runs_ahead_and_stops(void)
{
    CHECK(cli_prefetch_start(&(gx_strvec){0}) == NULL);
    cli_prefetch_begun(NULL, 3); /* no prefetcher: nothing to tell */
    FILE *fp = fopen("t_prefetch_a.txt", "w");
    if (fp) {
        fputs("本报讯 平湖市领导走访企业。\n", fp);
        fclose(fp);
    }
    remove("t_prefetch_pipe");
    CHECK(mkfifo("t_prefetch_pipe", 0600) == 0);
    gx_strvec paths;
    gx_strvec_init(&paths);
    const char *names[] = {"t_prefetch_a.txt", "t_prefetch_missing.txt", "-", "t_prefetch_pipe", "t_prefetch_a.txt"};
    for (int copy = 0; copy < 60; copy++) /* more than the prefetcher looks at before it sleeps */
        for (size_t i = 0; i < sizeof names / sizeof *names; i++)
            gx_strvec_push(&paths, names[i]);
    for (int where = 0; where < 3; where++) {
        cli_prefetch *p = cli_prefetch_start(&paths);
        CHECK(p != NULL);
        if (where == 1)
            for (size_t i = 0; i < paths.n; i += 7)
                cli_prefetch_begun(p, i);
        if (where == 2)
            cli_prefetch_begun(p, paths.n - 1);
        nap_us(30000);
        cli_prefetch_stop(p);
    }
    gx_strvec_destroy(&paths);
    remove("t_prefetch_a.txt");
    remove("t_prefetch_pipe");
}

int main(void)
{
    RUN(test_every_item_once_in_order);
    RUN(test_held_bytes_bound_the_work_ahead);
    RUN(test_prefetch_runs_ahead_and_stops);
    return gx_t_summary();
}
