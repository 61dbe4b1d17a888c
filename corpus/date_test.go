package corpus

import (
	"fmt"
	"testing"
)

func TestParseYear_FindsTheFirstPlausibleYear(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"2019", 2019},
		{"{2019}", 2019},
		{" 2019 ", 2019},
		{"2019a", 2019},
		{"2019b", 2019},
		{"c. 1850", 1850},
		{"ca.1850", 1850},
		{"2019--2020", 2019},
		{"2019/2020", 2019},
		{"[2019]", 2019},
		{"Spring 2019", 2019},
		{"2019-05-03", 2019},
		{"1000", 1000},
		{"2100", 2100},
		{"", 0},
		{"in press", 0},
		{"In Press", 0},
		{"n.d.", 0},
		{"forthcoming", 0},
		{"19", 0},
		{"850", 0},
		{"20190", 0}, // five digits are not a year
		{"0999", 0},  // too early to be a publication year here
		{"9999", 0},  // a placeholder
		{"9999 2019", 2019},
		{"２０１９", 0}, // full-width digits are not read
	}
	for _, tt := range tests {
		if got := ParseYear(tt.in); got != tt.want {
			t.Errorf("ParseYear(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestParseMonth_ReadsNumbersAndNamesInSeveralLanguages(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"jan", 1},
		{"Jan.", 1},
		{"January", 1},
		{"JANUARY", 1},
		{"{Jan}", 1},
		{"janv.", 1},
		{"Jänner", 1},
		{"enero", 1},
		{"Februar", 2},
		{"février", 2},
		{"févr.", 2},
		{"März", 3},
		{"Maerz", 3},
		{"mars", 3},
		{"avril", 4},
		{"abr.", 4},
		{"May", 5},
		{"Mai", 5},
		{"mayo", 5},
		{"Juni", 6},
		{"juin", 6},
		{"juil.", 7},
		{"Juli", 7},
		{"août", 8},
		{"Sept.", 9},
		{"septiembre", 9},
		{"Okt.", 10},
		{"octobre", 10},
		{"noviembre", 11},
		{"Dezember", 12},
		{"déc.", 12},
		{"diciembre", 12},
		{"5", 5},
		{"05", 5},
		{"{12}", 12},
		{"8,", 8},
		{"sep~30,", 9},
		{"jul/aug", 7},
		{"September 22 - 26", 9},
		{"MAR 1", 3},
		{"", 0},
		{"0", 0},
		{"13", 0},
		{"31", 0},
		{"005", 0},
		{"Spring", 0},
		{"Fall", 0},
		{"janus", 0},
		{"2019", 0},
	}
	for _, tt := range tests {
		if got := ParseMonth(tt.in); got != tt.want {
			t.Errorf("ParseMonth(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

func TestParseDate_ReadsBiblatexAndEDTFDates(t *testing.T) {
	tests := []struct {
		in               string
		year, month, day int
	}{
		{"2019-05-03", 2019, 5, 3},
		{"2019-05", 2019, 5, 0},
		{"2019", 2019, 0, 0},
		{"{2019-05-03}", 2019, 5, 3},
		{" 2019-05-03 ", 2019, 5, 3},
		{"2019/2021", 2019, 0, 0},
		{"1984/1986", 1984, 0, 0},
		{"2019-05-03/2019-06-01", 2019, 5, 3},
		{"2019-03-09/", 2019, 3, 9},
		{"2019/..", 2019, 0, 0},
		{"../2019", 2019, 0, 0},
		{"/2019-04", 2019, 4, 0},
		{"unknown/2006", 2006, 0, 0},
		{"2019~", 2019, 0, 0},
		{"2019?", 2019, 0, 0},
		{"2019-05%", 2019, 5, 0},
		{"2004-06~-11", 2004, 6, 11},
		{"?2004-06-~11", 2004, 6, 11},
		{"2019-21", 2019, 0, 0}, // spring
		{"2017-24~", 2017, 0, 0},
		{"2017-23/2017-24", 2017, 0, 0},
		{"2019-05-03T10:00:00Z", 2019, 5, 3},
		{"2016-07-18T20:26:06+10:00", 2016, 7, 18},
		{"2017-10-28T04:44", 2017, 10, 28},
		{"2019-5-3", 2019, 5, 3},
		{"2020-02-29", 2020, 2, 29},
		{"2019-02-29", 2019, 2, 0}, // not a leap year
		{"1900-02-29", 1900, 2, 0},
		{"2000-02-29", 2000, 2, 29},
		{"2019-04-31", 2019, 4, 0},
		{"2019-13", 2019, 0, 0},
		{"2019-00-10", 2019, 0, 0},
		{"2019-XX", 2019, 0, 0},
		{"2019-05-XX", 2019, 5, 0},
		{"201X", 0, 0, 0},
		{"19XX-05", 0, 0, 0},
		{"20", 0, 0, 0}, // a century
		{"-0044-03-15", 0, 0, 0},
		{"Y170000002", 0, 0, 0},
		{"y-51234", 0, 0, 0},
		{"0800", 0, 0, 0},
		{"", 0, 0, 0},
		{"..", 0, 0, 0},
		{"n.d.", 0, 0, 0},
		{"May 2019", 2019, 0, 0},
		{"c. 1850", 1850, 0, 0},
	}
	for _, tt := range tests {
		y, m, d := ParseDate(tt.in)
		if y != tt.year || m != tt.month || d != tt.day {
			t.Errorf("ParseDate(%q) = %d, %d, %d, want %d, %d, %d", tt.in, y, m, d, tt.year, tt.month, tt.day)
		}
	}
}

// checkDateShape fails when a parsed date is not one ParseDate may return.
func checkDateShape(t *testing.T, in string, y, m, d int) {
	t.Helper()
	switch {
	case y != 0 && !plausibleYear(y),
		m < 0 || m > 12,
		d < 0 || d > 31,
		m != 0 && y == 0,
		d != 0 && (m == 0 || d > daysIn(y, m)):
		t.Fatalf("ParseDate(%q) = %d, %d, %d: not a valid partial date", in, y, m, d)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"2019-05-03", "2019/2021", "../2019", "2019-21~", "2019-05-03T10:00:00Z",
		"?2004-06-~11", "unknown/2006", "201X", "May 2019", "",
	} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "date", "year", "urldate")
	f.Fuzz(func(t *testing.T, s string) {
		y, m, d := ParseDate(s)
		checkDateShape(t, s, y, m, d)
		if y == 0 {
			return
		}
		// What ParseDate returns, written back as EDTF, reads the same.
		out := fmt.Sprintf("%04d", y)
		if m > 0 {
			out += fmt.Sprintf("-%02d", m)
			if d > 0 {
				out += fmt.Sprintf("-%02d", d)
			}
		}
		if y2, m2, d2 := ParseDate(out); y2 != y || m2 != m || d2 != d {
			t.Fatalf("ParseDate(%q) = %d, %d, %d but ParseDate(%q) = %d, %d, %d", s, y, m, d, out, y2, m2, d2)
		}
	})
}

func FuzzParseMonth(f *testing.F) {
	for _, s := range []string{"jan", "Févr.", "05", "sep~30", ""} {
		f.Add(s)
	}
	addFieldSeeds(f, 150, "month")
	f.Fuzz(func(t *testing.T, s string) {
		if m := ParseMonth(s); m < 0 || m > 12 {
			t.Fatalf("ParseMonth(%q) = %d", s, m)
		}
		if y := ParseYear(s); y != 0 && !plausibleYear(y) {
			t.Fatalf("ParseYear(%q) = %d", s, y)
		}
	})
}

var sinkInt int

func BenchmarkParseDate(b *testing.B) {
	inputs := []string{"2019-05-03", "2019", "2019-05-03/2019-06-01", "2016-07-18T20:26:06+10:00", "2017-24~"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		y, m, d := ParseDate(inputs[i%len(inputs)])
		sinkInt = y + m + d
	}
}

func BenchmarkParseMonth(b *testing.B) {
	inputs := []string{"jan", "September", "05", "févr."}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		sinkInt = ParseMonth(inputs[i%len(inputs)])
	}
}
