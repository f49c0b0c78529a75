//! The perfect hash table behind the Rust crate's name lookup: a seed, one XOR displacement per
//! bucket and a slot table, such that every name lands in a slot of its own. The hash function is
//! the generated code's own (`runtime/name_hash.rs`, written into every Rust output and compiled
//! here too), so both sides agree.

#[path = "../../runtime/name_hash.rs"]
#[allow(dead_code, unreachable_pub)]
mod name_hash;

#[cfg(test)]
use name_hash::{has_words, words};
use std::collections::HashMap;

use name_hash::{name_hash, name_slot};

/// A perfect hash table over some names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerfectHash {
    /// The hash seed.
    pub seed: u64,
    /// One XOR displacement per bucket (a power of two in number).
    pub displacements: Vec<u32>,
    /// Slot → index of the name in the input, or `None`; a power of two in length, at most half
    /// full.
    pub slots: Vec<Option<usize>>,
}

/// No perfect hash table was found: names whose hashes could not be told apart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashError {
    /// Indexes (into the input) of the pairs of names that kept the most seeds from working
    /// (sharing a slot whatever the displacement), in order.
    pub colliding: Vec<(usize, usize)>,
}

/// How many seeds [`build`] tries. With a hash in which every byte counts, a seed fails only when
/// two names of one bucket share their slot bits (about one seed in two), so 32 seeds all failing
/// means a flaw of the hash, found in milliseconds rather than after minutes.
const SEEDS: u64 = 32;

/// Builds the table (CHD, "compress, hash and displace", with XOR displacements): names are
/// hashed into buckets, the largest buckets placed first, each with the first displacement that
/// puts all its names into free slots. A seed whose hashes cannot be placed is replaced by the
/// next one. When no seed works (equal names, or names the hash cannot tell apart), the error
/// names the pairs of names that kept the most seeds from working.
pub fn build(names: &[&str]) -> Result<PerfectHash, HashError> {
    // Equal names need no check of their own: they hash alike for every seed, so the error names
    // them like any pair the hash cannot tell apart.
    build_with(names.len(), |seed| {
        names
            .iter()
            .map(|n| name_hash(n.as_bytes(), seed))
            .collect()
    })
}

/// [`build`] over `len` keys whose hashes for a seed `hashes` gives.
fn build_with(len: usize, hashes: impl Fn(u64) -> Vec<u64>) -> Result<PerfectHash, HashError> {
    let slots_len = (len * 2).next_power_of_two().max(2);
    let buckets_len = (len / 4).next_power_of_two().max(1);
    // How many seeds each pair of names stopped: the pairs that stopped the most are the culprits.
    let mut blocking: HashMap<(usize, usize), u64> = HashMap::new();
    for seed in 0..SEEDS {
        let seed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15);
        match try_seed(&hashes(seed), seed, slots_len, buckets_len) {
            Ok(table) => return Ok(table),
            Err(pairs) => {
                for pair in pairs {
                    *blocking.entry(pair).or_default() += 1;
                }
            }
        }
    }
    let most = blocking.values().copied().max().unwrap_or_default();
    let mut colliding: Vec<(usize, usize)> = (blocking.into_iter())
        .filter(|&(_, seeds)| seeds == most)
        .map(|(pair, _)| pair)
        .collect();
    colliding.sort_unstable();
    Err(HashError { colliding })
}

