/* html.c — an e-paper article page through libxml2's HTML parser: title, date, main text. */
#define _GNU_SOURCE /* strcasestr */
#include "internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_DEPTH = 512 };

static bool name_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->name && strcasecmp((const char *)n->name, name) == 0;
}

static bool name_in(const xmlNode *n, const char *const *names)
{
    for (int i = 0; names[i]; i++)
        if (name_is(n, names[i]))
            return true;
    return false;
}

static const char *const SKIP[] = {"script", "style", "noscript", "nav", "header", "footer", "aside",
                                   "form", "iframe", "button", "select", "textarea", "svg", "head",
                                   "h1", NULL};
static const char *const BLOCK[] = {"p", "div", "br", "h2", "h3", "h4", "h5", "h6", "li", "tr",
                                    "section", "article", "blockquote", "table", "ul", "ol",
                                    "dd", "dt", "pre", "center", "td", NULL};

/* id or class words that mark page furniture rather than the article */
static bool furniture(const xmlNode *n)
{
    static const char *const W[] = {"nav", "menu", "footer", "header", "share", "comment",
                                    "breadcrumb", "sidebar", "copyright", "toolbar", "related", NULL};
    for (const char *attr = "id"; attr; attr = strcmp(attr, "id") == 0 ? "class" : NULL) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
        if (!v)
            continue;
        bool hit = false;
        for (int i = 0; W[i] && !hit; i++)
            hit = strcasestr((const char *)v, W[i]) != NULL;
        xmlFree(v);
        if (hit)
            return true;
    }
    return false;
}

typedef struct walk {
    gx_buf *out;
    bool too_deep;
} walk;

static void text_of(const xmlNode *n, walk *w, int depth)
{
    if (depth > MAX_DEPTH) {
        w->too_deep = true;
        return;
    }
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                gx_buf_adds(w->out, (const char *)c->content);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE || name_in(c, SKIP) || furniture(c))
            continue;
        bool block = name_in(c, BLOCK);
        if (block)
            gx_buf_addc(w->out, '\n');
        text_of(c->children, w, depth + 1);
        if (block)
            gx_buf_addc(w->out, '\n');
    }
}

/* Characters of text under n, skipping furniture (for choosing the main block). */
static size_t text_weight(const xmlNode *n, int depth)
{
    size_t w = 0;
    if (depth > MAX_DEPTH)
        return 0;
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            w += strlen((const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE && !name_in(c, SKIP) && !furniture(c) && !name_is(c, "a"))
            w += text_weight(c->children, depth + 1);
    }
    return w;
}

static bool content_box(const xmlNode *n)
{
    static const char *const W[] = {"ozoom", "content", "article", "main", "detail", "zoom",
                                     "text", "news_body", "newsbody", NULL};
    if (name_is(n, "article") || name_is(n, "main"))
        return true;
    bool hit = false;
    for (const char *attr = "id"; attr && !hit; attr = strcmp(attr, "id") == 0 ? "class" : NULL) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
        if (!v)
            continue;
        for (int i = 0; W[i] && !hit; i++)
            hit = strcasestr((const char *)v, W[i]) != NULL;
        xmlFree(v);
    }
    return hit && !furniture(n);
}

typedef struct found {
    const xmlNode *body, *box, *h1, *title, *time;
    size_t box_weight;
    char *meta_title;
    gx_date meta_date;
} found;

static gx_date parse_loose(const char *s)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len; i++) {
        size_t used;
        gx_date d = gx_date_parse(s + i, len - i, &used);
        if (d)
            return d;
    }
    return 0;
}

