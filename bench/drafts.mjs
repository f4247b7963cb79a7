// Builds the benchmark's synthetic review drafts (about 10 KB, 100 KB and 250 KB) from the synthetic
// drafts and passages in test-fixtures/, topped up with bench/passages.md. Deterministic for a given
// set of fixtures (seeded), varied (paragraphs are recombined from sentences of different sources and
// their details are varied), and never one paragraph repeated. Fictional throughout.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';

/** The drafts the benchmark uses. */
export const SIZES = [
  { name: 'draft-10k', bytes: 10_000 },
  { name: 'draft-100k', bytes: 100_000 },
  { name: 'draft-250k', bytes: 250_000 },
];

// The sections of a review, in order, and the share of the text each gets.
const SECTIONS = [
  { key: 'introduction', title: 'Introduction', share: 0.05 },
  { key: 'method', title: 'Method', share: 0.05 },
  { key: 'background', title: 'Background', share: 0.07 },
  { key: 'involvement', title: 'Family involvement', share: 0.08 },
  { key: 'episodes', title: 'Key practice episodes', share: 0.27, sub: 'Episode' },
  { key: 'analysis', title: 'Analysis', share: 0.28, sub: 'Theme' },
  { key: 'findings', title: 'Findings', share: 0.07 },
  { key: 'recommendations', title: 'Recommendations', share: 0.06, list: 'numbered' },
  { key: 'glossary', title: 'Glossary', share: 0.04, list: 'bullets' },
  { key: 'references', title: 'References', share: 0.03, list: 'bullets' },
];

const SECTION_WORDS = [
  ['introduction', /introduc|purpose|summary|overview|terms of reference|scope/i],
  ['method', /method|approach|process|how the review/i],
  ['background', /background|family|context|about|child\b/i],
  ['involvement', /involve|voice|views|participat|contribut/i],
  ['episodes', /episode|chronolog|timeline|events|narrative|what happened|practice/i],
  ['analysis', /analys|learning|discussion|themes?|issues/i],
  ['findings', /finding|conclusion/i],
  ['recommendations', /recommend|actions?/i],
  ['glossary', /glossary|abbreviation|acronym|terms/i],
  ['references', /reference|bibliograph|sources/i],
];

