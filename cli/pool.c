/* pool.c — an ordered work pool: items are worked on by N threads (the caller's among them) in any
 * order and handed to the caller's consume function in input order, on the calling thread, so
 * output does not depend on N.  At most a window of items is in flight, and no item is begun while
 * the finished ones waiting for their turn hold CLI_POOL_HOLD_BYTES, so memory is bounded by
 * those, not by the input.  The window is wide (WINDOW items a thread) because an item can take
 * far longer than its neighbours (a reading thread folding its network's log of sightings, a
 * large page): with eight a thread, the other threads ran out of room behind it and slept through
 * a tenth of the 1 GB build's second pass.  A thread sleeps only when it has nothing to do: the
 * caller, waiting for the next item in order, works on a later one meanwhile; wake-ups are sent
 * only to a thread that sleeps (on a virtual machine each costs tens of microseconds). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

enum { WINDOW = 256 };

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t can_work, can_consume;
    size_t n, next, consumed, window, slot_size;
    size_t held;  /* bytes the finished items not yet consumed hold, as work said */
    size_t idle;  /* pool threads asleep until the window has room */
    bool waiting; /* the caller is asleep until item `consumed` is done */
    struct slot_state {
        bool done;
        size_t holds; /* what its item holds, to take off held when it is consumed */
    } *state;     /* per slot (item % window) */
    char *slots;  /* window × slot_size bytes */
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

static bool has_room(const pool *p)
{
    return p->next < p->n && p->next < p->consumed + p->window && p->held < CLI_POOL_HOLD_BYTES;
}

/* Works on the next item as worker k; called and returns with mu held. */
static void work_next(pool *p, int k)
{
    size_t i = p->next++;
    pthread_mutex_unlock(&p->mu);
    size_t holds = p->work(p->ctx, k, i, slot(p, i));
    pthread_mutex_lock(&p->mu);
    p->state[i % p->window] = (struct slot_state){true, holds};
    p->held += holds;
    if (p->waiting && i == p->consumed)
        pthread_cond_signal(&p->can_consume);
}

static void *worker(void *arg)
{
    pool *p = ((worker_arg *)arg)->p;
    int k = ((worker_arg *)arg)->k;
    pthread_mutex_lock(&p->mu);
    while (p->next < p->n) {
        if (has_room(p)) {
            work_next(p, k);
        } else {
            p->idle++;
            pthread_cond_wait(&p->can_work, &p->mu);
            p->idle--;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

int cli_jobs_default(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

void cli_pool_run(size_t n, int jobs, size_t slot_size, cli_work_fn work, cli_consume_fn consume, void *ctx)
{
    if (jobs < 1)
        jobs = 1;
    pool p = {.n = n, .window = WINDOW * (size_t)jobs, .slot_size = slot_size, .work = work, .ctx = ctx};
    p.state = gx_xcalloc(p.window, sizeof *p.state);
    p.slots = gx_xcalloc(p.window, slot_size);
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.can_work, NULL);
    pthread_cond_init(&p.can_consume, NULL);
    pthread_t *t = gx_xcalloc((size_t)jobs, sizeof *t);
    worker_arg *args = gx_xcalloc((size_t)jobs, sizeof *args);
    int started = 0; /* pool threads, numbered from 1; the caller is worker 0 */
    for (int k = 1; k < jobs && n > 1; k++) {
        args[started] = (worker_arg){&p, started + 1};
        if (pthread_create(&t[started], NULL, worker, &args[started]) == 0)
            started++;
    }
    for (size_t i = 0; i < n; i++) {
        pthread_mutex_lock(&p.mu);
        while (!p.state[i % p.window].done) {
            if (has_room(&p)) {
                work_next(&p, 0);
            } else {
                p.waiting = true;
                pthread_cond_wait(&p.can_consume, &p.mu);
                p.waiting = false;
            }
        }
        pthread_mutex_unlock(&p.mu);
        consume(ctx, i, slot(&p, i));
        memset(slot(&p, i), 0, slot_size);
        pthread_mutex_lock(&p.mu);
        p.state[i % p.window].done = false;
        p.held -= p.state[i % p.window].holds;
        p.consumed = i + 1;
        if (p.idle)
            pthread_cond_broadcast(&p.can_work);
        pthread_mutex_unlock(&p.mu);
    }
    for (int k = 0; k < started; k++)
        pthread_join(t[k], NULL);
    free(t);
    free(args);
    pthread_cond_destroy(&p.can_work);
    pthread_cond_destroy(&p.can_consume);
    pthread_mutex_destroy(&p.mu);
    free(p.state);
    free(p.slots);
}
