/**
 * Word lists for the family-involvement analysis, compiled once. They follow the shared lexicons in
 * the research digest (family-involvement.md section 1.0, lines 33-84) and its reason taxonomy
 * (section 1.1, lines 86-120). Every pattern is case-insensitive unless it says otherwise.
 */

/** Builds a case-insensitive regular expression from alternatives, word-bounded at both ends. */
function words(...alternatives: string[]): RegExp {
  // ASCII boundaries and no 'u' flag: review prose is English, and this is several times faster.
  return new RegExp(`(?<![A-Za-z0-9])(?:${alternatives.join('|')})(?![A-Za-z0-9])`, 'i');
}

/** The same, global, for scanning. */
export function global(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
}

// ---------------------------------------------------------------------------------------------
// Where a sentence is about the review's own process (digest line 46, REVIEW_ANCHOR).

/** Strong anchors: unmistakably this review, even in a chronology. */
export const STRONG_ANCHOR = words(
  'this (?:rapid |local |thematic |national )?(?:review|lcspr|cspr|scr|practice review|safeguarding practice review|learning review|report)',
  '(?:for|to|in|into|with|of) the (?:rapid |local |thematic |national )?(?:review|lcspr|cspr)(?! (?:period|conference|meeting|health|date|hearing|of (?:the|his|her) (?:plan|care)))',
  'the (?:lcspr|cspr)',
  '(?:the |this )?(?:lead |independent |two |joint )?(?:reviewers?|review authors?|report authors?)',
  'the (?:review )?author',
  'the review (?:panel|team|group|chair)',
  'terms of reference',
  '(?:told|met|joined|spoke (?:to|with)|talked (?:to|with)|wrote to|contacted) us',
  'we (?:met|spoke|invited|wrote|contacted|approached|asked|offered)',
);

/** Wording that is about the review wherever it appears (digest line 153: always check "not been possible to meet with the parents"). */
export const SELF_ANCHORED = words(
  "not (?:been )?possible to (?:meet|speak|engage|talk|involve|include|interview|hear from)(?: with| to)? (?:the |her |his |their |both |each |either )?(?:(?:Child [A-Z]{1,3}|the child|the children|the baby)(?:'s|’s) )?(?:parents|family|mother|father|mum|dad|child|children|stepfather|stepmother|grand\\w+|carers?|siblings?|brothers?|sisters?)",
);

/** Weak anchors: "the review" alone, acceptable outside chronology and background. */
export const WEAK_ANCHOR = words('the (?:rapid |local )?review(?! (?:period|conference|meeting|health|date|hearing))', 'the panel', 'the partnership', 'safeguarding partners');

/** Sentences that talk about research or other reviews rather than this one. */
export const RESEARCH = words(
  'research(?:ers)?', 'stud(?:y|ies)', 'et al\\.?', 'national panel', "the panel's (?:guidance|report)", 'working together',
  'guidance (?:says|states|requires|expects|suggests)', 'reviews (?:often|rarely|commonly|frequently|have found|tend)',
  'in many reviews', 'other reviews', 'published reviews',
);

// ---------------------------------------------------------------------------------------------
// Involvement statuses (digest lines 50-60, INVOLVE_POS and INVOLVE_NEG).

const REVIEWER = '(?:the |this |our )?(?:lead |independent |review |case |two |joint )?(?:reviewers?|authors?|review(?:er)? team|review panel|panel(?: members?)?|chair|review)';

/** Took part: met the reviewer, contributed, shared views, told the review. */
export const TOOK_PART = words(
  `(?:met|meeting|spoke|speaking|talked|talking)(?: (?:with|to))? ${REVIEWER}`,
  `${REVIEWER} (?:met|spoke (?:to|with)|interviewed|visited|talked (?:to|with)|heard from)`,
  '(?:was|were|has been|have been|had been) (?:interviewed|visited)',
  'met (?:twice|once|(?:on )?(?:two|three|four|five|several|\\d+) (?:occasions|times))',
  'took part', 'taking part', 'participated', 'contributed(?= to (?:the|this) (?:review|lcspr|cspr|learning|process)|\\s+(?:in writing|by|through|their|her|his|views)|[.,;])',
  'gave (?:his|her|their) (?:views|account|perspective)', 'shared (?:his|her|their) (?:views|experiences?|account|perspectives?|memories|reflections)',
  `(?:told|explained to|described to|said to|wrote to) ${REVIEWER}`,
  '(?:told|said to|spoke to|met|joined) us', 'we (?:met|spoke (?:to|with)|heard from)',
  '(?:his|her|their|(?:mother|father|parent|family|grandmother|grandfather|carer)(?:s)?(?:\'s|’s|s\'|s’)) (?:views|contributions?|accounts?|perspectives?|reflections) (?:was|were|has been|have been|is|are) (?:sought and )?(?:included|reflected|shared|incorporated|set out|used|given|obtained|heard)',
  'chose to (?:meet|speak|talk|write|take part|contribute|share)', 'completed (?:a|the) (?:questionnaire|survey)', 'agreed to (?:meet|take part|contribute|be interviewed|share|speak)',
);

