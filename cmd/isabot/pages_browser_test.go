package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/mmcdole/gofeed"
)

// chromium finds the browser the page tests drive; .ci/run installs
// Debian's chromium package.
// value runs a in the browser and gives its value.
func value[T any](t *testing.T, ctx context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("no Chromium found on PATH (chromium, chromium-browser, google-chrome, headless-shell): install Debian's chromium package, as .ci/run does")
	return ""
}

// screenshotDir is where the page tests leave their screenshots for a
// person to look at; git ignores it.
const screenshotDir = "../../screenshots"

// pageRelease is a release file of the page tests' data directory.
func pageRelease(id, title, date, lang, place string) (string, string) {
	return id + ".md", fmt.Sprintf("---\ntitle: %q\ndate: %s\nlang: %s\nplace: %s\n---\n\nDie ISA meldet %s aus %s. Ein zweiter Satz zum Inhalt.\n\n## Kontakt\n\nTest-Pressestelle\nE-Mail: presse@example.org\n", title, date, lang, place, id, place)
}

// TestPagesInBrowser drives the web pages of a running isabot serve with
// a headless Chromium, as a person would use them.
func TestPagesInBrowser(t *testing.T) {
	browser := chromium(t)
	dataDir := t.TempDir()
	releases := filepath.Join(dataDir, "releases")
	if err := os.MkdirAll(releases, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, body string) {
		if err := os.WriteFile(filepath.Join(releases, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	places := []string{"Köln", "Foshan", "Berlin"}
	langs := []string{"de", "en", "zh"}
	for i := range 24 {
		write(pageRelease(fmt.Sprintf("test-%02d", i), fmt.Sprintf("Testmeldung Nummer %d", i),
			fmt.Sprintf("%d-%02d-15", 2022+i%3, 1+i%12), langs[i/3%3], places[i%3]))
	}
	const hostile = `Neue Städte <script>window.pwned=1</script> & „Partner“`
	write(pageRelease("test-hostile", hostile, "2023-06-01", "de", "Köln"))
	future := time.Now().AddDate(0, 0, 3).Format(time.DateOnly)
	write(pageRelease("test-embargoed", "Gesperrte Meldung vor ihrem Tag", future, "de", "Berlin"))
	s := startServeIn(t, dataDir, nil)

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(browser), chromedp.NoSandbox, chromedp.WindowSize(1280, 900))
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancelAlloc()
	ctx, cancel := chromedp.NewContext(allocCtx)
	defer cancel()
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	defer cancelTime()
	run := func(t *testing.T, what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}

	type css = chromedp.CSS
	js := chromedp.Evaluate[string]
	titlesJS := `JSON.stringify([...document.querySelectorAll('.entries a')].map(a => a.textContent))`
	list := func(t *testing.T, what, expr string) []string {
		t.Helper()
		var out []string
		if err := json.Unmarshal([]byte(value(t, ctx, what, js(expr))), &out); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		return out
	}

	t.Run("ask", func(t *testing.T) {
		run(t, "ask",
			chromedp.Navigate(s.base+"/?lang=de"),
			chromedp.SendKeys(chromedp.ID("q"), "Ist Köln Mitglied?"),
			chromedp.Click(css("form.ask button")),
			chromedp.WaitVisible(css(".answer")),
		)
		answer := value(t, ctx, "answer", chromedp.Text(css(".answer .text")))
		sources := value(t, ctx, "sources", chromedp.Text(css(".answer .sources")))
		if !strings.Contains(answer, "Köln ist Mitglied") {
			t.Errorf("answer = %q", answer)
		}
		if !strings.Contains(sources, "Frühlingsfest") {
			t.Errorf("sources = %q, want the release of 11 February 2021", sources)
		}
		// The source that is a release opens its page.
		run(t, "open the source", chromedp.Click(css(".sources a")), chromedp.WaitVisible(css("article")))
		if h1 := value(t, ctx, "h1", chromedp.Text(css("h1"))); !strings.Contains(h1, "Frühlingsfest") {
			t.Errorf("the source's link opened %q", h1)
		}
	})

	t.Run("archive", func(t *testing.T) {
		run(t, "archive", chromedp.Navigate(s.base+"/releases?lang=en"))
		titles := list(t, "titles", titlesJS)
		count := value(t, ctx, "count", chromedp.Text(css(".count")))
		// 24 + the hostile one + the built-in one; not the embargoed one.
		if len(titles) != 20 || !strings.HasPrefix(count, "26 press releases, page 1 of 2") {
			t.Errorf("page 1: %d titles, %q", len(titles), count)
		}
		run(t, "next page",
			chromedp.Click(css(`a[rel="next"]`)),
			chromedp.WaitVisible(css(`a[rel="prev"]`)),
		)
		next := list(t, "page 2", titlesJS)
		if len(next) != 6 {
			t.Errorf("page 2 lists %d releases, want 6", len(next))
		}
		run(t, "filter",
			chromedp.Navigate(s.base+"/releases?lang=en"),
			chromedp.SetValue(chromedp.ID("year"), "2023"),
			chromedp.SetValue(chromedp.ID("language"), "zh"),
			chromedp.Click(css(".filter button")),
			chromedp.WaitReady(css(`#year option[value="2023"][selected]`)),
		)
		dates := list(t, "filtered", `JSON.stringify([...document.querySelectorAll('.entries li')].map(li => li.querySelector('time').getAttribute('datetime') + ' ' + li.querySelector('a').lang))`)
		if len(dates) == 0 {
			t.Error("the filter for 2023 in Chinese shows nothing")
		}
		for _, d := range dates {
			if !strings.HasPrefix(d, "2023-") || !strings.HasSuffix(d, " zh") {
				t.Errorf("filtered for 2023 in Chinese, shows %s", d)
			}
		}
		for _, title := range append(titles, next...) {
			if strings.Contains(title, "Gesperrte") {
				t.Error("the archive shows an embargoed release")
			}
		}
	})

	t.Run("release", func(t *testing.T) {
		run(t, "release", chromedp.Navigate(s.base+"/releases/test-hostile?lang=en"))
		h1 := value(t, ctx, "h1", chromedp.Text(css("h1")))
		contact := value(t, ctx, "contact", chromedp.Text(css("address")))
		scripts := value(t, ctx, "scripts", chromedp.Evaluate[int](`document.querySelectorAll('script').length`))
		pwned := value(t, ctx, "pwned", chromedp.Evaluate[bool](`window.pwned === 1`))
		if h1 != hostile || scripts != 0 || pwned {
			t.Errorf("h1 = %q, %d script elements, ran: %v; want the title as text", h1, scripts, pwned)
		}
		if !strings.Contains(contact, "presse@example.org") {
			t.Errorf("contact = %q", contact)
		}
		if code, _ := s.get(t, "/releases/test-embargoed"); code != http.StatusNotFound {
			t.Errorf("an embargoed release's page: %d, want 404", code)
		}
	})

	t.Run("members", func(t *testing.T) {
		run(t, "members", chromedp.Navigate(s.base+"/members?lang=en"))
		names := list(t, "names", `JSON.stringify([...document.querySelectorAll('.city .label')].map(l => l.textContent))`)
		if len(names) != 46 { // every member of cities.yaml: 20 German, a guest, 25 Chinese
			t.Errorf("the map shows %d members, want 46", len(names))
		}
		for i, name := range names {
			label := fmt.Sprintf(`getComputedStyle(document.querySelectorAll('.city .label')[%d]).visibility`, i)
			before := value(t, ctx, name, js(label))
			run(t, "focus "+name, chromedp.Focus(chromedp.JSPath(fmt.Sprintf(`document.querySelectorAll('.city')[%d]`, i))))
			focused := value(t, ctx, name, js(label))
			if before != "hidden" || focused != "visible" {
				t.Errorf("%s: label %s before focus, %s on focus", name, before, focused)
			}
		}
		value(t, ctx, "blur", chromedp.Evaluate[bool](`document.activeElement.blur(), document.querySelector('.city').scrollIntoView({block: 'center'}), true`))
		x := value(t, ctx, "x", chromedp.Evaluate[float64](`(r => r.x + r.width/2)(document.querySelector('.city circle').getBoundingClientRect())`))
		y := value(t, ctx, "y", chromedp.Evaluate[float64](`(r => r.y + r.height/2)(document.querySelector('.city circle').getBoundingClientRect())`))
		run(t, "hover", chromedp.MouseEvent(chromedp.MouseMoved, x, y))
		if hovered := value(t, ctx, "hovered", js(`getComputedStyle(document.querySelector('.city .label')).visibility`)); hovered != "visible" {
			t.Errorf("hovering the first city: its label is %s", hovered)
		}
	})

	t.Run("accessible", func(t *testing.T) {
		// What each page owes a reader with a screen reader or a keyboard:
		// its language, landmarks, one h1, a label for every field, and a
		// first Tab that lands on "skip to content".
		const check = `(() => {
			const bad = [];
			if (!document.documentElement.lang) bad.push('no lang');
			for (const sel of ['header', 'main', 'footer', 'nav[aria-label]']) if (!document.querySelector(sel)) bad.push('no ' + sel);
			if (document.querySelectorAll('h1').length !== 1) bad.push('h1s: ' + document.querySelectorAll('h1').length);
			for (const f of document.querySelectorAll('input:not([type=hidden]), select, textarea'))
				if (!(f.id && document.querySelector('label[for="' + f.id + '"]')) && !f.getAttribute('aria-label')) bad.push('no label: ' + f.name);
			for (const g of document.querySelectorAll('svg[role=img], g[role=img]'))
				if (!g.getAttribute('aria-label') && !g.getAttribute('aria-labelledby')) bad.push('unnamed image');
			return bad.join('; ');
		})()`
		for _, path := range []string{"/?lang=de&q=Wer+ist+die+Ansprechpartnerin%3F", "/releases?lang=en", "/releases/test-00?lang=zh", "/members?lang=zh"} {
			run(t, path, chromedp.Navigate(s.base+path))
			if bad := value(t, ctx, path, js(check)); bad != "" {
				t.Errorf("%s: %s", path, bad)
			}
			run(t, "tab", chromedp.KeyEvent("\t"))
			if focused := value(t, ctx, path, js(`document.activeElement.className`)); focused != "skip" {
				t.Errorf("%s: the first Tab goes to %q, not the skip link", path, focused)
			}
		}
	})

	t.Run("feed", func(t *testing.T) {
		code, body := s.get(t, "/feed.atom")
		if code != http.StatusOK {
			t.Fatalf("/feed.atom: %d", code)
		}
		feed, err := gofeed.NewParser().ParseString(body)
		if err != nil {
			t.Fatal(err)
		}
		if feed.FeedType != "atom" || len(feed.Items) != 26 {
			t.Errorf("feed: %s with %d items, want atom with 26", feed.FeedType, len(feed.Items))
		}
		for _, it := range feed.Items {
			if strings.Contains(it.Title, "Gesperrte") {
				t.Error("the feed shows an embargoed release")
			}
			if !strings.HasPrefix(it.GUID, "urn:uuid:") || !strings.HasPrefix(it.Link, s.base+"/releases/") {
				t.Errorf("item %q: id %q, link %q", it.Title, it.GUID, it.Link)
			}
		}
		_, rss := s.get(t, "/feed.rss")
		if f, err := gofeed.NewParser().ParseString(rss); err != nil || f.FeedType != "rss" || len(f.Items) != 26 {
			t.Errorf("/feed.rss: %v", err)
		}
	})

	t.Run("screenshots and weight", func(t *testing.T) {
		if err := os.MkdirAll(screenshotDir, 0o755); err != nil {
			t.Fatal(err)
		}
		pages := map[string]string{
			"home": "/?lang=de&q=Ist+K%C3%B6ln+Mitglied%3F", "archive": "/releases?lang=en",
			"release": "/releases/2021-02-11-isa-fruehlingsfest?lang=de", "members": "/members?lang=en", "members-zh": "/members?lang=zh",
		}
		_, css := s.get(t, "/static/site.css")
		for name, path := range pages {
			// What a page weighs without images: its HTML (the map's
			// SVG inside it) and its style sheet.
			_, html := s.get(t, path)
			if weight := len(html) + len(css); weight > 100_000 {
				t.Errorf("%s weighs %d bytes, more than 100 kB", name, weight)
			}
			for _, size := range []struct {
				name string
				w    int64
			}{{"desktop", 1280}, {"phone", 390}} {
				run(t, name+" "+size.name, chromedp.EmulateViewport(size.w, 800), chromedp.Navigate(s.base+path))
				png := value(t, ctx, "screenshot", chromedp.FullScreenshot(100))
				if err := os.WriteFile(filepath.Join(screenshotDir, name+"-"+size.name+".png"), png, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}
