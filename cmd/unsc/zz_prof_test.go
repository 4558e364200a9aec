package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Throwaway: go test ./cmd/unsc -run TestProf -cpuprofile ...
func TestProfImport(t *testing.T) {
	if os.Getenv("PROF") != "import" {
		t.Skip()
	}
	db := filepath.Join(t.TempDir(), "u.db")
	for i := 0; i < 5; i++ {
		os.Remove(db)
		os.Remove(db + "-wal")
		os.Remove(db + "-shm")
		var out, errb bytes.Buffer
		if st := run(context.Background(), []string{"--db", db, "import", "../../../shared/data"}, nil, &out, &errb); st != 0 {
			t.Fatal(errb.String())
		}
	}
}

func TestProfCheck(t *testing.T) {
	db := os.Getenv("PROFDB")
	if db == "" {
		t.Skip()
	}
	for i := 0; i < 20; i++ {
		var out, errb bytes.Buffer
		run(context.Background(), []string{"--db", db, "check"}, nil, &out, &errb)
	}
}
