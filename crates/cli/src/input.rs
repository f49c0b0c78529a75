//! Reading a stream: files, standard input (`-`) or gzip (`.gz`, every member, as rotated logs
//! concatenated), in chunks of whole lines that worker threads scan in parallel, merged back in
//! order so each finding keeps its line number. Memory stays flat: a few chunks in flight, and a
//! line longer than the limit is counted malformed while it is skipped, never held whole.

use std::fs::File;
use std::io::{self, BufReader, Read};
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex};
use std::thread;

use flate2::read::MultiGzDecoder;

use crate::scan::{Field, Line, scan};
use crate::tally::{ChunkFindings, Tally};

/// How lines are read and scanned.
#[derive(Debug, Clone)]
pub struct Options {
    pub field: Field,
    /// A line longer than this (without its line break) is malformed.
    pub max_line: usize,
    /// Worker threads.
    pub threads: usize,
}

/// The bytes handed to a worker at a time (at least a longest line more).
const CHUNK: usize = 4 << 20;

/// Opens an input: `-` is standard input; a `.gz` file is decompressed.
pub fn open(path: &str) -> io::Result<Box<dyn Read + Send>> {
    if path == "-" {
        return Ok(Box::new(io::stdin()));
    }
    let file = File::open(path)?;
    if path.ends_with(".gz") {
        Ok(Box::new(MultiGzDecoder::new(BufReader::with_capacity(
            1 << 16,
            file,
        ))))
    } else {
        Ok(Box::new(file))
    }
}

/// What goes to a worker: a chunk of whole lines, or one line too long to keep.
enum Work {
    /// The chunk's index, a buffer, and how many of its bytes are lines.
    Lines(usize, Vec<u8>, usize),
    TooLong(usize),
}

/// Scans every line of `reader` (input number `input`) into `tally`.
pub fn check(
    reader: &mut dyn Read,
    input: usize,
    options: &Options,
    tally: &mut Tally,
) -> io::Result<()> {
    let threads = options.threads.max(1);
    let (work_tx, work_rx) = sync_channel::<Work>(threads * 2);
    let work_rx = Arc::new(Mutex::new(work_rx));
    let (done_tx, done_rx) = channel::<(usize, ChunkFindings)>();
    let (spare_tx, spare_rx) = channel::<Vec<u8>>();
    // The merger adds the findings into `tally` as chunks come back; the workers' counts are
    // added once they are done.
    let merged_into = &mut *tally;
    let (counts, read) = thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                let (work_rx, done_tx, spare_tx) =
                    (Arc::clone(&work_rx), done_tx.clone(), spare_tx.clone());
                scope.spawn(move || worker(&work_rx, &done_tx, &spare_tx, options))
            })
            .collect();
        drop(done_tx);
        let merger = scope.spawn(move || merge(done_rx, input, merged_into));
        let read = read_chunks(reader, options.max_line, &work_tx, &spare_rx);
        drop(work_tx);
        let counts: Vec<Vec<u64>> = (workers.into_iter())
            .map(|worker| worker.join().expect("a worker does not panic"))
            .collect();
        merger.join().expect("the merger does not panic");
        (counts, read)
    });
    read?;
    for worker_counts in counts {
        tally.add_counts(&worker_counts);
    }
    Ok(())
}

