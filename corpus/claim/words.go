package claim

import "strings"

// The word lists of the scorer. Words are lower case; a hyphen or a space
// separates the words of a phrase ("side effects" and "side-effects" match
// the same phrase, since the tokenizer splits at hyphens); an apostrophe
// stays inside its word ("let's", "i'm"). A word or phrase belongs to one
// feature only (TestWordLists_NoWordInTwoFeatures).

// lexicon is every word and phrase the scorer looks up, by feature.
var lexicon = map[feature][]string{
	fQuantity: {
		"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
		"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand",
		"million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
		"half", "third", "thirds", "quarter", "quarters", "fifth", "tenth", "twice", "threefold",
		"tenfold", "majority", "minority", "average", "median", "proportion", "percentage", "fraction",
		"handful", "approximately", "roughly", "nearly", "estimated", "one in", "one out of",
	},
	fComparison: {
		"than", "more", "less", "fewer", "greater", "higher", "lower", "better", "worse", "larger",
		"smaller", "bigger", "shorter", "faster", "slower", "cheaper", "heavier", "lighter", "sharper",
		"stronger", "weaker", "earlier", "longer", "compared with", "compared to", "in comparison", "relative to",
		"versus", "vs", "outnumber", "outnumbers", "as much as", "as many as", "twice as", "half as",
	},
	fSuperlative: {
		"largest", "biggest", "highest", "lowest", "smallest", "strongest", "weakest", "fastest",
		"slowest", "oldest", "youngest", "worst", "leading", "most common", "first",
	},
	fCausal: verbs("cause", "reduce", "increase", "raise", "prevent", "trigger", "contribute", "affect",
		"damage", "protect", "improve", "limit", "boost", "worsen", "kill", "cure", "treat", "relieve",
		"suppress", "delay", "inhibit", "block", "promote", "induce", "decrease", "enhance", "impair",
		"weaken", "strengthen", "save", "halve", "associate", "link", "absorb", "bend", "enable").
		plus("led", "leads", "lead to", "leading to", "drives", "driven", "drove", "cuts", "cutting",
			"lowers", "lowered", "lowering", "slows", "slowed", "slowing", "results in", "resulted in",
			"result in", "resulting in", "helps", "helped", "allows", "allowed"),
	fConnective: {
		// Not "therefore", "thus", "hence": they lead from the author's
		// premises to the author's conclusion, which is reasoning.
		"because", "due to", "thanks to", "as a result", "so that",
		"owing to", "responsible for", "attributable to", "reason for",
	},
	fEfficacy: {
		"effective", "effectiveness", "efficacy", "efficacious", "ineffective", "works", "worked",
		"benefit", "benefits", "beneficial", "outperform", "outperforms", "outperformed", "safe", "safer",
		"safety", "accuracy", "accurate", "matches", "matched", "succeeded", "successful", "active against",
	},
	fRisk: {
		"risk", "risks", "risky", "side effect", "side effects", "adverse", "harm", "harms", "harmful",
		"harmless", "danger", "dangers", "dangerous", "toxic", "toxicity", "overdose", "mortality",
		"death", "deaths", "die", "dies", "died", "dying", "fatal", "fatalities", "lethal", "complication",
		"complications", "hazard", "hazards", "poisoning", "injury", "injuries", "deficiency", "deficient",
		"resistant", "resistance", "disease", "diseases", "cancer", "infection", "infections",
	},
	fChange: verbs("rise", "grow", "decline", "shrink", "expand", "melt", "spread", "climb", "soar",
		"plunge", "warm", "cool", "exceed", "double", "triple", "accelerate", "fluctuate").
		plus("rose", "risen", "grew", "grown", "dropped", "drops", "fell", "fallen", "falls"),
	fResearch: {
		"study", "studies", "trial", "trials", "analysis", "analyses", "survey", "experiment",
		"experiments", "researchers", "scientists", "investigators", "evidence", "data", "cohort",
		"participants", "randomised", "randomized", "placebo", "observational", "systematic", "assessment",
		"statistics", "census", "poll",
	},
	fFinding: {
		"found", "finds", "showed", "shown", "shows", "demonstrated", "demonstrates", "concluded",
		"concludes", "suggests", "suggested", "observed", "revealed", "reveals", "confirmed", "confirms",
		"identified", "indicates", "indicated", "established", "reported", "reports", "measured",
	},
	fAttribution: {
		"said", "says", "say", "told", "stated", "states", "argued", "argues", "argue", "warned", "warns",
		"claimed", "claims", "noted", "insisted", "explained", "announced", "according to", "questioned",
		"recommends", "recommended", "admitted", "acknowledged", "estimates", "predicted", "predicts",
		"criticised", "criticized", "blamed", "praised", "denied", "alleged", "reportedly", "called for",
		"calls for", "urged", "urges", "point out", "points out", "pointed out", "worry", "worries", "fear", "fears", "complain", "complained",
	},
	fGeneral: {
		"often", "usually", "typically", "generally", "commonly", "common", "rarely", "frequently",
		"widely", "tend", "tends", "tended", "popular", "widespread", "most", "many people", "some people", "most people",
		"many of", "most of", "in general", "on average",
	},
	fDefinition: {
		"is defined as", "are defined as", "refers to", "refer to", "is known as", "are known as",
		"is called", "are called", "consists of", "consist of", "is made of", "is a type of",
		"is a form of", "is one of", "are one of", "is rich in", "are rich in",
	},
	fHistory: {
		"discovered", "invented", "founded", "introduced", "published", "began", "begun", "launched",
		"developed", "described", "built", "retracted", "approved", "banned", "elected", "signed",
		"won", "became", "replaced", "popularised", "popularized", "pioneered",
	},

	fAdvice: {
		"you should", "you can", "you could", "you may want", "you might want", "you need",
		"you must", "we recommend", "i recommend", "it's best to", "it is best to", "it's a good idea",
		"it is a good idea", "make sure", "be sure to", "talk to your", "speak to your", "ask your",
		"consult your", "check with your", "see your doctor", "your doctor", "don't forget",
		"remember to", "is recommended that you",
		// A leaflet's procedure, told to the reader: "You will take a
		// laxative drink in two halves", "Your nurse will go through these
		// risks with you".
		"you will need", "you will be given", "you will be asked", "you will take", "you will have",
		"you'll need", "you'll be given", "you'll be asked", "you'll take", "you'll have", "your nurse will",
		"your doctor will", "your surgeon will", "your therapist will", "your midwife will", "your dentist will",
		"the nurse will", "a nurse will",
	},
	fSecondPerson: {"you", "your", "yours", "yourself", "you're", "you've", "you'll", "you'd"},
	fFirstPerson:  {"i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself"},
	fOpinion: {
		"i think", "i believe", "i feel", "i love", "i like", "i hate", "i prefer", "i'm not sure",
		"i am not sure", "i would", "i'd say", "in my view", "in my opinion", "in my experience",
		"to me", "personally", "honestly", "frankly", "we think", "we believe", "we feel", "in our view",
		"in our opinion", "i suspect", "i doubt", "i guess", "i'm convinced", "my favourite",
		"my favorite", "imho", "i want to argue", "i argue", "i will argue", "i'd argue",
		// The writer's feeling about what follows.
		"sadly", "unfortunately", "fortunately", "luckily", "regrettably", "thankfully", "hopefully",
		"interestingly", "ironically", "alas", "of course",
		// "A migraine is more than a bad headache": a figure of speech.
		"is more than a", "is more than just", "are more than just", "is not just a", "are not just",
	},
	// A passive recommendation with no one named ("is not recommended
	// for pregnant women") is the writer's advice, not an attribution.
	fNormative: {"should", "shouldn't", "ought to", "ought not", "not recommended", "is recommended",
		"are recommended", "is advised", "are advised", "not advised"},
	fCaveat: {
		"cannot show", "cannot rule out", "cannot prove", "can't prove", "can't show", "cannot tell",
		"cannot establish", "does not prove", "doesn't prove", "cannot say", "too early to say",
		"too soon to tell", "less is known", "little is known", "not yet known", "remains unknown",
		"remain unknown", "still trying to", "remains unclear", "remain unclear", "is unclear",
		"some promise", "show promise", "shows promise",
		// What the evidence lacks: "at risk of bias", "more research is
		// needed", "the study was small".
		"risk of bias", "low quality", "research is needed", "studies are needed", "trials are needed",
		"larger studies", "larger trials", "not been tested", "not been studied", "thinner than",
		"study was small", "trials were small", "studies were small", "evidence was low", "evidence is low",
		"evidence is weak", "evidence was weak", "less clear", "less certain", "not yet clear", "is uncertain",
		// A paper's gap statement: what earlier work has not done
		// ("Whether the effect survives in a live lecture hall is not
		// known", "have received much less attention").
		"is not known", "are not known", "was not known", "is seldom reported", "are seldom reported",
		"is rarely reported", "not been reported", "few studies have", "few evaluations have", "few trials have",
		"studied far less", "studied much less", "received less attention", "received much less attention",
		"received little attention", "most of what is known", "almost everything known", "has been overlooked",
		"have been overlooked", "not been measured", "not been examined", "is poorly understood",
		// "A direct link was never proved.", "Neither study can prove
		// that…", "Twelve people is a very small study": what the
		// evidence cannot carry.
		"never proved", "never been proved", "never proven", "never been proven", "never been shown",
		"study can prove", "studies can prove", "trial can prove", "trials can prove", "study can show",
		"studies can show", "is a small study", "is a very small study", "was a small study",
		"was a very small study", "called for a larger", "called for larger", "harder to study", "hard to study",
	},
	fHedge: {"may", "might", "could", "seem", "seems", "seemed", "appear to", "appears to", "unlikely"},
	fStrongHedge: {
		"maybe", "perhaps", "possibly", "arguably", "presumably", "not sure", "wonder", "speculate",
	},
	fEvaluative: {
		"pleasant", "nice", "lovely", "amazing", "awesome", "wonderful", "fantastic", "terrible",
		"awful", "beautiful", "delicious", "tasty", "joy", "fun", "boring", "exciting", "favourite",
		"favorite", "cluttered", "pushy", "annoying", "happily", "cheap", "easy", "hard", "sound",
		"worth", "disappointing", "impressive", "elegant", "ugly", "stunning", "gorgeous", "brilliant",
		"excellent", "superb", "great", "love", "loved", "hate", "intriguing", "miserable", "fascinating",
		"consoling", "oddly", "better placed", "well placed", "best placed",
	},
	fDisclaimer: {
		"medical advice", "professional advice", "legal advice", "financial advice",
		"general information", "informational purposes", "educational purposes", "substitute for",
		"does not constitute", "not intended to", "affiliate links", "affiliate link", "may earn",
		"at no extra cost", "sponsored", "paid partnership", "no say in", "review unit",
		"conflict of interest", "conflicts of interest", "views expressed", "disclaimer",
		"not responsible for", "provided free of charge", "not been evaluated by", "have not been evaluated",
	},
	fByline: {
		"reviewed by", "written by", "edited by", "fact checked by", "photo by", "photograph by",
		"illustration by", "image credit", "photo credit", "last updated", "posted on", "published on",
		"min read", "minute read", "posted by",
		// "Her answers were checked by consultant obstetrician…".
		"were checked by", "was checked by", "fact-checked by", "answers were checked",
	},
	fBio: {
		"writes about", "write about", "writes for", "write for", "has written for",
		"is the author of", "lives in", "her work has", "his work has", "follow her", "follow him",
		"her first book", "his first book", "her latest book", "his latest book", "her new book", "his new book",
	},
	fBoilerplate: {
		"subscribe", "subscribers", "unsubscribe", "newsletter", "copyright", "advertisement",
		"cookies", "sign up", "read more", "share this", "follow us", "click here",
		"all rights reserved", "back to top", "leave a comment", "in the comments", "let me know",
		"welcome back", "welcome to", "thanks for reading", "thank you for reading", "pin this",
		"part of our series", "our series", "related articles", "you may also like",
		"download the app", "sponsored content", "this post", "the blog", "our readers", "our team",
		"our editors", "our website", "our site", "this site", "this page", "our newsletter",
		"developing story", "continue to follow", "reach her at", "reach him at", "reach them at",
		"contact us", "are open from", "is open from", "opening hours", "privacy policy", "terms of use",
		"terms of service", "uses cookies", "we use cookies", "accept cookies", "is available under",
		"are available under", "available from the authors", "available on request", "available upon request",
	},
	fMarketing: {
		"shop now", "buy now", "order now", "add to cart", "free shipping", "free delivery", "use code",
		"with code", "promo code", "discount code", "off your first", "your first order", "best-selling",
		"bestselling", "best seller", "customers love", "verified buyer", "to your door", "limited time",
		"money-back", "money back guarantee", "in stock", "shop all",
		"star reviews", "donation", "donations", "donate", "our helpline",
		// A page's own products and picks: "Our top pick is…", "Our
		// capsules pair…", "and is currently 25% off".
		"our top pick", "our pick", "our favourite", "our favorite", "our capsules", "our products",
		"our formula", "our blend", "our test", "% off", "check price",
	},
	fNotice: {
		"last reviewed", "next review", "review due", "page last", "reviewed on",
		"an earlier version of this", "this story has been updated", "this article has been updated",
		"will be updated", "editor's note", "this article was amended", "this story was amended",
	},
	fTransition: {
		"here is what", "here's what", "here are", "here is", "here's", "in this article",
		"in this post", "in this paper", "in this section", "in this chapter", "in this review",
		"in this explainer", "in this guide", "let's", "let us", "take a closer look", "a closer look",
		"as follows", "we describe", "we propose", "we present", "we introduce", "we discuss",
		"we look at", "we review", "we leave", "we will", "we'll", "future work", "the remainder of",
		"the rest of this", "is organised as", "is organized as", "read on", "what we know",
		"short version", "it is worth", "it's worth", "worth pausing", "more on that", "more on this",
		"what does this mean", "turn to", "we now", "we answer", "we answered", "we explain", "we explore",
		"we cover", "we examine", "we summarise", "we summarize", "we outline", "here we", "we come back",
		"we return", "this guide", "this article", "let me", "not everyone agrees", "then there is",
		"than most people assume", "than you might think", "than most people think", "than many people realise",
		"than many people realize", "not everyone is convinced", "not everyone is persuaded",
		// A guide's "It covers what osteoarthritis does to the hands, which
		// exercises…": the text saying what it holds.
		"it covers what", "it covers how", "it covers why", "it covers which", "it explains what",
		"it explains how", "it explains why",
		// A paper pointing at its own sections: "The next section
		// describes the texts and the procedure."
		"the next section", "the following section", "the sections that follow", "section 2 describes",
		"section 3 describes",
	},
}

