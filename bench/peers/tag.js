// tag.js — the @node-rs/jieba part-of-speech tagger over one file, as bench/run.sh measures it.
const fs = require('fs');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
const text = fs.readFileSync(process.argv[2], 'utf8');
const t0 = process.hrtime.bigint();
let n = 0;
for (const t of jieba.tag(text)) n += t.tag.length > 0;
// the text's seconds alone, without the dictionary's load, appended to the file named third
if (process.argv[3]) fs.appendFileSync(process.argv[3], (Number(process.hrtime.bigint() - t0) / 1e9).toFixed(3) + '\n');
if (n === 0) process.exit(1);
