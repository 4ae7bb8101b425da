//! Measures raw argon2id verifications per second at our production parameters, on
//! all cores — the ceiling for password logins. Used by `scripts/bench-identity.sh`.
//!
//!     cargo run --release -p server --example argon2_rate -- [seconds]

use argon2::{
    password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Algorithm, Argon2, Params, Version,
};
use std::time::{Duration, Instant};

fn main() {
    let secs: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid parameters");
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params);
    let phc = argon
        .hash_password(b"testpassword", &SaltString::generate(&mut OsRng))
        .expect("hash")
        .to_string();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let deadline = Instant::now() + Duration::from_secs(secs);
    let started = Instant::now();
    let total: u64 = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                let (argon, phc) = (argon.clone(), phc.clone());
                s.spawn(move || {
                    let parsed = PasswordHash::new(&phc).expect("phc");
                    let mut n = 0u64;
                    while Instant::now() < deadline {
                        argon
                            .verify_password(b"testpassword", &parsed)
                            .expect("verifies");
                        n += 1;
                    }
                    n
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap_or(0)).sum()
    });
    let rate = total as f64 / started.elapsed().as_secs_f64();
    println!("argon2id (m=19MiB, t=2, p=1) verifications/s on {threads} threads: {rate:.1}");
}
