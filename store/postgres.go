package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/parley-bot/parley/store/neterr"
)

// Pool bounds the connections a PostgreSQL store holds open, unless
// WithPool says otherwise.
const defaultPool = 10

// openPostgres opens the PostgreSQL database at url through pgx's
// database/sql driver, with the store's ? placeholders rebound, and checks
// that it answers.
func openPostgres(ctx context.Context, location string, o options) (*sql.DB, error) {
	cfg, err := pgx.ParseConfig(location)
	if err != nil {
		return nil, errors.New("malformed PostgreSQL URL: " + pgconnMessage(err))
	}
	if o.connectTimeout > 0 {
		cfg.ConnectTimeout = o.connectTimeout
	}
	if o.statementTimeout > 0 {
		cfg.RuntimeParams["statement_timeout"] = strconv.FormatInt(o.statementTimeout.Milliseconds(), 10)
	}
	db := sql.OpenDB(rebinder{stdlib.GetConnector(*cfg)})
	pool := o.pool
	if pool <= 0 {
		pool = defaultPool
	}
	db.SetMaxOpenConns(pool)
	db.SetMaxIdleConns(pool)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot connect to PostgreSQL: %s", pgconnMessage(err))
	}
	return db, nil
}

// pgconnMessage shortens a pgx error to what a person needs: the server's
// message and code, or the connection failure.
func pgconnMessage(err error) string {
	return strings.Join(strings.Fields(pgconnText(err)), " ")
}

func pgconnText(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return pe.Message + " (SQLSTATE " + pe.Code + ")"
	}
	if msg, ok := neterr.Reason(err); ok {
		return msg
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return ce.Error()
	}
	var pe2 *pgconn.ParseConfigError
	if errors.As(err, &pe2) {
		return pe2.Error()
	}
	return err.Error()
}

// rebinder is a connector whose connections rewrite ? as $n.
type rebinder struct{ driver.Connector }

func (r rebinder) Connect(ctx context.Context) (driver.Conn, error) {
	c, err := r.Connector.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return rebindConn{c.(*stdlib.Conn)}, nil
}

// rebindConn forwards every interface pgx's connection implements,
// rebinding each statement's placeholders on the way.
type rebindConn struct{ c *stdlib.Conn }

func (r rebindConn) Prepare(q string) (driver.Stmt, error) { return r.c.Prepare(rebind(q)) }
func (r rebindConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	return r.c.PrepareContext(ctx, rebind(q))
}
func (r rebindConn) Close() error { return r.c.Close() }
func (r rebindConn) Begin() (driver.Tx, error) {
	return r.c.BeginTx(context.Background(), driver.TxOptions{})
}
func (r rebindConn) BeginTx(ctx context.Context, o driver.TxOptions) (driver.Tx, error) {
	return r.c.BeginTx(ctx, o)
}
func (r rebindConn) ExecContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Result, error) {
	return r.c.ExecContext(ctx, rebind(q), args)
}
func (r rebindConn) QueryContext(ctx context.Context, q string, args []driver.NamedValue) (driver.Rows, error) {
	return r.c.QueryContext(ctx, rebind(q), args)
}
func (r rebindConn) Ping(ctx context.Context) error { return r.c.Ping(ctx) }

// CheckNamedValue makes text PostgreSQL can store of every string
// argument: PostgreSQL's text holds neither NUL nor invalid UTF-8, which
// SQLite keeps as given, so both become U+FFFD. Article text never has
// them (Validate refuses it); a question, an id or a key from a platform
// may, and is stored and found alike under the replacement.
func (r rebindConn) CheckNamedValue(v *driver.NamedValue) error {
	if s, ok := v.Value.(string); ok {
		v.Value = pgText(s)
	}
	return r.c.CheckNamedValue(v)
}

func pgText(s string) string {
	if utf8.ValidString(s) && !strings.Contains(s, "\x00") {
		return s
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "\uFFFD")
}
func (r rebindConn) ResetSession(ctx context.Context) error { return r.c.ResetSession(ctx) }
