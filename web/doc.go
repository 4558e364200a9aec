// Package web is unsc's JSON API: the Council on a date, the outcome of a
// ballot, and questions over the record, served under /api/v1/.
//
// The wire types (Council, Decision, Veto, …) are the ones the command line
// prints with --json, so a program can move between `unsc show --json` and
// GET /api/v1/decisions without a second parser.
package web
