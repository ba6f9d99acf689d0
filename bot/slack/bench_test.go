package slack

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/parley-bot/parley/bot"
)

// BenchmarkEventAck measures the time from sending a signed app_mention
// over loopback to receiving Slack's required 200: verification, parsing,
// the inbox's durable insert and handing the answer to the pool. The
// answers themselves run (and post to the fake) concurrently, as in
// production. It reports the median and 99th percentile.
func BenchmarkEventAck(b *testing.B) {
	f := newFixture(b, ModeHTTP)
	f.a = f.adapter(ModeHTTP, bot.NewPool(1<<16)) // measure the ack, not busy notices
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}
	lat := make([]time.Duration, 0, b.N)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		body := callback("Ev0BENCH"+strconv.Itoa(i), mention("<@UPARLEY01> Who met with Putin in Moscow?", "9."+strconv.Itoa(i)))
		stamp := strconv.FormatInt(clock.Unix(), 10)
		req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/slack/events", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("X-Slack-Request-Timestamp", stamp)
		req.Header.Set("X-Slack-Signature", Sign([]byte(testSecret), stamp, body))
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		lat = append(lat, time.Since(start))
		if resp.StatusCode != http.StatusOK {
			b.Fatalf("status %d", resp.StatusCode)
		}
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
}