// imperatives are verbs that, first in a sentence, make it advice or a call
// to action: "Talk to your doctor", "Subscribe", "Get started".
var imperatives = set("ask", "avoid", "add", "aim", "be", "buy", "call", "check", "choose", "click",
	"consider", "consult", "contact", "cut", "discover", "do", "don't", "download", "drink", "eat",
	"enjoy", "explore", "find", "follow", "get", "give", "go", "join", "keep", "learn", "limit", "look",
	"make", "note", "pin", "read", "remember", "see", "share", "sign", "skip", "snack", "speak",
	"start", "stay", "stop", "subscribe", "swap", "take", "talk", "tell", "think", "try", "use",
	"visit", "wait", "watch", "wear", "book", "store", "replace", "include", "switch", "let", "imagine", "picture", "meet", "grab", "hurry", "order", "pick", "cook", "bake",
	"mix", "stir", "serve", "boil", "chop", "wash", "rinse", "apply", "drop", "plan", "write",
	"register", "enter", "save", "reduce", "increase", "protect", "prevent", "sleep", "walk", "exercise",
	"breathe", "relax", "sit", "rest", "please", "trust", "buy", "compare", "put", "leave", "turn", "open", "close",
	"shop", "notice", "fast", "lie", "hold", "tilt", "gargle", "sip", "spit", "remove", "repeat", "dilute", "soak",
	"squeeze", "lean", "bring", "carry")

