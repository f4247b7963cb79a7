/**
 * Word lists and patterns for the identity-context rules: the many ways a draft states a child's
 * ethnicity, religion or faith, first language and disability, and the ways it fails to.
 * Every pattern is compiled once, here. Lists are deliberately generous: a statement we fail to
 * recognise becomes a false alarm on good writing, which is worse than a missed absence.
 */

/** The four characteristics the absence rules ask for. */
export type Characteristic = 'ethnicity' | 'religion' | 'language' | 'disability';
export const CHARACTERISTICS: readonly Characteristic[] = ['ethnicity', 'religion', 'language', 'disability'];

const alt = (words: readonly string[]): string => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');

// Nationalities, peoples and heritages as adjectives (capitalised in the draft).
const PEOPLES = [
  'Afghan', 'African', 'Albanian', 'Algerian', 'American', 'Amhara', 'Angolan', 'Arab', 'Arabic', 'Armenian', 'Ashanti', 'Asian',
  'Australian', 'Azerbaijani', 'Baloch', 'Bangladeshi', 'Belarusian', 'Bengali', 'Bosnian', 'Brazilian', 'British', 'Bulgarian',
  'Burmese', 'Cameroonian', 'Caribbean', 'Chinese', 'Colombian', 'Congolese', 'Cornish', 'Croatian', 'Cypriot', 'Czech', 'Dutch',
  'East African', 'Eastern European', 'Ecuadorian', 'Egyptian', 'English', 'Eritrean', 'Estonian', 'Ethiopian', 'European', 'Fijian',
  'Filipino', 'French', 'Gambian', 'German', 'Ghanaian', 'Greek', 'Gujarati', 'Guyanese', 'Hazara', 'Hong Kong', 'Hungarian', 'Igbo',
  'Indian', 'Indonesian', 'Iranian', 'Iraqi', 'Irish', 'Italian', 'Ivorian', 'Jamaican', 'Japanese', 'Jordanian', 'Kashmiri', 'Kenyan',
  'Korean', 'Kosovan', 'Kosovar', 'Kurdish', 'Latvian', 'Lebanese', 'Liberian', 'Libyan', 'Lithuanian', 'Malawian', 'Malaysian',
  'Maltese', 'Mauritian', 'Mexican', 'Mirpuri', 'Moldovan', 'Moroccan', 'Nepalese', 'Nepali', 'Nigerian', 'North African', 'Oromo',
  'Pakistani', 'Palestinian', 'Pashtun', 'Persian', 'Polish', 'Portuguese', 'Punjabi', 'Romanian', 'Russian', 'Rwandan', 'Scottish',
  'Senegalese', 'Serbian', 'Sierra Leonean', 'Sikh', 'Sinhalese', 'Slovak', 'Slovakian', 'Somali', 'Somalian', 'South African',
  'South Asian', 'South American', 'Spanish', 'Sri Lankan', 'Sudanese', 'Sylheti', 'Syrian', 'Tamil', 'Thai', 'Tigrayan', 'Turkish',
  'Turkmen', 'Ugandan', 'Ukrainian', 'Vietnamese', 'Welsh', 'West African', 'West Indian', 'Yemeni', 'Yoruba', 'Zambian', 'Zimbabwean',
  'Gypsy', 'Roma', 'Romany', 'Romani', 'Traveller', 'Irish Traveller', 'Romanichal', 'Sinti', 'Showman', 'Black', 'White',
];
/** Peoples that are not minoritised in England, for the racism rule. */
export const MAJORITY_PEOPLES = /^(?:white(?:[\s-]+(?:British|UK|English|Scottish|Welsh|Irish))?|British|English|Scottish|Welsh|Irish|Cornish|UK)$/i;