/** A small seeded random number generator (mulberry32). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function listFiles(dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return out;
  }
  for (const e of entries) {
    const p = join(dir, e);
    const s = statSync(p);
    if (s.isDirectory()) out = out.concat(listFiles(p));
    // Review drafts and passages only: not editor grammar tests (*.test.md) or other tooling fixtures.
    else if (['.md', '.txt', '.markdown'].includes(extname(e).toLowerCase()) && !/\.test\.\w+$/.test(e) && s.size < 2_000_000) out.push(p);
  }
  return out;
}

function sectionFor(heading) {
  for (const [key, re] of SECTION_WORDS) if (re.test(heading)) return key;
  return undefined;
}

/** Splits a source text into chunks (paragraphs, lists, tables, quotes) under section keys. */
function chunksOf(text, fallbackSection) {
  const out = [];
  let body = text.replace(/\r\n?/g, '\n');
  if (body.startsWith('---\n')) {
    const end = body.indexOf('\n---', 4);
    if (end > 0) body = body.slice(body.indexOf('\n', end + 1) + 1);
  }
  body = body.replace(/<!--[\s\S]*?(-->|$)/g, '').replace(/^(```|~~~)[\s\S]*?(^\1.*$|(?![\s\S]))/gm, '');
  let section = fallbackSection;
  for (const raw of body.split(/\n[ \t]*\n/)) {
    const chunk = raw.replace(/^\n+|\s+$/g, '');
    if (!chunk || chunk.length > 6000) continue;
    const first = chunk.split('\n')[0];
    const heading = /^#{1,6}\s+(.*)$/.exec(first);
    if (heading) {
      section = sectionFor(heading[1]) ?? section;
      const rest = chunk.split('\n').slice(1).join('\n').trim();
      if (rest) out.push(classify(rest, section));
      continue;
    }
    out.push(classify(chunk, section));
  }
  // Keep prose: enough letters, and not a test file's markers.
  return out.filter((c) => c.text.replace(/[^\p{L}]/gu, '').length >= 20 && !/\^\^\^|<!--|-->/.test(c.text));
}

function classify(text, section) {
  const lines = text.split('\n');
  if (lines.every((l) => /^\s*\|/.test(l))) return { kind: 'table', text, section };
  if (lines.every((l) => /^\s*>/.test(l))) return { kind: 'quote', text, section };
  if (/^\s*([-*+]|\d{1,3}[.)])\s+/.test(lines[0])) return { kind: 'list', text, section };
  return { kind: 'paragraph', text, section };
}

function sentencesOf(paragraph) {
  return paragraph
    .replace(/\s*\n\s*/g, ' ')
    .split(/(?<=[.!?]["”’']?)\s+(?=["“‘]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 12);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const AREAS = ['Northshire', 'Eastmoor', 'Westvale', 'Southdean', 'Brackenford'];
const AGENCIES = ['integrated care board', 'police force', 'county council', 'NHS foundation trust', 'youth offending service', 'probation service'];
const HERITAGE = ['Black Caribbean', 'White British', 'mixed White and Black African', 'Polish', 'Bangladeshi', 'Irish Traveller', 'Pakistani'];
const LANGUAGES = ['English', 'Polish', 'Bengali', 'Somali', 'Arabic', 'Urdu', 'Romanian'];
const FAITHS = ['Christian', 'Muslim', 'Catholic', 'Sikh', 'Hindu'];
const REFERENCES = [
  'Department for Education (2023) Working Together to Safeguard Children.',
  'Child Safeguarding Practice Review Panel (2020) It was hard to escape: safeguarding adolescents at risk from criminal exploitation.',
  'Child Safeguarding Practice Review Panel (2022) Annual report 2021 to 2022.',
  'Home Office (2017) Child sexual exploitation: definition and guide for practitioners.',
  'Department for Education (2021) Analysis of local child safeguarding practice reviews.',
  'Firmin, C. (2020) Contextual Safeguarding and Child Protection.',
  'Research in Practice (2022) Language that cares: a guide for practitioners.',
  'Children Act 1989 and Children Act 2004.',
  'Ofsted (2021) Joint targeted area inspection of the multi-agency response to child exploitation.',
];

/** Varies the details of a sentence or paragraph: placeholders, months, weekdays, small numbers. */
function varier(random, person) {
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
  return (text) => {
    const year = int(2018, 2022);
    const values = {
      child: person.child,
      parent: `${person.child}'s mother`,
      pronoun: 'her',
      pronoun_subj: 'she',
      pronoun_subj_parent: 'She',
      pronoun_subj_parent_lower: 'she',
      object: 'her',
      possessive: 'her',
      partnership: `${person.area} Safeguarding Children Partnership`,
      area: person.area,
      agency: pick(AGENCIES),
      agency2: pick(AGENCIES),
      heritage: pick(HERITAGE),
      language: pick(LANGUAGES),
      faith: pick(FAITHS),
      age: String(int(12, 16)),
      age2: String(int(5, 10)),
      adult_age: String(int(19, 34)),
      year: String(year),
      year2: String(year + 1),
      year_group: String(int(7, 11)),
      month: pick(MONTHS),
      month2: pick(MONTHS),
      weekday: pick(WEEKDAYS),
      day: String(int(1, 28)),
      n: String(int(2, 9)),
      n2: String(int(2, 6)),
    };
    return text
      .replace(/\{(\w+)\}/g, (m, k) => values[k] ?? m)
      .replace(/\b(January|February|March|April|June|July|August|September|October|November|December)\b/g, () => (m) => (random() < 0.5 ? pick(MONTHS) : m))
      .replace(/\b(Monday|Tuesday|Wednesday|Thursday|Friday)\b/g, (m) => (random() < 0.5 ? pick(WEEKDAYS) : m))
      .replace(/\b(two|three|four|five|six)( (?:weeks|days|months|visits|times|referrals))\b/g, (m, _n, rest) => (random() < 0.5 ? `${pick(['two', 'three', 'four', 'five', 'six', 'seven'])}${rest}` : m));
  };
}

