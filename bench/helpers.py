#!/usr/bin/env python3
"""Helpers for bench/run.sh: fast-import streams, hyperfine medians, the results table.

Subcommands (all write to stdout unless said otherwise):

  history N CONFIG        fast-import stream: N commits on refs/heads/main, each changing
                          data.txt; the first also adds CONFIG as .greenlight.yml
  wide N CONFIG           fast-import stream: one commit on refs/heads/main with N small
                          files under src/ (500 per directory) plus CONFIG as .greenlight.yml
  notes TEMPLATE LOGDIR KEY
                          fast-import stream: one commit on refs/notes/greenlight holding a
                          note for every "<commit> <tree>" line on stdin; each note is the
                          records of TEMPLATE (a note written by greenlight itself) with
                          commit, tree and log rewritten for that commit, each followed by
                          its attestation re-signed with KEY (greenlight's signing key,
                          PKCS#8 PEM), as greenlight would (fast-import picks the fanout)
  gomodules PROXY MAIN    writes three Go modules (example.com/dep1..dep3, v1.0.0, a few
                          hundred lines each) into PROXY as a file-based module proxy
                          (GOPROXY=file://PROXY) and the main module example.com/benchapp,
                          which imports them and has tests, into the directory MAIN
  median JSON NAME        median in seconds of the hyperfine result named NAME in JSON
  maxrss FILE             "Maximum resident set size" of a /usr/bin/time -v report, in KiB
  elapsed FILE            wall-clock seconds of a /usr/bin/time -v report
  table TSV               the markdown results table from run.sh's rows file
"""

import base64
import hashlib
import json
import re
import sys

AUTHOR = b"Bench <bench@example.invalid>"


def history(n, config_path):
    out = sys.stdout.buffer
    w = out.write
    config = open(config_path, "rb").read()
    w(b"blob\nmark :1\ndata %d\n" % len(config))
    w(config)
    w(b"\n")
    t0 = 1700000000
    for i in range(1, n + 1):
        msg = b"commit %d\n" % i
        content = b"%d\n" % i
        w(b"commit refs/heads/main\nmark :%d\n" % (i + 1))
        w(b"author %s %d +0000\ncommitter %s %d +0000\n" % (AUTHOR, t0 + i, AUTHOR, t0 + i))
        w(b"data %d\n" % len(msg))
        w(msg)
        if i == 1:
            w(b"M 100644 :1 .greenlight.yml\n")
        w(b"M 100644 inline data.txt\ndata %d\n" % len(content))
        w(content)
        w(b"\n")
    w(b"done\n")