/** Invited or approached. */
export const INVITED = words(
  '(?:was|were|had been|has been|have been) (?:each |both |also |then |first )?(?:invited|asked (?:whether|if)|asked to (?:contribute|take part|participate|meet|share|talk)|approached|contacted|offered (?:the opportunity|a meeting|the chance)|given the opportunity|written to|sent (?:a letter|letters|an invitation))',
  'invitations? (?:to (?:take part|contribute|participate|meet) )?(?:was|were) (?:sent|extended|made|given)',
  '(?:letters?|an invitation|a leaflet) (?:was|were) sent',
  '(?:we|the (?:lead |independent )?reviewer|the (?:review )?author|the (?:review )?panel|the partnership|the business manager|the chair|(?:her|his|their) social worker) (?:invited|wrote to|contacted|approached|telephoned|phoned|emailed|visited)',
  'invited (?:to (?:contribute|take part|participate|meet|share))',
  'an invitation', 'by letter', 'one letter', 'a single letter',
);

/** Declined, which is a person's right and counts as a reason (digest line 778). */
export const DECLINED = words(
  'declined(?! (?:the |an? |any )?(?:offers?|referrals?|services?|support|appointments?|assessments?|visits?|help|treatment|medication|interventions?|early help|vaccin\\w*|immunis\\w*|scans?|tests?|screening|contraception|admission))',
  'cho(?:se|sen) not to (?:take part|participate|contribute|be involved|meet|engage|speak)',
  '(?:asked|requested) not to be (?:contacted|involved|approached|included|interviewed)', 'did not take (?:this|it|the (?:offer|opportunity|invitation)) up', 'did not take up (?:the|this|that) (?:offer|opportunity|invitation)',
  '(?:has|have|had) not (?:yet )?(?:wished|wanted) to (?:take part|participate|contribute|be involved|meet)',
  'did not (?:wish|want) to (?:take part|participate|contribute|be involved|meet|engage|speak|be interviewed|share)',
  'decided not to (?:take part|participate|contribute|be involved|meet)',
  'refused to (?:take part|participate|contribute|be involved|meet)',
  'did not feel able to (?:take part|participate|contribute|meet|speak|be involved)',
  'did not feel ready to (?:take part|participate|contribute|meet|speak)',
);

/** Did not respond. */
export const NO_RESPONSE = words(
  'did not (?:respond|reply)', '(?:has|have|had) not (?:responded|replied)', 'no (?:response|reply)', 'not responded',
  'without (?:a )?(?:response|reply)', 'failed to respond', 'went unanswered',
  '(?:neither|none|nobody|no one)(?: (?:parent|of them|of the \\w+))? (?:responded|replied|answered)',
);

/** Could not be reached. */
export const NOT_REACHED = words(
  'could not be (?:contacted|reached|traced|located|found)', '(?:was|were) (?:unable to be|not able to be) (?:contacted|reached|traced|located)',
  'unable to (?:contact|reach|trace|locate|find) (?:him|her|them|the (?:father|mother|family|parents))',
  'no (?:current |up-to-date |known )?(?:contact details|address)', 'whereabouts (?:are|were|is|was|remain|remained) (?:unknown|not known)',
  '(?:letters?|mail) (?:was|were) returned',
);

