package export_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// This file encodes the rules of the CSL-JSON schema of CSL 1.0.2
// (csl-data.json of the Citation Style Language project) as Go facts, so
// that tests can check what we write without a copy of the schema: the item
// types, the variables and the JSON type of each, the keys of name and date
// objects. An item may hold no key the schema does not list ("custom" is
// its place for anything else).

// cslTypes are the item types of CSL 1.0.2.
var cslTypes = set(`article article-journal article-magazine article-newspaper bill book broadcast
	chapter classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
	graphic hearing interview legal_case legislation manuscript map motion_picture musical_score
	pamphlet paper-conference patent performance periodical personal_communication post post-weblog
	regulation report review review-book software song speech standard thesis treaty webpage`)

// cslNameVars are the name variables: arrays of name objects.
var cslNameVars = set(`author chair collection-editor compiler composer container-author contributor
	curator director editor editorial-director executive-producer guest host interviewer illustrator
	narrator organizer original-author performer producer recipient reviewed-author script-writer
	series-creator translator`)

// cslDateVars are the date variables: date objects.
var cslDateVars = set(`accessed available-date event-date issued original-date submitted`)

// cslNumberVars are the variables the schema lets be a string or a number.
var cslNumberVars = set(`chapter-number citation-number collection-number edition
	first-reference-note-number issue locator number number-of-pages number-of-volumes page
	page-first part printing supplement volume`)

// cslStringVars are the variables that must be strings.
var cslStringVars = set(`citation-key language journalAbbreviation shortTitle abstract annote archive
	archive_collection archive_location archive-place authority call-number citation-label
	collection-title container-title container-title-short dimensions division DOI event event-title
	event-place genre ISBN ISSN jurisdiction keyword medium note original-publisher
	original-publisher-place original-title part-title PMCID PMID publisher publisher-place references
	reviewed-genre reviewed-title scale section source status title title-short URL version
	volume-title volume-title-short year-suffix`)

// cslNameKeys are the keys of a name object, and whether each may also
// be a number or a boolean rather than a string.
var cslNameKeys = map[string]bool{
	"family": false, "given": false, "dropping-particle": false, "non-dropping-particle": false,
	"suffix": false, "literal": false, "comma-suffix": true, "static-ordering": true, "parse-names": true,
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// validateCSL checks one CSL-JSON item against the schema's rules and
// returns what breaks them, as "key: problem" strings.
func validateCSL(item map[string]any) []string {
	var errs []string
	bad := func(key, format string, args ...any) {
		errs = append(errs, key+": "+fmt.Sprintf(format, args...))
	}
	if _, ok := item["id"]; !ok {
		bad("id", "missing")
	}
	if _, ok := item["type"]; !ok {
		bad("type", "missing")
	}
	for k, v := range item {
		switch {
		case k == "id":
			if !isString(v) && !isNumber(v) {
				bad(k, "not a string or number")
			}
		case k == "type":
			if s, ok := v.(string); !ok || !cslTypes[s] {
				bad(k, "not a CSL 1.0.2 item type: %v", v)
			}
		case k == "categories":
			arr, ok := v.([]any)
			if !ok {
				bad(k, "not an array")
				continue
			}
			for _, c := range arr {
				if !isString(c) {
					bad(k, "holds a non-string")
				}
			}
		case k == "custom":
			if _, ok := v.(map[string]any); !ok {
				bad(k, "not an object")
			}
		case cslNameVars[k]:
			arr, ok := v.([]any)
			if !ok {
				bad(k, "not an array of names")
				continue
			}
			for _, n := range arr {
				for _, e := range validateName(n) {
					bad(k, "%s", e)
				}
			}
		case cslDateVars[k]:
			for _, e := range validateDate(v) {
				bad(k, "%s", e)
			}
		case cslNumberVars[k]:
			if !isString(v) && !isNumber(v) {
				bad(k, "not a string or number")
			}
		case cslStringVars[k]:
			if !isString(v) {
				bad(k, "not a string")
			}
		default:
			bad(k, "not a CSL variable")
		}
	}
	sort.Strings(errs)
	return errs
}

func validateName(v any) []string {
	n, ok := v.(map[string]any)
	if !ok {
		return []string{"a name is not an object"}
	}
	var errs []string
	for k, x := range n {
		loose, known := cslNameKeys[k]
		switch {
		case !known:
			errs = append(errs, fmt.Sprintf("name key %q not allowed", k))
		case loose:
			if !isString(x) && !isNumber(x) && !isBool(x) {
				errs = append(errs, fmt.Sprintf("name key %q has the wrong type", k))
			}
		case !isString(x):
			errs = append(errs, fmt.Sprintf("name key %q is not a string", k))
		}
	}
	return errs
}

func validateDate(v any) []string {
	d, ok := v.(map[string]any)
	if !ok {
		return []string{"a date is not an object"}
	}
	var errs []string
	for k, x := range d {
		switch k {
		case "date-parts":
			parts, ok := x.([]any)
			if !ok || len(parts) < 1 || len(parts) > 2 {
				errs = append(errs, "date-parts is not an array of one or two parts")
				continue
			}
			for _, p := range parts {
				ymd, ok := p.([]any)
				if !ok || len(ymd) < 1 || len(ymd) > 3 {
					errs = append(errs, "a date part is not [year, month, day] (1 to 3 items)")
					continue
				}
				for _, n := range ymd {
					if !isString(n) && !isNumber(n) {
						errs = append(errs, "a date part holds a non-number")
					}
				}
			}
		case "season", "circa":
			if !isString(x) && !isNumber(x) && (k == "season" || !isBool(x)) {
				errs = append(errs, k+" has the wrong type")
			}
		case "literal", "raw":
			if !isString(x) {
				errs = append(errs, k+" is not a string")
			}
		default:
			errs = append(errs, fmt.Sprintf("date key %q not allowed", k))
		}
	}
	return errs
}

func isString(v any) bool { _, ok := v.(string); return ok }
func isBool(v any) bool   { _, ok := v.(bool); return ok }
func isNumber(v any) bool {
	switch v.(type) {
	case float64, json.Number:
		return true
	}
	return false
}
