package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
)

// migrate applies every embedded migration of the store's dialect newer
// than the schema version the database records, each in its own
// transaction together with the version bump, so a migration is applied
// whole or not at all.
func (s *Store) migrate(ctx context.Context) error {
	names, err := migrationNames(migrations, s.dialect.migrations)
	if err != nil {
		return err
	}
	if s.dialect.postgres() {
		for {
			done, err := s.migrateStepPG(ctx, names)
			if err != nil || done {
				return err
			}
		}
	}
	return s.migrateSQLite(ctx, names)
}

// migrateSQLite keeps the schema version in PRAGMA user_version; SQLite's
// write lock (taken at BEGIN IMMEDIATE) keeps two processes from applying
// a migration twice.
func (s *Store) migrateSQLite(ctx context.Context, names []string) error {
	var version int
	if err := s.db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > len(names) {
		return newerSchema(version, len(names))
	}
	for i := version; i < len(names); i++ {
		err := s.migrateTx(ctx, names[i], func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, i+1))
			return err
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// migrateStepPG applies the next migration, if any, under an advisory
// lock held until its transaction ends, so replicas starting together
// apply each migration once; it reports done when there is none left.
func (s *Store) migrateStepPG(ctx context.Context, names []string) (done bool, err error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin migration: %s", pgconnMessage(err))
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `SELECT pg_advisory_xact_lock(hashtext('parley schema ' || current_schema()))`); err != nil {
		return false, fmt.Errorf("lock schema: %s", pgconnMessage(err))
	}
	var exists bool
	if err := tx.QueryRowContext(ctx, `SELECT to_regclass('parley_schema') IS NOT NULL`).Scan(&exists); err != nil {
		return false, fmt.Errorf("read schema version: %s", pgconnMessage(err))
	}
	version := 0
	if exists {
		if err := tx.QueryRowContext(ctx, `SELECT version FROM parley_schema`).Scan(&version); err != nil {
			return false, fmt.Errorf("read schema version: %s", pgconnMessage(err))
		}
	}
	switch {
	case version > len(names):
		return false, newerSchema(version, len(names))
	case version == len(names):
		return true, s.checkWritable(ctx, tx)
	}
	body, err := migrations.ReadFile(names[version])
	if err != nil {
		return false, fmt.Errorf("read migration %s: %w", names[version], err)
	}
	if !exists {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE parley_schema (version INTEGER NOT NULL); INSERT INTO parley_schema VALUES (0)`); err != nil {
			return false, fmt.Errorf("create schema version: %s", pgconnMessage(err))
		}
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return false, fmt.Errorf("apply migration %s: %s", path.Base(names[version]), pgconnMessage(err))
	}
	if _, err := tx.ExecContext(ctx, `UPDATE parley_schema SET version = ?`, version+1); err != nil {
		return false, fmt.Errorf("set schema version %d: %s", version+1, pgconnMessage(err))
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit migration %s: %s", path.Base(names[version]), pgconnMessage(err))
	}
	return false, nil
}

// checkWritable refuses a PostgreSQL store the role may only read: a bot
// that cannot record what it answered would answer retries twice.
func (s *Store) checkWritable(ctx context.Context, tx *sql.Tx) error {
	var readOnly, canWrite bool
	var role string
	err := tx.QueryRowContext(ctx, `SELECT current_setting('transaction_read_only') = 'on',
		has_table_privilege('inbox', 'INSERT, UPDATE, DELETE') AND has_table_privilege('articles', 'INSERT, UPDATE, DELETE'),
		current_user`).Scan(&readOnly, &canWrite, &role)
	if err != nil {
		return fmt.Errorf("check privileges: %s", pgconnMessage(err))
	}
	if readOnly {
		return errors.New("the database is read-only (a standby, or default_transaction_read_only is on)")
	}
	if !canWrite {
		return fmt.Errorf("role %s may not write the store's tables (a read-only role?)", role)
	}
	return nil
}

func newerSchema(version, known int) error {
	return fmt.Errorf("schema version %d is newer than this binary knows (%d): run a newer parley", version, known)
}

// migrateTx applies one migration file and setVersion in one transaction.
func (s *Store) migrateTx(ctx context.Context, name string, setVersion func(*sql.Tx) error) error {
	body, err := migrations.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read migration %s: %w", name, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration %s: %w", name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("apply migration %s: %w", name, err)
	}
	if err := setVersion(tx); err != nil {
		return fmt.Errorf("set schema version of %s: %w", name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit migration %s: %w", name, err)
	}
	return nil
}

// migrationNames lists the migrations in folder dir in order. Each file is
// named NNNN_what.sql and its number is the schema version it brings the
// store to, so the files must be numbered 1, 2, 3… with no gap or repeat:
// a gap would let a store skip a migration that lands later.
func migrationNames(fsys fs.FS, dir string) ([]string, error) {
	names, err := fs.Glob(fsys, dir+"/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for i, name := range names {
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		n, err := strconv.Atoi(num)
		if !ok || err != nil || n != i+1 {
			return nil, fmt.Errorf("migration %s/%s: want a name starting %04d_", dir, base, i+1)
		}
	}
	return names, nil
}
