package record

// ReconcileWith reconciles reports with the facts given instead of the
// built-in ones, for tests of a fact's field.
var ReconcileWith = reconcile
