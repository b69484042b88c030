package bots

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/isa-alliance/isabot/bots/store"
	"github.com/isa-alliance/isabot/corpus"
)

// DefaultZone is the time zone of a digest's hour when the chat names
// none: the alliance's press office is in Berlin.
const DefaultZone = "Europe/Berlin"

// maxZoneRunes bounds a time zone's name: the longest IANA names have
// about 30 characters.
const maxZoneRunes = 64

var hourOfDay = regexp.MustCompile(`^([01]?[0-9]|2[0-3]):([0-5][0-9])$`)

// The ways the argument of /digest can be wrong.
var (
	errDigestUsage = errors.New("want HH:MM, optionally a time zone, or off")
	errZone        = errors.New("unknown time zone")
)

// ParseDigest reads the argument of /digest: "off" (nil), or "HH:MM"
// and optionally an IANA time zone, DefaultZone without. lang is the
// language it was chosen in, that of the digests when the chat chose
// none. An error is told with DigestError.
func ParseDigest(args string, lang corpus.Lang) (*store.Digest, error) {
	fields := strings.Fields(args)
	switch {
	case len(fields) == 1 && strings.EqualFold(fields[0], "off"):
		return nil, nil
	case len(fields) == 0 || len(fields) > 2:
		return nil, errDigestUsage
	}
	m := hourOfDay.FindStringSubmatch(fields[0])
	if m == nil {
		return nil, errDigestUsage
	}
	hour, _ := strconv.Atoi(m[1])
	d := &store.Digest{At: fmt.Sprintf("%02d:%s", hour, m[2]), Zone: DefaultZone, Lang: lang}
	if len(fields) == 2 {
		d.Zone = fields[1]
		if _, err := zone(d.Zone); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// zone loads an IANA time zone; "Local" and "" name none: they would
// be the server's.
func zone(name string) (*time.Location, error) {
	if name == "" || name == "Local" || len([]rune(name)) > maxZoneRunes {
		return nil, fmt.Errorf("%w %q", errZone, Clip(name, maxZoneRunes))
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%w %q", errZone, name)
	}
	return loc, nil
}

// DigestError is what a chat is told when ParseDigest refused its
// argument.
func DigestError(t DigestTexts, args string, err error) string {
	if errors.Is(err, errZone) {
		_, name, _ := strings.Cut(strings.TrimSpace(args), " ")
		return fmt.Sprintf(t.BadZone, Clip(strings.TrimSpace(name), maxZoneRunes))
	}
	return t.Usage
}

// DigestText says how a chat named name gets its releases: not at all,
// one by one, or in a digest at its hour.
func DigestText(t Texts, name string, sub store.Subscription, subscribed bool) string {
	switch {
	case !subscribed:
		return fmt.Sprintf(t.Follows.None, name)
	case sub.Digest == nil:
		return fmt.Sprintf(t.Digest.Off, name)
	}
	return fmt.Sprintf(t.Digest.On, name, sub.Digest.At, sub.Digest.Zone)
}

// Zones loads the time zones of digests once each.
type Zones map[string]*time.Location

// LastDue is when d was last due at or before now: today's hour in its
// zone, or yesterday's when today's is still to come. false when d's
// hour or zone cannot be read (a state file edited by hand).
func (z Zones) LastDue(d store.Digest, now time.Time) (time.Time, bool) {
	loc, ok := z[d.Zone]
	if !ok {
		var err error
		if loc, err = zone(d.Zone); err != nil {
			return time.Time{}, false
		}
		z[d.Zone] = loc
	}
	m := hourOfDay.FindStringSubmatch(d.At)
	if m == nil {
		return time.Time{}, false
	}
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	local := now.In(loc)
	due := time.Date(local.Year(), local.Month(), local.Day(), hour, minute, 0, 0, loc)
	if due.After(now) {
		due = time.Date(local.Year(), local.Month(), local.Day()-1, hour, minute, 0, 0, loc)
	}
	return due, true
}

// DigestHeading is the line above a digest: its day (at is when it was
// due, in its zone) and how many releases it lists.
func DigestHeading(at time.Time, n int, lang corpus.Lang) string {
	return fmt.Sprintf(TextsFor(lang).Digest.Heading, corpus.DateOf(at).Format(lang), n)
}

// DigestTitleRunes bounds a title in a digest, so that a digest of
// store.DigestSize releases stays within a message.
const DigestTitleRunes = 200
