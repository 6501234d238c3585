// Command tlogverify checks a log exported by Reporting.Disclosure with Go's own golang.org/x/mod/sumdb/note and
// sumdb/tlog (Debian's golang-golang-x-mod-dev), code that the log's authors did not write.
//
//	tlogverify checkpoint  <vkey> <checkpoint-file>
//	tlogverify inclusion   <vkey> <tlog-proof-file> <entry-file>
//	tlogverify tree        <vkey> <log-dir>
//	tlogverify consistency <vkey> <old-checkpoint-file> <log-dir> [<proof-file>]
//
// A log directory holds checkpoint, tile/<L>/<N>[.p/<W>] and tile/entries/<N>[.p/<W>] (c2sp.org/tlog-tiles).
// Build offline: GO111MODULE=off GOPATH=/usr/share/gocode go build -o tlogverify tlogverify.go
// The public site serves this file at /verify/tlogverify.go; the project's tests build and run the same file.
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

const tileHeight = 8

func main() {
	var err error
	args := os.Args[1:]
	switch {
	case len(args) == 3 && args[0] == "checkpoint":
		err = checkpointCommand(args[1], args[2])
	case len(args) == 4 && args[0] == "inclusion":
		err = inclusionCommand(args[1], args[2], args[3])
	case len(args) == 3 && args[0] == "tree":
		err = treeCommand(args[1], args[2])
	case (len(args) == 4 || len(args) == 5) && args[0] == "consistency":
		proofFile := ""
		if len(args) == 5 {
			proofFile = args[4]
		}
		err = consistencyCommand(args[1], args[2], args[3], proofFile)
	default:
		fmt.Fprintln(os.Stderr, "usage: tlogverify checkpoint|inclusion|tree|consistency <vkey> ...")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "tlogverify:", err)
		os.Exit(1)
	}
}

type checkpoint struct {
	origin string
	tree   tlog.Tree
}

