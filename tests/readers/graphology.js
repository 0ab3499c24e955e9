// graphology.js — reads a guanxi GraphML with graphology-graphml (npm), as a JavaScript user
// would, and checks what the sample pages must show.  usage: node graphology.js FILE.graphml
'use strict';
const fs = require('fs');
const Graph = require('graphology');
const graphml = require('graphology-graphml');

const g = graphml.parse(Graph, fs.readFileSync(process.argv[2], 'utf8'));
const fail = (msg) => { console.error('graphology: ' + msg); process.exit(1); };
if (g.type !== 'undirected') fail('graph type ' + g.type);
if (g.order < 50 || g.size < 100) fail(`too small: ${g.order} nodes, ${g.size} edges`);
const by = {};
g.forEachNode((n, a) => { by[a.label] = n; });
for (const name of ['仲旭东', '崔小生', '周军波', '浙江钛迩赛新材料有限公司']) if (!(name in by)) fail('no node ' + name);
if (g.getNodeAttribute(by['周军波'], 'type') !== 'official') fail('周军波 is not typed official');
if (typeof g.getNodeAttribute(by['周军波'], 'mentions') !== 'number') fail('mentions is not a number');
const e = g.edge(by['仲旭东'], by['崔小生']);
if (!e) fail('no edge 仲旭东–崔小生');
if (!String(g.getEdgeAttribute(e, 'dates')).split('|').includes('2024-02-19')) fail('仲旭东–崔小生 not dated 2024-02-19');
if (g.edge(by['仲旭东'], by['李文健'])) fail('仲旭东–李文健 must have no edge');
const v = g.edge(by['仲旭东'], by['浙江钛迩赛新材料有限公司']);
if (!v || !(g.getEdgeAttribute(v, 'visits') >= 1)) fail('the 2024-02-19 visit is missing');
g.forEachEdge((k, a) => { if (!(a.weight > 0)) fail('edge ' + k + ' without a positive weight'); });
console.log(`graphology read ${g.order} nodes, ${g.size} edges`);
