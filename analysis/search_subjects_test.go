package analysis

import (
	"strings"
	"testing"
)

func TestSearchSubjectsFile(t *testing.T) {
	m, err := searchSubjects()
	if err != nil || len(m) == 0 {
		t.Fatalf("search_subjects.csv: %v (%d symbols)", err, len(m))
	}
	bad := map[string]string{
		"header":    "draft,subject,source\n",
		"symbol":    "symbol,subject,source\nS/RES/1 (1946),x,https://press.un.org/\n",
		"no source": "symbol,subject,source\nS/2017/172,x,\n",
		"http":      "symbol,subject,source\nS/2017/172,x,http://press.un.org/\n",
	}
	for name, data := range bad {
		if _, err := parseSearchSubjects(data); err == nil || !strings.Contains(err.Error(), "search_subjects.csv") {
			t.Errorf("parseSearchSubjects(%s) = %v, want an error naming the file", name, err)
		}
	}
}
