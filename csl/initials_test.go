package csl

import "testing"

func TestInitials_CapitalsStayWhenNotInitializing(t *testing.T) {
	tests := []struct {
		given, with string
		initialize  bool
		want        string
	}{
		{"CA", ". ", true, "C."},
		{"CA", ". ", false, "CA"},
		{"CA", "", false, "CA"},
		{"E", ". ", false, "E."},
		{"J.R.", ". ", false, "J. R."},
		{"Chotirat Ann", ". ", true, "C. A."},
		{"Chotirat Ann", ". ", false, "Chotirat Ann"},
		{"Jean-Paul", ".", true, "J.-P."},
	}
	for _, tt := range tests {
		if got := initials(tt.given, tt.with, tt.initialize, true); got != tt.want {
			t.Errorf("initials(%q, %q, initialize=%v) = %q, want %q", tt.given, tt.with, tt.initialize, got, tt.want)
		}
	}
}

// TestInitials_PlainNamesAsTheGeneralRules holds the shortcut for plain
// given names to the general rules.
func TestInitials_PlainNamesAsTheGeneralRules(t *testing.T) {
	if _, ok := plainInitials("John Ronald", ". ", true); !ok {
		t.Error("plain names do not take the shortcut")
	}
	for _, given := range []string{"John Ronald", "J", "JR", "John  Ronald ", " Mary", "Ann marie", "", "A B C", "Élodie", "Jean-Paul", "J.R."} {
		for _, with := range []string{". ", ".", "", "\u00a0", ". \u00a0"} {
			got := initials(given, with, true, true)
			if _, ok := plainInitials(given, with, false); ok {
				t.Fatalf("plainInitials took initialize=false")
			}
			want := anyInitials(given, with, true, true)
			if got != want {
				t.Errorf("initials(%q, %q) = %q, the general rules give %q", given, with, got, want)
			}
		}
	}
}
