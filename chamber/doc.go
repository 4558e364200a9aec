// Package chamber runs live sessions of the Security Council: a meeting in
// which each delegation acts from its own device, the President runs the
// meeting, and spectators watch.
//
// A session is an append-only log of events (package procedure decides
// them and folds them into the state). The chamber keeps each open
// session's state in memory and appends its events to a Log; an action is
// acknowledged only once its events are durably committed, and only
// committed events reach the live stream. Every entry carries the SHA-256
// hash of the one before it, so that Verify detects any entry edited,
// removed or reordered, and a delegation's receipt of its votes is proved by
// the log.
//
// Credentials are random tokens of 256 bits, one for the President, one per
// seat, one for the operator who creates sessions; the chamber keeps only
// their SHA-256 hashes. Failed attempts are rate-limited per client.
package chamber
