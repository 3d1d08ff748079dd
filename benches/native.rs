//! Native figures for the pure core (`cargo bench --bench native`): the
//! same work the browser does at start-up and on a save, without the
//! browser, to see where the time goes. Prints figures; asserts nothing.

use std::time::Instant;
use ventanilla::domain::customer::SearchIndex;
use ventanilla::domain::{demo, Model};
use ventanilla::sync::stored::{decode_bucket_into, encode_all};
use ventanilla::sync::{DeviceId, RecordId, Replica, State};

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let me = RecordId(1);

    let t = Instant::now();
    let writes = demo::large_writes(42, 20_000, 100_000, now, me);
    println!("generate {} writes: {:.0} ms", writes.len(), ms(t));

    let t = Instant::now();
    let mut replica = Replica::new(DeviceId(7));
    replica.commit(writes, 1_795_000_000_000);
    println!(
        "stamp + apply: {:.0} ms ({} records)",
        ms(t),
        replica.state.len()
    );

    let t = Instant::now();
    let buckets = encode_all(&replica.state);
    let bytes: usize = buckets.values().map(|b| b.len()).sum();
    println!(
        "encode {} buckets: {:.0} ms, {:.1} MB, {:.0} bytes/record",
        buckets.len(),
        ms(t),
        bytes as f64 / 1e6,
        bytes as f64 / replica.state.len() as f64
    );

    let t = Instant::now();
    let mut state = State::default();
    for text in buckets.values() {
        decode_bucket_into(text, &mut state).expect("own buckets decode");
    }
    println!("decode (start-up read): {:.0} ms", ms(t));

    let t = Instant::now();
    let mut model = Model::default();
    for (kind, id, e) in state.iter() {
        model.refresh(kind, id, Some(&e.to_json()));
    }
    println!("typed model (start-up): {:.0} ms", ms(t));

    typed_parse_probe(&model);
    sample(&model);

    let t = Instant::now();
    let index = SearchIndex::build(&model);
    println!("search index: {:.0} ms", ms(t));

    let mut times: Vec<f64> = [
        "g", "ga", "gar", "garc", "garci", "garcia", "600", "socio", "perez l",
    ]
    .iter()
    .map(|q| {
        let t = Instant::now();
        std::hint::black_box(index.search(q, 50));
        ms(t)
    })
    .collect();
    times.sort_by(f64::total_cmp);
    println!(
        "search per keystroke: median {:.3} ms, max {:.3} ms",
        times[times.len() / 2],
        times[times.len() - 1]
    );

    let t = Instant::now();
    let today = model.today(me, now);
    println!(
        "today view: {:.1} ms ({} open contacts)",
        ms(t),
        today.open_contacts.len()
    );
}

#[allow(dead_code)]
fn typed_parse_probe(model: &Model) {
    use ventanilla::domain::contact::Contact;
    use ventanilla::domain::customer::Customer;
    let contacts: Vec<(RecordId, &Contact)> = model.contacts.iter().map(|(k, v)| (*k, v)).collect();
    let customers: Vec<(RecordId, &Customer)> =
        model.customers.iter().map(|(k, v)| (*k, v)).collect();
    let a = serde_json::to_string(&contacts).unwrap_or_default();
    let b = serde_json::to_string(&customers).unwrap_or_default();
    let t = Instant::now();
    let pa: Vec<(RecordId, Contact)> = serde_json::from_str(&a).unwrap_or_default();
    let pb: Vec<(RecordId, Customer)> = serde_json::from_str(&b).unwrap_or_default();
    println!(
        "typed parse probe: {:.0} ms for {} + {} records, {:.1} MB",
        ms(t),
        pa.len(),
        pb.len(),
        (a.len() + b.len()) as f64 / 1e6
    );
}

#[allow(dead_code)]
fn sample(model: &Model) {
    if let Some(c) = model.contacts.values().next() {
        println!("{}", serde_json::to_string(c).unwrap_or_default());
    }
    if let Some(c) = model.customers.values().next() {
        println!("{}", serde_json::to_string(c).unwrap_or_default());
    }
}
