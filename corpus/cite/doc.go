// Package cite finds the citation markers in an article's sentences — numeric,
// superscript, author-year, pandoc, LaTeX and footnote forms — and learns
// from all of them how the article cites, so that outliers can be dropped or
// flagged.
//
// It owns marker syntax only: it never reads files, never splits sentences
// and never decides which reference a marker points at (that is resolve's
// job). Detection is hand-written scanning rather than one large regular
// expression because the forms overlap ("(3)", "(2019)", "(Smith, 2019)",
// "(n = 3)") and the decision needs context around the bracket.
package cite
