// Package form holds the wire forms of the record's answers: what the
// command line prints with --json (and --csv for positions) and the API
// answers, one definition for both. It links neither the server nor the
// pages, so that a question asked on the command line does not start them.
package form
