// Package unsc holds the domain of the UN Security Council's decision-making:
// the members that sit on the Council, the positions they take on a vote, the
// ballots put to the Council and the outcomes they produce, and the error type
// shared by every part of the program.
//
// The package imports only the standard library. The rules that turn a ballot
// into an outcome live in package charter; stores, importers and the web layer
// live in packages named for what they adapt, and depend on this one.
package unsc
