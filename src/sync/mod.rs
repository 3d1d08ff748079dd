//! Mergeable records: hybrid logical clock, operations, per-field
//! last-writer-wins state with a conflict list, and the compact stored form.
//!
//! Pure: time and ids come in as arguments.

pub mod backup;
pub mod bundle;
pub mod clock;
pub mod entity;
pub mod hub;
pub mod id;
pub mod join;
pub mod op;
pub mod prune;
pub mod replica;
pub mod splice;
pub mod split;
pub mod state;
pub mod stored;
pub mod summary;

pub use clock::{Clock, ClockError, Stamp, MAX_FUTURE_MS};
pub use entity::{Entity, Field, Loser};
pub use id::{DeviceId, RecordId};
pub use op::{Op, Write};
pub use replica::{Action, Replica};
pub use state::{RecordKey, State};
pub use stored::{bucket_of, BUCKETS, LAYOUT};