const COUNTRIES = [
  'Afghanistan', 'Albania', 'Algeria', 'Angola', 'Bangladesh', 'Bosnia', 'Brazil', 'Bulgaria', 'Cameroon', 'China', 'Colombia', 'Congo',
  'Croatia', 'Czech Republic', 'Democratic Republic of Congo', 'Egypt', 'Eritrea', 'Ethiopia', 'Gambia', 'Ghana', 'Greece', 'Guinea',
  'Hong Kong', 'Hungary', 'India', 'Iran', 'Iraq', 'Ivory Coast', 'Jamaica', 'Kenya', 'Kosovo', 'Kurdistan', 'Latvia', 'Lebanon',
  'Libya', 'Lithuania', 'Malawi', 'Mali', 'Morocco', 'Nepal', 'Nigeria', 'Pakistan', 'Palestine', 'Philippines', 'Poland', 'Portugal',
  'Romania', 'Russia', 'Rwanda', 'Senegal', 'Serbia', 'Sierra Leone', 'Slovakia', 'Somalia', 'Somaliland', 'South Sudan', 'Sri Lanka',
  'Sudan', 'Syria', 'Trinidad', 'Turkey', 'Uganda', 'Ukraine', 'Vietnam', 'Yemen', 'Zimbabwe', 'Zambia', 'the Caribbean', 'West Africa',
  'East Africa', 'North Africa', 'Central Africa', 'the Horn of Africa', 'South Asia', 'the Indian subcontinent', 'the Middle East',
  'Eastern Europe', 'the Balkans', 'Latin America', 'South America', 'Central America',
];

const LANGUAGES = [
  'Akan', 'Albanian', 'Amharic', 'Arabic', 'Bangla', 'Bengali', 'Bosnian', 'British Sign Language', 'BSL', 'Bulgarian', 'Cantonese',
  'Chinese', 'Creole', 'Croatian', 'Czech', 'Dari', 'Dutch', 'English', 'Estonian', 'Ewe', 'Farsi', 'Filipino', 'French', 'Ga', 'Gaelic',
  'German', 'Greek', 'Gujarati', 'Hakka', 'Hausa', 'Hebrew', 'Hindi', 'Hungarian', 'Igbo', 'Indonesian', 'Irish', 'Italian', 'Japanese',
  'Kiswahili', 'Korean', 'Krio', 'Kurdish', 'Kurmanji', 'Latvian', 'Lingala', 'Lithuanian', 'Luganda', 'Makaton', 'Malay', 'Malayalam',
  'Mandarin', 'Marathi', 'Mirpuri', 'Nepali', 'Oromo', 'Pahari', 'Panjabi', 'Pashto', 'Pashtu', 'Patois', 'Persian', 'Polish',
  'Portuguese', 'Pothwari', 'Punjabi', 'Romani', 'Romanes', 'Romanian', 'Russian', 'Scots', 'Serbian', 'Shona', 'Sinhala', 'Slovak',
  'Somali', 'Sorani', 'Spanish', 'Swahili', 'Sylheti', 'Tagalog', 'Tamil', 'Telugu', 'Thai', 'Tigre', 'Tigrinya', 'Turkish', 'Twi',
  'Ukrainian', 'Urdu', 'Vietnamese', 'Welsh', 'Wolof', 'Xhosa', 'Yiddish', 'Yoruba', 'Zulu',
];

const FAITHS = [
  'Muslim', 'Muslims', 'Islam', 'Islamic', 'Christian', 'Christians', 'Christianity', 'Catholic', 'Catholics', 'Roman Catholic',
  'Catholicism', 'Anglican', 'Church of England', 'Methodist', 'Baptist', 'Pentecostal', 'Evangelical', 'Jehovah\u2019s Witness',
  "Jehovah's Witness", "Jehovah's Witnesses", 'Jehovah\u2019s Witnesses', 'Jehovahs Witness', 'Hindu', 'Hindus', 'Hinduism', 'Sikh', 'Sikhs',
  'Sikhism', 'Jewish', 'Judaism', 'Haredi', 'Buddhist', 'Buddhism', 'Rastafarian', 'Rastafari', 'Mormon', 'Latter-day Saint',
  'Latter Day Saint', 'Quaker', 'Quakers', 'Pagan', 'Zoroastrian', 'Jain', "Baha'i", 'Bahá’í', 'Bahai', 'Sunni', 'Shia', "Shi'a", 'Ahmadi',
  'Ahmadiyya', 'Alevi', 'Yazidi', 'Druze', 'Seventh-day Adventist', 'Adventist', 'atheist', 'agnostic', 'humanist', 'Coptic',
];

