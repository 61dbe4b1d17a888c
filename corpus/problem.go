package corpus

import "strconv"

// Problem is something wrong or odd in an input file, placed at its file,
// line and entry: a rejected BibTeX entry or RIS record, a file read in
// another encoding than UTF-8, an empty article. Every reader reports with
// it, so that import, check and their JSON say it alike.
type Problem struct {
	File string `json:"file"`
	Line int    `json:"line"`          // 1-based; 0 for the file as a whole
	Key  string `json:"key,omitempty"` // the entry's key when known
	Msg  string `json:"message"`
}

// Error returns "FILE:LINE: entry KEY: MESSAGE", the form input errors take,
// leaving out the line when it is 0 and the entry when there is no key.
func (p Problem) Error() string {
	s := ""
	if p.File != "" {
		s = p.File
		if p.Line > 0 {
			s += ":" + strconv.Itoa(p.Line)
		}
		s += ": "
	}
	if p.Key != "" {
		s += "entry " + p.Key + ": "
	}
	return s + p.Msg
}