// labelOpenings are labels of three words, whose colon the label test of
// start (a colon after the first or second word) misses: a tip box's "Good
// to know:".
var labelOpenings = []string{"good to know:", "did you know:", "bear in mind:"}

// orderVerbs give an order first in a sentence when a determiner follows
// them ("Chill the drink", "Water the plants"), and may be adjectives or
// nouns otherwise ("Lower back pain", "Water covers most of the planet").
// imperativeAt takes every base form of the verb lists the same way
// ("Raise the light", "Test the water"); these are the words the
// lists do not have.
var orderVerbs = set("lower", "chill", "water", "feed", "place", "fill", "lift", "stretch", "wrap", "brush",
	"floss", "dry", "clean", "research", "cover", "time", "plant", "prune", "trim", "position", "angle", "dim",
	"charge", "unplug", "empty", "label", "freeze", "thaw", "heat", "reheat", "shake", "pour", "log", "space",
	"rotate")

// notImperativeNext are words that, after a sentence's first word, show the
// first word to be a noun: "Use of", "Cut flowers are".
var notImperativeNext = set("of", "is", "are", "was", "were", "has", "have", "had", "can", "could",
	"may", "might", "will", "would", "should", "must", "does", "did", "remains", "seems", "you", "we",
	"they", "i", "he", "she", "there")

