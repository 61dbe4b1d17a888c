package article

import (
	"strings"
	"testing"

	"github.com/evident-tools/evident/corpus"
)

func TestLooksLikeReference_RealEntriesAndPageText(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		// References in the styles health sites, papers and news use.
		{"Williams CM, Maher CG, Latimer J, et al. Efficacy of paracetamol for acute low-back pain. Lancet. 2014;384(9954):1586-96.", true},
		{"Martineau, A. R., Jolliffe, D. A., & Hooper, R. L. (2017). Vitamin D supplementation to prevent acute respiratory tract infections. BMJ, 356, i6583.", true},
		{"Holick MF. Vitamin D deficiency. N Engl J Med 2007; 357: 266–81.", true},
		{"National Institutes of Health. Vitamin D: Fact Sheet for Health Professionals. https://ods.od.nih.gov/factsheets/VitaminD-HealthProfessional/", true},
		{"World Health Organization (2020). Guidelines on physical activity and sedentary behaviour. Geneva: WHO.", true},
		{"Department for Culture, Media and Sport (2023). UK concussion guidelines for non-elite (grassroots) sport.", true},
		{"British Hedgehog Preservation Society and People's Trust for Endangered Species (2022). The State of Britain's Hedgehogs 2022.", true},
		{"doi:10.1136/bmj.i6583", true},
		{"Smith, John. \"The Long Walk Home.\" The Atlantic, 12 May 2019.", true},
		{"Ibid., p. 45.", true},
		{"3. Adams R. Coffee.", true},
		// What scraped pages put under the heading instead.
		{"Anna Keller, MD, is a family physician in Portland who writes about preventive care and nutrition.", false},
		{"Tom Reyes is a health journalist who has covered medicine for HealthWise Daily for ten years.", false},
		{"Related Articles: 7 Foods High in Vitamin D | Can You Take Too Much Vitamin D?", false},
		{"HealthWise Daily content is for informational purposes only and is not a substitute for professional medical advice.", false},
		{"© 2024 HealthWise Media LLC. All rights reserved. Privacy Policy | Terms of Use", false},
		{"Medically reviewed by Dr. Anna Keller, MD — Written by Tom Reyes — Updated on March 4, 2024", false},
		{"The survey (2019). It found little.", false},
		{"Our records go back to the 1990s (1994). Before that, nothing.", false},
		{"Sign up for our newsletter to get the latest health news in 2024.", false},
		{"We use cookies to improve your experience at https://example.org.", false},
	}
	for _, tt := range tests {
		if got := looksLikeReference(tt.text); got != tt.want {
			t.Errorf("looksLikeReference(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// The scraped explainer of issue 16: a "References" heading over author
// bios, related articles, a disclaimer and the page footer is an empty
// reference list, and that text is prose.
func TestRefList_PageTextUnderTheHeadingIsNoList(t *testing.T) {
	for _, name := range []string{"explainer.txt", "explainer.html"} {
		doc := readFile(t, "testdata/explainer/"+name)
		if len(doc.RefList) != 0 {
			t.Errorf("%s: RefList = %+v, want none", name, doc.RefList)
		}
		if doc.RefListHeading != "References" && doc.RefListHeading != "Research Citations" {
			t.Errorf("%s: RefListHeading = %q, want the heading of the empty list", name, doc.RefListHeading)
		}
		var prose []string
		for _, b := range doc.Blocks {
			prose = append(prose, b.Text)
		}
		if all := strings.Join(prose, "\n"); !strings.Contains(all, "Tom Reyes is a health journalist") {
			t.Errorf("%s: the bio is not prose:\n%s", name, all)
		}
	}
}

// A real list keeps its entries; the page text after it is prose.
func TestRefList_EndsWhereThePageFooterBegins(t *testing.T) {
	src := `# Coffee and the liver

Coffee drinkers have less cirrhosis (1, 2).

## References

1. Adams R, Baker S. Coffee and cirrhosis. Hepatology. 2001;3:1–10.
2. Chen L. Decaffeinated coffee. J Nutr. 2005;7:20–25.

Anna Keller is a family physician who writes about nutrition.

© 2024 HealthWise Media LLC. All rights reserved.
`
	doc := read(t, "a.md", src, corpus.Markdown)
	if len(doc.RefList) != 2 || doc.RefList[0].Label != "1" || doc.RefList[1].Label != "2" {
		t.Fatalf("RefList = %+v, want entries 1 and 2", doc.RefList)
	}
	last := doc.Blocks[len(doc.Blocks)-1]
	if !strings.Contains(last.Text, "All rights reserved") {
		t.Errorf("the footer is not prose: last block %q", last.Text)
	}
}
