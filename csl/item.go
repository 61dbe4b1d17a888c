package csl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Item is one work as a CSL-JSON item. Ordinary and number variables are
// kept as text in Vars (CSL-JSON allows numbers for both), name variables in
// Names and date variables in Dates, all keyed by their CSL variable name.
type Item struct {
	ID    string
	Type  string
	Vars  map[string]string
	Names map[string][]Name
	Dates map[string]Date
}

// Name is one CSL name: a person's parts or a literal (an organisation).
type Name struct {
	Family              string
	Given               string
	DroppingParticle    string
	NonDroppingParticle string
	Suffix              string
	Literal             string
	// CommaSuffix puts a comma before the suffix in display order.
	CommaSuffix bool
	// StaticOrdering keeps family-first order (as for names in Chinese).
	StaticOrdering bool
}

// DatePart is one end of a date: a year with an optional month (1–12, or
// 13–16 for the seasons) and day; zero means absent. Years below 1 are BC.
type DatePart struct {
	Year, Month, Day int
}

// Date is a CSL date: one part, or two for a range; a season (1–4), the
// circa flag, or a literal for what cannot be read as parts.
type Date struct {
	Parts   []DatePart
	Season  int
	Circa   bool
	Literal string
}

// Var returns the item's variable name as text ("" when absent).
func (it *Item) Var(name string) string {
	switch name {
	case "id":
		return it.ID
	case "type":
		return it.Type
	}
	return it.Vars[name]
}

// nameVars and dateVars say which CSL variables hold names and dates; every
// other variable is text.
var nameVars = map[string]bool{
	"author": true, "chair": true, "collection-editor": true, "compiler": true, "composer": true,
	"container-author": true, "contributor": true, "curator": true, "director": true, "editor": true,
	"editorial-director": true, "editor-translator": true, "executive-producer": true, "guest": true,
	"host": true, "illustrator": true, "interviewer": true, "narrator": true, "organizer": true,
	"original-author": true, "performer": true, "producer": true, "recipient": true,
	"reviewed-author": true, "script-writer": true, "series-creator": true, "translator": true,
}

var dateVars = map[string]bool{
	"accessed": true, "available-date": true, "event-date": true, "issued": true,
	"original-date": true, "submitted": true,
}

// ItemFromJSON reads one CSL-JSON item.
func ItemFromJSON(data []byte) (Item, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return Item{}, fmt.Errorf("CSL-JSON item: %w", err)
	}
	return itemFromRaw(raw)
}

// ItemsFromJSON reads a CSL-JSON array of items. An error names the item by
// its position and id.
func ItemsFromJSON(data []byte) ([]Item, error) {
	var raws []map[string]json.RawMessage
	if err := json.Unmarshal(data, &raws); err != nil {
		return nil, fmt.Errorf("CSL-JSON: %w", err)
	}
	items := make([]Item, 0, len(raws))
	for i, raw := range raws {
		it, err := itemFromRaw(raw)
		if err != nil {
			return nil, fmt.Errorf("CSL-JSON item %d: %w", i+1, err)
		}
		items = append(items, it)
	}
	return items, nil
}

func itemFromRaw(raw map[string]json.RawMessage) (Item, error) {
	it := NewItem("", "")
	for key, val := range raw {
		val = bytes.TrimSpace(val)
		if len(val) == 0 || string(val) == "null" {
			continue
		}
		switch {
		case key == "id":
			it.ID = scalar(val)
		case key == "type":
			it.Type = scalar(val)
		case nameVars[key]:
			ns, parse, err := namesFromJSON(val)
			if err != nil {
				return it, fmt.Errorf("%s (id %s): %w", key, scalar(raw["id"]), err)
			}
			it.setNames(key, ns, parse)
		case dateVars[key]:
			d, err := dateFromJSON(val)
			if err != nil {
				return it, fmt.Errorf("%s (id %s): %w", key, scalar(raw["id"]), err)
			}
			it.SetDate(key, d)
		default:
			if val[0] == '{' || val[0] == '[' {
				continue // custom objects we do not render
			}
			it.SetVar(key, scalar(val))
		}
	}
	if it.ID == "" {
		return it, fmt.Errorf("item without id")
	}
	return it, nil
}

// scalar renders a JSON string, number or boolean as text.
func scalar(val json.RawMessage) string {
	if len(val) == 0 {
		return ""
	}
	if val[0] == '"' {
		var s string
		if json.Unmarshal(val, &s) == nil {
			return strings.TrimSpace(s)
		}
		return ""
	}
	if val[0] == '{' || val[0] == '[' || string(val) == "null" {
		return ""
	}
	return string(val)
}