/** Not approached or excluded by decision. */
export const NOT_APPROACHED = words(
  '(?:was|were|has|have|had) not (?:been )?(?:approached|invited|contacted|asked to (?:contribute|take part|participate|meet))',
  'not (?:approached|invited)(?= (?:to|for|because|due|as|at|until|given|on)|[.,;])',
  '(?:was|were|has|have|had) not (?:been )?asked(?=\\s+(?:because|due|as|given|directly|to (?:take part|contribute|participate|meet|share|speak|talk)|whether (?:she|he|they) (?:wanted|would like|wished) to)|\\s*[.,;])',
  '(?:decided|decision|agreed|chose|choice|determined) not to (?:involve|approach|contact|invite|interview|speak to|speak with|ask|include|meet)(?! (?:with )?(?:the |this |our )?(?:lead |independent )?(?:reviewers?|authors?|review|panel)| us| anyone)',
  '(?:agreed|decided|determined|concluded) (?:that )?.{0,60}?(?:would|should|could) not (?:be )?(?:approached|involved|invited|contacted|asked|interviewed|included|spoken to)',
  'excluded from (?:the|this) (?:review|process)', '(?:a |the )?decision (?:was (?:made|taken) )?to exclude',
  'not (?:considered|felt|deemed|thought|judged) (?:to be )?(?:appropriate|proportionate|in .{0,30}?best interests?|helpful|safe|right) to (?:involve|approach|contact|ask|invite|interview|include|speak)',
  '(?:would|will|should) not be (?:asked|invited|approached|involved|contacted|interviewed)',
  'no (?:approach|contact|invitation) (?:was|has been|had been) made',
  'neither .{1,60}? (?:would|will|should|could) be (?:approached|involved|invited|contacted|asked|interviewed)',
);

/** Not involved, with or without a reason. */
export const NOT_INVOLVED = words(
  '(?:was|were|has|have|had) not (?:been )?(?:involved|met|seen|spoken (?:to|with)|interviewed|consulted|heard|included)(?! (?:by|in) (?:the |her |his |their )?(?:social workers?|health visitors?|school|teachers?|GPs?|midwi(?:fe|ves)|police|professionals?|practitioners?|agenc(?:y|ies)|services|assessments?|plans?|meetings?|conferences?|decisions?|care planning))',
  'not (?:been )?possible to (?:meet|speak|engage|involve|include|contact|interview|hear|obtain|gain|talk|seek|arrange)',
  '(?:was|were|has been|have been|had been) (?:unable|not able) to (?:meet|speak|engage|involve|include|interview|talk|contribute|take part|participate)',
  'unable to (?:meet|speak|engage|involve|include|interview|talk to)',
  'did not (?:take part|participate|contribute|meet (?:the|with)|engage with (?:the|this) review|speak (?:to|with) (?:the|this) (?:review|reviewer|author))',
  'no (?:family members?|parents?|one from the family|relatives?) (?:took part|contributed|(?:was|were) involved)',
  'not (?:involved|included) in (?:the|this) review', 'without (?:the )?(?:involvement|input|views) of (?:the )?(?:family|parents|mother|father|child)',
  '(?:has|have|had|did) not (?:engaged|engage) with (?:the|this) (?:review|process)',
  "(?:views|accounts?|perspectives?|contributions?) (?:has|have|had|was|were) not (?:been )?(?:obtained|sought|gathered|included|heard|possible to obtain)",
  'attempts to (?:engage|contact|reach|involve|speak (?:to|with)|meet) .{1,40}? (?:were|have been|had been|was) (?:unsuccessful|not successful)',
);

/** A promise of involvement later (digest line 216, R06). */
export const FUTURE_INVOLVEMENT = words(
  '(?:will|would|is to|are to) be (?:invited|offered|approached|contacted|given (?:the|an) opportunity|asked|met|seen)',
  '(?:will|would) (?:be able to )?(?:contribute|take part|meet|participate)',
  '(?:intends?|intended|plans?|planned|hopes?|hoped) to (?:meet|speak|invite|offer|contact|approach|involve)',
  '(?:it is|it was) (?:intended|planned|hoped|anticipated|agreed) (?:that|to)', 'at a (?:later|future) (?:date|stage|point|time)',
  'will be revisited', 'will revisit', '(?:will|would) (?:write to|contact|approach|offer|invite|meet(?: with)?)',
);

