package main

import (
	"fmt"
	"io"
	"os/exec"
	"runtime"
	"strings"
)

// defaultPager is the pager used when PAGER is unset and less is on the
// PATH: -F quits at once when the text fits on one screen, -R passes the
// report's colours, -X leaves the text on the screen afterwards.
var defaultPager = []string{"less", "-FRX"}

// startPager returns where a long text report should go: through the
// pager, when standard output is a terminal, paging is wanted (no
// --no-pager) and there is a pager to run; else standard output itself.
// done closes the pager's input and waits for it, so that the pager has
// finished with the terminal before evident prints an error or exits.
func (a *App) startPager(want bool) (w io.Writer, done func()) {
	nothing := func() {}
	if !want || !a.OutTTY {
		return a.Out, nothing
	}
	argv := a.pagerCommand()
	if argv == nil {
		return a.Out, nothing
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Stdout, cmd.Stderr = a.Out, a.Err
	in, err := cmd.StdinPipe()
	if err == nil {
		err = cmd.Start()
	}
	if err != nil {
		fmt.Fprintf(a.Err, "evident: cannot start the pager %q (%v); printing without it\n", strings.Join(argv, " "), err)
		return a.Out, nothing
	}
	return &pagerInput{w: in}, func() {
		in.Close()
		cmd.Wait() // a pager that quit early or failed has shown what it could
	}
}

// pagerCommand is the pager to run: $PAGER, run by the shell as git and
// man do ("less -S", "bat --paging=always"), or less -FRX when PAGER is
// unset and less is installed. PAGER set empty or to "cat" means none.
func (a *App) pagerCommand() []string {
	p, set := a.lookupEnv("PAGER")
	p = strings.TrimSpace(p)
	switch {
	case !set:
		if _, err := exec.LookPath(defaultPager[0]); err != nil {
			return nil
		}
		return defaultPager
	case p == "" || p == "cat":
		return nil
	}
	if runtime.GOOS != "windows" {
		if sh, err := exec.LookPath("sh"); err == nil {
			return []string{sh, "-c", p}
		}
	}
	return strings.Fields(p)
}

// lookupEnv is os.LookupEnv through the App's Getenv, for which an empty
// value is unset unless LookupEnv says otherwise.
func (a *App) lookupEnv(name string) (string, bool) {
	if a.LookupEnv != nil {
		return a.LookupEnv(name)
	}
	v := a.Getenv(name)
	return v, v != ""
}

// pagerInput writes to the pager, and once the pager has quit (the user
// pressed q before the end) drops the rest instead of failing the check
// with a broken pipe.
type pagerInput struct {
	w      io.Writer
	closed bool
}

func (p *pagerInput) Write(b []byte) (int, error) {
	if p.closed {
		return len(b), nil
	}
	if _, err := p.w.Write(b); err != nil {
		p.closed = true
	}
	return len(b), nil
}
