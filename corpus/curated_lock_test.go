package corpus

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// writerEnv makes the test binary a writer of curated.yaml, for
// TestCuratedWritersTakeTurns: "add PATH N" or "remove PATH N".
const writerEnv = "ISABOT_TEST_CURATED_WRITER"

// lockedChanges is how many changes each writer makes, one file
// rewrite each: enough that two writers without the lock lose some.
const lockedChanges = 40

// TestCuratedWritersTakeTurns runs two processes at once on one
// curated.yaml, as serve adding a liaison's reply while `isabot curated
// remove` runs: one adds answers, the other removes the answers there
// before; every change of both lands.
func TestCuratedWritersTakeTurns(t *testing.T) {
	path := filepath.Join(t.TempDir(), CuratedFile)
	for i := range lockedChanges {
		if err := AddCurated(path, lockTestAnswer("old", i)); err != nil {
			t.Fatal(err)
		}
	}
	var writers []*exec.Cmd
	for _, op := range []string{"add", "remove"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCuratedWriterProcess$")
		cmd.Env = append(os.Environ(), writerEnv+"="+op+" "+path+" "+strconv.Itoa(lockedChanges))
		cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		writers = append(writers, cmd)
	}
	for _, cmd := range writers {
		if err := cmd.Wait(); err != nil {
			t.Errorf("writer %v: %v", cmd.Env[len(cmd.Env)-1], err)
		}
	}
	got, errs := LoadCurated(OSDir(filepath.Dir(path)))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var ids []string
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	var want []string
	for i := range lockedChanges {
		want = append(want, lockTestAnswer("new", i).ID)
	}
	slices.Sort(ids)
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("after both writers: %d answers %v\nwant the %d added, none of those removed", len(ids), ids, len(want))
	}
}

// TestCuratedWriterProcess is the writer that TestCuratedWritersTakeTurns
// starts; run alone it does nothing.
func TestCuratedWriterProcess(t *testing.T) {
	spec := os.Getenv(writerEnv)
	if spec == "" {
		t.Skip("started by TestCuratedWritersTakeTurns")
	}
	var op, path string
	var n int
	if _, err := fmt.Sscanf(spec, "%s %s %d", &op, &path, &n); err != nil {
		t.Fatalf("%s=%q: %v", writerEnv, spec, err)
	}
	for i := range n {
		var err error
		switch op {
		case "add":
			err = AddCurated(path, lockTestAnswer("new", i))
		case "remove":
			var removed bool
			if removed, err = RemoveCurated(path, lockTestAnswer("old", i).ID); err == nil && !removed {
				err = fmt.Errorf("%s was not there to remove", lockTestAnswer("old", i).ID)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

func lockTestAnswer(kind string, i int) Curated {
	return Curated{ID: fmt.Sprintf("%s-%02d", kind, i), Question: "Frage " + strconv.Itoa(i) + "?", Answer: "Antwort.", Lang: German, Date: Date{2026, 12, 1}}
}
