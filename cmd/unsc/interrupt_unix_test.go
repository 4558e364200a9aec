//go:build unix

package main

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"
)

// TestCatchLater checks that a command that does not write catches Ctrl-C
// at its first look at its context after catchAfter, with no timer: not
// at a look before, and then a context made from it is cancelled by
// SIGINT as the context itself is.
func TestCatchLater(t *testing.T) {
	ctx, stop := interruptible(false)
	defer stop()
	child, cancel := context.WithCancel(ctx)
	defer cancel()
	later, ok := ctx.(*catchLater)
	if !ok {
		t.Fatalf("interruptible(false) = %T, want *catchLater", ctx)
	}
	if err := ctx.Err(); err != nil || later.caught.Load() && time.Since(later.start) < catchAfter {
		t.Fatalf("a look before catchAfter: err %v, caught %v", err, later.caught.Load())
	}
	time.Sleep(catchAfter)
	if err := ctx.Err(); err != nil || !later.caught.Load() {
		t.Fatalf("a look after catchAfter: err %v, caught %v; want nil, true", err, later.caught.Load())
	}
	if err := syscall.Kill(os.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-child.Done():
	case <-time.After(10 * time.Second):
		t.Fatal("SIGINT after catchAfter did not cancel a context made from the command's")
	}
	if !errors.Is(ctx.Err(), context.Canceled) {
		t.Errorf("ctx.Err() = %v after SIGINT, want context.Canceled", ctx.Err())
	}
}