/** "White British", "black British", "white UK", "Black Caribbean": lower case accepted. */
const COLOUR_PEOPLE = new RegExp(
  `\\b(?:white|black)[\\s-]+(?:${alt(['British', 'UK', 'English', 'Scottish', 'Welsh', 'Irish', 'European', 'Eastern European', 'Other', 'other', 'African', 'Caribbean', 'American', 'Polish', 'Romanian', 'Lithuanian', 'Portuguese', 'Gypsy', 'Roma', 'and Asian', 'and Black', 'and black', 'and White', 'and white'])})\\b`,
  'gi',
);
/** "mixed heritage", "dual heritage", "mixed race", "biracial", "multiple ethnic groups". */
const MIXED = /\b(?:mixed|dual|multiple|multi)[\s-]+(?:heritage|race|raced|ethnicity|ethnic(?:ity)?(?:\s+(?:background|heritage|groups?))?|parentage|background|white\s+and\s+\w+)\b|\bbi-?racial\b/gi;
/** "of Pakistani heritage", "of white UK origin", "of mixed White British and Jamaican descent". */
const OF_HERITAGE = /\bof\s+(?:(?:[\p{Lu}][\p{L}’'-]*(?<!['’]s)|white|black|mixed|dual|east|west|north|south|eastern|western|and|&)[\s,/-]+){1,7}(?:heritage|origins?|descent|background|ethnicity|extraction|parentage|nationality|ancestry)\b/gu;
/** A people's adjective with a word that makes it identity: "Somali heritage", "a Kurdish family", "Polish national". */
const PEOPLE_NOUN = new RegExp(
  `\\b(?:${alt(PEOPLES)})(?:[\\s-]+(?:${alt(PEOPLES)}))*[\\s-]+(?:heritage|descent|origin|background|national|nationals|nationality|citizen|citizens|famil(?:y|ies)|household|couple|boy|boys|girl|girls|child|children|baby|infant|teenager|teenagers|young (?:person|people|man|woman)|son|daughter|mother|mothers|father|fathers|parents?|mum|dad|grandmother|grandfather|grandparents?|man|men|woman|women|community|communities|asylum seekers?|refugees?|Muslim|Christian|Catholic|Orthodox)\\b`,
  'gu',
);
/** "is Somali", "are Black British", "identifies as Kurdish", "describes herself as mixed race". */
const IS_PEOPLE = new RegExp(
  `(?<!\\b(?:languages?|tongue)\\s+)\\b(?:is|are|was|were|identif(?:y|ies|ied) as|describes? (?:him|her|them)sel(?:f|ves) as|described (?:him|her|them)sel(?:f|ves) as|sees? (?:him|her|them)sel(?:f|ves) as|consider(?:s|ed)? (?:him|her|them)sel(?:f|ves)(?: to be)?)\\s+(?:an?\\s+)?(?:${alt(PEOPLES)})\\b(?!\\s+(?:law|courts?|government|authorities|police|services|system|schools?|food|restaurant|shop|cuisine|Sea|Channel|language))`,
  'gu',
);
/** "British Pakistani", "Asian British", "Black British" (capitalised, any case of the second word). */
const HYPHENATED = /\b(?:British|UK)[\s-]+(?:Asian|Pakistani|Indian|Bangladeshi|Chinese|Somali|Nigerian|Ghanaian|African|Caribbean|Black|Arab|Kurdish|Sikh|Muslim)\b|\b(?:Asian|Black|African|Caribbean|Arab)[\s-]+British\b/gu;
/** "Black boy", "a black family", "white mother", "Asian family". */
const COLOUR_PERSON = /\b(?:black|white|Black|White|Asian|Arab)\s+(?:famil(?:y|ies)|household|boy|boys|girl|girls|child|children|baby|infant|teenager|teenagers|young (?:person|people|man|woman)|son|daughter|mother|father|parents?|mum|dad|man|men|woman|women|pupil|pupils|British)\b/gu;
/** Gypsy, Roma, Romany, Irish Traveller and Traveller as identities. */
const GRT = /\b(?:Gypsy|Gypsies|Roma|Romany|Romani|Romanichal|Sinti|Irish\s+Travell?ers?|Travell?ers?|Showm[ae]n|Showpeople|gypsy|gypsies|romany|irish\s+travell?ers?)\b(?!\s+(?:moth|jazz|skirts?|tart)\b)|\btravell?ers?\s+(?:famil(?:y|ies)|communit(?:y|ies)|sites?|heritage|background|culture|children|people)\b/gu;
/** "born in Eritrea", "arrived from Syria", "is from Zimbabwe", "originally from Poland". */
const FROM_COUNTRY = new RegExp(`\\b(?:born|grew up|raised|brought up|lived)\\s+in\\s+(?:${alt(COUNTRIES)})\\b|\\bfrom\\s+(?:${alt(COUNTRIES)})\\b`, 'gu');
/** A labelled value: "Ethnicity: White British", "ethnicity is recorded as Black African". */
const ETHNICITY_LABEL = /\b(?:ethnicity|ethnic\s+(?:origin|background|group|identity)|heritage|race|nationality)\s*(?:[:–—=]|\s-\s|(?:is|was|are|were)\s+(?:recorded|given|described|noted|listed|stated)\s+as)\s*(?=[A-Za-z\u00C0-\u024F])/gi;

