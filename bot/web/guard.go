package web

import (
	"crypto/sha256"
	"crypto/subtle"
	"log/slog"
	"net/http"
)

// secure sets the security headers on every response: a
// Content-Security-Policy that allows no script, no frames, no plugins
// and no third-party anything (the one inline style sheet is allowed by
// its hash), no MIME sniffing, no referrer sent to the sites articles
// link to (a question is in the page's URL), and no framing.
func secure(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		h.Set("Cross-Origin-Resource-Policy", "same-origin")
		h.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()")
		next.ServeHTTP(w, r)
	})
}

// credentials hold the basic-auth user and password as SHA-256 digests,
// so comparing them takes the same time whatever their lengths.
type credentials struct {
	user, password [sha256.Size]byte
}

func newCredentials(c Credentials) *credentials {
	return &credentials{user: sha256.Sum256([]byte(c.User)), password: sha256.Sum256([]byte(c.Password))}
}

// match reports whether user and password are the configured ones, in
// constant time: both are always compared.
func (c *credentials) match(user, password string) bool {
	u := sha256.Sum256([]byte(user))
	p := sha256.Sum256([]byte(password))
	return subtle.ConstantTimeCompare(u[:], c.user[:])&subtle.ConstantTimeCompare(p[:], c.password[:]) == 1
}

// guard asks for basic auth when it is configured. A wrong or missing
// password costs the client a token of its ask budget, so guessing is as
// slow as asking; beyond it the client gets 429. Credentials are never
// logged.
func (s *Server) guard(next http.Handler) http.Handler {
	if s.auth == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, password, ok := r.BasicAuth()
		if ok && s.auth.match(user, password) {
			next.ServeHTTP(w, r)
			return
		}
		s.rejected.WithLabelValues("auth").Inc()
		client := s.clients.of(r)
		if ok {
			s.log.Info("web: wrong credentials", slog.String("client", client.String()))
		}
		if wait, allowed := s.limiter.allow(client); !allowed {
			s.tooMany(w, r, wait)
			return
		}
		w.Header().Set("WWW-Authenticate", `Basic realm="Parley", charset="UTF-8"`)
		s.fail(w, r, http.StatusUnauthorized, "Sign in to use Parley", "This Parley asks for a user name and password.")
	})
}
