package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
)

// sample is one run of one command.
type sample struct {
	wall     time.Duration
	cpu      time.Duration // user + system, children included
	rssKB    int64         // peak resident set size, as GNU time reports it
	exit     int
	timedOut bool
	stderr   string // the end of standard error, for failure messages
}

// timeBin is GNU time: its %M is the peak RSS of the command and of the
// processes it waited for (biber's and pandoc's children included).
const timeBin = "/usr/bin/time"

// measure runs argv under GNU time with stdout going to out (nil: discarded)
// and kills the whole process group when the timeout passes, so that a slow
// peer is recorded as a timeout instead of stalling the run.
func measure(argv []string, env []string, out io.Writer, timeout time.Duration, scratch string) (sample, error) {
	resFile, err := os.CreateTemp(scratch, "time-*.txt")
	if err != nil {
		return sample{}, err
	}
	resFile.Close()
	defer os.Remove(resFile.Name())

	args := append([]string{"-f", "%M %U %S", "-o", resFile.Name(), "--"}, argv...)
	cmd := exec.Command(timeBin, args...)
	cmd.Env = env
	tail := &tailBuffer{max: 2000}
	cmd.Stdout = out
	if out == nil {
		// Some tools (biber) say what went wrong on standard output.
		cmd.Stdout = tail
	}
	cmd.Stderr = tail
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}

	start := time.Now()
	if err := cmd.Start(); err != nil {
		return sample{}, err
	}
	var timedOut atomic.Bool
	timer := time.AfterFunc(timeout, func() {
		timedOut.Store(true)
		// The group is the one this run started: GNU time and its child.
		syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
	})
	werr := cmd.Wait()
	wall := time.Since(start)
	timer.Stop()

	s := sample{wall: wall, timedOut: timedOut.Load(), stderr: tail.String()}
	if s.timedOut {
		return s, nil
	}
	var ee *exec.ExitError
	if errors.As(werr, &ee) {
		s.exit = ee.ExitCode()
	} else if werr != nil {
		return s, werr
	}
	res, err := os.ReadFile(resFile.Name())
	if err != nil {
		return s, err
	}
	// GNU time writes "Command exited with non-zero status N" before the
	// format line when the command fails; the numbers are on the last line.
	lines := strings.Split(strings.TrimSpace(string(res)), "\n")
	f := strings.Fields(lines[len(lines)-1])
	if len(f) != 3 {
		return s, fmt.Errorf("unexpected output of %s: %q", timeBin, res)
	}
	s.rssKB, _ = strconv.ParseInt(f[0], 10, 64)
	u, _ := strconv.ParseFloat(f[1], 64)
	sy, _ := strconv.ParseFloat(f[2], 64)
	s.cpu = time.Duration((u + sy) * float64(time.Second))
	return s, nil
}

// tailBuffer keeps the first and the last max bytes written to it: a Node
// error says what went wrong at the top and ends in a long stack.
type tailBuffer struct {
	max  int
	head []byte
	buf  bytes.Buffer
}

func (t *tailBuffer) Write(p []byte) (int, error) {
	n := len(p)
	if room := t.max - len(t.head); room > 0 {
		k := min(room, len(p))
		t.head = append(t.head, p[:k]...)
		p = p[k:]
	}
	t.buf.Write(p)
	if t.buf.Len() > 2*t.max {
		keep := append([]byte(nil), t.buf.Bytes()[t.buf.Len()-t.max:]...)
		t.buf.Reset()
		t.buf.Write(keep)
	}
	return n, nil
}

func (t *tailBuffer) String() string {
	b := t.buf.Bytes()
	if len(b) > t.max {
		b = b[len(b)-t.max:]
	}
	return string(t.head) + string(b)
}

var (
	tempPath = regexp.MustCompile(`/tmp/\S+`)
	filePath = regexp.MustCompile(`/\S+\.bib\b`)
)

// errorLine picks from a tool's standard error the line that says what went
// wrong: the first that mentions an error, else the last.
func errorLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	l := strings.TrimSpace(lines[len(lines)-1])
	for _, line := range lines {
		if strings.Contains(line, "rror") {
			l = strings.TrimSpace(line)
			break
		}
	}
	for _, line := range lines {
		if line = strings.TrimSpace(line); strings.HasPrefix(line, "Error") || strings.Contains(line, "ERROR") || strings.Contains(line, "Error: ") {
			l = line
			break
		}
	}
	// The report is committed: no paths of this machine in it.
	l = tempPath.ReplaceAllString(l, "TMPFILE")
	l = filePath.ReplaceAllStringFunc(l, filepath.Base)
	if len(l) > 160 {
		l = l[:160] + "..."
	}
	return l
}