// namesFromJSON reads a CSL-JSON name list, and for each name whether it
// asks for its particles to be split ("parse-names"); setNames does the
// rest.
func namesFromJSON(val json.RawMessage) ([]Name, []bool, error) {
	var raws []map[string]json.RawMessage
	if err := json.Unmarshal(val, &raws); err != nil {
		return nil, nil, fmt.Errorf("names must be an array of objects")
	}
	out := make([]Name, len(raws))
	parse := make([]bool, len(raws))
	for i, r := range raws {
		out[i] = Name{
			Family:              scalar(r["family"]),
			Given:               scalar(r["given"]),
			DroppingParticle:    scalar(r["dropping-particle"]),
			NonDroppingParticle: scalar(r["non-dropping-particle"]),
			Suffix:              scalar(r["suffix"]),
			Literal:             scalar(r["literal"]),
			CommaSuffix:         truthy(r["comma-suffix"]),
			StaticOrdering:      truthy(r["static-ordering"]),
		}
		parse[i] = truthy(r["parse-names"])
	}
	return out, parse, nil
}

func truthy(v json.RawMessage) bool {
	s := strings.Trim(string(v), `"`)
	return s == "true" || s == "1"
}

// splitParticles moves lowercase particles written inside the family name
// ("van der Berg") or at the end of the given name ("Ludwig van") to their
// own fields, as CSL-JSON processors do when the item does not split them.
func splitParticles(n *Name) {
	if n.Family != "" && !strings.HasPrefix(n.Family, `"`) {
		words := strings.Fields(n.Family)
		i := 0
		for i < len(words)-1 && isParticle(words[i]) {
			i++
		}
		if i > 0 {
			n.NonDroppingParticle = strings.Join(words[:i], " ")
			n.Family = strings.Join(words[i:], " ")
		} else if j := strings.IndexAny(n.Family, "'’"); j > 0 && j < 3 && isParticle(n.Family[:j+len("'")]) {
			// d'Alembert and l'Hôpital keep the apostrophe with the particle.
			size := 1
			if n.Family[j] != '\'' {
				size = len("’")
			}
			n.NonDroppingParticle = n.Family[:j+size]
			n.Family = n.Family[j+size:]
		}
	}
	if n.Given != "" {
		words := strings.Fields(n.Given)
		j := len(words)
		for j > 1 && isParticle(words[j-1]) {
			j--
		}
		if j < len(words) {
			n.DroppingParticle = strings.Join(words[j:], " ")
			n.Given = strings.Join(words[:j], " ")
		}
	}
}

// isParticle reports whether a word is a name particle: it starts with a
// lowercase letter ("van", "de", "d'").
func isParticle(w string) bool {
	for _, r := range w {
		return r >= 'a' && r <= 'z' || r == 'à' || r == 'é'
	}
	return false
}

func dateFromJSON(val json.RawMessage) (Date, error) {
	if val[0] == '"' {
		return parseRawDate(scalar(val)), nil
	}
	var r map[string]json.RawMessage
	if err := json.Unmarshal(val, &r); err != nil {
		return Date{}, fmt.Errorf("date must be an object or a string")
	}
	var d Date
	if dp, ok := r["date-parts"]; ok {
		var parts [][]json.RawMessage
		if err := json.Unmarshal(dp, &parts); err != nil {
			return Date{}, fmt.Errorf("date-parts must be an array of arrays")
		}
		for _, p := range parts {
			ymd := make([]int, 0, 3)
			for i, v := range p {
				n, err := strconv.Atoi(scalar(v))
				if err != nil {
					if i == 0 && scalar(v) != "" {
						return Date{}, fmt.Errorf("date-parts: %q is not a number", scalar(v))
					}
					break
				}
				ymd = append(ymd, n)
			}
			if x := NewDatePart(ymd); x.Year != 0 || x.Month != 0 {
				d.Parts = append(d.Parts, x) // SetDate keeps the first two
			}
		}
	}
	if s := scalar(r["season"]); s != "" {
		d.Season, _ = strconv.Atoi(s)
		if d.Season == 0 {
			d.Season = seasonNumber(s)
		}
	}
	d.Circa = truthy(r["circa"]) || (len(r["circa"]) > 0 && scalar(r["circa"]) != "" && scalar(r["circa"]) != "false" && scalar(r["circa"]) != "0")
	d.Literal = scalar(r["literal"])
	if len(d.Parts) == 0 && d.Literal == "" {
		if raw := scalar(r["raw"]); raw != "" {
			rd := parseRawDate(raw)
			rd.Circa = rd.Circa || d.Circa
			return rd, nil
		}
	}
	return d, nil
}

func seasonNumber(s string) int {
	switch strings.ToLower(s) {
	case "spring":
		return 1
	case "summer":
		return 2
	case "autumn", "fall":
		return 3
	case "winter":
		return 4
	}
	return 0
}
