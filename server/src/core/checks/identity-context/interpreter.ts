/**
 * Interpreting: a child or relative used as interpreter, and a language need noted without saying
 * whether an interpreter was used.
 */
import type { Check } from '../../check';
import { blockFacts } from '../../check';
import { NON_PROSE_ROLES } from '../../document/roles';
import type { Block } from '../../document/model';
import { identityFacts } from './identity-facts';
import { eachHit, isReported, sentenceFact, SOURCES } from './shared';
import { subjectOf } from './subject';
import { statedAges } from '../../context/people';

const CHILD_REL = 'son|daughter|child|children|sibling|siblings|brother|sister|step-?son|step-?daughter|grandson|granddaughter|Child\\s+[A-Z]{1,3}|Sibling\\s+[A-Z0-9]{1,2}|young\\s+person';
const ADULT_REL = 'husband|wife|partner|boyfriend|girlfriend|father|mother|mum|dad|uncle|aunt|auntie|cousin|grandmother|grandfather|grandparent|relative|relatives|family\\s+members?|friend|friends|neighbour|neighbours|step-?father|step-?mother|brother-in-law|sister-in-law';
const REL = `(?:${CHILD_REL}|${ADULT_REL})`;
const AGE = '(?:(?:\\d{1,2}-year-old|eldest|oldest|older|younger|youngest|teenage|adult|young|elder)\\s+)?';
const VERB = '(?:interpreted|interpreting|translated|translating|acted\\s+as\\s+(?:an?\\s+|the\\s+|her\\s+|his\\s+|their\\s+)?(?:interpreter|translator)|(?:was|were)\\s+(?:used|asked|relied\\s+(?:on|upon))\\s+(?:as\\s+(?:an?\\s+)?(?:interpreters?|translators?)|to\\s+(?:interpret|translate))|(?:was|were)\\s+used\\s+to\\s+(?:interpret|translate))';
const PATTERNS: readonly RegExp[] = [
  new RegExp(`\\b${AGE}(${REL})\\b([^.;]{0,50}?)\\b${VERB}\\b`, 'gi'),
  new RegExp(`\\b(?:used|using|relied\\s+(?:on|upon)|asked|asking|relying\\s+(?:on|upon))\\s+(?:her|his|their|the|a|an)\\s+${AGE}(${REL})(?:,[^,.;]{0,30},)?\\s+(?:\\w+\\s+)?(?:to\\s+(?:interpret|translate)|as\\s+(?:an?\\s+)?(?:interpreter|translator))\\b`, 'gi'),
  new RegExp(`\\b(?:interpreted|interpreting|translated|translating)\\s+for\\s+(?:his|her|their)\\s+(mother|father|mum|dad|parents?|family|grandmother|grandfather|grandparents?|husband|wife)\\b`, 'gi'),
];
const CHILD_WORD = new RegExp(`^(?:${CHILD_REL})$`, 'i');
// "interpreted her silence as defiance", "translated into action", "translated the letters herself".
const CONSTRUAL_AFTER = /^\s+(?:[A-Za-z\u00C0-\u024F'’-]+\s+){0,4}as\b|^\s+(?:this|that|it|these|those)\b|^\s+(?:the\s+|her\s+|his\s+|their\s+)?(?:guidance|policy|policies|law|rules?|threshold|situation|injur(?:y|ies)|bruis\w+|behaviour|incident|information|silence|comments?|remarks?|request)\b|^\s+into\s+(?!(?:English|Welsh|Polish|Arabic|Urdu|Punjabi|Bengali|Somali|Tigrinya|Romanian|Portuguese|Spanish|French|Kurdish|Farsi|Dari|Pashto|Turkish|Russian|Ukrainian|Albanian|Lithuanian|Chinese|Mandarin|Cantonese|Vietnamese|Tamil|Gujarati|Hindi|Amharic)\b)|^\s+(?:[A-Za-z\u00C0-\u024F'’-]+\s+){0,3}(?:herself|himself|themselves)\b/i;
const PROFESSIONAL = /\binterpreters?\b|\btranslators?\b|\bLanguage\s+Line\b|\bprofessional\b|\binterpreting\s+service\b/i;
const NEGATED = /\b(?:no|not|never|without|rather\s+than|instead\s+of|avoid\w*)\b[^.;]*$/i;
// The author already analysing it.
const ANALYSED = /\bshould\s+not\b|\binappropriate\w*|\bnon-?relative\b|\bindependent\s+interpreter\b|\bprofessional\s+interpreter\b|\bnot\s+appropriate\b|\bmeant\s+(?:that\s+)?(?:she|he|they|the\s+mother|the\s+father|the\s+parents?|\w+)\s+could\s+not\b|\bcould\s+not\s+(?:speak|talk)\s+(?:freely|privately|openly|alone)\b|\bunable\s+to\s+(?:speak|talk)\s+(?:freely|privately|openly)\b|\bburden\b|\bthe\s+review\s+(?:found|finds|considers|considered)\b|\bunacceptable\b|\bpoor\s+practice\b|\bcontrary\s+to\b|\bmust\s+(?:use|engage)\b/i;

