package main

import (
	"bytes"
	"strings"
	"testing"
	"text/tabwriter"

	"pgregory.net/rapid"
)

// tabwriterTable is how printTable laid out a table before it laid tables
// out itself: every line through text/tabwriter, a row's cells through
// cell.
func tabwriterTable(header []string, rows [][]string) string {
	var b bytes.Buffer
	tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	tw.Write([]byte(strings.Join(header, "\t") + "\n"))
	for _, r := range rows {
		cells := make([]string, len(r))
		for i, c := range r {
			cells[i] = cell(c)
		}
		tw.Write([]byte(strings.Join(cells, "\t") + "\n"))
	}
	tw.Flush()
	return b.String()
}

// TestPrintTableAsTabwriter: printTable writes what text/tabwriter wrote,
// byte for byte, for tables whose rows have as many cells as the header
// (laid out by printTable itself) and for any other (the fallback), with
// cells of several bytes a character, empty cells, and the bytes
// text/tabwriter reads as other than text.
func TestPrintTableAsTabwriter(t *testing.T) {
	pieces := []string{"a", "bc", "USA", "é", "日本", "—", " ", "", "x y", "0.835", "\t", "\n", "\r", "\v", "\f", "\xff", "\ufffd"}
	cellGen := rapid.Custom(func(t *rapid.T) string {
		return strings.Join(rapid.SliceOfN(rapid.SampledFrom(pieces), 0, 4).Draw(t, "pieces"), "")
	})
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(0, 5).Draw(t, "columns")
		header := rapid.SliceOfN(cellGen, n, n).Draw(t, "header")
		ragged := rapid.Bool().Draw(t, "ragged")
		rows := rapid.SliceOfN(rapid.Custom(func(t *rapid.T) []string {
			m := n
			if ragged {
				m = rapid.IntRange(0, 6).Draw(t, "cells")
			}
			return rapid.SliceOfN(cellGen, m, m).Draw(t, "row")
		}), 0, 8).Draw(t, "rows")
		var got bytes.Buffer
		if err := printTable(&got, header, rows); err != nil {
			t.Fatal(err)
		}
		if want := tabwriterTable(header, rows); got.String() != want {
			t.Fatalf("printTable wrote\n%q\ntext/tabwriter\n%q", got.String(), want)
		}
	})
}

// TestPrintTableLaysOutItself: a table of plain text with rows as long as
// the header is laid out without text/tabwriter, padded in characters,
// not bytes.
func TestPrintTableLaysOutItself(t *testing.T) {
	lines := [][]string{{"CODE", "MEMBER", "SEAT"}, {"CIV", "Côte d'Ivoire", "elected"}, {"USA", "United States", "permanent"}}
	table, ok := layOut(lines)
	if !ok {
		t.Fatal("layOut refused a plain table")
	}
	want := "CODE  MEMBER         SEAT\nCIV   Côte d'Ivoire  elected\nUSA   United States  permanent\n"
	if string(table) != want {
		t.Errorf("layOut:\n%s\nwant\n%s", table, want)
	}
	for _, bad := range [][][]string{{{"A", "B"}, {"C"}}, {{"A", "B"}, {"C\vD", "E"}}, {{}}} {
		if _, ok := layOut(bad); ok {
			t.Errorf("layOut(%q) laid out a table text/tabwriter reads otherwise", bad)
		}
	}
}
