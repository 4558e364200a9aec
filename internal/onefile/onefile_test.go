package onefile

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	front := "\x7fELF front's bytes"
	whole := "\x7fELF the whole program's bytes"
	var b bytes.Buffer
	if err := Write(&b, strings.NewReader(front), strings.NewReader(whole)); err != nil {
		t.Fatal(err)
	}
	file := b.Bytes()
	if len(file) != len(front)+len(whole)+TrailerSize || !strings.HasSuffix(string(file), Magic) {
		t.Fatalf("Write wrote %q", file)
	}
	off, n, err := Find(bytes.NewReader(file), int64(len(file)))
	if err != nil || string(file[off:off+n]) != whole {
		t.Fatalf("Find = %d, %d, %v; want the whole program at %d, %d bytes", off, n, err, len(front), len(whole))
	}

	cut := func(b []byte, from, to int) []byte {
		return append(append([]byte(nil), b[:from]...), b[to:]...)
	}
	withTrailer := func(off, n int64) []byte {
		return append([]byte(front+whole), Trailer(off, n)...)
	}
	for _, c := range []struct {
		name string
		file []byte
		want string // "" for ErrNoPayload
	}{
		{"the front alone", []byte(front), ""},
		{"empty", nil, ""},
		{"the trailer cut short", file[:len(file)-1], ""},
		{"the whole program cut short", cut(file, len(front)+5, len(front)+9), "damaged: its trailer puts the whole program at bytes 18 to 48, but the file has 44 bytes before its trailer"},
		{"an offset past the end", withTrailer(1<<40, int64(len(whole))), "damaged: its trailer puts the whole program at bytes 1099511627776"},
		{"a length past the end", withTrailer(int64(len(front)), 1<<62), "damaged"},
		{"an offset of 0", withTrailer(0, int64(len(front)+len(whole))), "damaged"},
		{"not an executable", append([]byte(front+"XXXX"+whole[4:]), Trailer(int64(len(front)), int64(len(whole)))...), "damaged: the bytes at 18, where its trailer puts the whole program, begin 58 58 58 58, not 7f 45 4c 46"},
	} {
		_, _, err := Find(bytes.NewReader(c.file), int64(len(c.file)))
		if c.want == "" && !errors.Is(err, ErrNoPayload) || c.want != "" && (err == nil || !strings.HasPrefix(err.Error(), c.want)) {
			t.Errorf("%s: Find: %v; want %q", c.name, err, c.want)
		}
	}
}