def wide(n, config_path):
    w = sys.stdout.buffer.write
    config = open(config_path, "rb").read()
    msg = b"%d files\n" % n
    w(b"commit refs/heads/main\ncommitter %s 1700000000 +0000\ndata %d\n" % (AUTHOR, len(msg)))
    w(msg)
    w(b"M 100644 inline .greenlight.yml\ndata %d\n" % len(config))
    w(config)
    w(b"\n")
    per_dir = 500
    for i in range(n):
        d = i // per_dir
        path = b"src/m%02d/d%03d/f%06d.txt" % (d // 10, d, i)
        body = b"file %d\n" % i + b"lorem ipsum dolor sit amet, consectetur adipiscing elit %d\n" % (i * 7919) * 3
        w(b"M 100644 inline %s\ndata %d\n" % (path, len(body)))
        w(body)
        w(b"\n")
    w(b"done\n")


def compact(value):
    """JSON as greenlight writes note lines: sorted keys, no spaces, UTF-8."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def notes(template_path, logdir, key_path):
    # Imported here: only this subcommand needs it (bench/run.sh installs it into bench/.venv).
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    key = load_pem_private_key(open(key_path, "rb").read(), password=None)
    lines = [line.strip() for line in open(template_path) if line.strip()]
    records = [json.loads(line) for line in lines if '"payloadType":' not in line]
    envelopes = {}
    for line in lines:
        if '"payloadType":' in line:
            envelope = json.loads(line)
            statement = json.loads(base64.b64decode(envelope["payload"]))
            envelopes[statement["predicate"]["greenlight"]["recordSHA256"]] = (envelope, statement)
    if not records:
        sys.exit("helpers.py notes: the template note is empty")
    templates = []
    for record in records:
        found = envelopes.get(hashlib.sha256(compact(record).encode()).hexdigest())
        if found is None and record["verdict"] in ("pass", "fail"):
            sys.exit("helpers.py notes: a template record has no attestation (was the template made by this greenlight?)")
        templates.append((record, found))
    w = sys.stdout.buffer.write
    msg = b"Notes added by bench/run.sh\n"
    w(b"commit refs/notes/greenlight\ncommitter %s 1800000000 +0000\ndata %d\n" % (AUTHOR, len(msg)))
    w(msg)
    count = 0
    for line in sys.stdin:
        parts = line.split()
        if len(parts) != 2:
            continue
        commit, tree = parts
        lines = []
        for record, found in templates:
            record = dict(record)
            record["commit"] = commit
            record["tree"] = tree
            if record.get("log"):
                record["log"] = "%s/%s-%s.log" % (logdir, commit, record["digest"][:12])
            text = compact(record)
            lines.append(text)
            if found is None:
                continue
            envelope, statement = found
            statement = json.loads(json.dumps(statement))
            statement["subject"] = [{"digest": {"gitCommit": commit}}]
            statement["predicate"]["greenlight"]["tree"] = tree
            statement["predicate"]["greenlight"]["recordSHA256"] = hashlib.sha256(text.encode()).hexdigest()
            if record.get("log"):
                statement["predicate"]["url"] = "file://" + record["log"]
            payload = compact(statement).encode()
            payload_type = envelope["payloadType"].encode()
            # DSSE v1 pre-authentication encoding, signed with Ed25519.
            pae = b"DSSEv1 %d %s %d %s" % (len(payload_type), payload_type, len(payload), payload)
            signature = base64.b64encode(key.sign(pae)).decode()
            lines.append(compact({"payload": base64.b64encode(payload).decode(), "payloadType": envelope["payloadType"],
                                  "signatures": [{"keyid": envelope["signatures"][0]["keyid"], "sig": signature}]}))
        body = ("\n".join(lines) + "\n").encode()
        w(b"N inline %s\ndata %d\n" % (commit.encode(), len(body)))
        w(body)
        w(b"\n")
        count += 1
    w(b"done\n")
    print("notes: %d notes" % count, file=sys.stderr)


# ---------------------------------------------------------------------------- Go modules

GO_MODULE_TIME = "2024-01-02T03:04:05Z"
GO_DEPS = ("example.com/dep1", "example.com/dep2", "example.com/dep3")
GO_DEP_VERSION = "v1.0.0"
GO_MAIN = "example.com/benchapp"

DEP1_CORE = r'''// Package dep1 is numeric code for greenlight's clean-room-warm benchmark.
package dep1

import (
	"fmt"
	"math"
	"math/big"
	"math/bits"
	"strings"
)

// Sieve returns the primes below n.
func Sieve(n int) []int {
	if n < 3 {
		return nil
	}
	composite := make([]bool, n)
	primes := []int{2}
	for i := 3; i < n; i += 2 {
		if composite[i] {
			continue
		}
		primes = append(primes, i)
		for j := i * i; j < n; j += 2 * i {
			composite[j] = true
		}
	}
	return primes
}

// GCD is the greatest common divisor of a and b.
func GCD(a, b uint64) uint64 {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// MulMod is a*b mod m without overflow.
func MulMod(a, b, m uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	_, rem := bits.Div64(hi%m, lo, m)
	return rem
}

// PowMod is b**e mod m.
func PowMod(b, e, m uint64) uint64 {
	result := uint64(1) % m
	b %= m
	for e > 0 {
		if e&1 == 1 {
			result = MulMod(result, b, m)
		}
		b = MulMod(b, b, m)
		e >>= 1
	}
	return result
}

// IsPrime is a deterministic Miller-Rabin test for 64-bit numbers.
func IsPrime(n uint64) bool {
	if n < 2 {
		return false
	}
	for _, p := range []uint64{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37} {
		if n%p == 0 {
			return n == p
		}
	}
	d, s := n-1, 0
	for d%2 == 0 {
		d /= 2
		s++
	}
	for _, a := range []uint64{2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37} {
		x := PowMod(a, d, n)
		if x == 1 || x == n-1 {
			continue
		}
		composite := true
		for r := 1; r < s; r++ {
			x = MulMod(x, x, n)
			if x == n-1 {
				composite = false
				break
			}
		}
		if composite {
			return false
		}
	}
	return true
}

// Fib is the n-th Fibonacci number.
func Fib(n int) *big.Int {
	a, b := big.NewInt(0), big.NewInt(1)
	for i := 0; i < n; i++ {
		a.Add(a, b)
		a, b = b, a
	}
	return a
}

// Matrix is a dense square matrix.
type Matrix struct {
	N int
	A []float64
}

// NewMatrix is an n x n matrix whose entries f gives.
func NewMatrix(n int, f func(i, j int) float64) *Matrix {
	m := &Matrix{N: n, A: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			m.A[i*n+j] = f(i, j)
		}
	}
	return m
}

// Identity is the n x n identity matrix.
func Identity(n int) *Matrix {
	return NewMatrix(n, func(i, j int) float64 {
		if i == j {
			return 1
		}
		return 0
	})
}

// At is the entry at row i, column j.
func (m *Matrix) At(i, j int) float64 { return m.A[i*m.N+j] }

// Mul is m times o.
func (m *Matrix) Mul(o *Matrix) *Matrix {
	if m.N != o.N {
		panic(fmt.Sprintf("dep1: multiplying %dx%d by %dx%d", m.N, m.N, o.N, o.N))
	}
	n := m.N
	r := &Matrix{N: n, A: make([]float64, n*n)}
	for i := 0; i < n; i++ {
		for k := 0; k < n; k++ {
			a := m.A[i*n+k]
			if a == 0 {
				continue
			}
			row := o.A[k*n : (k+1)*n]
			out := r.A[i*n : (i+1)*n]
			for j, b := range row {
				out[j] += a * b
			}
		}
	}
	return r
}

// Transpose is m with rows and columns swapped.
func (m *Matrix) Transpose() *Matrix {
	return NewMatrix(m.N, func(i, j int) float64 { return m.At(j, i) })
}

// Trace is the sum of the diagonal.
func (m *Matrix) Trace() float64 {
	t := 0.0
	for i := 0; i < m.N; i++ {
		t += m.At(i, i)
	}
	return t
}

// FrobeniusNorm is the square root of the sum of the squared entries.
func (m *Matrix) FrobeniusNorm() float64 {
	s := 0.0
	for _, v := range m.A {
		s += v * v
	}
	return math.Sqrt(s)
}

// String prints the matrix row by row.
func (m *Matrix) String() string {
	var b strings.Builder
	for i := 0; i < m.N; i++ {
		for j := 0; j < m.N; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%g", m.At(i, j))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Rational is an exact fraction with a positive denominator.
type Rational struct{ Num, Den int64 }

// NewRational is num/den reduced.
func NewRational(num, den int64) Rational {
	if den == 0 {
		panic("dep1: zero denominator")
	}
	if den < 0 {
		num, den = -num, -den
	}
	a := num
	if a < 0 {
		a = -a
	}
	g := int64(GCD(uint64(a), uint64(den)))
	if g == 0 {
		g = 1
	}
	return Rational{num / g, den / g}
}

// Add is r + o.
func (r Rational) Add(o Rational) Rational { return NewRational(r.Num*o.Den+o.Num*r.Den, r.Den*o.Den) }

// Mul is r * o.
func (r Rational) Mul(o Rational) Rational { return NewRational(r.Num*o.Num, r.Den*o.Den) }

// String is "num/den".
func (r Rational) String() string { return fmt.Sprintf("%d/%d", r.Num, r.Den) }
'''

DEP2_CORE = r'''// Package dep2 is text code for greenlight's clean-room-warm benchmark.
package dep2

import (
	"sort"
	"strings"
	"unicode"
)

// Tokenize splits s into lower-case words of letters and digits.
func Tokenize(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// WordCount is a word and how often it occurs.
type WordCount struct {
	Word  string
	Count int
}

// Frequencies counts the tokens.
func Frequencies(tokens []string) map[string]int {
	freq := make(map[string]int, len(tokens)/4+1)
	for _, t := range tokens {
		freq[t]++
	}
	return freq
}

// TopN is the n most frequent words, ties broken alphabetically.
func TopN(freq map[string]int, n int) []WordCount {
	all := make([]WordCount, 0, len(freq))
	for w, c := range freq {
		all = append(all, WordCount{w, c})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].Count != all[j].Count {
			return all[i].Count > all[j].Count
		}
		return all[i].Word < all[j].Word
	})
	if len(all) > n {
		all = all[:n]
	}
	return all
}

// Levenshtein is the edit distance between a and b.
func Levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min3(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func min3(a, b, c int) int {
	if b < a {
		a = b
	}
	if c < a {
		a = c
	}
	return a
}

// Soundex is the American Soundex code of word.
func Soundex(word string) string {
	codes := map[rune]byte{
		'b': '1', 'f': '1', 'p': '1', 'v': '1',
		'c': '2', 'g': '2', 'j': '2', 'k': '2', 'q': '2', 's': '2', 'x': '2', 'z': '2',
		'd': '3', 't': '3', 'l': '4', 'm': '5', 'n': '5', 'r': '6',
	}
	word = strings.ToLower(word)
	if word == "" {
		return ""
	}
	out := []byte{byte(unicode.ToUpper(rune(word[0])))}
	last := codes[rune(word[0])]
	for _, r := range word[1:] {
		c, ok := codes[r]
		if ok && c != last {
			out = append(out, c)
			if len(out) == 4 {
				break
			}
		}
		if r != 'h' && r != 'w' {
			last = c
		}
	}
	for len(out) < 4 {
		out = append(out, '0')
	}
	return string(out)
}

// Rotate shifts every ASCII letter of s by k places.
func Rotate(s string, k int) string {
	k = ((k % 26) + 26) % 26
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z':
			return 'a' + (r-'a'+rune(k))%26
		case r >= 'A' && r <= 'Z':
			return 'A' + (r-'A'+rune(k))%26
		}
		return r
	}, s)
}
'''

DEP3_CORE = r'''// Package dep3 is data structures for greenlight's clean-room-warm benchmark.
package dep3

import (
	"sort"

	"example.com/dep1"
	"example.com/dep2"
)

// Heap is a binary heap ordered by less.
type Heap[T any] struct {
	items []T
	less  func(a, b T) bool
}

// NewHeap is an empty heap.
func NewHeap[T any](less func(a, b T) bool) *Heap[T] { return &Heap[T]{less: less} }

// Len is the number of items.
func (h *Heap[T]) Len() int { return len(h.items) }

// Push adds x.
func (h *Heap[T]) Push(x T) {
	h.items = append(h.items, x)
	i := len(h.items) - 1
	for i > 0 {
		p := (i - 1) / 2
		if !h.less(h.items[i], h.items[p]) {
			break
		}
		h.items[i], h.items[p] = h.items[p], h.items[i]
		i = p
	}
}

// Pop removes and returns the least item.
func (h *Heap[T]) Pop() T {
	top := h.items[0]
	last := len(h.items) - 1
	h.items[0] = h.items[last]
	h.items = h.items[:last]
	i := 0
	for {
		l, r, m := 2*i+1, 2*i+2, i
		if l < last && h.less(h.items[l], h.items[m]) {
			m = l
		}
		if r < last && h.less(h.items[r], h.items[m]) {
			m = r
		}
		if m == i {
			return top
		}
		h.items[i], h.items[m] = h.items[m], h.items[i]
		i = m
	}
}

type lruEntry[K comparable, V any] struct {
	key        K
	value      V
	prev, next *lruEntry[K, V]
}

// LRU is a least-recently-used cache of at most Cap entries.
type LRU[K comparable, V any] struct {
	Cap        int
	entries    map[K]*lruEntry[K, V]
	head, tail *lruEntry[K, V]
	Evictions  int
}

// NewLRU is an empty cache.
func NewLRU[K comparable, V any](capacity int) *LRU[K, V] {
	return &LRU[K, V]{Cap: capacity, entries: make(map[K]*lruEntry[K, V], capacity)}
}

func (c *LRU[K, V]) unlink(e *lruEntry[K, V]) {
	if e.prev != nil {
		e.prev.next = e.next
	} else {
		c.head = e.next
	}
	if e.next != nil {
		e.next.prev = e.prev
	} else {
		c.tail = e.prev
	}
	e.prev, e.next = nil, nil
}

func (c *LRU[K, V]) pushFront(e *lruEntry[K, V]) {
	e.next = c.head
	if c.head != nil {
		c.head.prev = e
	}
	c.head = e
	if c.tail == nil {
		c.tail = e
	}
}

// Get is the value for key, and whether it was there.
func (c *LRU[K, V]) Get(key K) (V, bool) {
	e, ok := c.entries[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.unlink(e)
	c.pushFront(e)
	return e.value, true
}

// Put stores value under key, evicting the least recently used entry when full.
func (c *LRU[K, V]) Put(key K, value V) {
	if e, ok := c.entries[key]; ok {
		e.value = value
		c.unlink(e)
		c.pushFront(e)
		return
	}
	if len(c.entries) >= c.Cap && c.tail != nil {
		old := c.tail
		c.unlink(old)
		delete(c.entries, old.key)
		c.Evictions++
	}
	e := &lruEntry[K, V]{key: key, value: value}
	c.entries[key] = e
	c.pushFront(e)
}

// MergeSort sorts xs by less, stably, into a new slice.
func MergeSort[T any](xs []T, less func(a, b T) bool) []T {
	if len(xs) <= 1 {
		return append([]T(nil), xs...)
	}
	mid := len(xs) / 2
	a, b := MergeSort(xs[:mid], less), MergeSort(xs[mid:], less)
	out := make([]T, 0, len(xs))
	for len(a) > 0 && len(b) > 0 {
		if less(b[0], a[0]) {
			out = append(out, b[0])
			b = b[1:]
		} else {
			out = append(out, a[0])
			a = a[1:]
		}
	}
	return append(append(out, a...), b...)
}

// Index maps each word of the documents to the documents that contain it.
func Index(docs []string) map[string][]int {
	index := make(map[string][]int)
	for i, doc := range docs {
		seen := map[string]bool{}
		for _, w := range dep2.Tokenize(doc) {
			if !seen[w] {
				seen[w] = true
				index[w] = append(index[w], i)
			}
		}
	}
	return index
}

// Search is the documents holding every word of query, in order.
func Search(index map[string][]int, query string) []int {
	var result []int
	for n, w := range dep2.Tokenize(query) {
		docs := index[w]
		if n == 0 {
			result = append([]int(nil), docs...)
			continue
		}
		keep := result[:0]
		for _, d := range result {
			i := sort.SearchInts(docs, d)
			if i < len(docs) && docs[i] == d {
				keep = append(keep, d)
			}
		}
		result = keep
	}
	return result
}

// Fingerprint hashes a record key with the mixers of dep1 and a checksum of dep2.
func Fingerprint(key string) uint64 {
	return dep1.MixAll(uint64(dep2.Checksum0(key)) | uint64(len(key))<<32)
}
'''


def _go_dep1_generated(count=60, vecs=24):
    out = ["// Code generated by bench/helpers.py. DO NOT EDIT.\n", "package dep1\n", 'import "math"\n']
    names = []
    for k in range(count):
        a = (0x9E3779B97F4A7C15 * (k + 1)) & 0xFFFFFFFFFFFFFFFF | 1
        b = (0xBF58476D1CE4E5B9 * (k + 3)) & 0xFFFFFFFFFFFFFFFF
        s1, s2 = 7 + k % 23, 13 + (k * 7) % 31
        out.append(
            "// Mix%d is one round of a 64-bit mixing function.\n"
            "func Mix%d(x uint64) uint64 {\n"
            "\tx ^= x >> %d\n\tx *= 0x%x\n\tx ^= x << %d\n\tx += 0x%x\n"
            "\tif x%%%d == 0 {\n\t\tx = x>>1 | x<<63\n\t}\n\treturn x\n}\n" % (k, k, s1, a, s2 % 17 + 1, b, k + 2))
        names.append("Mix%d" % k)
    out.append("// Mixers are Mix0 … Mix%d in order.\nvar Mixers = []func(uint64) uint64{%s}\n" % (count - 1, ", ".join(names)))
    out.append("// MixAll runs x through every mixer.\nfunc MixAll(x uint64) uint64 {\n\tfor _, f := range Mixers {\n\t\tx = f(x)\n\t}\n\treturn x\n}\n")
    for n in range(2, vecs + 2):
        t = "Vec%d" % n
        out.append(
            "// {t} is a vector of {n} components.\ntype {t} [{n}]float64\n\n"
            "// Dot is the dot product.\nfunc (v {t}) Dot(o {t}) float64 {{\n\ts := 0.0\n\tfor i := range v {{\n\t\ts += v[i] * o[i]\n\t}}\n\treturn s\n}}\n\n"
            "// Add is v + o.\nfunc (v {t}) Add(o {t}) {t} {{\n\tfor i := range v {{\n\t\tv[i] += o[i]\n\t}}\n\treturn v\n}}\n\n"
            "// Scale is v * f.\nfunc (v {t}) Scale(f float64) {t} {{\n\tfor i := range v {{\n\t\tv[i] *= f\n\t}}\n\treturn v\n}}\n\n"
            "// Norm is the Euclidean length.\nfunc (v {t}) Norm() float64 {{ return math.Sqrt(v.Dot(v)) }}\n\n"
            "// Max is the largest component and its index.\nfunc (v {t}) Max() (float64, int) {{\n\tbest, at := math.Inf(-1), -1\n"
            "\tfor i, x := range v {{\n\t\tif x > best {{\n\t\t\tbest, at = x, i\n\t\t}}\n\t}}\n\treturn best, at\n}}\n\n"
            "// Normalize is v scaled to length 1 (v itself when it is zero).\nfunc (v {t}) Normalize() {t} {{\n"
            "\tn := v.Norm()\n\tif n == 0 {{\n\t\treturn v\n\t}}\n\treturn v.Scale(1 / n)\n}}\n".format(t=t, n=n))
    return "\n".join(out)


def _go_dep2_generated(count=40):
    out = ["// Code generated by bench/helpers.py. DO NOT EDIT.\n", "package dep2\n", 'import "strings"\n']
    for k in range(count):
        poly = (0xEDB88320 ^ (k * 0x1021 * 2654435761)) & 0xFFFFFFFF | 1
        out.append(
            "// Checksum%d is a CRC-style checksum of s with polynomial 0x%08x.\n"
            "func Checksum%d(s string) uint32 {\n\tcrc := ^uint32(0)\n\tfor i := 0; i < len(s); i++ {\n"
            "\t\tcrc ^= uint32(s[i])\n\t\tfor b := 0; b < 8; b++ {\n\t\t\tif crc&1 == 1 {\n\t\t\t\tcrc = crc>>1 ^ 0x%08x\n"
            "\t\t\t} else {\n\t\t\t\tcrc >>= 1\n\t\t\t}\n\t\t}\n\t}\n\treturn ^crc\n}\n" % (k, poly, k, poly))
    suffixes = ["ational", "tional", "enci", "anci", "izer", "bli", "alli", "entli", "eli", "ousli", "ization", "ation",
                "ator", "alism", "iveness", "fulness", "ousness", "aliti", "iviti", "biliti", "logi", "icate", "ative",
                "alize", "iciti", "ical", "ful", "ness", "ement", "ment", "ent", "ism", "ate", "iti", "ous", "ive",
                "ize", "ing", "edly", "ed", "ly", "es", "s"]
    cases = []
    for suf in suffixes:
        repl = suf[: max(0, len(suf) - 2)] if len(suf) > 3 else ""
        cases.append('\tcase strings.HasSuffix(w, "%s") && len(w) > %d:\n\t\treturn w[:len(w)-%d] + "%s"\n'
                     % (suf, len(suf) + 2, len(suf), repl))
    out.append("// Stem strips one common English suffix from w (a crude Porter step).\nfunc Stem(w string) string {\n\tswitch {\n"
               + "".join(cases) + "\t}\n\treturn w\n}\n")
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo", "lima",
             "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
             "xray", "yankee", "zulu"]
    out.append("// Kind classifies a word.\ntype Kind int\n")
    out.append("// Kinds of words.\nconst (\n\tKindOther Kind = iota\n%s)\n" % "".join("\tKind%s\n" % w.capitalize() for w in words))
    out.append("// Classify is the kind of word w.\nfunc Classify(w string) Kind {\n\tswitch strings.ToLower(w) {\n"
               + "".join('\tcase "%s":\n\t\treturn Kind%s\n' % (w, w.capitalize()) for w in words)
               + "\t}\n\treturn KindOther\n}\n")
    out.append("// String is the kind's name.\nfunc (k Kind) String() string {\n\tswitch k {\n"
               + "".join('\tcase Kind%s:\n\t\treturn "%s"\n' % (w.capitalize(), w) for w in words)
               + '\t}\n\treturn "other"\n}\n')
    return "\n".join(out)


def _go_dep3_generated(count=30):
    out = ["// Code generated by bench/helpers.py. DO NOT EDIT.\n", "package dep3\n",
           'import (\n\t"fmt"\n\t"sort"\n\n\t"example.com/dep1"\n\t"example.com/dep2"\n)\n']
    for k in range(count):
        r = "Rec%d" % k
        out.append(
            "// {r} is a record of kind {k}.\ntype {r} struct {{\n\tID    int\n\tName  string\n\tScore float64\n\tTags  []string\n}}\n\n"
            "// Key is the record's identity.\nfunc (r {r}) Key() string {{ return fmt.Sprintf(\"{k}/%d/%s\", r.ID, r.Name) }}\n\n"
            "// Hash mixes the key.\nfunc (r {r}) Hash() uint64 {{ return dep1.Mix{m}(uint64(dep2.Checksum{c}(r.Key()))) }}\n\n"
            "// Less orders by score, then ID.\nfunc (r {r}) Less(o {r}) bool {{\n\tif r.Score != o.Score {{\n\t\treturn r.Score < o.Score\n\t}}\n\treturn r.ID < o.ID\n}}\n\n"
            "// Sort{r} sorts records by Less.\nfunc Sort{r}(rs []{r}) {{ sort.Slice(rs, func(i, j int) bool {{ return rs[i].Less(rs[j]) }}) }}\n\n"
            "// Group{r} groups records by their first tag.\nfunc Group{r}(rs []{r}) map[string][]{r} {{\n\tg := map[string][]{r}{{}}\n"
            "\tfor _, x := range rs {{\n\t\tt := \"\"\n\t\tif len(x.Tags) > 0 {{\n\t\t\tt = x.Tags[0]\n\t\t}}\n\t\tg[t] = append(g[t], x)\n\t}}\n\treturn g\n}}\n"
            .format(r=r, k=k, m=k % 60, c=k % 40))
    return "\n".join(out)


GO_APP_FILES = {
    "go.mod": None,  # written from the dependencies
    "stats/stats.go": r'''// Package stats is number crunching over example.com/dep1.
package stats

import "example.com/dep1"

// PrimeStats is the number and the sum of the primes below n.
func PrimeStats(n int) (count int, sum uint64) {
	for _, p := range dep1.Sieve(n) {
		count++
		sum += uint64(p)
	}
	return count, sum
}

// CountMillerRabin counts the primes in [lo, hi) with dep1.IsPrime.
func CountMillerRabin(lo, hi uint64) int {
	n := 0
	for x := lo; x < hi; x++ {
		if dep1.IsPrime(x) {
			n++
		}
	}
	return n
}

// MatrixWalk multiplies a deterministic matrix by itself k times and returns the trace.
func MatrixWalk(n, k int) float64 {
	m := dep1.NewMatrix(n, func(i, j int) float64 { return float64((i*31+j*17)%7) / 7 })
	r := dep1.Identity(n)
	for i := 0; i < k; i++ {
		r = r.Mul(m)
		norm := r.FrobeniusNorm()
		r = dep1.NewMatrix(n, func(i, j int) float64 { return r.At(i, j) / norm })
	}
	return r.Trace()
}
''',
    "stats/stats_test.go": r'''package stats

import (
	"math"
	"testing"

	"example.com/dep1"
)

func TestPrimeStats(t *testing.T) {
	count, _ := PrimeStats(3000000)
	if count != 216816 {
		t.Fatalf("primes below 3,000,000: got %d, want 216816", count)
	}
}

func TestMillerRabinAgreesWithSieve(t *testing.T) {
	const lo, hi = 1000000, 1200000
	sieve := 0
	for _, p := range dep1.Sieve(hi) {
		if p >= lo {
			sieve++
		}
	}
	if got := CountMillerRabin(lo, hi); got != sieve {
		t.Fatalf("Miller-Rabin counts %d primes in [%d, %d), the sieve %d", got, lo, hi, sieve)
	}
}

func TestMatrixWalk(t *testing.T) {
	a, b := MatrixWalk(90, 12), MatrixWalk(90, 12)
	if a != b || math.IsNaN(a) {
		t.Fatalf("MatrixWalk is not deterministic: %v, %v", a, b)
	}
}

func TestFib(t *testing.T) {
	if got := dep1.Fib(90).String(); got != "2880067194370816120" {
		t.Fatalf("Fib(90) = %s", got)
	}
}
''',
    "search/search.go": r'''// Package search indexes a generated corpus with example.com/dep3.
package search

import (
	"fmt"
	"strings"

	"example.com/dep1"
	"example.com/dep2"
	"example.com/dep3"
)

var syllables = []string{"ka", "lo", "mi", "ne", "su", "ra", "to", "vi", "da", "pe", "qu", "zo", "ba", "fi", "gu", "ho"}

// Corpus is n deterministic documents of words words each.
func Corpus(n, words int) []string {
	docs := make([]string, n)
	x := uint64(42)
	for i := range docs {
		var b strings.Builder
		for w := 0; w < words; w++ {
			x = dep1.Mix3(x + uint64(w))
			for s := 0; s < 2+int(x%3); s++ {
				b.WriteString(syllables[(x>>(4*s))%uint64(len(syllables))])
			}
			b.WriteByte(' ')
		}
		docs[i] = fmt.Sprintf("doc%d %s", i, b.String())
	}
	return docs
}

// Nearest is the vocabulary word closest to w by edit distance (ties: the first).
func Nearest(vocabulary []string, w string) string {
	best, bestDistance := "", -1
	for _, v := range vocabulary {
		if d := dep2.Levenshtein(v, w); bestDistance < 0 || d < bestDistance {
			best, bestDistance = v, d
		}
	}
	return best
}

// Build indexes the corpus.
func Build(docs []string) map[string][]int { return dep3.Index(docs) }
''',
    "search/search_test.go": r'''package search

import (
	"sort"
	"strings"
	"testing"

	"example.com/dep2"
	"example.com/dep3"
)

func TestSearchFindsEveryDocumentOfAWord(t *testing.T) {
	docs := Corpus(3000, 60)
	index := Build(docs)
	for _, word := range dep2.TopN(dep2.Frequencies(dep2.Tokenize(strings.Join(docs, " "))), 40) {
		hits := dep3.Search(index, word.Word)
		want := 0
		for _, d := range docs {
			for _, w := range dep2.Tokenize(d) {
				if w == word.Word {
					want++
					break
				}
			}
		}
		if len(hits) != want {
			t.Fatalf("%q: %d hits, %d documents hold it", word.Word, len(hits), want)
		}
	}
}

func TestNearest(t *testing.T) {
	docs := Corpus(200, 40)
	seen := map[string]bool{}
	var vocabulary []string
	for _, d := range docs {
		for _, w := range dep2.Tokenize(d) {
			if !seen[w] {
				seen[w] = true
				vocabulary = append(vocabulary, w)
			}
		}
	}
	sort.Strings(vocabulary)
	for _, w := range vocabulary[:150] {
		if got := Nearest(vocabulary, w); got != w {
			t.Fatalf("Nearest(%q) = %q", w, got)
		}
	}
}

func TestTextHelpers(t *testing.T) {
	if got := dep2.Soundex("Robert"); got != "R163" {
		t.Fatalf("Soundex(Robert) = %s", got)
	}
	if got := dep2.Rotate(dep2.Rotate("Hello, World", 13), 13); got != "Hello, World" {
		t.Fatalf("Rotate twice = %s", got)
	}
	if got := dep2.Classify("Tango"); got != dep2.KindTango {
		t.Fatalf("Classify(Tango) = %v", got)
	}
}
''',
    "store/store.go": r'''// Package store keeps records with example.com/dep3's structures.
package store

import (
	"example.com/dep3"
)

// Record is what the store keeps.
type Record = dep3.Rec7

// TopK is the k records with the highest score, best first, through a heap.
func TopK(rs []Record, k int) []Record {
	h := dep3.NewHeap(func(a, b Record) bool { return a.Less(b) })
	for _, r := range rs {
		h.Push(r)
		if h.Len() > k {
			h.Pop()
		}
	}
	out := make([]Record, h.Len())
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = h.Pop()
	}
	return out
}

// Replay runs the keys through an LRU cache of the given size and returns the hits.
func Replay(keys []int, size int) (hits, evictions int) {
	c := dep3.NewLRU[int, int](size)
	for _, k := range keys {
		if _, ok := c.Get(k); ok {
			hits++
		} else {
			c.Put(k, k*k)
		}
	}
	return hits, c.Evictions
}
''',
    "store/store_test.go": r'''package store

import (
	"fmt"
	"sort"
	"testing"

	"example.com/dep1"
	"example.com/dep3"
)

func records(n int) []Record {
	rs := make([]Record, n)
	x := uint64(7)
	for i := range rs {
		x = dep1.MixAll(x)
		rs[i] = Record{ID: i, Name: fmt.Sprintf("r%d", i), Score: float64(x%100000) / 100, Tags: []string{fmt.Sprint(x % 13)}}
	}
	return rs
}

func TestTopKMatchesSort(t *testing.T) {
	rs := records(200000)
	top := TopK(rs, 50)
	sorted := append([]Record(nil), rs...)
	dep3.SortRec7(sorted)
	for i := range top {
		if want := sorted[len(sorted)-1-i]; top[i].ID != want.ID {
			t.Fatalf("rank %d: got record %d, want %d", i, top[i].ID, want.ID)
		}
	}
}

func TestMergeSortMatchesSortSlice(t *testing.T) {
	rs := records(100000)
	merged := dep3.MergeSort(rs, func(a, b Record) bool { return a.Less(b) })
	ids := make([]Record, len(rs))
	copy(ids, rs)
	sort.SliceStable(ids, func(i, j int) bool { return ids[i].Less(ids[j]) })
	for i := range merged {
		if merged[i].ID != ids[i].ID {
			t.Fatalf("position %d: merge sort has %d, sort.SliceStable %d", i, merged[i].ID, ids[i].ID)
		}
	}
}

func TestReplay(t *testing.T) {
	keys := make([]int, 400000)
	x := uint64(1)
	for i := range keys {
		x = dep1.Mix11(x)
		keys[i] = int(x % 5000)
	}
	hits, evictions := Replay(keys, 5000)
	if evictions != 0 || hits != len(keys)-5000 {
		t.Fatalf("a cache as big as the key space: %d hits, %d evictions", hits, evictions)
	}
	if hits, _ := Replay(keys, 100); hits >= len(keys)/10 {
		t.Fatalf("a small cache hit %d times", hits)
	}
	if groups := dep3.GroupRec7(records(1000)); len(groups) != 13 {
		t.Fatalf("%d groups, want 13", len(groups))
	}
}
''',
}


def _go_mod(module, requires):
    text = "module %s\n\ngo 1.19\n" % module
    if requires:
        text += "\nrequire (\n%s)\n" % "".join("\t%s %s\n" % (r, GO_DEP_VERSION) for r in requires)
    return text


def gomodules(proxy, main):
    """Writes the dependency modules into the file proxy PROXY and the main module's files into MAIN."""
    import os
    import zipfile

    deps = {
        "example.com/dep1": ([], {"dep1.go": DEP1_CORE, "generated.go": _go_dep1_generated()}),
        "example.com/dep2": ([], {"dep2.go": DEP2_CORE, "generated.go": _go_dep2_generated()}),
        "example.com/dep3": (["example.com/dep1", "example.com/dep2"],
                             {"dep3.go": DEP3_CORE, "generated.go": _go_dep3_generated()}),
    }
    lines = 0
    for module, (requires, files) in deps.items():
        mod = _go_mod(module, requires)
        vdir = os.path.join(proxy, module, "@v")
        os.makedirs(vdir, exist_ok=True)
        with open(os.path.join(vdir, "list"), "w") as f:
            f.write(GO_DEP_VERSION + "\n")
        with open(os.path.join(vdir, GO_DEP_VERSION + ".info"), "w") as f:
            json.dump({"Version": GO_DEP_VERSION, "Time": GO_MODULE_TIME}, f)
        with open(os.path.join(vdir, GO_DEP_VERSION + ".mod"), "w") as f:
            f.write(mod)
        # The module zip format: every file under "<module>@<version>/", go.mod included.
        prefix = "%s@%s/" % (module, GO_DEP_VERSION)
        with zipfile.ZipFile(os.path.join(vdir, GO_DEP_VERSION + ".zip"), "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in sorted(dict(files, **{"go.mod": mod}).items()):
                info = zipfile.ZipInfo(prefix + name, date_time=(2024, 1, 2, 3, 4, 6))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                z.writestr(info, text)
                lines += text.count("\n")
    for name, text in GO_APP_FILES.items():
        if text is None:
            text = _go_mod(GO_MAIN, list(deps))
        path = os.path.join(main, name)
        os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    print("gomodules: %d modules, %d lines of Go in them" % (len(deps), lines), file=sys.stderr)


def median(path, name):
    data = json.load(open(path))
    for result in data["results"]:
        if result["command"] == name:
            print("%.6f" % result["median"])
            return
    sys.exit("helpers.py median: no result named %r in %s" % (name, path))


def maxrss(path):
    for line in open(path):
        if "Maximum resident set size" in line:
            print(line.rsplit(":", 1)[1].strip())
            return
    sys.exit("helpers.py maxrss: no 'Maximum resident set size' in %s" % path)


def elapsed(path):
    """Wall-clock seconds of a /usr/bin/time -v report ("h:mm:ss" or "m:ss.ss")."""
    for line in open(path):
        if "Elapsed (wall clock) time" in line:
            parts = line.rsplit(": ", 1)[1].strip().split(":")
            seconds = 0.0
            for part in parts:
                seconds = seconds * 60 + float(part)
            print("%.3f" % seconds)
            return
    sys.exit("helpers.py elapsed: no 'Elapsed (wall clock) time' in %s" % path)


def fmt(value, unit):
    if value in ("", "skipped"):
        return value or "—"
    v = float(value)
    if unit == "s":
        return "%.1f ms" % (v * 1000) if v < 1 else "%.3f s" % v
    return "%.1f %s" % (v, unit)


def check(rule, gl, ratio):
    """rule: '' (information only), 'ratio<=X', 'ratio<X', 'gl<=X', 'gl<X'."""
    if not rule:
        return None
    m = re.fullmatch(r"(ratio|gl)(<=|<)([0-9.]+)", rule)
    if not m:
        sys.exit("helpers.py table: bad rule %r" % rule)
    subject = ratio if m.group(1) == "ratio" else gl
    if subject is None:
        return False
    limit = float(m.group(3))
    return subject <= limit if m.group(2) == "<=" else subject < limit


def table(path):
    """run.sh's rows, tab-separated: comparison, greenlight value, peer, peer value, unit,
    rule, target text, problem (non-empty: the target is missed whatever the numbers)."""
    print("| comparison | greenlight median | peer | peer median | ratio | target | met? |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for line in open(path):
        line = line.rstrip("\n")
        if not line:
            continue
        comparison, gl, peer, pv, unit, rule, target, problem = (line.split("\t") + [""] * 8)[:8]
        if gl == "skipped":
            print("| %s | skipped | %s | skipped | — | %s | skipped |" % (comparison, peer or "—", target or "—"))
            continue
        glv = float(gl) if gl else None
        pvv = float(pv) if pv else None
        ratio = glv / pvv if glv is not None and pvv else None
        ok = check(rule, glv, ratio)
        if ok is None:
            met = "info"
        elif problem:
            met = "**no** (%s)" % problem
        else:
            met = "yes" if ok else "**no**"
        print("| %s | %s | %s | %s | %s | %s | %s |" % (
            comparison, fmt(gl, unit), peer or "—", fmt(pv, unit),
            "%.3f×" % ratio if ratio is not None else "—", target or "—", met))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    command, args = sys.argv[1], sys.argv[2:]
    if command == "history":
        history(int(args[0]), args[1])
    elif command == "wide":
        wide(int(args[0]), args[1])
    elif command == "notes":
        notes(args[0], args[1], args[2])
    elif command == "gomodules":
        gomodules(args[0], args[1])
    elif command == "median":
        median(args[0], args[1])
    elif command == "maxrss":
        maxrss(args[0])
    elif command == "elapsed":
        elapsed(args[0])
    elif command == "table":
        table(args[0])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