/** A child or relative who interpreted, in a sentence that does not analyse it: offsets in the sentence. */
const RELATIVES_INTERPRETING = sentenceFact('identity/relative-interpreted', /interpret|translat/i, (text) => {
  if (ANALYSED.test(text)) return undefined;
  for (const re of PATTERNS) {
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const before = text.slice(0, m.index);
    const after = text.slice(m.index + m[0].length);
    if (NEGATED.test(before) || CONSTRUAL_AFTER.test(after)) continue;
    if (re === PATTERNS[0] && PROFESSIONAL.test(m[2] ?? '')) continue;
    if (re === PATTERNS[2] && PROFESSIONAL.test(before)) continue;
    const who = m[1] ?? '';
    const ages = statedAges(text.slice(m.index, Math.min(text.length, m.index + m[0].length + 20)));
    const adult = ages.length > 0 && ages.every((a) => a >= 18);
    const isChild = !adult && (CHILD_WORD.test(who.replace(/\s+/g, ' ')) || re === PATTERNS[2] || ages.some((a) => a < 18));
    return { start: m.index, end: m.index + m[0].length, isChild };
  }
  return undefined;
});

/** A child or relative used as interpreter. */
export const familyMemberAsInterpreter: Check = {
  meta: {
    id: 'family-member-as-interpreter',
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'When a child or relative interpreted, say why no independent interpreter was used and what it meant.',
    message: 'A child or relative appears to have interpreted. The parent cannot speak privately through a relative, and a child should never carry that role; the 2022 annual review says agencies should use an adult interpreter who is not a relative, so say why one was not used and what this meant for what could be said.',
    rationale:
      'The annual review of local reviews (2022) says that where a mother is not confident in English, agencies should use an adult interpreter who is not a relative, and that practitioners should try hard to speak to mothers on their own. A relative who interprets may be the person the parent fears, or may filter what is said; a child who interprets is burdened with adult matters and may be the subject of the concern. A review that reports this without comment loses the learning. The rule stays quiet when the sentence, or the next, already analyses it (for example "which meant she could not speak freely", "rather than an independent interpreter"), and on sentences saying no relative was used.',
    good: 'Child R, aged 11, interpreted for her mother at the GP, which meant her mother could not speak freely about the abuse; no professional interpreter was booked because the surgery did not know one was needed.',
    sources: [SOURCES.annualReviewInterpreters, SOURCES.standards, SOURCES.digest],
    examples: {
      valid: [
        { text: 'A professional interpreter was used for every visit, and the family were never asked to interpret.' },
        { text: 'Her son interpreted at the appointment, which meant she could not speak freely about her partner.', note: 'already analysed in the sentence' },
        { text: 'Her daughter translated at the GP. This should not have happened: an independent interpreter was needed.', note: 'analysed in the next sentence' },
        { text: 'The interpreter interpreted for her mother at each visit.', note: 'a professional interpreter' },
        { text: 'Officers interpreted the guidance as requiring a strategy meeting.', note: '"interpreted" in its other sense' },
      ],
      invalid: [
        { text: 'Child R, aged 10, interpreted for her mother at the health visit.', match: 'Child R, aged 10, interpreted' },
        { text: 'The health visitor used her eldest son to interpret.', match: 'used her eldest son to interpret' },
        { text: 'The school used her eldest brother, aged 16, to interpret at parents’ evenings.', match: 'used her eldest brother, aged 16, to interpret' },
        { text: 'At the hospital her husband acted as interpreter.', match: 'husband acted as interpreter', reviewType: 'national' },
        { text: 'He often translated for his parents at appointments.', match: 'translated for his parents', severity: 'info', reviewType: 'rapid-review' },
      ],
    },
  },
  run(ctx) {
    eachHit(ctx, RELATIVES_INTERPRETING, ({ sentence, nextText, voice, hit: { start, end, isChild } }) => {
      if (ANALYSED.test(nextText)) return;
      const span = { start: sentence.start + start, end: sentence.start + end };
      const v = voice(span);
      if (!isReported(v)) return;
      ctx.report({
        span,
        severity: v.kind === 'quoted' ? 'info' : undefined,
        message: isChild
          ? 'A child appears to have interpreted. A child should never carry that role, and the parent cannot speak privately through them; the 2022 annual review says agencies should use an adult interpreter who is not a relative, so say why one was not used and what this meant for what could be said.'
          : 'A relative or friend appears to have interpreted. The parent cannot speak privately through them, and they may be the person the parent fears; the 2022 annual review says agencies should use an adult interpreter who is not a relative, so say why one was not used and what this meant for what could be said.',
        fixes: [
          {
            title: 'Say why no independent interpreter was used',
            kind: 'suggestion',
            edits: [{ start: sentence.end, end: sentence.end, text: ' [Why an adult, non-relative interpreter was not used, and what this meant for what the parent could say.]' }],
          },
        ],
      });
    });
  },
};

