"""One-permutation MinHash sketches of a text's five-word passages, in compiled code.

Kept apart from :mod:`factaudit.matching.copies` so that numpy is imported only when a
document is sketched (a run served from the cache never sketches).
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from factaudit.reading.text import windows

SHINGLE = 5
HASHES = 64  # bins of the sketch
_MIX = np.uint64(0x9E3779B97F4A7C15)  # spreads the bits of a passage's hash
_POWERS = np.array([0x100000001B3 ** k % (1 << 64) for k in range(SHINGLE)][::-1],
                   dtype=np.uint64)
_LOW = np.uint64((1 << 58) - 1)  # the top 6 bits choose the bin, the rest is the value
_EMPTY = np.uint64((1 << 64) - 1)
_WORD = re.compile(r"\w+")


def sketch(text: str, window: int) -> tuple[str, int]:
    """(the sketch, the number of words) of ``text``, read a window at a time; the sketch
    is empty for a text of fewer than SHINGLE words."""
    bins = np.full(HASHES, _EMPTY, dtype=np.uint64)
    length = 0
    carried = np.zeros(0, dtype=np.uint64)  # the last words of the previous window
    for lo, hi in windows(text, window):
        words = _WORD.findall(text[lo:hi].lower())
        length += len(words)
        hashed = np.concatenate([carried, np.fromiter(
            (zlib.crc32(w.encode("utf-8", "surrogatepass")) for w in words),
            dtype=np.uint64, count=len(words))])
        _fill(bins, hashed)
        carried = hashed[-(SHINGLE - 1):]
    if length < SHINGLE:
        return "", length
    return _dense(bins), length


def _fill(bins: np.ndarray, hashed: np.ndarray) -> None:
    """Adds the five-word passages of ``hashed`` word hashes (CRC-32, the same in every
    process): a passage's hash combines its five words' in compiled code, its top bits
    choose one of HASHES bins and each bin keeps its smallest value."""
    n = len(hashed) - SHINGLE + 1
    if n <= 0:
        return
    passages = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for k in range(SHINGLE):
            passages += hashed[k:k + n] * _POWERS[k]
        passages *= _MIX
    np.minimum.at(bins, (passages >> np.uint64(58)).astype(np.intp), passages & _LOW)


def _dense(bins: np.ndarray) -> str:
    """The sketch: an empty bin borrows the next full one's value, marked by how far it is,
    so that bins stay aligned for banding; packed as HASHES × 8 characters."""
    out = [int(x) for x in bins]
    full = [i for i, x in enumerate(out) if x != int(_EMPTY)]
    for i, x in enumerate(out):
        if x == int(_EMPTY):
            j = next((k for k in full if k > i), full[0])
            out[i] = (int(bins[j]) + ((j - i) % HASHES << 58)) % (1 << 64)
    return np.array(out, dtype=">u8").tobytes().decode("latin-1")
