//go:build !front

package main

import (
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"unsc"
	"unsc/readmodel"
	"unsc/sqlite"
	"unsc/web"
)

var serveCommand = command{
	name:    "serve",
	args:    "[--addr HOST:PORT] [--cors ORIGIN,…] [--sessions PATH] [-v]",
	summary: "Serve the JSON API (under /api/v1/, described by /api/v1/openapi.json) over the record.",
	run:     runServe,
	writes:  true,
}

func runServe(ctx context.Context, a *app, args []string) error {
	fs := a.newFlagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT` (port 0 picks a free port)")
	cors := fs.String("cors", "", "allow browsers on these `ORIGIN`s, separated by commas (https://example.org,…); none by default")
	verbose := fs.Bool("v", false, "log every request")
	sessions := fs.String("sessions", "", "keep live sessions in `PATH` (default: $UNSC_SESSIONS, else sessions.db beside the record)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 0 {
		return &usageError{msg: "serve: takes no arguments"}
	}
	var origins []string
	for _, o := range strings.Split(*cors, ",") {
		if o = strings.TrimSpace(o); o != "" {
			if !strings.HasPrefix(o, "http://") && !strings.HasPrefix(o, "https://") {
				return unsc.Errorf(unsc.EINVALID, "--cors", "%q: want an origin such as https://example.org", o)
			}
			origins = append(origins, o)
		}
	}
	level := slog.LevelInfo
	if *verbose {
		level = slog.LevelDebug
	}
	log := slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{Level: level}))

	// The record is read once; the server answers from memory.
	st, err := a.openStore()
	if err != nil {
		return err
	}
	ds, err := st.Decisions(ctx, unsc.DecisionFilter{})
	var digest string
	if err == nil {
		digest, err = recordDigest(ctx, st)
	}
	st.Close()
	if err != nil {
		return err
	}

	sessionsPath, err := a.sessionsPath(*sessions)
	if err != nil {
		return err
	}
	ch, sessionLog, err := newChamber(sessionsPath, ds)
	if err != nil {
		return err
	}
	defer sessionLog.Close()
	handler := web.NewServer(web.Config{Decisions: ds, RecordDigest: digest, CORSOrigins: origins, Logger: log, Chamber: ch, AdminToken: adminToken(a.stderr)})
	// Loading leaves garbage (the store's rows, the index's scratch); give
	// it back before serving, so the server's footprint is its live record.
	runtime.GC()
	debug.FreeOSMemory()
	var mem runtime.MemStats
	runtime.ReadMemStats(&mem)
	// The collector waits for a 64 MiB heap before it runs, as import's
	// reading of its files does: at today's record the server's live heap
	// is about 20 MB, and every answer computed leaves garbage, so that at
	// the default pace it ran every 2,000-3,000 uncached answers (PERFORMANCE.md,
	// "The API's uncached answers, eighth pass").
	defer sqlite.HoldHeapFloor()()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return unsc.Errorf(unsc.EINVALID, "--addr", "%v", err)
	}
	ln = web.Listener(ln) // an answer in one write (with ConnContext)
	srv := &http.Server{
		Handler:           handler,
		ConnContext:       web.ConnContext, // holds clients that ignore Retry-After
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    16 << 10,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(a.stderr, "listening on http://%s\n", ln.Addr())
	log.Info("serving", slog.String("addr", ln.Addr().String()), slog.Int("decisions", len(ds)),
		slog.Any("cors", origins), slog.Uint64("heap_bytes", mem.HeapAlloc))

	ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("serve: shutdown: %w", err)
	}
	if err := <-done; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// recordDigest returns the checksum of the record's image, or "" when the
// store keeps none: the server then digests the decisions for its ETags.
func recordDigest(ctx context.Context, st unsc.Store) (string, error) {
	s, ok := st.(interface {
		Image(context.Context) (*readmodel.Image, error)
	})
	if !ok {
		return "", nil
	}
	m, err := s.Image(ctx)
	if err != nil || m == nil {
		return "", err
	}
	sum := m.Checksum()
	return hex.EncodeToString(sum[:]), nil
}
