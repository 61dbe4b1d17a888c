package csl

import (
	"fmt"
	"strings"
)

// Locale holds a CSL locale: terms, date formats and style options for one
// language. A style's <locale> overrides are Locales too.
type Locale struct {
	// Lang is the xml:lang of the file or of the style's locale ("" when a
	// style's override applies to every language).
	Lang string
	// PunctuationInQuote moves commas and periods inside closing quotes.
	PunctuationInQuote bool
	// LimitDayOrdinalsToDay1 renders only the first day of a month as an
	// ordinal ("1er janvier", "2 janvier").
	LimitDayOrdinalsToDay1 bool

	terms       map[termKey][]term
	dates       map[string]*dateEl
	hasOrdinals bool
	setOptions  map[string]bool
}

type termKey struct{ name, form string }

type term struct {
	single, multiple string
	gender           string // the gender of a noun (month-01 "masculine")
	genderForm       string // the gender an ordinal agrees with
	match            string // last-digit, last-two-digits, whole-number
}

// LocaleSource finds the locale file for a language ("de-DE"); it returns
// nil, nil when it has none.
type LocaleSource func(lang string) (*Locale, error)

// ParseLocale reads a CSL locale file. name is the file's name for errors.
func ParseLocale(data []byte, name string) (*Locale, error) {
	root, err := parseXML(data, name)
	if err != nil {
		return nil, err
	}
	if root.name != "locale" {
		return nil, fmt.Errorf("%s:%d: root element is <%s>, want <locale>", name, root.line, root.name)
	}
	return compileLocale(root, name)
}

func compileLocale(n *xnode, file string) (*Locale, error) {
	l := &Locale{Lang: n.attr("xml:lang"), terms: map[termKey][]term{}, dates: map[string]*dateEl{}, setOptions: map[string]bool{}}
	for _, k := range n.kids {
		switch k.name {
		case "style-options":
			if v, ok := k.attrs["punctuation-in-quote"]; ok {
				l.PunctuationInQuote = v == "true"
				l.setOptions["punctuation-in-quote"] = true
			}
			if v, ok := k.attrs["limit-day-ordinals-to-day-1"]; ok {
				l.LimitDayOrdinalsToDay1 = v == "true"
				l.setOptions["limit-day-ordinals-to-day-1"] = true
			}
		case "terms":
			for _, t := range k.kids {
				if t.name != "term" {
					continue
				}
				nm := t.attr("name")
				if nm == "" {
					return nil, fmt.Errorf("%s:%d: <term> needs a name", file, t.line)
				}
				form := t.attr("form")
				if form == "" {
					form = "long"
				}
				tm := term{gender: t.attr("gender"), genderForm: t.attr("gender-form"), match: t.attr("match")}
				if s := t.child("single"); s != nil {
					tm.single = strings.Trim(s.text, " \t\r\n")
					tm.multiple = tm.single
					if m := t.child("multiple"); m != nil {
						tm.multiple = strings.Trim(m.text, " \t\r\n")
					}
				} else {
					// only the file's layout is trimmed: quote terms keep
					// their no-break spaces ("« ")
					tm.single = strings.Trim(t.text, " \t\r\n")
					tm.multiple = tm.single
				}
				if strings.HasPrefix(nm, "ordinal") || strings.HasPrefix(nm, "long-ordinal") {
					l.hasOrdinals = true
				}
				key := termKey{nm, form}
				l.terms[key] = append(l.terms[key], tm)
			}
		case "date":
			d, err := compileDate(k, file, nil)
			if err != nil {
				return nil, err
			}
			l.dates[k.attr("form")] = d
		}
	}
	return l, nil
}

// mergeLocales lays locales over each other, lowest priority first. A
// locale that defines ordinal terms replaces all earlier ordinals, as the
// specification asks, so that "1st" never mixes with "1er".
func mergeLocales(ls ...*Locale) *Locale {
	out := &Locale{terms: map[termKey][]term{}, dates: map[string]*dateEl{}, setOptions: map[string]bool{}}
	for _, l := range ls {
		if l == nil {
			continue
		}
		if l.Lang != "" {
			out.Lang = l.Lang
		}
		if l.hasOrdinals {
			for k := range out.terms {
				if strings.HasPrefix(k.name, "ordinal") || strings.HasPrefix(k.name, "long-ordinal") {
					delete(out.terms, k)
				}
			}
			out.hasOrdinals = true
		}
		for k, v := range l.terms {
			out.terms[k] = v
		}
		for k, v := range l.dates {
			out.dates[k] = v
		}
		if l.setOptions["punctuation-in-quote"] {
			out.PunctuationInQuote = l.PunctuationInQuote
		}
		if l.setOptions["limit-day-ordinals-to-day-1"] {
			out.LimitDayOrdinalsToDay1 = l.LimitDayOrdinalsToDay1
		}
	}
	return out
}

// formFallback gives the forms to try for a term, in order.
var formFallback = map[string][]string{
	"long":       {"long"},
	"short":      {"short", "long"},
	"verb":       {"verb", "long"},
	"verb-short": {"verb-short", "verb", "long"},
	"symbol":     {"symbol", "short", "long"},
}

// term looks a term up with the form fallbacks of the specification; ok is
// false when no form exists (an empty term is found and renders nothing).
func (l *Locale) term(name, form string, plural bool) (string, bool) {
	t, ok := l.termEntry(name, form, "")
	if !ok {
		return "", false
	}
	if plural {
		return t.multiple, true
	}
	return t.single, true
}

func (l *Locale) termEntry(name, form, gender string) (term, bool) {
	if form == "" {
		form = "long"
	}
	forms := formFallback[form]
	if forms == nil {
		forms = []string{form, "long"}
	}
	for _, f := range forms {
		ts := l.terms[termKey{name, f}]
		if len(ts) == 0 {
			continue
		}
		for _, t := range ts {
			if t.genderForm == gender {
				return t, true
			}
		}
		for _, t := range ts {
			if t.genderForm == "" {
				return t, true
			}
		}
		return ts[0], true
	}
	return term{}, false
}

// gender returns the grammatical gender of a noun term (for ordinals).
func (l *Locale) gender(name string) string {
	for _, t := range l.terms[termKey{name, "long"}] {
		if t.gender != "" {
			return t.gender
		}
	}
	return ""
}

// primaryDialects gives the locale file for a bare language code, as the
// CSL locales repository defines it.
var primaryDialects = map[string]string{
	"af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "cy": "cy-GB", "da": "da-DK",
	"de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE", "eu": "eu", "fa": "fa-IR",
	"fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR", "hu": "hu-HU", "id": "id-ID", "is": "is-IS",
	"it": "it-IT", "ja": "ja-JP", "km": "km-KH", "ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV",
	"mn": "mn-MN", "nb": "nb-NO", "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO",
	"ru": "ru-RU", "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE", "th": "th-TH", "tr": "tr-TR",
	"uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
}