/** What a deferral waits for: a trial, an inquest, proceedings. */
export const DEFERRAL_CONDITION = words(
  '(?:once|when|after|until|following|post|pending)\\s+(?:the |any |all |these |those )?(?:criminal |court |legal |care |civil |family court |police |parallel |concurrent )?(?:proceedings|trial|inquest|investigations?|sentencing|hearings?|court case|(?:criminal|court|legal|justice|care) process(?:es)?|prosecution)',
  '(?:once|when|after|until|following|on|at|by|within [\\w ]{1,20}? of)\\s+(?:the )?(?:conclusion|end|outcome|close|completion) of (?:the |any |all )?(?:criminal |court |legal |care |civil |family court |police |parallel |concurrent )?(?:proceedings|trial|inquest|investigations?|sentencing|hearings?|court case|(?:criminal|court|legal|justice|care) process(?:es)?|prosecution)',
  '(?:proceedings|trial|inquest|investigation|prosecution) (?:has|have|had|is|are) (?:concluded|ended|finished|complete)',
);

/** Later text saying whether a deferred meeting happened (digest line 217). */
export const FOLLOW_UP = words(
  'addend(?:um|a)', 'postscript', 'update(?:d)?(?: (?:on|to|following|after))', '(?:has|have|had) since (?:met|spoken|contributed|been (?:met|seen|interviewed)|shared|taken part|declined)',
  'subsequently (?:met|spoke|contributed|declined|took part|shared|was interviewed|were interviewed)',
  'since the (?:trial|inquest|proceedings|sentencing) (?:ended|concluded|finished)', '(?:trial|inquest|proceedings) (?:has|have|had) now (?:concluded|ended|finished)',
  'after the (?:trial|inquest|proceedings)(?: (?:ended|concluded))?,? (?:the )?(?:mother|father|parents|family|grandmother|grandfather|[A-Z][a-z]+) (?:met|spoke|contributed|shared|declined)',
  'outcome of (?:the|this) (?:offer|invitation|meeting)',
);

/** An owner and a timescale for a deferred offer (digest line 218). */
export const OWNER = words('partnership', 'business manager', 'safeguarding partners', 'lead reviewer', 'independent reviewer', 'the chair', 'named (?:officer|manager|lead)');
export const TIMESCALE = words(
  'within (?:\\d+|one|two|three|four|six|eight|twelve) (?:weeks|months|working days)', 'by (?:january|february|march|april|may|june|july|august|september|october|november|december)(?: \\d{4})?',
  'by the end of (?:\\w+ )?\\d{4}', 'addendum',
);

// ---------------------------------------------------------------------------------------------
// Reasons (digest section 1.1, lines 86-120).

/** Kinds of reason, as the sources give them, plus a few common ones marked as not evidenced there. */
export type ReasonKind =
  | 'legal'
  | 'inquest'
  | 'suspect'
  | 'declined'
  | 'no-response'
  | 'not-reached'
  | 'grief'
  | 'trauma'
  | 'stability'
  | 'overwhelmed'
  | 'child-age'
  | 'safety'
  | 'move-on'
  | 'child-wishes'
  | 'relationship'
  | 'health'
  | 'practical'
  | 'died'
  | 'no-relationship'
  | 'stated-elsewhere';