const NEED = /\b(?:limited|little|poor|basic|no)\s+(?:spoken\s+|written\s+)?English\b|\b(?:did\s+not|didn['’]t|does\s+not|doesn['’]t|could\s+not|couldn['’]t|cannot|can['’]t|was\s+unable\s+to|were\s+unable\s+to)\s+(?:always\s+)?(?:speak|understand|read)\s+(?:much\s+|good\s+|any\s+|fluent\s+)?English\b|\bnot\s+(?:fluent|confident)\s+in\s+(?:speaking\s+)?English\b|\b(?:spoke|speaks|speak)\s+(?:little|no|limited|some|basic|very\s+little)\s+English\b|\b(?:needed|needs|need|required|requires|require|would\s+need|would\s+have\s+needed|asked\s+for|requested)\s+an?\s+interpreter\b|\blanguage\s+barriers?\b|\bstruggled\s+(?:with|to\s+(?:speak|understand))\s+English\b|\bEnglish\s+(?:is|was)\s+not\s+(?:his|her|their)\s+first\s+language\b|\bdid\s+not\s+always\s+understand\s+English\b/i;
const NEEDS_INTERPRETER = /\b(?:needed|needs|need|required|requires|require|would\s+need|would\s+have\s+needed|asked\s+for|requested)\s+an?\s+interpreter\b/i;
const FLUENT_ENGLISH = /\bfluent(?:ly)?\s+(?:in\s+)?English\b|\bEnglish\s+(?:is|was)\s+fluent\b|\bspeaks?\s+(?:good|excellent|fluent)\s+English\b|\bconfident\s+in\s+English\b|\bno\s+(?:language\s+)?barrier\b/i;
const INTERPRETER = /\binterpret(?:er|ers|ing|ed)\b|\btranslat(?:or|ors|ed|ion|ing)\b|\bLanguage\s+Line\b/i;
const USE = /\b(?:used|using|use\s+of|present|provided|provision|booked|arranged|available|unavailable|offered|attended|through\s+an?|via|with\s+an?|without|no\s+interpreter|none\s+was|never|declined|refused|face[\s-]to[\s-]face|telephone|by\s+phone|interpreted|interpreting|translated|was\s+not|were\s+not|did\s+not|didn['’]t|not\s+(?:used|provided|booked|arranged|available|present|offered|identified|recognised|considered|requested|needed))\b/i;
const NOT_THE_CASE = new Set(['glossary', 'references', 'contents', 'recommendations']);
const PROSE_KINDS = new Set(['paragraph', 'list-item', 'table-cell', 'block-quote']);

/** What a block says about language needs and interpreters. */
interface LanguageNeeds {
  /** It mentions an interpreter other than by the bare need: used, booked, not used, unavailable. */
  used: boolean;
  /** Needs noted, in order, whose subject is still to be judged against the children's names. */
  needs: readonly { sentence: number; start: number; end: number; someone: boolean }[];
}
const NO_NEEDS: LanguageNeeds = { used: false, needs: [] };

function languageNeeds(block: Block): LanguageNeeds {
  if (!PROSE_KINDS.has(block.kind) || NOT_THE_CASE.has(block.role) || (NON_PROSE_ROLES.has(block.role) && block.role !== 'quoted-record')) return NO_NEEDS;
  if (!/English|interpret|translat|Language\s+Line|language\s+barrier/iu.test(block.prose)) return NO_NEEDS;
  let used = false;
  const needs: LanguageNeeds['needs'][number][] = [];
  block.sentences.forEach((s, j) => {
    const text = s.text;
    if (INTERPRETER.test(text) && (USE.test(text) || !NEEDS_INTERPRETER.test(text))) used = true;
    if (FLUENT_ENGLISH.test(text) && !NEED.test(text)) return;
    const m = NEED.exec(text);
    if (!m || FLUENT_ENGLISH.test(text)) return;
    const someone = /barrier/i.test(m[0]) || /\b(?:he|she|they|his|her|their|him|them)\b/i.test(text.slice(0, m.index + m[0].length));
    needs.push({ sentence: j, start: m.index, end: m.index + m[0].length, someone });
  });
  return used || needs.length > 0 ? { used, needs } : NO_NEEDS;
}

/** A language need noted, and the review never says whether an interpreter was used. */
export const interpreterUseNotStated: Check = {
  meta: {
    id: 'interpreter-use-not-stated',
    category: 'identity-context',
    kind: 'check',
    severity: 'warning',
    severityByReviewType: { 'rapid-review': 'info' },
    scope: 'document',
    fix: 'suggestion',
    summary: 'When someone had limited English, say whether an interpreter was used.',
    message: 'This notes a language need, but the review never says whether an interpreter was used. The 2022 annual review describes a mother who could not tell staff how frightened she was because no interpreter was there; say when one was used and, if not, why not and what it meant.',
    rationale:
      'The annual review of local reviews (2022) describes a mother seen at the emergency department with no interpreter, who could not tell staff how frightened she was, and a review that called for more curiosity about a mother who spoke little English without ever asking whether interpreters were available. Its messages for good practice ask that interpreters are always considered and provided as a priority. Once a review notes that someone had limited English or needed an interpreter, readers need to know whether one was used. Any sentence about an interpreter being used, booked, offered, unavailable or not used satisfies the rule, and so does a statement that the person spoke English fluently.',
    good: 'Her mother speaks little English. A telephone interpreter was used for the first visit but not for the later ones, so she could not ask what the plan meant.',
    sources: [SOURCES.annualReviewInterpreters, SOURCES.digest],
    examples: {
      valid: [
        { text: 'Her mother spoke little English. An interpreter was present at every appointment.' },
        { text: 'Her mother needed an interpreter, but none was booked for the strategy meeting.' },
        { text: 'Her first language is Tigrinya; she speaks fluent English.', note: 'no need stated' },
        { text: 'Child R has English as an additional language at school.', note: 'a child learning English at school is not an interpreter need' },
        { text: 'Her mother did not need an interpreter; she had lived in England for twenty years.' },
        { text: 'The leaflet was available only in English, with no English summary of the plan.', note: 'nobody’s language need' },
      ],
      invalid: [
        { text: 'Her mother speaks little English and relied on neighbours for help with letters.', match: 'speaks little English', output: 'Her mother speaks little English and relied on neighbours for help with letters. An interpreter [was / was not] used for [which appointments or visits]; [what this meant for what the family could say and understand].' },
        { text: 'There was a language barrier at the health visits.\n\n## Recommendations\n\n1. The health visiting service will book professional interpreters for every family that needs one.', match: 'language barrier', note: 'a recommendation does not say what happened' },
        { text: 'Her father needed an interpreter at the conference.', match: 'needed an interpreter' },
      ],
    },
  },
  run(ctx) {
    let need: { start: number; end: number; sentenceEnd: number } | undefined;
    const names = (): readonly string[] => identityFacts(ctx.doc).childNames;
    // Block by block, so the first mention of an interpreter's use ends the reading: that settles it, wherever it comes.
    for (const block of ctx.doc.blocks) {
      const f = blockFacts(ctx, 'identity/language-needs', block, languageNeeds);
      if (f.used) return;
      if (need) continue;
      for (const c of f.needs) {
        const s = block.sentences[c.sentence]!;
        const subject = subjectOf(s.text, c.start, c.end, names());
        // The need must be someone's: "there was no English translation" is not.
        const someone = subject !== 'unknown' || c.someone;
        if (subject !== 'other' && subject !== 'generic' && someone) {
          need = { start: s.start + c.start, end: s.start + c.end, sentenceEnd: s.end };
          break;
        }
      }
    }
    if (!need) return;
    ctx.report({
      span: { start: need.start, end: need.end },
      message: this.meta.message,
      fixes: [
        {
          title: 'Say whether an interpreter was used',
          kind: 'suggestion',
          edits: [{ start: need.sentenceEnd, end: need.sentenceEnd, text: ' An interpreter [was / was not] used for [which appointments or visits]; [what this meant for what the family could say and understand].' }],
        },
      ],
    });
  },
};