/// A table for one seed, or the pairs of names of one bucket that share a slot whatever the
/// displacement (so no displacement can place that bucket).
fn try_seed(
    hashes: &[u64],
    seed: u64,
    slots_len: usize,
    buckets_len: usize,
) -> Result<PerfectHash, Vec<(usize, usize)>> {
    let mut buckets: Vec<Vec<usize>> = vec![Vec::new(); buckets_len];
    for (i, &h) in hashes.iter().enumerate() {
        buckets[(h >> 32) as usize & (buckets_len - 1)].push(i);
    }
    // Names of one bucket whose slot bits are equal land in one slot for every displacement:
    // found before searching, so a hopeless seed costs no search at all.
    // Sorted by slot bits, so a bucket that a weak hash overfills costs `k log k`, not `k²`.
    let mut stuck = Vec::new();
    let mut by_bits: Vec<(usize, usize)> = Vec::new();
    for keys in &buckets {
        by_bits.clear();
        by_bits.extend(
            keys.iter()
                .map(|&k| (hashes[k] as usize & (slots_len - 1), k)),
        );
        by_bits.sort_unstable();
        for pair in by_bits.windows(2) {
            if pair[0].0 == pair[1].0 {
                // Sorted by (bits, key): the first of two equal bits is the smaller key.
                stuck.push((pair[0].1, pair[1].1));
            }
        }
    }
    if !stuck.is_empty() {
        stuck.sort_unstable();
        return Err(stuck);
    }
    let mut order: Vec<usize> = (0..buckets_len).collect();
    order.sort_by_key(|&b| std::cmp::Reverse(buckets[b].len()));
    let mut displacements = vec![0u32; buckets_len];
    let mut slots: Vec<Option<usize>> = vec![None; slots_len];
    let mut placed: Vec<usize> = Vec::new();
    for bucket in order {
        let keys = &buckets[bucket];
        if keys.is_empty() {
            break;
        }
        // Every key visits every slot as the displacement runs over them, so a bucket of keys
        // with distinct slot bits always finds room in a table at most half full.
        let found = (0..slots_len as u32).find(|&d| {
            displacements[bucket] = d;
            placed.clear();
            for &k in keys {
                let slot = name_slot(hashes[k], &displacements, slots_len);
                if slots[slot].is_some() || placed.contains(&slot) {
                    return false;
                }
                placed.push(slot);
            }
            true
        });
        let Some(found) = found else {
            return Err(Vec::new());
        };
        displacements[bucket] = found;
        for (&k, &slot) in keys.iter().zip(&placed) {
            slots[slot] = Some(k);
        }
    }
    Ok(PerfectHash {
        seed,
        displacements,
        slots,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_finds_itself_and_others_find_nothing_or_another() {
        let names: Vec<String> = (0..5000).map(|i| format!("SyntheticEvent{i}")).collect();
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let table = build(&refs).unwrap();
        for (i, name) in refs.iter().enumerate() {
            let slot = name_slot(
                name_hash(name.as_bytes(), table.seed),
                &table.displacements,
                table.slots.len(),
            );
            assert_eq!(table.slots[slot], Some(i));
        }
        assert!(table.slots.len() >= 2 * names.len());
    }

    #[test]
    fn names_differing_in_length_and_last_bytes_do_not_always_collide() {
        // Found by the property tests: with the length XORed into the data these two hashed
        // alike for every seed, and building never ended.
        let table = build(&["T1", "U11", "Kp8", "W7"]).unwrap();
        assert_eq!(table.slots.iter().flatten().count(), 4);
        let differ = (0..64u64)
            .filter(|&s| name_hash(b"T1", s) != name_hash(b"U11", s))
            .count();
        assert_eq!(differ, 64);
    }

    /// The lookup compares names of 8 to 32 bytes by their four words alone: every byte must be
    /// in one of them.
    #[test]
    fn words_cover_every_byte() {
        for len in 0..40 {
            if !has_words(len) {
                continue;
            }
            let name = vec![b'a'; len];
            for at in 0..len {
                let mut changed = name.clone();
                changed[at] = b'b';
                assert_ne!(words(&name), words(&changed), "byte {at} of {len}");
            }
        }
        assert!(!has_words(7) && has_words(8) && has_words(32) && !has_words(33));
    }

    fn assert_builds(names: &[String]) {
        let refs: Vec<&str> = names.iter().map(String::as_str).collect();
        let table = build(&refs).unwrap_or_else(|e| {
            let pairs: Vec<_> = (e.colliding.iter().take(5))
                .map(|&(a, b)| (refs[a], refs[b]))
                .collect();
            panic!("no table for {} names: {pairs:?}", refs.len())
        });
        assert_eq!(table.slots.iter().flatten().count(), refs.len());
    }

    /// Distinct names hash apart (all 64 bits) for every seed tried: a collision of the full hash
    /// is how a weak hash shows, long before it makes building fail.
    fn assert_hashes_apart(names: &[Vec<u8>]) {
        for seed in [0, 1, 0x9E37_79B9_7F4A_7C15, u64::MAX] {
            let mut hashes: Vec<(u64, &[u8])> = names
                .iter()
                .map(|n| (name_hash(n, seed), n.as_slice()))
                .collect();
            hashes.sort_unstable();
            for pair in hashes.windows(2) {
                assert!(
                    pair[0].0 != pair[1].0 || pair[0].1 == pair[1].1,
                    "{:?} and {:?} hash alike with seed {seed}",
                    String::from_utf8_lossy(pair[0].1),
                    String::from_utf8_lossy(pair[1].1)
                );
            }
        }
    }

    /// Found by hand: with the words XORed together before the multiply, names of 8, 12 and 16
    /// bytes whose halves cancel out hashed alike for every seed.
    #[test]
    fn realistic_near_misses_build() {
        let mut names: Vec<String> = ["AccessFailed", "AcceptFailed", "AbcdEfgh", "EfghAbcd"]
            .map(String::from)
            .to_vec();
        names.extend(
            [
                "AbcdefghIjklmnop",
                "IjklmnopAbcdefgh",
                "AaaaBbbb",
                "BbbbAaaa",
            ]
            .map(String::from),
        );
        assert_builds(&names);
        let bytes: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        assert_hashes_apart(&bytes);
    }

    /// Structured names at every length from 1 to 64: every one-byte change, swapped 4- and
    /// 8-byte chunks, shared prefixes and suffixes. Every byte must count.
    #[test]
    fn structured_near_misses_hash_apart() {
        for len in 1..=64usize {
            let base: Vec<u8> = (0..len).map(|i| b"AbcdEfghIjklMnop"[i % 16]).collect();
            let mut names = vec![base.clone()];
            for at in 0..len {
                for byte in [b'x', b'Z', b'0', base[at] ^ 0x01] {
                    let mut changed = base.clone();
                    changed[at] = byte;
                    names.push(changed);
                }
            }
            for chunk in [4, 8] {
                for at in (0..len.saturating_sub(2 * chunk - 1)).step_by(chunk / 2) {
                    let mut swapped = base.clone();
                    let (left, right) = swapped[at..].split_at_mut(chunk);
                    left.swap_with_slice(&mut right[..chunk]);
                    names.push(swapped);
                }
            }
            for cut in 0..len {
                names.push([&base[..cut], b"Failed"].concat());
                names.push([b"Access".as_slice(), &base[cut..]].concat());
            }
            names.sort();
            names.dedup();
            assert_hashes_apart(&names);
            let strings: Vec<String> = names
                .iter()
                .map(|n| String::from_utf8(n.clone()).unwrap())
                .collect();
            assert_builds(&strings);
        }
    }

    #[test]
    fn many_realistic_names_build() {
        let names = crate::synthetic::realistic_names(65_536);
        let bytes: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        assert_hashes_apart(&bytes);
        assert_builds(&names);
    }

    /// A hash that cannot tell two names apart is reported with those names, at once, however
    /// many other names there are.
    #[test]
    fn a_hopeless_hash_names_the_names_quickly() {
        let started = std::time::Instant::now();
        let error = build_with(65_536, |seed| {
            let mut hashes: Vec<u64> = (0..65_536u64)
                .map(|i| name_hash(&i.to_le_bytes(), seed))
                .collect();
            hashes[40_000] = hashes[7];
            hashes
        })
        .unwrap_err();
        assert_eq!(error.colliding, [(7, 40_000)]);
        assert!(
            started.elapsed().as_secs_f64() < 5.0,
            "{:?}",
            started.elapsed()
        );
    }

    #[test]
    fn equal_names_are_reported_as_a_pair() {
        let error = build(&["Same", "Other", "Same"]).unwrap_err();
        assert_eq!(error.colliding, [(0, 2)]);
    }

    #[test]
    fn short_and_empty_names_hash() {
        for name in [
            "",
            "A",
            "Ab",
            "Abc",
            "Abcd",
            "Abcdefg",
            "Abcdefgh",
            "Abcdefghi",
        ] {
            let _ = name_hash(name.as_bytes(), 1);
        }
        let table = build(&["A", "B", "Ab", "Abc"]).unwrap();
        assert_eq!(table.slots.iter().flatten().count(), 4);
    }
}
