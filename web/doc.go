// Package web is unsc's JSON API and its web pages: the Council on a date,
// the outcome of a ballot under the Charter, and questions over the record
// of Council votes, served under /api/v1/ by `unsc serve`, and the same
// answers as server-rendered pages (page.go: html/template pages and assets
// embedded in the binary, a strict Content-Security-Policy, .json and .csv
// twins of every list).
//
// Routes (declared in one table, routeTable, on the standard
// http.ServeMux; /api/v1/openapi.json is the OpenAPI 3.1 document built
// from that same table):
//
//	GET  /healthz                  liveness
//	GET  /api/v1/council?date=     the Council on a date (Art. 23)
//	GET  /api/v1/members           every state that sat, with its seats
//	POST /api/v1/decide            a ballot decided (Art. 27), as `unsc decide --json`
//	GET  /api/v1/decisions         by symbol (as `unsc show --json`) or search, paged
//	GET  /api/v1/vetoes            every veto, as `unsc vetoes --json`
//	GET  /api/v1/vetoes/summary    vetoes under a stated counting rule, grouped
//	GET  /api/v1/vetoes/count      a fact check under every counting rule, a claim checked
//	GET  /api/v1/coverage          what the record holds, by kind, decade and source
//	GET  /api/v1/profile           a member's record
//	GET  /api/v1/agreement         pairwise agreement of members
//	GET  /api/v1/trends            per-year figures
//	GET  /api/v1/whatif            the record replayed under other rules
//	GET  /api/v1/veto-initiative   vetoes since GA res 76/262 and the Assembly's meetings on them
//
// Conventions:
//
//   - The wire types (Council, Decision, Veto here; the answer types of
//     package analysis and charter.ResultJSON) are the ones the command line
//     prints with --json: one definition for both.
//   - The record is loaded once and answered from memory. A record answer
//     depends only on the request, so it is encoded once and kept; it
//     carries a strong ETag (a digest of the record and the program, computed
//     at start, and of the canonical request) and Cache-Control: public,
//     max-age=300; If-None-Match answers 304.
//   - Query parameters are declared per route: an unknown one, one given
//     twice, a bad date or a value outside its enumeration is 400.
//   - Errors are application/problem+json (RFC 9457) with type about:blank;
//     bad input names the parameter or ballot field in invalid_params. Error
//     codes map to statuses in one table (statuses): EINVALID 400, ENOTFOUND
//     404, ECONFLICT 409, EUNAUTHORIZED 401, EFORBIDDEN 403, anything else
//     500 "internal error", whose detail goes to the log only. A method a
//     path does not serve is 405 with Allow.
//   - Every answer has X-Content-Type-Options: nosniff, a Content-Type and
//     a restrictive Content-Security-Policy. CORS is off unless origins are
//     configured; then only those origins are allowed, and preflights are
//     answered.
//   - The log gets methods and paths, never query strings or headers.
package web
