package store

import (
	"encoding/binary"
	"encoding/json"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"
)

// bucketFanOuts holds the releases announced to someone: release id →
// fanOut, to report each once its deliveries are settled.
var bucketFanOuts = []byte("fanouts")

type fanOut struct {
	Title    string    `json:"title"`
	At       time.Time `json:"at"`
	Reported bool      `json:"reported,omitempty"`
}

// Gone records that a chat blocked or removed the bot: its subscription
// ends, and d and every other delivery still owed to it are kept, as
// Gone with cause, to be reported.
func (s *Store) Gone(d Delivery, cause string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(bucketSubs).Delete(subKey(d.Platform, d.Chat)); err != nil {
			return err
		}
		var owed []Delivery
		for _, name := range [][]byte{bucketOutbox, bucketHeld, bucketCollected} {
			err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				var o Delivery
				if err := json.Unmarshal(v, &o); err != nil {
					return err
				}
				if o.Platform == d.Platform && o.Chat == d.Chat {
					o.Seq = binary.BigEndian.Uint64(k)
					owed = append(owed, o)
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		if err := deleteDeliveries(tx, func(o Delivery) bool { return o.Platform == d.Platform && o.Chat == d.Chat }); err != nil {
			return err
		}
		for _, o := range owed {
			if o.Kind == KindCorrection {
				continue // a correction of a message the chat may no longer see
			}
			if err := undeliver(tx, o, Gone, cause, s.now()); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("record %s %s gone: %w", d.Platform, d.Chat, err)
	}
	return nil
}

// SettledFanOuts lists the releases announced whose deliveries are all
// settled (sent, given up or gone) and that were not yet reported, in no
// order.
func (s *Store) SettledFanOuts() ([]string, error) {
	var settled []string
	err := s.db.View(func(tx *bolt.Tx) error {
		owed := map[string]bool{}
		for _, name := range [][]byte{bucketOutbox, bucketHeld, bucketCollected} {
			err := tx.Bucket(name).ForEach(func(_, v []byte) error {
				var d Delivery
				if err := json.Unmarshal(v, &d); err != nil {
					return err
				}
				for _, id := range d.ReleaseIDs() {
					owed[id] = owed[id] || d.Kind != KindCorrection
				}
				return nil
			})
			if err != nil {
				return err
			}
		}
		return tx.Bucket(bucketFanOuts).ForEach(func(k, v []byte) error {
			var f fanOut
			if err := json.Unmarshal(v, &f); err != nil {
				return err
			}
			if !f.Reported && !owed[string(k)] {
				settled = append(settled, string(k))
			}
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("read the fan-outs: %w", err)
	}
	return settled, nil
}

// FanOutReported records that a release's settled fan-out was reported.
func (s *Store) FanOutReported(id string) error {
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketFanOuts)
		raw := b.Get([]byte(id))
		if raw == nil {
			return nil
		}
		var f fanOut
		if err := json.Unmarshal(raw, &f); err != nil {
			return err
		}
		f.Reported = true
		return putJSON(b, []byte(id), f)
	})
	if err != nil {
		return fmt.Errorf("record the report of %s: %w", id, err)
	}
	return nil
}

// forgetOldFanOuts drops the fan-outs announced before cutoff.
func forgetOldFanOuts(tx *bolt.Tx, cutoff time.Time) error {
	return deleteWhere(tx.Bucket(bucketFanOuts), func(_, v []byte) (bool, error) {
		var f fanOut
		err := json.Unmarshal(v, &f)
		return err == nil && f.At.Before(cutoff), err
	})
}