export const REASONS: ReadonlyArray<[ReasonKind, RegExp]> = [
  ['legal', words(
    'criminal (?:proceedings|investigations?|trial|case|justice process|process)', 'police investigations?',
    '(?:ongoing|pending|live|current|concurrent|parallel|continuing|outstanding) (?:criminal |court |legal |care |police |family )?(?:proceedings|investigations?|trial|prosecution|process(?:es)?|enquiries)',
    'court (?:proceedings|case|process|hearings?)', 'care proceedings', 'family (?:court|proceedings)', 'civil proceedings',
    '(?:the|a|his|her|their|forthcoming|upcoming) (?:criminal )?trial', 'prosecution', 'CPS', 'crown prosecution',
    'legal (?:proceedings|process(?:es)?|advice|reasons)', 'sub judice', 'bail conditions',
  )],
  // Not in the digest's five sources (line 117): an inquest or the coroner, a parallel process but not a prosecution.
  ['inquest', words('inquests?', "coroner(?:'s|’s)?")],
  ['suspect', words(
    '(?:alleged |suspected |the )?perpetrators?', 'suspects?', 'suspected of', 'witness(?:es)?', '(?:was|were|has been|have been|had been) (?:charged|arrested|convicted)',
    'charged with', 'convicted of', 'awaiting (?:trial|sentence|sentencing)', 'remanded',
  )],
  ['grief', words('griev(?:ing|e|ed)', 'grief', 'bereave(?:d|ment)', 'devastated', 'mourning', 'loss of (?:their|her|his) (?:child|son|daughter|baby|brother|sister)')],
  ['trauma', words(
    're-?traumati[sz]\\w*', '(?:further|more|additional|renewed) (?:trauma|harm|distress)', 'traumati[sz]\\w*', 'trauma', 'distress(?:ing|ed)?',
    '(?:negative )?emotional (?:impact|harm|wellbeing|cost)', 'upsett?ing', 'harmful (?:to|for) (?:him|her|them)',
    'impact on (?:his|her|their) (?:mental health|wellbeing|recovery|therapy)',
  )],
  ['stability', words('placement stability', 'disrupt(?:ive|ion|ed)?', 'unsettl(?:e|ed|ing)', 'destabilis\\w*', 'stability')],
  ['overwhelmed', words('overwhelm(?:ed|ing)', 'did not feel able', 'not feel able', 'not (?:yet )?ready', 'too (?:painful|difficult|soon|raw)')],
  ['child-age', words(
    "(?:his|her|their|the child's|the children's|the baby's|[A-Z][\\w-]*'s) (?:very )?(?:young )?ages?", 'too young', '(?:very|so|still) young', 'age and (?:understanding|stage of development|maturity)',
    'developmental (?:age|stage)', 'pre-?verbal', 'who (?:is|was) (?:only |just )?\\d{1,2}(?! (?:years? |months? )?(?:ago|times))', '(?:was|is|were|are) (?:a baby|babies|an infant|infants|only \\d+)', '(?:\\d+|few) (?:weeks|months) old',
  )],
  ['safety', words('(?:in|at) danger', '(?:put|place|placing|putting) (?:him|her|them|the child|the children) at risk', '(?:his|her|their) safety', 'safety (?:concerns|reasons|grounds)', 'risk to (?:him|her|them|the child|the children)')],
  ['move-on', words('move on', 'moving on', 'put (?:it|this|events|the past) behind')],
  ['child-wishes', words('did not want (?:her|his|their) (?:parents?|mother|father|family|carers?)', '(?:at|respecting|respected|in line with) (?:her|his|their) (?:request|wishes)', '(?:his|her|their) wish(?:es)? (?:not|that)')],
  ['relationship', words(
    'relationship with (?:statutory |children.s |social care |local )?(?:services|agencies|professionals|the local authority)',
    '(?:negative|difficult|poor|past|previous|bad) (?:experiences?|relationships?) (?:of|with)', 'mistrust', 'distrust', 'lack of trust',
  )],
  ['health', words('(?:too )?(?:unwell|ill)(?! (?:health|treatment))', '(?:physical|mental) (?:ill-?)?health', 'in hospital', 'hospitali[sz]ed', 'capacity')],
  ['practical', words(
    'in (?:custody|prison)', 'serving a (?:prison |custodial )?sentence', '(?:lives|living|moved|relocated|returned) (?:abroad|overseas|out of the country)',
    'timescales?', 'time ?frames?', 'covid', 'pandemic', 'lockdown', '(?:online|virtual)(?:-only)? meetings?',
  )],
  ['died', words('(?:has|had|have) (?:since )?(?:died|passed away)', '(?:is|was|are|were) (?:now )?deceased')],
  ['no-relationship', words(
    '(?:had |has )?(?:no|little|limited|not had any) (?:contact|involvement|relationship|role) (?:with|in) (?:the child|the children|the family|child \\w+|him|her|them|his (?:son|daughter|children)|her (?:son|daughter|children)|[A-Z]\\w+)',
    "not (?:part of|involved in) (?:the child's|his|her|[A-Z]\\w+'s) (?:life|care|upbringing)", 'identity (?:is|was|remains) (?:not known|unknown)', '(?:is|was|remains) not known to (?:agencies|services)',
  )],
  ['stated-elsewhere', words(
    'for (?:the )?reasons (?:set out|explained|given|described)', '(?:see|set out in|explained in|described in) (?:section|paragraph|appendix)', 'for personal reasons',
    'due to (?:his|her|their) (?:personal )?(?:circumstances|situation|wishes|request)', '(?:for|on) (?:safeguarding|legal|confidentiality|welfare) (?:grounds|reasons)',
    "in line with (?:the )?(?:panel(?:'s|’s) |national |statutory |local )?guidance", '(?:is|was|are|were) not (?:expected|required)',
  )],
];