static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (const xmlNode *p = n->parent; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

static void scan(const xmlNode *n, found *f, int depth)
{
    static const char *const DATE_META[] = {"article:published_time", "pubdate", "publishdate",
                                            "publish_date", "publication_date", "date", "dc.date",
                                            "dc.date.issued", "dcterms.created", "og:release_date",
                                            "sailthru.date", "parsely-pub-date", NULL};
    if (depth > MAX_DEPTH)
        return;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (name_is(n, "body") && !f->body)
            f->body = n;
        else if (name_is(n, "title") && !f->title)
            f->title = n;
        else if (name_is(n, "h1") && !f->h1)
            f->h1 = n;
        else if (name_is(n, "time") && !f->time)
            f->time = n;
        else if (name_is(n, "meta")) {
            xmlChar *key = xmlGetProp(n, (const xmlChar *)"name");
            if (!key)
                key = xmlGetProp(n, (const xmlChar *)"property");
            xmlChar *content = xmlGetProp(n, (const xmlChar *)"content");
            if (key && content) {
                for (int i = 0; DATE_META[i] && !f->meta_date; i++)
                    if (strcasecmp((const char *)key, DATE_META[i]) == 0)
                        f->meta_date = parse_loose((const char *)content);
                if (!f->meta_title && (strcasecmp((const char *)key, "og:title") == 0 ||
                                       strcasecmp((const char *)key, "title") == 0 ||
                                       strcasecmp((const char *)key, "articletitle") == 0))
                    f->meta_title = gx_xstrdup((const char *)content);
            }
            xmlFree(key);
            xmlFree(content);
        }
        if (content_box(n)) {
            /* The innermost box that still holds most of the text: #ozoom inside table.main. */
            size_t w = text_weight(n->children, depth);
            bool inside = f->box && is_ancestor(f->box, n);
            if ((!inside && w > f->box_weight) || (inside && w * 2 >= f->box_weight)) {
                f->box = n;
                f->box_weight = inside ? f->box_weight : w;
            }
        }
        if (!name_in(n, SKIP) || name_is(n, "head") || name_is(n, "h1"))
            scan(n->children, f, depth + 1);
    }
}

static char *node_text(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    if (!c)
        return NULL;
    gx_buf b;
    gx_buf_init(&b);
    gx_ingest_normalise((const char *)c, strlen((const char *)c), &b);
    xmlFree(c);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    while (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    return gx_buf_take(&b);
}

/* 发布时间：2024-01-04 and its kin in the visible text */
static gx_date visible_date(const char *s)
{
    static const char *const LABELS[] = {"发布时间", "发布日期", "日期", "时间", "发表时间", NULL};
    for (int i = 0; LABELS[i]; i++) {
        const char *p = strstr(s, LABELS[i]);
        if (!p)
            continue;
        p += strlen(LABELS[i]);
        while (*p == ' ' || *p == ':' || strncmp(p, "：", 3) == 0)
            p += *p == ' ' || *p == ':' ? 1 : 3;
        size_t used;
        gx_date d = gx_date_parse(p, strlen(p), &used);
        if (d)
            return d;
    }
    return 0;
}

void gx_ingest_global_init(void)
{
    xmlInitParser();
}

static void quiet(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

gx_status gx_html_read(const char *name, const char *html, size_t len, gx_doc *doc,
                       const gx_diag *diag, gx_error *err)
{
    memset(doc, 0, sizeof *doc);
    if (len > (size_t)INT32_MAX)
        return gx_error_set(err, GX_ERR_LIMIT, name, -1, -1, "HTML file larger than 2 GiB");
    xmlSetGenericErrorFunc(NULL, quiet);
    htmlDocPtr d = htmlReadMemory(html, (int)len, name, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT | XML_PARSE_HUGE);
    if (!d)
        return gx_error_set(err, GX_ERR_PARSE, name, -1, -1, "not readable as HTML");
    found f = {0};
    scan(xmlDocGetRootElement(d), &f, 0);
    const xmlNode *main = f.box ? f.box : f.body ? f.body : xmlDocGetRootElement(d);
    gx_buf text;
    gx_buf_init(&text);
    walk w = {&text, false};
    if (main)
        text_of(main->children, &w, 0);
    doc->lost = w.too_deep;
    if (w.too_deep)
        gx_diag_emit(diag, GX_WARNING, name, -1, -1,
                     "HTML nested deeper than %d elements; the deeper text is ignored", MAX_DEPTH);

    if (f.h1)
        doc->title = node_text(f.h1);
    if ((!doc->title || !*doc->title) && f.meta_title) {
        free(doc->title);
        doc->title = f.meta_title;
        f.meta_title = NULL;
    }
    if ((!doc->title || !*doc->title) && f.title) {
        free(doc->title);
        doc->title = node_text(f.title);
    }
    free(f.meta_title);

    doc->date = f.meta_date;
    if (!doc->date && f.time) {
        xmlChar *dt = xmlGetProp(f.time, (const xmlChar *)"datetime");
        if (dt) {
            doc->date = parse_loose((const char *)dt);
            xmlFree(dt);
        }
    }
    if (!doc->date && f.body) {
        xmlChar *all = xmlNodeGetContent(f.body);
        if (all) {
            doc->date = visible_date((const char *)all);
            xmlFree(all);
        }
    }
    char *t = gx_buf_take(&text);
    doc->text = t;
    xmlFreeDoc(d);
    return GX_OK;
}
