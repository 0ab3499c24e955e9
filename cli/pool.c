/* pool.c — an ordered work pool: items are worked on by N threads in any order and handed to the
 * caller's consume function in input order, on the calling thread, so output does not depend on
 * N.  At most a window of items is in flight, so memory is bounded by the window, not the input. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t can_work, can_consume;
    size_t n, next, consumed, window, slot_size;
    bool *done;  /* per slot (item % window) */
    char *slots; /* window × slot_size bytes */
    cli_work_fn work;
    void *ctx;
} pool;

/* A pool thread and its number. */
typedef struct worker_arg {
    pool *p;
    int k;
} worker_arg;

static void *slot(pool *p, size_t i)
{
    return p->slots + (i % p->window) * p->slot_size;
}

static void *worker(void *arg)
{
    pool *p = ((worker_arg *)arg)->p;
    int k = ((worker_arg *)arg)->k;
    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->next < p->n && p->next >= p->consumed + p->window)
            pthread_cond_wait(&p->can_work, &p->mu);
        if (p->next >= p->n)
            break;
        size_t i = p->next++;
        pthread_mutex_unlock(&p->mu);
        p->work(p->ctx, k, i, slot(p, i));
        pthread_mutex_lock(&p->mu);
        p->done[i % p->window] = true;
        pthread_cond_broadcast(&p->can_consume);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int cli_jobs_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static void run_serial(size_t n, size_t slot_size, cli_work_fn work, cli_consume_fn consume, void *ctx)
{
    void *s = gx_xcalloc(1, slot_size);
    for (size_t i = 0; i < n; i++) {
        work(ctx, 0, i, s);
        consume(ctx, i, s);
        memset(s, 0, slot_size);
    }
    free(s);
}

void cli_pool_run(size_t n, int jobs, size_t slot_size, cli_work_fn work, cli_consume_fn consume, void *ctx)
{
    if (jobs <= 1 || n <= 1) {
        run_serial(n, slot_size, work, consume, ctx);
        return;
    }
    pool p = {.n = n, .window = 4 * (size_t)jobs, .slot_size = slot_size, .work = work, .ctx = ctx};
    p.done = gx_xcalloc(p.window, sizeof *p.done);
    p.slots = gx_xcalloc(p.window, slot_size);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.can_work, NULL);
    pthread_cond_init(&p.can_consume, NULL);
    pthread_t *t = gx_xcalloc((size_t)jobs, sizeof *t);
    worker_arg *args = gx_xcalloc((size_t)jobs, sizeof *args);
    int started = 0;
    for (int k = 0; k < jobs; k++) {
        args[started] = (worker_arg){&p, started};
        if (pthread_create(&t[started], NULL, worker, &args[started]) == 0)
            started++;
    }
    for (size_t i = 0; started && i < n; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.done[i % p.window])
            pthread_cond_wait(&p.can_consume, &p.mu);
        pthread_mutex_unlock(&p.mu);
        consume(ctx, i, slot(&p, i));
        memset(slot(&p, i), 0, slot_size);
        pthread_mutex_lock(&p.mu);
        p.done[i % p.window] = false;
        p.consumed = i + 1;
        pthread_cond_broadcast(&p.can_work);
        pthread_mutex_unlock(&p.mu);
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
    free(args);
    if (!started) /* no threads to be had: the work is done here */
        run_serial(n, slot_size, work, consume, ctx);
    pthread_cond_destroy(&p.can_work);
    pthread_cond_destroy(&p.can_consume);
    pthread_mutex_destroy(&p.mu);
    free(p.done);
    free(p.slots);
}
