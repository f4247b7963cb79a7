/** Plain-English hints: very long sentences, hidden decision-makers, long passive chains and officialese. */
import type { Check, CheckContext } from '../../check';
import type { Block } from '../../document/model';
import { perDocumentValue } from '../../facts';
import type { RuleSource } from '../../types';
import type { SentenceFacts } from './analyse';
import { sentenceFactsOf } from './analyse';

/** Sentences longer than this many words are reported. */
export const LONG_SENTENCE_WORDS = 40;
/** A sentence with this many agentless passives hides who did what. */
export const PASSIVE_CHAIN = 3;

export const SOURCES = {
  statutory: { document: 'standards-and-language-guidance.md (research digest)', year: 2018, section: 'Section 1.4: Working Together, LCSPR report content: written in plain English so professionals and the public can understand it (unverified wording)' },
  panelClarity: { document: '004_0bedcfebabdff59e.txt', year: 2023, section: 'Panel annual report 2022 to 2023, paragraphs 4.10 to 4.14: a lack of clarity in some reviews; describe complex concepts carefully so readers understand them' },
  annualReviewClarity: { document: '002_b8b48b6c7b99a00f.txt', year: 2022, section: 'Annual review of LCSPRs, chapters 5 and 6: enough context without losing clarity (digest G09)' },
  decisionMaker: { document: 'family-involvement.md (research digest)', section: 'Rule R03: a decision recorded without a named decision-maker; an agentless passive such as "it was felt"' },
} satisfies Record<string, RuleSource>;

/** Which plain-English checks have something to say about a block's sentences, as bits. */
const LONG = 1;
const PASSIVES = 2;
const HIDDEN = 4;
const OFFICIALESE = 8;

function maskOf(sentences: readonly SentenceFacts[]): number {
  let mask = 0;
  for (const s of sentences) {
    if (s.quoted <= 0.5) {
      if (s.words > LONG_SENTENCE_WORDS) mask |= LONG;
      if (s.passives.length >= PASSIVE_CHAIN) mask |= PASSIVES;
    }
    if (s.hiddenDecision) mask |= HIDDEN;
    if (s.officialese.length > 0) mask |= OFFICIALESE;
  }
  return mask;
}

/** Masks by the block's sentence facts (a cached fact value), so a block is summed up once. */
const masks = new WeakMap<readonly SentenceFacts[], number>();

/** The blocks (by index) each check reports on, found once per parsed document from the cached facts. */
interface Flagged {
  facts: readonly (readonly SentenceFacts[])[];
  byBit: Map<number, number[]>;
}

const FLAGGED = {};

function flagged(ctx: CheckContext): Flagged {
  return perDocumentValue(ctx.doc, FLAGGED, () => {
    const facts = sentenceFactsOf(ctx.doc);
    const byBit = new Map<number, number[]>([LONG, PASSIVES, HIDDEN, OFFICIALESE].map((b) => [b, []]));
    for (let i = 0; i < facts.length; i++) {
      const sentences = facts[i]!;
      if (sentences.length === 0) continue;
      let mask = masks.get(sentences);
      if (mask === undefined) masks.set(sentences, (mask = maskOf(sentences)));
      if (mask === 0) continue;
      for (const [bit, list] of byBit) if (mask & bit) list.push(i);
    }
    return { facts, byBit };
  });
}

/**
 * Each analysed sentence, in document order, of the blocks where `bit`'s check may report (reference
 * lists, glossaries, records and block quotes have none); every block's sentences are not walked.
 */
function eachSentence(ctx: CheckContext, bit: number, fn: (block: Block, s: SentenceFacts) => void, cells = false): void {
  const { facts, byBit } = flagged(ctx);
  const blocks = ctx.doc.blocks;
  for (const i of byBit.get(bit)!) {
    const block = blocks[i]!;
    if (block.kind === 'table-cell' && !cells) continue;
    for (const s of facts[i]!) fn(block, s);
  }
}