/// Reads `reader` into chunks that end at a line break and sends them, in order. Buffers come
/// back from the workers and are reused at their full length, so nothing is zeroed twice.
fn read_chunks(
    reader: &mut dyn Read,
    max_line: usize,
    work: &SyncSender<Work>,
    spare: &Receiver<Vec<u8>>,
) -> io::Result<()> {
    let capacity = CHUNK.max(max_line + 1);
    let mut index = 0;
    let mut carry: Vec<u8> = Vec::new();
    let send = |item: Work| {
        work.send(item)
            .map_err(|_| io::Error::other("workers stopped"))
    };
    loop {
        let mut buffer = spare.try_recv().unwrap_or_default();
        buffer.resize(capacity, 0);
        // The carry is a line begun in the last chunk: at most `max_line` bytes, so it fits.
        buffer[..carry.len()].copy_from_slice(&carry);
        let mut filled = carry.len();
        carry.clear();
        let end_of_input = fill(reader, &mut buffer, &mut filled)?;
        match memchr::memrchr(b'\n', &buffer[..filled]) {
            Some(last) => {
                carry.extend_from_slice(&buffer[last + 1..filled]);
                send(Work::Lines(index, buffer, last + 1))?;
                index += 1;
            }
            None if filled > max_line => {
                send(Work::TooLong(index))?;
                index += 1;
                match skip_line(reader)? {
                    Some(rest) => carry = rest,
                    None => return Ok(()),
                }
                continue;
            }
            // Only at the end of the input: a last line without a line break.
            None => carry.extend_from_slice(&buffer[..filled]),
        }
        if end_of_input {
            if !carry.is_empty() {
                carry.push(b'\n');
                let length = carry.len();
                send(Work::Lines(index, carry, length))?;
            }
            return Ok(());
        }
    }
}

/// Reads into `buffer` after its first `filled` bytes until it is full or the input ends;
/// whether it ended.
fn fill(reader: &mut dyn Read, buffer: &mut [u8], filled: &mut usize) -> io::Result<bool> {
    while *filled < buffer.len() {
        match reader.read(&mut buffer[*filled..]) {
            Ok(0) => return Ok(true),
            Ok(n) => *filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(false)
}

/// Reads past the rest of a line too long to keep: what follows its line break, or `None` when
/// the input ended first.
fn skip_line(reader: &mut dyn Read) -> io::Result<Option<Vec<u8>>> {
    let mut scratch = vec![0; 1 << 16];
    loop {
        let n = match reader.read(&mut scratch) {
            Ok(0) => return Ok(None),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if let Some(end) = memchr::memchr(b'\n', &scratch[..n]) {
            return Ok(Some(scratch[end + 1..n].to_vec()));
        }
    }
}

/// A worker: scans the chunks it is given, counting codes into its own array.
fn worker(
    work: &Mutex<Receiver<Work>>,
    done: &std::sync::mpsc::Sender<(usize, ChunkFindings)>,
    spare: &std::sync::mpsc::Sender<Vec<u8>>,
    options: &Options,
) -> Vec<u64> {
    let mut counts = vec![0u64; 1 << 16];
    loop {
        let item = work.lock().expect("no worker panics").recv();
        let Ok(item) = item else {
            return counts;
        };
        let mut findings = ChunkFindings::default();
        match item {
            Work::TooLong(index) => {
                findings.record(0, Line::Malformed, &mut counts);
                let _ = done.send((index, findings));
            }
            Work::Lines(index, buffer, length) => {
                let chunk = &buffer[..length];
                let mut at = 0;
                for (local, end) in (0..).zip(memchr::memchr_iter(b'\n', chunk)) {
                    let line = &chunk[at..end];
                    let class = if line.len() > options.max_line {
                        Line::Malformed
                    } else {
                        scan(line, &options.field)
                    };
                    findings.record(local, class, &mut counts);
                    at = end + 1;
                }
                let _ = done.send((index, findings));
                let _ = spare.send(buffer);
            }
        }
    }
}

/// Merges the chunks' findings into `tally` in chunk order, numbering the input's lines from 1.
fn merge(done: Receiver<(usize, ChunkFindings)>, input: usize, tally: &mut Tally) {
    let mut pending = std::collections::BTreeMap::new();
    let (mut next, mut lines) = (0, 0);
    for (index, findings) in done {
        pending.insert(index, findings);
        while let Some(findings) = pending.remove(&next) {
            let chunk_lines = findings.lines;
            findings.merge_into(tally, input, lines + 1);
            lines += chunk_lines;
            next += 1;
        }
    }
}
