//! The hash behind the name lookup's perfect hash table. The generator (which picks the seed
//! and lays out the table) compiles this same file, so both sides always agree.

/// Odd constants with well-spread bits (from rustc's FxHash and from the golden ratio).
const K: u64 = 0xf135_7aea_2e62_a9c5;
const K2: u64 = 0x9E37_79B9_7F4A_7C15;
const K3: u64 = 0xd6e8_feb8_6659_fd93;

/// A folded multiply: the 128-bit product's halves XORed, so every input bit reaches every
/// output bit (a plain multiply only carries low bits upwards).
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Whether a name's length is read as [`words`]: nearly every name is.
#[inline]
pub(crate) fn has_words(len: usize) -> bool {
    (8..=32).contains(&len)
}

/// The four 8-byte words that cover a name of 8 to 32 bytes, overlapping: the first 16 bytes and
/// the last 16 (or, under 16 bytes, the first and last 8, twice). The hash reads them, and so
/// does the comparison that confirms a match.
#[inline]
pub(crate) fn words(bytes: &[u8]) -> [u64; 4] {
    let len = bytes.len();
    debug_assert!(has_words(len));
    // Offsets chosen without a branch: 0, min(8, len - 8), len - 16 or 0, len - 8.
    [
        word(bytes, 0),
        word(bytes, (len - 8).min(8)),
        word(bytes, len.saturating_sub(16)),
        word(bytes, len - 8),
    ]
}

/// Whether two names of the same length in `has_words` are equal: four XORs, one test.
#[inline]
pub(crate) fn same_words(a: &[u64; 4], b: &[u64; 4]) -> bool {
    ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3])) == 0
}

/// Hashes a name's [`words`] (or, for other lengths, its bytes) with `seed`.
#[inline]
pub(crate) fn name_hash(bytes: &[u8], seed: u64) -> u64 {
    if has_words(bytes.len()) {
        words_hash(&words(bytes), bytes.len(), seed)
    } else {
        bytes_hash(bytes, seed)
    }
}

/// Two independent folded multiplies, whatever the length: the common case costs no loop and no
/// branch. Each word is an operand of its own multiply (never XORed with another word first, so
/// no two words can cancel out, whatever their bytes), the seed and the length are mixed into
/// both, and the two products are combined once.
#[inline]
pub(crate) fn words_hash(words: &[u64; 4], len: usize, seed: u64) -> u64 {
    let len = (len as u64) << 56;
    let a = mix(words[0] ^ seed, words[1] ^ K ^ len);
    let b = mix(words[2] ^ seed.rotate_left(32) ^ K2, words[3] ^ K3 ^ len);
    a ^ b.rotate_left(29)
}

/// Names shorter than 8 or longer than 32 bytes: 8 bytes at a time, each word the operand of a
/// folded multiply with the running hash, the last (up to) 8 bytes read as one overlapping word.
fn bytes_hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let mut h = seed ^ K3;
    let tail = if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = mix(h ^ word(bytes, i), K ^ (i as u64));
            i += 8;
        }
        word(bytes, len - 8)
    } else if len >= 4 {
        u64::from(half(bytes, 0)) | (u64::from(half(bytes, len - 4)) << 32)
    } else if len > 0 {
        u64::from(bytes[0]) | (u64::from(bytes[len / 2]) << 8) | (u64::from(bytes[len - 1]) << 16)
    } else {
        0
    };
    mix(
        h ^ tail ^ K,
        K2 ^ ((len as u64) << 1) ^ seed.rotate_left(32),
    )
}

#[inline]
fn word(bytes: &[u8], at: usize) -> u64 {
    let mut buf = [0; 8];
    buf.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(buf)
}

#[inline]
fn half(bytes: &[u8], at: usize) -> u32 {
    let mut buf = [0; 4];
    buf.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(buf)
}

/// The slot of a hash in a table of `slots` (a power of two) with XOR displacements per bucket
/// (also a power of two in number): the bucket comes from the high half, the slot from the low.
#[inline]
pub(crate) fn name_slot(hash: u64, displacements: &[u32], slots: usize) -> usize {
    let bucket = (hash >> 32) as usize & (displacements.len() - 1);
    ((hash as u32 ^ displacements[bucket]) as usize) & (slots - 1)
}
