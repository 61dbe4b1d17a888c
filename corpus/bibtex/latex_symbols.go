package bibtex

// latexSymbols maps control words to the text they print. Math symbols are
// here for \ensuremath and for titles that use them outside math mode.
var latexSymbols = map[string]string{
	// Letters.
	"ss": "ß", "SS": "SS", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
	"aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð",
	"th": "þ", "TH": "Þ", "ng": "ŋ", "NG": "Ŋ", "dj": "đ", "DJ": "Đ", "ij": "ij", "IJ": "IJ",

	// Punctuation and text symbols.
	"textendash": "–", "textemdash": "—", "textquoteleft": "‘", "textquoteright": "’",
	"textquotedblleft": "“", "textquotedblright": "”", "textquotedbl": "\"", "textquotesingle": "'",
	"quotesinglbase": "‚", "quotedblbase": "„", "guillemotleft": "«", "guillemotright": "»",
	"guillemetleft": "«", "guillemetright": "»", "guilsinglleft": "‹", "guilsinglright": "›",
	"textellipsis": "…", "ldots": "…", "dots": "…", "textbackslash": "\\", "textbar": "|",
	"textbardbl": "‖", "textbraceleft": "{", "textbraceright": "}", "textless": "<",
	"textgreater": ">", "textasciitilde": "~", "textasciicircum": "^", "textunderscore": "_",
	"textdollar": "$", "textsection": "§", "S": "§", "P": "¶", "textparagraph": "¶",
	"textdagger": "†", "dag": "†", "textdaggerdbl": "‡", "ddag": "‡", "textbullet": "•",
	"textperiodcentered": "·", "textasteriskcentered": "∗", "textdegree": "°", "textpm": "±",
	"texttimes": "×", "textdiv": "÷", "textmu": "µ", "textcopyright": "©", "copyright": "©",
	"textregistered": "®", "texttrademark": "™", "pounds": "£", "textsterling": "£",
	"texteuro": "€", "euro": "€", "textyen": "¥", "textcent": "¢", "textcurrency": "¤",
	"textexclamdown": "¡", "textquestiondown": "¿", "textordfeminine": "ª", "textordmasculine": "º",
	"slash": "/", "textslash": "/", "textfractionsolidus": "⁄", "textasciimacron": "¯",
	"textasciiacute": "´", "textasciidieresis": "¨", "textasciicaron": "ˇ", "textasciibreve": "˘",
	"textasciigrave": "`", "textbrokenbar": "¦", "textonehalf": "½", "textonequarter": "¼",
	"textthreequarters": "¾", "textonesuperior": "¹", "texttwosuperior": "²",
	"textthreesuperior": "³", "textperthousand": "‰", "textnumero": "№", "textvisiblespace": "␣",
	"textcelsius": "℃", "textohm": "Ω", "textminus": "−", "textlangle": "⟨", "textrangle": "⟩",
	"textleftarrow": "←", "textrightarrow": "→", "textuparrow": "↑", "textdownarrow": "↓",
	"checkmark": "✓", "TeX": "TeX", "LaTeX": "LaTeX", "LaTeXe": "LaTeX2ε", "BibTeX": "BibTeX",

	// Greek.
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
	"varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "φ",
	"varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ",
	"Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ",
	"Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",

	// Math.
	"pm": "±", "mp": "∓", "times": "×", "cdot": "·", "cdots": "⋯", "div": "÷", "leq": "≤",
	"le": "≤", "geq": "≥", "ge": "≥", "neq": "≠", "ne": "≠", "approx": "≈", "sim": "∼",
	"simeq": "≃", "equiv": "≡", "propto": "∝", "infty": "∞", "partial": "∂", "nabla": "∇",
	"sum": "∑", "prod": "∏", "int": "∫", "sqrt": "√", "prime": "′", "circ": "∘",
	"bullet": "•", "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
	"Rightarrow": "⇒", "Leftarrow": "⇐", "Leftrightarrow": "⇔", "uparrow": "↑",
	"downarrow": "↓", "langle": "⟨", "rangle": "⟩", "ll": "≪", "gg": "≫", "in": "∈",
	"notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀",
	"exists": "∃", "emptyset": "∅", "hbar": "ℏ", "ell": "ℓ", "log": "log", "ln": "ln",
	"exp": "exp", "sin": "sin", "cos": "cos", "tan": "tan", "max": "max", "min": "min",
	"lim": "lim",
}