/** A decision stated as if it were a reason (digest line 167, R03; seed 000 line 120). */
export const DECISION = words(
  '(?:the |this )?(?:review |practice review )?(?:panel|partnership|safeguarding partners|partners|review group|steering group|chair|we) (?:has |have |had )?(?:decided|agreed|concluded|determined|took the decision|made (?:a|the) decision)',
  'it was (?:decided|agreed|felt|considered|concluded|determined|judged|thought)', '(?:a|the) decision was (?:made|taken)', 'decision (?:was made |was taken )?(?:not )?to exclude',
  '(?:was|were) (?:not )?(?:felt|considered|deemed|thought|judged) (?:to be )?(?:appropriate|proportionate|inappropriate)', '(?:not|in)appropriate to (?:involve|approach|contact|invite|include)',
);
/** An agentless decision: nobody is named as deciding. */
export const AGENTLESS_DECISION = words('it was (?:decided|agreed|felt|considered|concluded|determined|judged|thought)', '(?:a|the) decision was (?:made|taken)(?! by)', '(?:was|were) not (?:felt|considered|deemed|thought|judged)');

/** What was done instead of meeting the family, or liaison that shaped the decision (digest line 183-185, R04). */
export const LIAISON = words(
  'senior investigating officer', 'SIO', 'CPS', 'crown prosecution', 'protocol for liaison', 'liaison protocol', 'officer in the case',
  '(?:liaison|liaised|consulted|consultation|agreed|discussion|discussed|advice|advised) (?:with|from|by) (?:the )?(?:police|officer in the case|investigating officer|detective|SIO|CPS|prosecutor)',
  '(?:police|CPS) (?:were|was|had been) consulted', 'family liaison officer', 'FLO',
  '(?:the )?(?:police|investigating officers?|officer in the case|prosecutors?) (?:advised|agreed|asked|requested|confirmed|were asked)',
);
export const ALTERNATIVE = words(
  'extended family', 'wider family', '(?:maternal|paternal) (?:grand\\w+|aunt|uncle|family)', 'other (?:relatives|family members)',
  'through (?:their|her|his|the) (?:solicitor|legal representatives?|family liaison officer|social worker|advocate|foster carers?|carers?|school|teacher)',
  'victim (?:impact|personal) statements?', 'written (?:questions|contribution|account|statement)', 'in writing',
  '(?:their|her|his) (?:views|account|perspective|voice|experience)s? (?:was|were|is|are|has been|have been) (?:represented|reflected|obtained|gathered|captured|heard|drawn) (?:through|by|from)',
  'drew on', 'drawn from', 'statements? (?:made|given) to (?:the )?police',
  'professionals? (?:who knew|known to) (?:the family|them|her|him|the child|the children)',
);
export const RENEWAL = words(
  '(?:will|would) be (?:offered|invited|given|approached|contacted|asked)', 'remains? open', '(?:can|could|may) (?:still )?contribute',
  'revisit(?:ed)?', '(?:offer|opportunity|invitation) (?:will be|is to be|would be) (?:renewed|repeated|made again|extended)', 'addendum',
  'at a (?:later|future) (?:date|stage|point)',
);

/** Other ways the child's voice was captured (digest line 405, R22). */
export const CHILD_ALTERNATIVE = words(
  '(?:social workers?|foster carers?|carers?|kinship carers?|school|teachers?|nursery|key workers?|guardian|therapist|counsellor|youth worker|residential staff|health visitor)(?:s)? (?:who knew|told|described|shared|said|spoke|were asked|was asked|helped|supported)',
  '(?:through|via|from|with the help of) (?:his|her|their|the child.s|the) (?:social worker|foster carers?|carers?|school|teachers?|nursery|key worker|guardian|therapist|youth worker|advocate)',
  'observations?', 'play(?:-based)?', 'drawings?', 'written questions', 'questionnaire', 'leaflet', 'victim impact statement', 'letters?, (?:emails|messages)',
  '(?:his|her|their) (?:views|wishes|feelings|voice|experiences?|perspective) (?:was|were|is|are|has been|have been) (?:represented|reflected|obtained|gathered|captured|heard|drawn|sought|described|shared)',
  '(?:records|diaries|school work|messages|texts|social media) (?:show|showed|describe|described|record|recorded)', 'drew on', 'drawn from',
  'what (?:he|she|they) (?:said|told|wrote|had said)', 'picture exchange', 'PECS', 'communication aid',
);