export const longSentence: Check = {
  meta: {
    id: 'long-sentence',
    category: 'plain-english',
    kind: 'check',
    severity: 'hint',
    scope: 'sentence',
    fix: 'none',
    summary: `Split sentences of more than ${LONG_SENTENCE_WORDS} words.`,
    message: 'This sentence has {{count}} words. Families and the public read published reviews, and long sentences are hard to follow: split it into two or three, one point each.',
    rationale: `Statutory guidance asks for the final report to be written in plain English, so that professionals and the public alike can understand it, and the Panel notes reviews that lack clarity. A sentence of more than ${LONG_SENTENCE_WORDS} words usually holds several points, and readers lose the first by the time they reach the last. This is a hint, so it never buries the safeguarding findings. Quotations, tables, glossaries and reference lists are not checked; a sentence that is mostly a quotation is left alone.`,
    good: 'The school referred its concerns on the same day. Children\u2019s social care did not open an assessment, because the referral was read as a missing episode.',
    sources: [SOURCES.statutory, SOURCES.panelClarity, SOURCES.annualReviewClarity],
    examples: {
      valid: [
        { text: 'The school referred its concerns on the same day. Children\u2019s social care did not open an assessment.' },
        {
          text: 'Child R said: "I told them and I told them again and again that I did not want to go back there because he was there and he was always there and nobody listened to me when I said it, not the police and not the school and not anyone at all."',
          note: 'the child\u2019s own words',
        },
      ],
      invalid: [
        {
          text: 'Following the referral from the school, which had been made after Child R disclosed to a teacher that she had been staying overnight at the address of an adult male who was known to police, children\u2019s social care decided that the threshold for a strategy discussion had not been met and the case was passed to early help without any further enquiries being made.',
          match:
            'Following the referral from the school, which had been made after Child R disclosed to a teacher that she had been staying overnight at the address of an adult male who was known to police, children\u2019s social care decided that the threshold for a strategy discussion had not been met and the case was passed to early help without any further enquiries being made.',
        },
      ],
    },
  },
  run(ctx) {
    eachSentence(ctx, LONG, (block, s) => {
      if (s.words <= LONG_SENTENCE_WORDS || s.quoted > 0.5) return;
      ctx.report({ span: { start: block.start + s.start, end: block.start + s.end }, message: this.meta.message.replace('{{count}}', String(s.words)) });
    });
  },
};

export const hiddenDecisionMaker: Check = {
  meta: {
    id: 'hidden-decision-maker',
    category: 'plain-english',
    kind: 'check',
    severity: 'hint',
    scope: 'sentence',
    fix: 'none',
    summary: 'Say who decided: "the strategy meeting decided", not "it was decided".',
    message: "'{{match}}' does not say who. A review explains why people and agencies acted as they did, so name the person, meeting or agency (for example 'the strategy meeting decided that').",
    rationale:
      'A review is about how practitioners and agencies made sense of what they knew and why they acted as they did. "It was decided that", "it was felt that" and "a decision was made" leave the reader unable to tell who decided, on what information, and where accountability lies; the family-involvement research flags the same agentless passive when a review records a decision without a decision-maker. Naming the meeting, role or agency is also plainer English. Decisions not to involve a family member are left to the family-involvement rules, and quotations are not checked. It is a hint.',
    good: 'The strategy meeting decided that no further action was needed.',
    sources: [SOURCES.decisionMaker, SOURCES.statutory, SOURCES.panelClarity],
    examples: {
      valid: [
        { text: 'The strategy meeting decided that no further action was needed.' },
        { text: 'A decision was made by the team manager to close the case.' },
        { text: "The record says 'it was decided that no further action was needed'.", note: 'a quotation' },
      ],
      invalid: [
        { text: 'It was decided that no further action was needed.', match: 'It was decided that' },
        { text: 'After the meeting a decision was made to close the case.', match: 'a decision was made' },
      ],
    },
  },
  run(ctx) {
    eachSentence(
      ctx,
      HIDDEN,
      (block, s) => {
        if (!s.hiddenDecision) return;
        ctx.report({ span: { start: block.start + s.hiddenDecision.start, end: block.start + s.hiddenDecision.end }, message: this.meta.message.replace('{{match}}', s.hiddenDecision.text) });
      },
      true,
    );
  },
};