// creditWords open a credit line before "by": "Reporting by…", "Editing
// by…" ("Additional reporting by…", whose "by" is the third word, is left
// to the model).
var creditWords = set("reporting", "editing", "writing", "photography", "graphics", "illustration", "illustrations")

// leadClauseWords open a clause after which an imperative may follow:
// "If you smoke, stop."
var leadClauseWords = set("if", "when", "before", "after", "once", "while", "whenever", "until", "to",
	"for", "unless", "from", "during", "in")

// roleWords are the jobs an author bio names.
var roleWords = set("writer", "journalist", "correspondent", "editor", "reporter", "author", "columnist",
	"contributor", "blogger", "freelancer", "producer", "photographer", "presenter", "podcaster",
	"nutritionist", "dietitian", "contributing", "freelance", "staff",
	// "is a certified ergonomist", "is a registered nurse": a
	// qualification before the role.
	"certified", "registered",
	// A health page's own author: "… has been a community midwife for 22
	// years".
	"midwife", "nurse", "pharmacist", "physiotherapist", "therapist", "dentist", "hygienist", "optometrist",
	"paramedic", "gp", "consultant")

// units follow a number to make it a statistic.
var units = set("%", "percent", "pc", "mg", "g", "kg", "µg", "mcg", "ug", "iu", "ml", "l", "dl", "mmol",
	"nmol", "ng", "pg", "mm", "cm", "m", "km", "mi", "miles", "mile", "mph", "kph", "ft", "feet",
	"foot", "inch", "inches", "lb", "lbs", "oz", "ppm", "ppb", "parts", "tonnes", "tons", "tonne",
	"ton", "grams", "gram", "kilograms", "kilogram", "kilometres", "kilometers", "metres", "meters",
	"litres", "liters", "calories", "kcal", "kj", "joules", "watts", "w", "kw", "kwh", "mw", "gw", "gwh",
	"volts", "hz", "ghz", "mhz", "gb", "mb", "tb", "kb", "pixels", "px", "dpi", "ppi", "fps", "degrees",
	"°c", "°f", "years", "year", "months", "month", "weeks", "week", "days", "day", "hours", "hour",
	"minutes", "minute", "seconds", "second", "ms", "decades", "centuries", "people", "adults",
	"children", "patients", "participants", "subjects", "women", "men", "deaths", "cases", "persons",
	"respondents", "volunteers", "infants", "babies", "studies", "trials", "countries", "times",
	"fold", "point", "points", "euros", "euro", "dollars", "dollar", "pounds", "yen", "usd", "eur",
	"gbp", "cents", "tokens", "parameters", "words", "users", "households", "homes", "species",
	"million", "billion", "thousand", "trillion", "per", "x", "×", "mmhg", "bpm", "kcal/day",
	"steps", "servings", "portions", "cups", "glasses", "units", "doses", "tablets")