/** Someone asked about, or consulted on, the decision not to involve a child (R15/R22). */
export const CONSULTED = words(
  '(?:in discussion|after (?:discussion|consulting|consultation)|having (?:consulted|discussed)|on the advice of|advised by|following advice from|in agreement) (?:with )?(?:her|his|their|the child.s|the) (?:carers?|foster carers?|social worker|therapist|guardian|parents?|mother|father|clinician|psychologist|counsellor|CAMHS)',
  '(?:her|his|their) (?:carers?|foster carers?|social worker|therapist|guardian|clinician|psychologist|counsellor) (?:advised|recommended|felt|thought|agreed|was consulted|were consulted)',
  '(?:she|he|they|the child|the young person) (?:was|were) (?:asked|consulted|offered)', 'was (?:asked|consulted) (?:whether|if)',
);

/** More than one approach (R05; seed 000 lines 142 and 206). */
export const FURTHER_ATTEMPT = words(
  'second', 'further (?:letters?|calls?|attempts?|approach|contact|invitation)', 'follow-?up', 'again', 'reminder', 'repeated', 'twice', 'two (?:letters|calls|attempts|invitations|occasions)',
  'three|four|five', '(?:also|then) (?:phoned|called|telephoned|visited|texted|emailed|wrote)', 'through (?:her|his|their) (?:social worker|solicitor|advocate|key worker|support worker|probation officer)',
  'professional (?:known to|who knew)', 'advocate', 'family liaison officer', 'in person', 'home visit',
);
/** A single approach. */
export const SINGLE_ATTEMPT = words('(?:a|one|single) (?:letter|email|invitation|text message|text|phone call|telephone call|call)', 'by letter', 'was written to', 'wrote (?:to )?(?:him|her|them|both parents|the parents|the family|each parent) once', 'a letter (?:was|had been) sent');

/** Support offered to take part (digest line 67, SUPPORT_TERM). */
export const SUPPORT = words(
  'advoca(?:te|tes|cy)', 'family liaison officers?', 'FLO', 'victim support', '(?:supported|accompanied) by', 'support (?:was|were|has been|had been|is) (?:offered|provided|given|arranged|available)',
  'offered (?:support|the support|an advocate|help|an interpreter)', '(?:specialist|independent|bereavement|emotional|practical|ongoing) support', 'legal advice', 'interpreters?',
  '(?:a time|times|a venue|a place|the venue|the place)(?: and (?:a )?(?:place|venue|time))? (?:of|that suited|convenient (?:to|for)|chosen by) (?:their|her|his|the family)',
  '(?:at|in) (?:her|his|their) (?:own )?home', '(?:their|her|his) own pace', 'breaks', 'trusted (?:adult|professional)', 'professionals? (?:known to|who knew) (?:the family|them|her|him)',
  'with (?:her|his|their) (?:social worker|support worker|key worker|carer|foster carer|advocate) present', 'support worker', 'counsell?ing', 'signposted',
  'referr(?:al|ed) (?:for|to) (?:support|counselling|bereavement)', 'easy[- ]read', 'supported (?:her|him|them) to',
);

// ---------------------------------------------------------------------------------------------
// Tokenistic treatment of what families said (digest line 355, R18; seed 000 lines 164-168).

export const DISMISSED = words(
  'no (?:additional|new|further|significant) (?:learning|information|insights?|issues|themes|findings)(?: (?:was|were|has been|have been|had been) (?:identified|gained|obtained|found|learned|learnt))?',
  'did not (?:add|provide|offer|contribute|reveal|bring) (?:anything|any(?: \\w+)?)(?: new| additional| further)?', 'added (?:nothing|little)(?: new| further)?', 'nothing (?:new|additional|further)',
  'did not (?:change|alter|affect) (?:the|this review.s|our) (?:findings|learning|analysis|conclusions)', '(?:offered|contributed|provided|added) (?:little|nothing) (?:new |additional )?(?:to|of)',
  'no (?:new|additional) (?:learning|information) (?:arose|emerged)', 'confirmed what was already known',
);
export const WEIGHED = words(
  '(?:weighed|tested|checked|compared|considered|set|read) (?:it |this |them |(?:their|her|his) (?:account|views|contribution) )?(?:against|alongside|with)', 'consistent with', 'corroborat\\w*', 'triangulat\\w*',
  '(?:confirmed|supported|matched|differed from|contradicted|challenged) (?:the |what )?(?:agency )?(?:records|chronology|accounts?|information|findings|practitioners)', 'reflected in (?:section|paragraph|finding|the findings)',
  '(?:see|set out in) (?:section|paragraph|finding)', 'because (?:it|their|her|his|this|the|she|he|they)', 'this (?:matters|is important|is significant)',
  '(?:helped|shaped|informed|strengthened|sharpened) (?:the|this|our)', 'how (?:it|this|their (?:account|views)) (?:was|were) (?:used|weighed)',
);