export const passiveChain: Check = {
  meta: {
    id: 'passive-chain',
    category: 'plain-english',
    kind: 'check',
    severity: 'hint',
    scope: 'sentence',
    fix: 'none',
    summary: `Say who did what when a sentence has ${PASSIVE_CHAIN} or more passive verbs and no one acting.`,
    message: 'This sentence has {{count}} passive verbs ({{list}}) and never says who acted. Say who did what: readers need to know which agency or practitioner did each thing.',
    rationale:
      'One passive verb is often the right choice. A chain of them ("the referral was received, the case was discussed and it was closed") hides every actor, and in a review the actors are the point: the learning depends on knowing which agency knew what and did what. Passives with an agent ("was closed by the team manager") and adjectives that look like passives ("was worried", "was known to services") are not counted, nor are quotations. It is a hint.',
    good: 'The front door received the referral, the team manager discussed it with the school, and she closed the case the next day.',
    sources: [SOURCES.statutory, SOURCES.decisionMaker, SOURCES.panelClarity],
    examples: {
      valid: [
        { text: 'The referral was received by the front door, and the team manager closed the case.' },
        { text: 'Ms R was worried and was known to services; she was registered with the GP.', note: 'states, not actions' },
      ],
      invalid: [{ text: 'The referral was received, the case was discussed and it was closed the next day.', match: 'was received' }],
    },
  },
  run(ctx) {
    eachSentence(ctx, PASSIVES, (block, s) => {
      if (s.passives.length < PASSIVE_CHAIN || s.quoted > 0.5) return;
      const first = s.passives[0]!;
      const list = s.passives.map((p) => `'${p.text}'`).join(', ');
      ctx.report({ span: { start: block.start + first.start, end: block.start + first.end }, message: this.meta.message.replace('{{count}}', String(s.passives.length)).replace('{{list}}', list) });
    });
  },
};

export const officialese: Check = {
  meta: {
    id: 'officialese',
    category: 'plain-english',
    kind: 'check',
    severity: 'hint',
    scope: 'sentence',
    fix: 'suggestion',
    summary: 'Use the plain word: "before", not "prior to"; "use", not "utilise".',
    message: "'{{match}}' has a plainer alternative{{plain}}. Plain words help families and the public, who read published reviews.",
    rationale:
      'Statutory guidance asks for a report in plain English that professionals and the public alike can understand. Phrases such as "prior to", "in order to", "utilise" and "in respect of" add length without meaning. The list is kept short and curated for review prose: legal phrases ("in accordance with section 47"), practice terms the jargon rules handle, statute and document titles, and quotations are not reported. The fix is a suggestion, offered one at a time, because the sentence may need a small rewording. It is a hint.',
    good: 'Before the meeting, the school used the referral form.',
    sources: [SOURCES.statutory, SOURCES.panelClarity],
    examples: {
      valid: [
        { text: 'Before the meeting, the school used the referral form.' },
        { text: 'The assessment was completed in accordance with section 47 of the Children Act 1989.', note: 'a legal phrase' },
        { text: "The minutes say 'prior to the meeting' the plan changed.", note: 'a quotation' },
      ],
      invalid: [
        { text: 'Prior to the meeting, the school utilised the referral form.', match: 'Prior to', output: 'Before the meeting, the school utilised the referral form.' },
        { text: 'Prior to the meeting, the school utilised the referral form.', match: 'utilised', output: 'Prior to the meeting, the school used the referral form.' },
        { text: 'Records in respect of the father were not shared.', match: 'in respect of', output: 'Records about the father were not shared.' },
        { text: 'It should be noted that the school did not refer.', match: 'It should be noted that', output: 'The school did not refer.' },
      ],
    },
  },
  run(ctx) {
    eachSentence(
      ctx,
      OFFICIALESE,
      (block, s) => {
        for (const o of s.officialese) {
          const span = { start: block.start + o.start, end: block.start + o.end };
          let edit = { ...span, text: o.plain };
          // Dropping a filler phrase takes the space after it too and capitalises what follows.
          if (o.plain === '') {
            const rest = ctx.doc.text.slice(span.end, span.end + 2);
            const lead = /^\s/.test(rest) ? 1 : 0;
            const nextChar = ctx.doc.text[span.end + lead] ?? '';
            const capital = /^\p{Lu}/u.test(o.text) ? nextChar.toUpperCase() : nextChar;
            edit = { start: span.start, end: span.end + lead + (nextChar ? 1 : 0), text: capital };
          }
          ctx.report({
            span,
            message: this.meta.message.replace('{{match}}', o.text).replace('{{plain}}', o.plain ? `: '${o.plain}'` : ': leave it out'),
            fixes: [{ title: o.plain ? `Replace with '${o.plain}'` : `Remove '${o.text}'`, kind: 'suggestion', edits: [edit] }],
          });
        }
      },
      true,
    );
  },
};

/** The plain-English checks. */
export const plainEnglishCheckList: readonly Check[] = [longSentence, hiddenDecisionMaker, passiveChain, officialese];
