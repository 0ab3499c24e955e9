/* igraph.c — the network as an igraph graph, with its labels, types and weights as attributes. */
#include "gx_igraph.h"

#include <stdio.h>

/* igraph errors become ours: the handler records the message instead of aborting. */
static char igraph_msg[256];

static void on_igraph_error(const char *reason, const char *file, int line, igraph_error_t err)
{
    snprintf(igraph_msg, sizeof igraph_msg, "igraph: %s (%s) at %s:%d", reason, igraph_strerror(err), file, line);
    IGRAPH_FINALLY_FREE();
}

static void igraph_setup(void)
{
    static bool done = false;
    if (done)
        return;
    done = true;
    igraph_set_attribute_table(&igraph_cattribute_table);
    igraph_set_error_handler(on_igraph_error);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
}

gx_status gx_network_igraph(const gx_network *net, igraph_t *g, igraph_vector_t *weights, gx_error *err)
{
    igraph_setup();
    igraph_msg[0] = '\0';
    igraph_vector_int_t el;
    igraph_vector_t w;
    bool have_el = false, have_w = false, have_g = false;
    if (igraph_vector_int_init(&el, (igraph_integer_t)(2 * net->n_edges)) != IGRAPH_SUCCESS)
        goto fail;
    have_el = true;
    if (igraph_vector_init(&w, (igraph_integer_t)net->n_edges) != IGRAPH_SUCCESS)
        goto fail;
    have_w = true;
    for (size_t i = 0; i < net->n_edges; i++) {
        VECTOR(el)[2 * i] = (igraph_integer_t)net->edges[i].source;
        VECTOR(el)[2 * i + 1] = (igraph_integer_t)net->edges[i].target;
        VECTOR(w)[i] = net->edges[i].weight;
    }
    if (igraph_create(g, &el, (igraph_integer_t)net->n_nodes, IGRAPH_UNDIRECTED) != IGRAPH_SUCCESS)
        goto fail;
    have_g = true;
    igraph_vector_int_destroy(&el);
    have_el = false;
    for (size_t i = 0; i < net->n_nodes; i++)
        if (SETVAS(g, "label", (igraph_integer_t)i, net->nodes[i].label) != IGRAPH_SUCCESS ||
            SETVAS(g, "type", (igraph_integer_t)i, gx_etype_name(net->nodes[i].type)) != IGRAPH_SUCCESS)
            goto fail;
    if (SETEANV(g, "weight", &w) != IGRAPH_SUCCESS)
        goto fail;
    if (weights)
        *weights = w;
    else
        igraph_vector_destroy(&w);
    return GX_OK;
fail:
    if (have_g)
        igraph_destroy(g);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_el)
        igraph_vector_int_destroy(&el);
    return gx_error_set(err, GX_ERR_EXTERNAL, NULL, -1, -1, "%s", igraph_msg[0] ? igraph_msg : "igraph failed");
}