// ---------------------------------------------------------------------------------------------
// The child's voice (digest line 386, R21).

export const VOICE_HEADING = words(
  'voice of (?:the )?(?:child|children|young (?:person|people)|baby)', "(?:child|children|young person|baby)(?:'s|s'|’s)? (?:voice|views|wishes|lived experience|daily life|experience|world|story)",
  "[A-Z][\\w-]*(?:'s|’s) (?:voice|views|wishes|lived experience|daily life|experience|world|story|life|day)", 'what (?:life|(?:a |each )?day) was like', 'lived experience', 'who (?:was|is) [A-Z]', 'about [A-Z][\\w-]+$', 'day in the life',
);
export const CHILD_VOICE = words(
  'told', 'said', 'says', 'described', 'explained', 'wrote', 'disclosed', 'asked (?:for|to|if|whether|that)', 'wanted', 'wished', 'hoped', 'liked', 'loved', 'enjoyed', 'hated', 'was (?:proud|frightened|scared|afraid|happy|sad|worried|angry)',
  'felt', 'feels', 'expressed', 'voice', 'views', 'wishes and feelings', 'wishes', 'perspective', 'lived experience', 'daily life', 'day-to-day', 'everyday life', 'in (?:his|her|their) (?:own )?words',
  'what (?:life|(?:his|her|their) (?:life|day)) was like',
);
/** Daily-life markers, for a baby or a child who does not speak (seed 002 line 694; seed 004 lines 3214 and 3383). */
export const DAILY_LIFE = words(
  "(?:his|her|their|the baby's|the child's|[A-Z][\\w-]*(?:'s|’s)) (?:day|days|daily life|daily routine|routines?|world|home life|experience of (?:home|care|daily life|family life))",
  'what (?:life|(?:his|her|their|each|a) day) (?:was|would have been|must have been|felt) like', 'lived experiences?', 'day-to-day', 'a typical day',
  'would have (?:heard|seen|experienced|felt)', '(?:spent|spend) (?:his|her|their|most of (?:his|her|their)) days', 'was left (?:alone|in (?:a|her|his|the) (?:cot|pram|room|buggy|car seat))',
  'cared for (?:him|her|them) (?:each|every) day', 'everyday life',
);
/** The child offered a say in the review itself (R22). */
export const CHILD_SAY = words(
  '(?:was|were) (?:asked|offered|invited|given the (?:chance|opportunity))(?:,[^,]{0,60},)? (?:to|for|whether|if)', '(?:his|her|their) views (?:were|was|have been|had been) (?:sought|asked for|gathered|obtained)',
  `(?:met|spoke (?:to|with)|talked (?:to|with)|wrote to) ${REVIEWER}`, 'contributed', 'took part', 'participated', 'not (?:asked|spoken to|approached|invited|involved)',
);

/** Death of the child: the review cannot offer them a say. */
export const CHILD_DIED = words('died', 'death', 'was killed', 'murder(?:ed)?', 'passed away', 'fatal(?:ly)?', 'sudden unexpected', 'SUDI', 'SUDC', 'took (?:his|her|their) own life', 'suicide');

/** Fathers are known not to exist or be alive (then leaving them out needs no comment). */
export const FATHER_ABSENT = words(
  "(?:father|father's identity|dad)(?:'s identity)? (?:is|was|remains|remained) (?:not known|unknown)", '(?:father|dad) (?:is|was) not named', 'no father (?:is|was) (?:named|known|recorded)',
  '(?:father|dad) (?:had|has) died', '(?:father|dad) (?:died|passed away)', 'death of (?:her|his|their|the) (?:father|dad)', 'late father',
);

/** Male carers left out (digest line 426, R24). */
export const PERPETRATOR_CONTEXT = words('perpetrat\\w*', 'convicted', 'charged', 'suspect(?:ed)?', 'arrested');