// magnitudes turn a number into a larger one: "1.27 million".
var magnitudes = set("thousand", "million", "billion", "trillion", "hundred", "thousands", "millions",
	"billions")

// numberNames are words before a number that make it part of a name or a
// label rather than a quantity: "Figure 2", "type 2 diabetes", "phase 3".
var numberNames = set("figure", "fig", "table", "section", "chapter", "appendix", "eq", "equation",
	"page", "p", "pp", "step", "phase", "level", "type", "grade", "stage", "version", "no", "number",
	"item", "question", "part", "box", "panel", "line", "verse", "article", "rule", "room", "route",
	"model", "series", "generation", "gen", "episode", "season", "volume", "vol", "issue", "covid", "sars")

// bodyNouns after "your" make it anyone's body: "Your liver makes…".
var bodyNouns = set("body", "brain", "heart", "skin", "gut", "liver", "kidneys", "kidney", "muscles", "muscle",
	"bones", "bone", "blood", "lungs", "immune", "eyes", "eye", "stomach", "cells", "hormones", "metabolism",
	"joints", "teeth", "hair", "nerves", "genes", "microbiome")

// backNouns after "this", "that", "these" or "those" point back at what
// was just said: "That finding is…", "These results are…".
var backNouns = set("finding", "findings", "result", "results", "number", "numbers", "figure", "figures",
	"effect", "effects", "change", "changes", "difference", "approach", "trend", "pattern", "view", "claim",
	"claims", "study", "studies", "data", "work", "method", "estimate", "estimates", "idea", "is", "was",
	"statements", "statement", "words", "figures")

