package pgstore

import "github.com/jackc/pgx/v5"

// LeadConfig is the configuration of the connection that holds the
// scheduler's lock.
func LeadConfig(s *Store) *pgx.ConnConfig { return s.leadConfig() }
