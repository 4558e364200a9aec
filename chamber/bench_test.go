package chamber_test

import (
	"context"
	"sync"
	"testing"

	"unsc/chamber"
	"unsc/procedure"
)

// memLog is a log that keeps nothing: the chamber's own cost, without the
// disk.
type memLog struct{}

func (memLog) Create(context.Context, string, []chamber.Credential, []chamber.Entry) error {
	return nil
}
func (memLog) Append([]chamber.Entry) <-chan error {
	c := make(chan error, 1)
	c <- nil
	return c
}
func (memLog) Load(context.Context, string) ([]chamber.Credential, []chamber.Entry, error) {
	return nil, nil, nil
}
func (memLog) Sessions(context.Context) ([]string, error) { return nil, nil }

// BenchmarkBallot is the chamber's cost of one ballot, a subscriber
// listening: deciding it, sealing it, folding it and framing the view.
func BenchmarkBallot(b *testing.B) {
	c := chamber.New(chamber.Config{Log: memLog{}})
	ctx := context.Background()
	cr, err := c.Create(ctx, chamber.NewSession{Date: "2024-03-25"})
	if err != nil {
		b.Fatal(err)
	}
	for _, a := range []procedure.Action{{Kind: "open-meeting"}, {Kind: "propose-agenda", Args: procedure.Args{Text: "Item"}}, {Kind: "adopt-agenda"},
		{Kind: "table-draft", Args: procedure.Args{Symbol: "S/2024/254", Paragraphs: []string{"Demands a ceasefire"}}},
		{Kind: "open-vote", Args: procedure.Args{Question: &procedure.QuestionRef{Kind: "draft", Ref: 1}}}} {
		by := procedure.Chair
		if a.Kind == "table-draft" {
			by = procedure.SeatOf("MOZ")
		}
		if _, err := c.Act(ctx, cr.ID, by, a); err != nil {
			b.Fatal(a.Kind, err)
		}
	}
	sub, _, err := c.Subscribe(ctx, cr.ID, -1)
	if err != nil {
		b.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		for range sub.C() {
		}
	})
	positions := []string{"Y", "N", "A"}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		seat := cr.Seats[i%len(cr.Seats)].Code
		if _, err := c.Act(ctx, cr.ID, procedure.SeatOf(seat), procedure.Action{Kind: "cast-ballot", Args: procedure.Args{Ref: 1, Position: positions[(i/len(cr.Seats))%3]}}); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	sub.Close()
	wg.Wait()
}
