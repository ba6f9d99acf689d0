package answers

import (
	"container/list"
	"sync"
)

// DefaultCacheBytes bounds, by an estimate of their memory, the article
// segments a lazily answering engine keeps between questions.
const DefaultCacheBytes = 128 << 20

// segmentCache keeps built segments by article id, the least recently
// used dropped first once their estimated size passes the bound. It is
// safe for concurrent use; segments are immutable once built.
type segmentCache struct {
	mu    sync.Mutex
	limit int
	size  int
	order *list.List // of *cached, most recent first
	byID  map[string]*list.Element
	// gen counts evictions; evicted holds, per article, the gen of its
	// last one, so a segment loaded before its article changed is not
	// put back after the change evicted it.
	gen     uint64
	evicted map[string]uint64
}

type cached struct {
	seg  *segment
	size int
}

func newSegmentCache(limit int) *segmentCache {
	return &segmentCache{limit: limit, order: list.New(), byID: map[string]*list.Element{}, evicted: map[string]uint64{}}
}

// generation is the eviction count to pass to put for segments loaded
// from now on.
func (c *segmentCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// get returns the cached segment of article id, if any.
func (c *segmentCache) get(id string) *segment {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byID[id]
	if !ok {
		return nil
	}
	c.order.MoveToFront(el)
	return el.Value.(*cached).seg
}

// put keeps seg, loaded when the cache's generation was gen, unless its
// article was evicted since.
func (c *segmentCache) put(seg *segment, gen uint64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	id := seg.article.ID
	if c.evicted[id] > gen || c.limit <= 0 {
		return
	}
	if el, ok := c.byID[id]; ok {
		c.remove(el)
	}
	e := &cached{seg: seg, size: segmentSize(seg)}
	c.byID[id] = c.order.PushFront(e)
	c.size += e.size
	for c.size > c.limit && c.order.Len() > 1 {
		c.remove(c.order.Back())
	}
}

// evict drops the segments of the articles ids.
func (c *segmentCache) evict(ids []string) {
	if len(ids) == 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for _, id := range ids {
		c.evicted[id] = c.gen
		if el, ok := c.byID[id]; ok {
			c.remove(el)
		}
	}
}

func (c *segmentCache) remove(el *list.Element) {
	e := c.order.Remove(el).(*cached)
	delete(c.byID, e.seg.article.ID)
	c.size -= e.size
}

// segmentSize estimates a segment's memory: its text and, per sentence,
// the tokens, terms and facts built from it (measured at about 16 bytes
// per byte of text and 1 KiB per sentence).
func segmentSize(seg *segment) int {
	n := 0
	for i := range seg.sents {
		n += 16*len(seg.sents[i].Text) + 1024
	}
	return n
}
