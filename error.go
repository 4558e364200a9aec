package unsc

import (
	"errors"
	"fmt"
)

// Error codes used by Error. Each maps to one HTTP status and one CLI exit
// status in a single table at the program's edges.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EUNAUTHORIZED = "unauthorized"
	EFORBIDDEN    = "forbidden"
	EINTERNAL     = "internal"
)

// Error is the application error: a code from the list above and a message
// that is safe to show a user. Field names the input that was wrong, when
// there is one (a JSON field, a query parameter, a file:line:column).
type Error struct {
	Code    string
	Field   string
	Message string
}

// Error returns the message, prefixed with the field it concerns.
func (e *Error) Error() string {
	if e.Field != "" {
		return e.Field + ": " + e.Message
	}
	return e.Message
}

// Errorf returns an *Error with the given code, field and formatted message.
func Errorf(code, field, format string, args ...any) *Error {
	return &Error{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of err if it is or wraps an *Error, and
// EINTERNAL for any other non-nil error.
func ErrorCode(err error) string {
	if err == nil {
		return ""
	}
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err if it is or wraps an
// *Error, and a generic message for any other error, whose detail belongs in
// the log only.
func ErrorMessage(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "internal error"
}
