package bibtex

// MacroNames returns the macros defined so far, spelled as defined.
func (p *Parser) MacroNames() []string {
	names := make([]string, 0, len(p.spelled))
	for n := range p.spelled {
		names = append(names, n)
	}
	return names
}

// MacrosUsedAsDefined reports whether every macro use so far was spelled
// exactly as its definition (or was a lower-case month).
func (p *Parser) MacrosUsedAsDefined() bool { return !p.respelled }