/** Reads the material: every fixture draft and passage, then bench/passages.md. */
export function readMaterial(root) {
  const sources = listFiles(join(root, 'test-fixtures'));
  const passages = join(root, 'bench', 'passages.md');
  const chunks = [];
  for (const file of sources) {
    const text = readFileSync(file, 'utf8');
    if (text.includes('\u0000')) continue;
    chunks.push(...chunksOf(text, sectionFor(relative(root, file)) ?? 'analysis').map((c) => ({ ...c, from: 'fixture' })));
  }
  chunks.push(...chunksOf(readFileSync(passages, 'utf8'), 'analysis').map((c) => ({ ...c, from: 'passages' })));
  const names = new Set();
  for (const c of chunks) for (const m of c.text.matchAll(/\b(?:Child|Baby|Sibling|Young Person)\s+[A-Z]{1,2}\b/g)) names.add(m[0]);
  return { chunks, fixtureFiles: sources.map((f) => relative(root, f)), pseudonyms: [...names].sort() };
}

/** Builds one draft of about `bytes` bytes (at least that many). */
export function buildDraft(material, bytes, seed) {
  let factor = 1;
  let text = '';
  for (let i = 0; i < 4; i++) {
    text = compose(material, bytes, seed, factor);
    const size = Buffer.byteLength(text);
    if (size >= bytes && size < bytes * 1.03) break;
    factor *= (bytes * 1.01) / size;
  }
  return text;
}

