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
