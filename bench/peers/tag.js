// tag.js — the @node-rs/jieba part-of-speech tagger over one file, as bench/run.sh measures it.
const fs = require('fs');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
const text = fs.readFileSync(process.argv[2], 'utf8');
let n = 0;
for (const t of jieba.tag(text)) n += t.tag.length > 0;
if (n === 0) process.exit(1);