function compose(material, bytes, seed, factor) {
  const random = rng(seed);
  const pick = (xs) => xs[Math.floor(random() * xs.length)];
  const person = { child: `Child ${String.fromCharCode(65 + (seed % 26))}`, area: AREAS[seed % AREAS.length] };
  const vary = varier(random, person);
  const seen = new Set();
  const bySection = new Map(SECTIONS.map((s) => [s.key, { paragraphs: [], sentences: [], lists: [], tables: [], quotes: [] }]));
  for (const c of material.chunks) {
    const pool = bySection.get(c.section) ?? bySection.get('analysis');
    if (c.kind === 'paragraph') {
      pool.paragraphs.push(c.text);
      pool.sentences.push(...sentencesOf(c.text));
    } else if (c.kind === 'list') pool.lists.push(c.text);
    else if (c.kind === 'table') pool.tables.push(c.text);
    else pool.quotes.push(c.text);
  }
  const allSentences = [...bySection.values()].flatMap((p) => p.sentences);
  const allQuotes = [...bySection.values()].flatMap((p) => p.quotes);
  const unique = (make) => {
    for (let tries = 0; tries < 50; tries++) {
      const t = make();
      if (t && !seen.has(t)) {
        seen.add(t);
        return t;
      }
    }
    return undefined;
  };
  const paragraph = (pool) =>
    unique(() => {
      // Half the time a source paragraph (varied); otherwise 2 to 5 sentences from different sources.
      if (pool.paragraphs.length && random() < 0.45) return vary(pick(pool.paragraphs));
      const from = pool.sentences.length >= 4 && random() < 0.8 ? pool.sentences : allSentences;
      const n = 2 + Math.floor(random() * 4);
      const parts = new Set();
      for (let i = 0; i < n * 3 && parts.size < n; i++) parts.add(pick(from));
      return [...parts].map(vary).join(random() < 0.5 ? ' ' : '\n');
    });

  const pseudonyms = [...new Set([person.child, ...material.pseudonyms])];
  let out = `---\nreview-type: lcspr\npseudonyms: [${pseudonyms.join(', ')}]\n---\n\n# Local Child Safeguarding Practice Review: ${person.child}\n\n`;
  const header = out.length;
  for (const s of SECTIONS) {
    const budget = Math.max(300, Math.round((bytes - header) * s.share * factor));
    const pool = bySection.get(s.key);
    let part = `## ${s.title}\n\n`;
    let count = 0;
    let sub = 0;
    const start = part.length;
    while (part.length - start < budget) {
      if (s.list) {
        const source = s.key === 'references' ? pick(REFERENCES) : pool.lists.length && random() < 0.3 ? vary(pick(pool.lists)).replace(/^\s*([-*+]|\d{1,3}[.)])\s+/, '') : paragraph(pool) ?? pick(allSentences);
        const item = unique(() => (s.key === 'references' ? `${source}${random() < 0.5 ? '' : ` Accessed ${pick(MONTHS)} ${2019 + Math.floor(random() * 5)}.`}` : source.replace(/\n/g, ' ')));
        if (!item) break;
        count++;
        part += `${s.list === 'numbered' ? `${count}.` : '-'} ${item}\n`;
        if (random() < 0.15) part += '\n';
        continue;
      }
      if (s.sub && count % 6 === 0 && bytes > 20_000) {
        sub++;
        part += `### ${s.sub} ${sub}: ${s.key === 'episodes' ? `${pick(MONTHS)} ${2019 + Math.floor(random() * 4)}` : pick(['information sharing', 'the language of records', 'working with the family', 'thresholds and the front door', 'identity and culture', 'education and exclusion', 'workload and supervision'])}\n\n`;
      }
      count++;
      const roll = random();
      if (s.key === 'episodes' && roll < 0.06) {
        // A chronology table.
        const rows = [];
        for (let r = 0, n = 4 + Math.floor(random() * 8); r < n; r++) rows.push(`| ${1 + Math.floor(random() * 28)} ${pick(MONTHS)} | ${pick(['School', 'Police', 'Children’s social care', 'Emergency department', 'GP', 'Youth service'])} | ${vary(pick(allSentences)).replace(/\|/g, '/')} |`);
        part += `| Date | Agency | What happened |\n| --- | --- | --- |\n${rows.join('\n')}\n\n`;
        continue;
      }
      if (roll < 0.1 && allQuotes.length) {
        const q = unique(() => vary(pick(allQuotes)));
        if (q) {
          part += `${q}\n\n`;
          continue;
        }
      }
      if (roll < 0.13) {
        const quoted = allSentences.filter((x) => /["“]/.test(x));
        const q = quoted.length ? unique(() => `> ${vary(pick(quoted))}`) : undefined;
        if (q) {
          part += `${q}\n\n`;
          continue;
        }
      }
      const p = paragraph(pool);
      if (!p) break;
      part += `${p}\n\n`;
    }
    out += `${part.replace(/\n+$/, '')}\n\n`;
  }
  return out.replace(/\n+$/, '\n');
}

/** Builds every draft into `dir` and returns their paths, sizes and word counts. */
export function buildDrafts(root, dir) {
  const material = readMaterial(root);
  mkdirSync(dir, { recursive: true });
  const drafts = SIZES.map((s, i) => {
    const text = buildDraft(material, s.bytes, 1009 * (i + 1));
    const path = join(dir, `${s.name}.md`);
    writeFileSync(path, text);
    return { name: s.name, path, text, bytes: Buffer.byteLength(text), words: text.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length };
  });
  return { drafts, material };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = join(import.meta.dirname, '..');
  const { drafts, material } = buildDrafts(root, join(root, 'bench', 'drafts'));
  process.stdout.write(`material: ${material.chunks.length} chunks from ${material.fixtureFiles.length} fixture files and bench/passages.md\n`);
  for (const d of drafts) process.stdout.write(`${d.path}: ${d.bytes} bytes, ${d.words} words\n`);
}
