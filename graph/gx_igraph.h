/* gx_igraph.h — the network as an igraph graph, for a program that runs igraph's own algorithms
 * on it (guanxi computes its metrics itself, and its tests check them against igraph's).
 *
 * Ownership: the caller destroys the graph (igraph_destroy) and the weights it asked for. */
#ifndef GX_IGRAPH_H
#define GX_IGRAPH_H

#include <igraph.h>

#include "gx_graph.h"

/* Loads net into g: undirected, node i and edge i being the network's, each node with the igraph
 * attributes "label" and "type" (strings) and each edge with "weight" (numeric); weights, when not
 * NULL, gets the edges' weights too, as igraph's functions take them.  On failure returns
 * GX_ERR_EXTERNAL with igraph's message and leaves g and weights unset. */
gx_status gx_network_igraph(const gx_network *net, igraph_t *g, igraph_vector_t *weights, gx_error *err);

#endif
