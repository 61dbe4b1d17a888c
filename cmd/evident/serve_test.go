package main

import (
	"net/http"
	"net/http/httptest"

	"github.com/rogpeppe/go-internal/testscript"
)

// serveCmd serves the script's work directory over HTTP on a local
// address, and sets SERVER to it, until the script ends:
//
//	serve
//
// It stands for a download site ('retractions update URL'); nothing leaves
// the machine.
func serveCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 0 {
		ts.Fatalf("usage: serve")
	}
	srv := httptest.NewServer(http.FileServer(http.Dir(ts.MkAbs("."))))
	ts.Defer(srv.Close)
	ts.Setenv("SERVER", srv.URL)
}
