//! The hash behind the name lookup's perfect hash table. The generator (which picks the seed
//! and lays out the table) compiles this same file, so both sides always agree.

/// Odd constants with well-spread bits (from rustc's FxHash and from the golden ratio).
const K: u64 = 0xf135_7aea_2e62_a9c5;
const K2: u64 = 0x9E37_79B9_7F4A_7C15;

/// A folded multiply: the 128-bit product's halves XORed, so every input bit reaches every
/// output bit (a plain multiply only carries low bits upwards).
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Hashes `bytes` with `seed`: 8 bytes at a time, the last (up to) 8 read as one overlapping
/// word, so a name of typical length costs two or three multiplications and no byte loop.
#[inline]
pub(crate) fn name_hash(bytes: &[u8], seed: u64) -> u64 {
    let len = bytes.len();
    let mut h = seed;
    let tail = if len >= 8 {
        let mut i = 0;
        while i + 8 < len {
            h = mix(h ^ word(bytes, i), K);
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
    // The length goes into the multiplier, not XORed into the data: XORed, `T1` and `U11`
    // collided for every seed.
    mix(h ^ tail, K2 ^ ((len as u64) << 1))
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