// sayNotReported before "say" make it the writer's or a hypothetical
// voice rather than a report: "I say", "you might say", "some will say".
var sayNotReported = set("i", "you", "we", "to", "will", "would", "might", "could", "can", "may", "must",
	"should", "let's", "not", "never", "don't", "doesn't", "some", "critics", "sceptics", "skeptics")

// verdictAdjectives after "is a" make the sentence the writer's verdict.
var verdictAdjectives = set("useful", "good", "bad", "great", "poor", "helpful", "valuable", "interesting",
	"neat", "fine", "clever", "welcome", "handy", "nice", "lovely", "terrible", "wonderful", "sensible",
	"reasonable", "fair", "perfect", "smart", "brilliant")

// days of the week are no names worth a reason: "on Wednesdays".
var weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// months before a number make it a date: "March 2020", "4 June 2024".
var months = set("january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
	"oct", "nov", "dec")

// crossRefWords, first in a sentence, point the reader elsewhere: "Figure 2
// shows", "Table 1 lists".
var crossRefWords = set("figure", "fig", "table", "section", "chapter", "appendix", "box", "panel")

// greetings open a blog post or a letter.
var greetings = set("hi", "hello", "hey", "welcome", "thanks", "dear", "greetings")

// notDefinedSubjects, first in a sentence, make "is a" no definition: "It is
// a pleasure", "This is a guide".
var notDefinedSubjects = set("i", "we", "you", "they", "he", "she", "it", "this", "that", "there", "here",
	"what", "which", "who", "these", "those", "mine", "ours", "yours")

// baseVerbContext are words after which a verb's base form is a verb, not a
// noun: "we use", "to use", "can use", "models process".
var baseVerbContext = set("i", "we", "you", "they", "to", "not", "can", "could", "may", "might", "will",
	"would", "should", "must", "do", "does", "did", "don't", "didn't", "doesn't", "often", "always",
	"never", "also", "usually", "typically", "generally", "now", "still", "rarely", "sometimes", "people",
	"and", "who", "that", "which", "cannot")

// auxiliaries are verbs in any sentence that has one.
var auxiliaries = set("is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "does", "did",
	"do", "can", "could", "may", "might", "must", "shall", "should", "will", "would", "cannot", "can't",
	"won't", "wouldn't", "shouldn't", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't",
	"didn't", "hasn't", "haven't", "hadn't", "it's", "that's", "there's", "here's", "what's", "he's",
	"she's", "i'm", "we're", "they're", "you're", "i've", "we've", "they've", "you've", "i'll", "we'll",
	"they'll", "you'll", "let's", "being")