/** Patterns that state ethnicity, heritage or nationality. */
export const ETHNICITY_VALUES: readonly RegExp[] = [COLOUR_PEOPLE, MIXED, OF_HERITAGE, PEOPLE_NOUN, IS_PEOPLE, HYPHENATED, COLOUR_PERSON, GRT, FROM_COUNTRY, ETHNICITY_LABEL];

/** Named faiths; "Christian name" is not a faith. */
const FAITH_NAMES = new RegExp(`\\b(?:${alt(FAITHS)})\\b(?!\\s+names?\\b)|\\b(?:Eritrean|Ethiopian|Greek|Russian|Romanian|Serbian|Coptic|Syriac)\\s+Orthodox\\b|\\bOrthodox\\s+(?:Christian|Jewish|Jew|Church)\\b`, 'gi');
/** No religion, stated. */
const NO_FAITH_BROAD = /\b(?:not|no|none|never)\b[^.;]{0,40}?\b(?:religion|religious\s+(?:belief|beliefs|affiliation|practice|identity)|faith)\b(?!\s+in\b)/gi;
const NO_FAITH = /\b(?:no|not\s+any)\s+(?:religion|religious\s+(?:belief|beliefs|affiliation|faith|identity|practice)|faith|formal\s+faith)\b|\bnot\s+religious\b|\bnon-?religious\b|\b(?:do|does|did)\s+not\s+(?:follow|practi[sc]e|have|hold|observe)\s+(?:a|any)\s+(?:religion|faith|religious\s+beliefs?)\b|\bnot\s+(?:practi[sc]ing|observant)\b/gi;
/** Practice of a faith: worship, festivals, a faith community. */
const FAITH_PRACTICE = /\b(?:attend(?:s|ed|ing)?|went\s+to|goes\s+to|go\s+to|worship(?:s|ped|ping)?\s+at|members?\s+of|involved\s+(?:in|with))\s+(?:a\s+|the\s+|her\s+|his\s+|their\s+)?(?:local\s+)?(?:church|mosque|gurdwara|synagogue|temple|mandir|chapel|Kingdom\s+Hall|madrasa|madrassa|madrasah|faith\s+group)\b|\b(?:church|mosque|gurdwara|synagogue|temple|faith|religious)\s+(?:community|communities|leaders?|group|elders?|congregation|school|festival|festivals|practice|practices|observance|upbringing|identity|background|beliefs?)\b|\b(?:Ramadan|Eid|Diwali|Vaisakhi|Hanukkah|Passover|Shabbat|Sabbath)\b|\b(?:faith|religion|religious\s+belief)\s+(?:is|was|were|are)\s+(?:very\s+)?(?:important|central|significant|a\s+big\s+part)\b|\b(?:his|her|their|the\s+family['’]s)\s+(?:faith|religion|religious\s+beliefs?)\b(?!\s+(?:in|was\s+not\s+known|is\s+not\s+known|is\s+unknown|was\s+unknown))/gi;
/** "Religion: Muslim", "religion is recorded as none". */
const RELIGION_LABEL = /\b(?:religion|faith|religion\s+or\s+belief|religious\s+affiliation|belief)\s*(?:[:–—=]|\s-\s|(?:is|was|are|were)\s+(?:recorded|given|described|noted|listed|stated)\s+as)\s*(?=[A-Za-z\u00C0-\u024F])/gi;

/** Patterns that state religion, faith or belief (including none). */
export const RELIGION_VALUES: readonly RegExp[] = [FAITH_NAMES, NO_FAITH, NO_FAITH_BROAD, FAITH_PRACTICE, RELIGION_LABEL];

const LANG = alt(LANGUAGES);
/** "first language Tigrinya", "her first language is Urdu", "English is not their first language". */
const FIRST_LANGUAGE = /\b(?:first|home|main|preferred|native|mother|primary|only|second|additional|spoken)\s+(?:language|languages|tongue)\b/gi;
/** "speaks Polish", "Arabic-speaking", "a Somali speaker", "bilingual". */
const SPEAKS = new RegExp(
  `\\b(?:[Ss]peaks?|[Ss]poke|[Ss]peaking|[Ss]poken|[Uu]nderstands?|[Uu]nderstood|[Ff]luent\\s+in|[Cc]ommunicates?\\s+in|[Cc]ommunicated\\s+in|[Uu]ses?|[Uu]sed|[Rr]eads?|[Ww]rites?)\\s+(?:(?:fluent|good|some|little|limited|basic|only|mainly|mostly|both|a\\s+little|very\\s+little|no)\\s+)?(?:${LANG})\\b|\\b(?:${LANG})[\\s-]+speak(?:ing|er|ers)\\b|\\b(?:bi|tri|multi)lingual\\b`,
  'gu',
);
/** English as an additional language, limited English, interpreters, sign language and non-verbal communication. */
const ENGLISH_LEVEL = /\bEnglish\s+(?:is|was|as)\s+(?:not\s+)?(?:his|her|their|the\s+family['’]s|the\s+parents['’]|an?)\s+(?:first|second|third|additional|main|foreign)\s+language\b|\b(?:limited|little|no|basic|poor|some|good|fluent)\s+(?:spoken\s+)?English\b|\binterpret(?:er|ers|ing)\b|\bLanguage\s+Line\b|\bnon-?verbal\b|\bsign\s+language\b|\bMakaton\b|\bcommunication\s+(?:aid|device|book)\b/gi;
const LANGUAGE_ACRONYMS = /\b(?:EAL|ESOL|BSL|PECS)\b/gu;
/** "English is spoken at home", "Polish is the main language spoken". */
const LANGUAGE_SPOKEN = new RegExp(`\\b(?:${LANG})\\s+(?:is|was|are|were)\\s+(?:the\\s+)?(?:main\\s+|only\\s+|first\\s+)?(?:language\\s+)?spoken\\b`, 'gu');
const LANGUAGE_LABEL = /\b(?:languages?|first\s+language|language\s+spoken|languages\s+spoken)\s*(?:[:–—=]|\s-\s)\s*(?=[A-Za-z\u00C0-\u024F])/gi;

/** Patterns that state first language or communication. */
export const LANGUAGE_VALUES: readonly RegExp[] = [FIRST_LANGUAGE, SPEAKS, LANGUAGE_SPOKEN, ENGLISH_LEVEL, LANGUAGE_ACRONYMS, LANGUAGE_LABEL];

/** Disability, special educational needs and named conditions; "no known disability" is matched too. */
const DISABILITY_TERMS = /\bdisabilit(?:y|ies)\b|\bdisabled\b|\b(?:hearing|visual|physical|sensory|cognitive|learning|speech|mobility|intellectual)\s+impairments?\b|\bspecial\s+educational\s+needs?\b|\beducation,?\s+health\s+and\s+care\s+plan\b|\bautis(?:m|tic)\b|\battention\s+deficit\b|\blearning\s+(?:difficult(?:y|ies)|disabilit(?:y|ies)|needs)\b|\b(?:global\s+)?developmental\s+delay\b|\bspeech(?:,)?\s+(?:and|&)\s+language\s+(?:delay|needs|difficult(?:y|ies)|disorder)\b|\bcommunication\s+(?:difficult(?:y|ies)|needs|disorder)\b|\bcerebral\s+palsy\b|\bDown['’]?s?\s+syndrome\b|\bdeaf\b(?!\s+ears)|\bhearing\s+loss\b|\bvisually\s+impaired\b|\bblind\b(?!\s+(?:spots?|eyes?|alley|faith))|\bepilep(?:sy|tic)\b|\bneurodiverg\w+|\bneurodevelopmental\b|\bdyslexi\w*|\bdyspraxi\w*|\bsensory\s+(?:processing|needs)\b|\bfoetal\s+alcohol\b|\blife-?limiting\b|\bcomplex\s+(?:medical|health)\s+needs\b|\badditional\s+needs\b|\bwheelchair\b/gi;
/** "no developmental concerns", "meeting her developmental milestones": the question was asked and the answer is none. */
const DISABILITY_NONE = /\bno\s+(?:known\s+|identified\s+)?(?:developmental|additional)\s+(?:concerns|needs|issues|delay)\b|\bmeeting\s+(?:all\s+)?(?:(?:his|her|their)\s+)?(?:developmental\s+)?milestones\b|\bdeveloping\s+(?:normally|as\s+expected|typically)\b/gi;
const DISABILITY_ACRONYMS = /\b(?:SEND?|EHCP|ASD|ADHD|FASD|ASC)\b/gu;
const DISABILITY_LABEL = /\b(?:[Dd]isabilit(?:y|ies)|SEND?|[Ss]pecial\s+educational\s+needs)\s*(?:[:–—=]|\s-\s)\s*(?=[\p{L}])/gu;

/** Patterns that state disability or special educational needs (present or absent). */
export const DISABILITY_VALUES: readonly RegExp[] = [DISABILITY_TERMS, DISABILITY_NONE, DISABILITY_ACRONYMS, DISABILITY_LABEL];

/** Value patterns per characteristic. */
export const VALUES: Readonly<Record<Characteristic, readonly RegExp[]>> = {
  ethnicity: ETHNICITY_VALUES,
  religion: RELIGION_VALUES,
  language: LANGUAGE_VALUES,
  disability: DISABILITY_VALUES,
};

/** Words that name each characteristic, for "not known" and "withheld" statements. */
export const NAMES: Readonly<Record<Characteristic, string>> = {
  ethnicity: '(?:ethnicity|ethnic\\s+(?:origin|background|group|identity|heritage)|heritage|race|racial\\s+(?:background|identity)|nationality|cultural\\s+(?:background|heritage|identity))',
  religion: '(?:religion|religious\\s+(?:belief|beliefs|affiliation|background|identity)|faith)',
  language: '(?:(?:first|home|main|preferred)\\s+languages?|languages?\\s+spoken|what\\s+languages?)',
  disability: '(?:disabilit(?:y|ies)|special\\s+educational\\s+needs?|learning\\s+(?:needs|difficult(?:y|ies)|disabilit(?:y|ies))|additional\\s+needs)',
};

/** Blocks without a characteristic's name cannot say it is not known: every "not known" pattern below holds the name. */
export const NAMED: Readonly<Record<Characteristic, RegExp>> = Object.fromEntries((Object.keys(NAMES) as Characteristic[]).map((c) => [c, new RegExp(`\\b${NAMES[c]}`, 'i')])) as Record<Characteristic, RegExp>;

const UNKNOWN_WORDS = '(?:not\\s+known|unknown|not\\s+recorded|not\\s+stated|not\\s+given|unclear|not\\s+clear|not\\s+established|not\\s+identified|not\\s+documented|not\\s+confirmed|N/?K|not\\s+available|undisclosed)';

/** "Ethnicity: not known", "her religion is unknown", "it is not known what his first language is". */
export const NOT_KNOWN: Readonly<Record<Characteristic, RegExp>> = Object.fromEntries(
  (Object.keys(NAMES) as Characteristic[]).map((c) => [
    c,
    new RegExp(`\\b${NAMES[c]}\\b[^.;:!?]{0,60}?(?:[:–—=]\\s*)?\\b${UNKNOWN_WORDS}(?![A-Za-z\\u00C0-\\u024F])|\\b${NAMES[c]}\\s*[:–—=]\\s*(?:${UNKNOWN_WORDS}|-|—|\\?)(?![A-Za-z\\u00C0-\\u024F])|\\b${UNKNOWN_WORDS}\\b[^.;!?]{0,50}?\\b${NAMES[c]}\\b`, 'i'),
  ]),
) as Record<Characteristic, RegExp>;

/** Something done to find out: the family were asked, records were checked. */
export const EFFORT = /\b(?:asked|checked|sought|searched|requested|request|enquir\w+|inquir\w+|contacted|tried|attempt\w*|despite|declined|did\s+not\s+(?:wish|want|respond|reply)|chose\s+not|not\s+recorded\s+(?:in|by)\s+(?:any|the)|no\s+(?:agency|record|records)|records?\s+(?:did|do|held)\s+not|none\s+of\s+the\s+(?:agencies|records)|(?:were|was)\s+unable\s+to|could\s+not\s+be\s+(?:established|confirmed|found|traced)|not\s+able\s+to\s+(?:establish|confirm)|(?:family|mother|father|parents?)\s+(?:preferred|prefer|wished|asked)\s+not)\b/i;

/** "Reflective of the local majority population" and other ways of saying nothing about a family. */
export const EVASION = /\b(?:reflective|representative|typical|characteristic)\s+of\s+(?:the\s+)?(?:local\s+|wider\s+|general\s+|majority\s+)*(?:majority\s+)?(?:population|community|area|demographic|demographics|make-?up)\b|\b(?:in\s+line\s+with|consistent\s+with|similar\s+to|mirrors?|reflects?|reflected)\s+(?:that\s+of\s+)?(?:the\s+)?(?:ethnic\s+)?(?:local|wider|area['’]s|majority)\s+(?:population|community|demographic|demographics|profile|make-?up)\b|\b(?:from|of)\s+the\s+(?:local\s+)?majority\s+(?:population|community|group)\b/gi;

/** Leaving a detail out: "not included", "withheld", "omitted". "Not withheld" is not an omission. */
export const OMISSION = /\b(?:withheld|withhold(?:ing)?|omitted|omit(?:ting)?|left\s+out|leave\s+out|leaving\s+out|removed|redacted|(?:not|never)\s+(?:been\s+)?(?:included|stated|given|named|recorded|disclosed|shared|specified|described|mentioned|detailed|identified|reported|published|referred\s+to)|not\s+(?:to\s+)?(?:name|state|include|disclose|specify|give|describe|identify|mention|publish|refer\s+to)|without\s+(?:naming|stating|specifying|giving|describing|identifying|mentioning))\b/gi;
export const NEGATED_OMISSION = /\b(?:not|never|no\s+longer)\s+(?:been\s+)?(?:withheld|omitted|removed|redacted|left\s+out)\b|\bnot\s+(?:to\s+)?(?:withhold|omit|leave\s+out|remove)\b/i;
/** True when the sentence gives anonymity as a reason in words other than the omission itself ("not identify"). */
export function anonymityReasonBesides(text: string, omission: { index: number; length: number }): boolean {
  const re = new RegExp(ANONYMITY_REASON.source, 'gi');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    if (end <= omission.index || m.index >= omission.index + omission.length) return true;
  }
  return false;
}

/** Anonymity or identification as the reason. */
export const ANONYMITY_REASON = /\banonym\w*|\bidentif(?:y|ied|iable|ying|ication)\b|\bconfidential\w*|\bprivacy\b|\brecogni[sz](?:e|ed|able)\b|\bsmall\s+community\b|\bjigsaw\b|\btraceable\b/i;
/** The Panel's test: would publishing risk harm? */
export const HARM_TEST = /\brisk\s+of\s+(?:\w+\s+){0,2}harm\b|\bpotential\s+(?:for\s+|of\s+)?harm\b|\b(?:cause|caused|causing|would\s+cause|could\s+cause)\s+(?:\w+\s+){0,3}harm\b|\bput\s+(?:\w+\s+){0,4}at\s+risk\b|\bendanger\w*|\bthreat\s+to\s+(?:\w+\s+){0,3}safety\b|\bharm\s+to\s+(?:the\s+)?(?:child|children|family|siblings?)\b/i;

/** Words of identity an omission sentence must have for the anonymity rule. */
export const OMITTED_IDENTITY: ReadonlyArray<[Characteristic | 'all', RegExp]> = [
  ['ethnicity', /\bethnic\w*|\bheritage\b|\brac(?:e|ial)\b|\bnationality\b|\bcultur(?:e|al)\s+(?:background|heritage|identity)\b|\bcountry\s+of\s+origin\b/i],
  ['religion', /\breligio\w+|\bfaith\b/i],
  ['language', /\b(?:first|home|main)\s+languages?\b|\blanguages?\s+spoken\b/i],
  ['disability', /\bdisabilit\w+|\bspecial\s+educational\s+needs?\b|\bdiagnos(?:is|es)\b/i],
  ['all', /\b(?:protected|identity|personal|demographic)\s+characteristics\b|\b(?:details?\s+of|information\s+about)\s+(?:the\s+)?(?:child['’]s\s+|family['’]s\s+)?identity\b|\bidentity\s+(?:details|information)\b/i],
];

/** Words that show the draft analyses identity, as opposed to only stating it. */
export const IDENTITY_ANALYSIS = /\bethnic\w*|\bheritage\b|\brac(?:e|es|ial|ially|ialised|ialized)\b|\bracis[mt]s?\b|\bcultur(?:e|es|al|ally)\b(?<!\b(?:organi[sz]ational|team|professional|safeguarding|workplace|blame|learning|practice|service|school|police|agency|management|leadership|working|local|partnership|office|drinking|drug|gang|youth|no[- ]blame)\s+cultur(?:e|es|al|ally))(?!\s+of\b)|\breligio\w+|\bfaith\b(?!\s+in\b)(?<!\b(?:good|bad)\s+faith)|\b(?:first|home|own|main|preferred|second|additional)\s+language\b|\blanguage\s+(?:barrier|barriers|needs?|support)\b|\binterpret(?:er|ers|ing)\b|\btranslat\w+|\bdisabilit\w+|\bdisabled\b|\bspecial\s+educational\b|\bSEND?\b|\bautis\w+|\blearning\s+(?:difficult|disabilit)\w*|\bneurodiverg\w+|\bidentity\b(?!\s+of\b)|\bintersection\w*|\bdiscriminat\w+|\bstereotyp\w+|\badultif\w+|\bminoriti[sz]ed\b|\bracialis\w+|\bwesterni[sz]ed\b/i;

/** Words that show the draft considered race, racism or bias. */
export const RACE_ANALYSIS = /\bracis[mt]s?\b|\bracial\w*|\brace\b|\bdiscriminat\w+|\b(?<!(?:hindsight|outcome|optimism|confirmation|cognitive|recency|anchoring|attribution)\s)bias(?:es|ed)?\b|\bstereotyp\w+|\bprejudic\w+|\bdisproportionat\w+|\badultif\w+|\bcomparable\s+circumstances\b|\btreated\s+(?:him|her|them\s+)?differently\b|\bwhite\s+(?:British\s+)?(?:child|children|peers?|boys?|girls?|pupils?|young\s+people|young\s+person|teenagers?)\b|\binequalit\w+|\binequit\w+|\bequity\b/i;

/** Words that mark a statement as hypothetical: "whether he had a disability". */
export const HYPOTHETICAL = /\b(?:whether|if)\b[^.;]*$/i;

/** Statistics and research: a sentence about groups, not this family. */
export const STATISTICS = /\d\s*%|\bper\s*cent\b|\bpercent\b|\bnationally\b|\bcensus\b|\bresearch\b|\bstud(?:y|ies)\b|\bevidence\s+(?:shows|suggests|indicates)\b|\bdata\b|\bfigures\b|\bstatistics\b|\bover-?represent\w*|\bunder-?represent\w*|\bmore\s+likely\b|\bless\s+likely\b|\brates?\s+of\b|\bcohort\b|\bsample\b|\bproportion\b|\bin\s+general\b|\bacross\s+(?:the\s+)?(?:country|England)\b/i;

/**
 * Cheap tests a block must pass before the value patterns run on its sentences: any word that
 * could start a statement of the characteristic. Keeps long chronologies fast.
 */
export const PREFILTER: Readonly<Record<Characteristic, RegExp>> = {
  ethnicity: new RegExp(`\\b(?:${alt(PEOPLES)}|${alt(COUNTRIES)}|gypsy|gypsies|romany|travell?ers?|white|black|mixed|dual|multi\\w*|bi-?racial|heritage|origins?|descent|background|ethnic\\w*|race|nationality|ancestry|extraction|parentage|asylum|refugees?|migrants?|unaccompanied|recourse)\\b`, 'i'),
  religion: new RegExp(`\\b(?:${alt(FAITHS)}|Orthodox|religio\\w*|faith|belief|beliefs|church|mosque|gurdwara|synagogue|temple|mandir|chapel|Kingdom|madrass?ah?|Ramadan|Eid|Diwali|Vaisakhi|Hanukkah|Passover|Shabbat|Sabbath|practi[sc]ing|observant)\\b`, 'i'),
  language: new RegExp(`\\b(?:${LANG}|languages?|tongue|bi-?lingual|tri-?lingual|multi-?lingual|interpret\\w*|verbal|non-?verbal|sign|Makaton|EAL|ESOL|BSL|PECS|communication)\\b`, 'i'),
  disability: /\b(?:disab\w*|impair\w*|special|educational|SEND?|EHCP|ASD|ADHD|FASD|ASC|autis\w*|attention|learning|developmental|delay|speech|communication|cerebral|Down['’]?s?\\s+syndrome|milestones|normally|typically|deaf|hearing|visual\w*|blind|epilep\w*|neurodiverg\w*|neurodevelopmental|dyslexi\w*|dyspraxi\w*|sensory|foetal|life-?limiting|complex|additional|wheelchair)\b/i,
};
/** Blocks without any of these words cannot say a characteristic is not known. */
export const UNKNOWN_PREFILTER = /\b(?:not|unknown|unclear|N\/?K|undisclosed)\b|[:–—=]\s*(?:-|—|\?)/i;