// openCheckpoint checks the note's signature with note.Open, then reads c2sp.org/tlog-checkpoint's three lines.
// (tlog.ParseTree reads only the go.sum database's own "go.sum database tree" form.)
func openCheckpoint(vkey string, msg []byte) (checkpoint, error) {
	verifier, err := note.NewVerifier(vkey)
	if err != nil {
		return checkpoint{}, fmt.Errorf("vkey: %v", err)
	}
	n, err := note.Open(msg, note.VerifierList(verifier))
	if err != nil {
		return checkpoint{}, fmt.Errorf("checkpoint note: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[len(lines)-1] != "" {
		return checkpoint{}, errors.New("checkpoint has fewer than three lines")
	}
	origin := lines[0]
	if origin != verifier.Name() {
		return checkpoint{}, fmt.Errorf("origin %q is not the key name %q", origin, verifier.Name())
	}
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil || size < 0 || strconv.FormatInt(size, 10) != lines[1] {
		return checkpoint{}, fmt.Errorf("malformed tree size %q", lines[1])
	}
	hash, err := tlog.ParseHash(lines[2])
	if err != nil {
		return checkpoint{}, fmt.Errorf("root hash: %v", err)
	}
	// tlog.TreeHash(0) is all zeros; RFC 6962's empty tree is SHA-256 of nothing.
	if size == 0 && hash != tlog.Hash(sha256.Sum256(nil)) {
		return checkpoint{}, errors.New("empty tree with a root other than SHA-256(\"\")")
	}
	return checkpoint{origin, tlog.Tree{N: size, Hash: hash}}, nil
}

func readCheckpoint(vkey, file string) (checkpoint, error) {
	msg, err := os.ReadFile(file)
	if err != nil {
		return checkpoint{}, err
	}
	return openCheckpoint(vkey, msg)
}

func checkpointCommand(vkey, file string) error {
	c, err := readCheckpoint(vkey, file)
	if err != nil {
		return err
	}
	fmt.Printf("%s %d %x\n", c.origin, c.tree.N, c.tree.Hash[:])
	return nil
}

func inclusionCommand(vkey, proofFile, entryFile string) error {
	text, err := os.ReadFile(proofFile)
	if err != nil {
		return err
	}
	entry, err := os.ReadFile(entryFile)
	if err != nil {
		return err
	}
	split := bytes.Index(text, []byte("\n\n"))
	if split < 0 {
		return errors.New("tlog-proof without a blank line before its checkpoint")
	}
	lines := strings.Split(string(text[:split]), "\n")
	if lines[0] != "c2sp.org/tlog-proof@v1" {
		return errors.New("not a c2sp.org/tlog-proof@v1")
	}
	lines = lines[1:]
	if len(lines) > 0 && strings.HasPrefix(lines[0], "extra ") {
		lines = lines[1:]
	}
	if len(lines) == 0 || !strings.HasPrefix(lines[0], "index ") {
		return errors.New("tlog-proof without an index line")
	}
	index, err := strconv.ParseInt(strings.TrimPrefix(lines[0], "index "), 10, 64)
	if err != nil {
		return fmt.Errorf("index: %v", err)
	}
	proof, err := parseHashes(lines[1:])
	if err != nil {
		return err
	}
	c, err := openCheckpoint(vkey, text[split+2:])
	if err != nil {
		return err
	}
	if err := tlog.CheckRecord(proof, c.tree.N, c.tree.Hash, index, tlog.RecordHash(entry)); err != nil {
		return fmt.Errorf("entry %d in tree %d: %v", index, c.tree.N, err)
	}
	fmt.Printf("entry %d is in %s at size %d\n", index, c.origin, c.tree.N)
	return nil
}

func treeCommand(vkey, dir string) error {
	c, err := readCheckpoint(vkey, filepath.Join(dir, "checkpoint"))
	if err != nil {
		return err
	}
	n := c.tree.N
	if n > 0 {
		tiles := tlog.TileHashReader(c.tree, tileDir(dir))
		for bundle := int64(0); bundle<<tileHeight < n; bundle++ {
			if err := checkBundle(c.tree, tiles, dir, bundle); err != nil {
				return err
			}
		}
		root, err := tlog.TreeHash(n, tiles)
		if err != nil {
			return err
		}
		if root != c.tree.Hash {
			return errors.New("the tiles' tree hash is not the checkpoint's root")
		}
	}
	fmt.Printf("%s %d %x: every entry checked\n", c.origin, n, c.tree.Hash[:])
	return nil
}

// checkBundle reads one entry bundle, compares each entry's record hash with the hash its level-0 tile holds, and
// proves each entry into the checkpoint's root with CheckRecord. The proof is not redundant: Debian's x/mod
// TileHashReader starts authenticating child tiles at len(stx), the number of subtree hashes behind the root, not
// the number of tiles they come from, so when several share a tile (size 650: three come from tile/0/002.p/138) a
// changed full tile such as tile/0/001 is handed back unchecked.
func checkBundle(tree tlog.Tree, tiles tlog.HashReader, dir string, bundle int64) error {
	first := bundle << tileHeight
	width := tree.N - first
	if width > 1<<tileHeight {
		width = 1 << tileHeight
	}
	data, err := os.ReadFile(filepath.Join(dir, c2spPath(tlog.Tile{H: tileHeight, L: -1, N: bundle, W: int(width)})))
	if err != nil {
		return err
	}
	entries, err := decodeBundle(data)
	if err != nil {
		return err
	}
	if int64(len(entries)) != width {
		return fmt.Errorf("bundle %d holds %d entries, not %d", bundle, len(entries), width)
	}
	indexes := make([]int64, width)
	for i := range indexes {
		indexes[i] = tlog.StoredHashIndex(0, first+int64(i))
	}
	hashes, err := tiles.ReadHashes(indexes)
	if err != nil {
		return err
	}
	for i, entry := range entries {
		index := first + int64(i)
		leaf := tlog.RecordHash(entry)
		if leaf != hashes[i] {
			return fmt.Errorf("entry %d does not hash to its level-0 tile hash", index)
		}
		proof, err := tlog.ProveRecord(tree.N, index, tiles)
		if err != nil {
			return err
		}
		if err := tlog.CheckRecord(proof, tree.N, tree.Hash, index, leaf); err != nil {
			return fmt.Errorf("entry %d: %v", index, err)
		}
	}
	return nil
}

func consistencyCommand(vkey, oldFile, dir, proofFile string) error {
	old, err := readCheckpoint(vkey, oldFile)
	if err != nil {
		return err
	}
	current, err := readCheckpoint(vkey, filepath.Join(dir, "checkpoint"))
	if err != nil {
		return err
	}
	if old.origin != current.origin || old.tree.N > current.tree.N {
		return fmt.Errorf("old checkpoint %s@%d cannot precede %s@%d", old.origin, old.tree.N, current.origin, current.tree.N)
	}
	var explicit tlog.TreeProof
	if proofFile != "" {
		text, err := os.ReadFile(proofFile)
		if err != nil {
			return err
		}
		if explicit, err = parseHashes(strings.Fields(string(text))); err != nil {
			return err
		}
	}
	// tlog.ProveTree and CheckTree take only old sizes ≥ 1; the empty tree is consistent with every tree.
	if old.tree.N == 0 {
		if len(explicit) != 0 {
			return errors.New("a proof from the empty tree is empty")
		}
	} else {
		proof, err := tlog.ProveTree(current.tree.N, old.tree.N, tlog.TileHashReader(current.tree, tileDir(dir)))
		if err != nil {
			return err
		}
		if err := tlog.CheckTree(proof, current.tree.N, current.tree.Hash, old.tree.N, old.tree.Hash); err != nil {
			return fmt.Errorf("proof from the tiles: %v", err)
		}
		if proofFile != "" {
			if err := tlog.CheckTree(explicit, current.tree.N, current.tree.Hash, old.tree.N, old.tree.Hash); err != nil {
				return fmt.Errorf("proof from %s: %v", proofFile, err)
			}
		}
		// The old tree's own partial tiles must still be published, and agree with its root.
		if _, err := tlog.TreeHash(old.tree.N, tlog.TileHashReader(old.tree, tileDir(dir))); err != nil {
			return fmt.Errorf("old tree's tiles: %v", err)
		}
	}
	fmt.Printf("%s %d is consistent with %d\n", current.origin, current.tree.N, old.tree.N)
	return nil
}

func parseHashes(lines []string) ([]tlog.Hash, error) {
	hashes := make([]tlog.Hash, len(lines))
	for i, line := range lines {
		h, err := tlog.ParseHash(line)
		if err != nil {
			return nil, fmt.Errorf("proof hash %d: %v", i, err)
		}
		hashes[i] = h
	}
	return hashes, nil
}

func decodeBundle(data []byte) ([][]byte, error) {
	var entries [][]byte
	for len(data) > 0 {
		if len(data) < 2 {
			return nil, errors.New("entry bundle ends inside a length")
		}
		n := int(binary.BigEndian.Uint16(data))
		if len(data) < 2+n {
			return nil, errors.New("entry bundle ends inside an entry")
		}
		entries = append(entries, data[2:2+n])
		data = data[2+n:]
	}
	return entries, nil
}

// c2spPath maps Go's tile/8/L/N and tile/8/data/N onto c2sp.org/tlog-tiles' tile/L/N and tile/entries/N.
func c2spPath(t tlog.Tile) string {
	path := strings.TrimPrefix(t.Path(), "tile/"+strconv.Itoa(tileHeight)+"/")
	if t.L == -1 {
		path = "entries" + strings.TrimPrefix(path, "data")
	}
	return filepath.FromSlash("tile/" + path)
}

// tileDir is a tlog.TileReader over an exported log directory.
type tileDir string

func (tileDir) Height() int { return tileHeight }

func (d tileDir) ReadTiles(tiles []tlog.Tile) ([][]byte, error) {
	data := make([][]byte, len(tiles))
	for i, t := range tiles {
		b, err := os.ReadFile(filepath.Join(string(d), c2spPath(t)))
		if err != nil {
			return nil, err
		}
		if len(b) != t.W*tlog.HashSize {
			return nil, fmt.Errorf("%s holds %d bytes, not %d", c2spPath(t), len(b), t.W*tlog.HashSize)
		}
		data[i] = b
	}
	return data, nil
}

func (tileDir) SaveTiles([]tlog.Tile, [][]byte) {}