// commonVerbs adds everyday verbs to the verb forms the content lists hold,
// so that a sentence without any of them reads as a fragment.
var commonVerbs = verbs("make", "take", "give", "get", "go", "come", "see", "know", "think", "use", "find",
	"show", "say", "tell", "work", "call", "try", "ask", "need", "feel", "become", "leave", "put",
	"mean", "keep", "let", "begin", "seem", "help", "talk", "turn", "start", "run", "move", "live",
	"believe", "hold", "bring", "happen", "write", "provide", "stand", "lose", "pay", "meet", "include",
	"continue", "set", "learn", "change", "lead", "understand", "watch", "follow", "stop", "create",
	"speak", "read", "allow", "add", "spend", "open", "walk", "win", "offer", "remember", "love",
	"consider", "appear", "buy", "wait", "serve", "die", "send", "expect", "build", "stay", "fall",
	"cut", "reach", "remain", "suggest", "pass", "sell", "require", "report", "decide", "pull",
	"contain", "measure", "combine", "replace", "produce", "compare", "process", "project", "train",
	"screen", "matter", "cost", "weigh", "last", "describe", "publish", "study", "test", "rate",
	"record", "sleep", "eat", "drink", "carry", "depend", "vary", "differ", "match", "emit",
	"reflect", "release", "puzzle", "decide", "drop", "look", "sit", "play", "hear", "sit", "lie",
	"hope", "plan", "face", "apply", "argue", "claim", "note", "estimate", "predict", "count", "push",
	"pause", "pin", "swap", "snack", "share", "enjoy", "subscribe", "check", "keep", "deliver",
	"fail", "succeed", "flag", "endorse", "mark", "wiggle", "ride", "look", "stay", "take", "obtain",
	"collect", "select", "observe", "confirm", "reveal", "identify", "indicate", "establish",
	"discover", "invent", "found", "introduce", "launch", "develop", "retract", "approve", "elect",
	"pioneer", "recommend", "warn", "insist", "explain", "announce", "question", "admit",
	"acknowledge", "state", "outperform", "benefit", "harm", "risk", "demonstrate", "conclude",
	"observe", "simplify", "introduce", "propose", "present", "leave", "grow", "rise", "look", "break",
	"absorb", "burn", "block", "filter", "store", "form", "enter", "travel", "lend", "borrow", "fit",
	"wash", "rely", "chop", "heal", "damage", "ease", "soothe", "weaken", "strengthen", "protect", "trigger",
	"affect", "shrink", "swell", "itch", "ache", "bleed").
	plus("made", "took", "taken", "gave", "given", "got", "gotten", "went", "gone", "came", "saw",
		"seen", "knew", "known", "thought", "found", "showed", "shown", "said", "told", "felt", "became",
		"left", "meant", "kept", "began", "begun", "held", "brought", "wrote", "written", "stood", "lost",
		"paid", "met", "led", "understood", "spoke", "spoken", "spent", "grew", "grown", "won", "bought",
		"sold", "sent", "built", "fell", "fallen", "rose", "risen", "ran", "drove", "driven", "ate",
		"eaten", "drank", "slept", "chose", "chosen", "broke", "broken", "hid", "hit", "shut", "sat",
		"taught", "caught", "fought", "sought", "threw", "thrown", "wore", "worn", "struck", "bent",
		"dropped", "stopped", "planned", "swapped", "flagged", "occurred", "preferred", "referred")

// edNotVerbs end in -ed without being verbs.
var edNotVerbs = set("hundred", "kindred", "indeed", "proceed", "speed", "seed", "need", "feed", "bed",
	"red", "shed", "bred", "sled", "embed", "steed", "breed", "greed", "weed", "deed", "reed")

// verbList is a list of verb forms under construction.
type verbList []string

// verbs lists the regular forms of base verbs: the base, the third person,
// the past and the -ing form ("reduce", "reduces", "reduced", "reducing").
// Irregular forms go in with plus.
func verbs(bases ...string) verbList {
	var out verbList
	for _, b := range bases {
		out = append(out, b, thirdPerson(b), past(b), gerund(b))
	}
	return out
}

func (v verbList) plus(forms ...string) verbList { return append(v, forms...) }

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

func thirdPerson(b string) string {
	switch {
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "x") || strings.HasSuffix(b, "z") ||
		strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "o"):
		return b + "es"
	case len(b) > 1 && b[len(b)-1] == 'y' && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ies"
	}
	return b + "s"
}

func past(b string) string {
	switch {
	case strings.HasSuffix(b, "e"):
		return b + "d"
	case len(b) > 1 && b[len(b)-1] == 'y' && !isVowel(b[len(b)-2]):
		return b[:len(b)-1] + "ied"
	}
	return b + "ed"
}

func gerund(b string) string {
	if strings.HasSuffix(b, "e") && !strings.HasSuffix(b, "ee") && len(b) > 2 {
		return b[:len(b)-1] + "ing"
	}
	return b + "ing"
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
