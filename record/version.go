package record

// Version is the version of the reconciliation: of what Reconcile makes of
// a given set of reports, facts and curated decisions included. A record
// file keeps the version that derived its decisions; unsc derives again the
// decisions of a record that another version derived (when it writes to
// it), and refuses to read them as they are.
//
// Raise it with every change that changes what Reconcile returns for some
// reports. TestVersion keeps the version beside a fingerprint of the
// reconciliation of the shared data (testdata/version.golden), and fails
// when the fingerprint changes and the version does not: raise Version, then
// run `go test ./record -run TestVersion -update`.
const Version = 149
