//! Native figures for the pure core (`cargo bench --bench native`): the
//! same work the browser does at start-up and on a save, without the
//! browser, to see where the time goes. Prints figures; asserts nothing.

use std::time::Instant;
use ventanilla::domain::customer::SearchIndex;
use ventanilla::domain::{demo, Model};
use ventanilla::sync::stored::{decode_bucket_into, encode_all, encode_all_views};
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

    let views = encode_all_views(&state);
    let view_bytes: usize = views.values().map(|v| v.len()).sum();
    let t = Instant::now();
    let mut model = Model::default();
    let mut strict = 0;
    for text in views.values() {
        if serde_json::from_str::<serde_json::Value>(text).is_ok() {
            strict += 1;
        }
    }
    let t_json = ms(t);
    let t = Instant::now();
    for text in views.values() {
        model.load_view(text).expect("own views load");
    }
    println!("start-up: parse {} view rows ({:.1} MB) into the typed model: {:.0} ms (plain JSON parse alone: {:.0} ms, {strict} rows)", views.len(), view_bytes as f64 / 1e6, ms(t), t_json);

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

    search_figures(now, me);
    standards_figures(now, me);
    apply_bundle_figures(&replica);
    // The store: 20,000 customers and nothing else.
    let mut customers_only = Replica::new(DeviceId(7));
    customers_only.commit(
        demo::large_writes(42, 20_000, 0, now, me),
        1_795_000_000_000,
    );
    println!("-- store of 20000 customers only:");
    apply_bundle_figures(&customers_only);
}

/// R-CUS-04 at 1x and 5x a branch's customers: building the index, and
/// each keystroke of the browser benchmark's queries with the customer
/// list's limit (none) and the baselines' (50).
fn search_figures(now: chrono::DateTime<chrono::Utc>, me: RecordId) {
    let queries = [
        "garcia",
        "martinez lopez",
        "perez",
        "600",
        "socio",
        "maria jose",
        "fernandez",
        "rodriguez",
    ];
    let keystrokes: Vec<&str> = queries
        .iter()
        .flat_map(|q| q.char_indices().map(|(i, c)| &q[..i + c.len_utf8()]))
        .collect();
    for customers in [20_000, 100_000] {
        let mut replica = Replica::new(DeviceId(7));
        replica.commit(
            demo::large_writes(42, customers, 0, now, me),
            1_795_000_000_000,
        );
        let mut model = Model::default();
        for text in encode_all_views(&replica.state).values() {
            model.load_view(text).expect("own views load");
        }
        let t = Instant::now();
        let index = SearchIndex::build(&model);
        println!(
            "search index over {customers} customers: built in {:.0} ms",
            ms(t)
        );
        for limit in [usize::MAX, 50] {
            let mut timed: Vec<(f64, &str)> = keystrokes
                .iter()
                .map(|q| {
                    let t = Instant::now();
                    std::hint::black_box(index.search(q, limit));
                    (ms(t), *q)
                })
                .collect();
            timed.sort_by(|a, b| a.0.total_cmp(&b.0));
            let times: Vec<f64> = timed.iter().map(|t| t.0).collect();
            let slowest: Vec<&str> = timed.iter().rev().take(3).map(|t| t.1).collect();
            let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
            println!(
                "  {} keystrokes, limit {}: median {:.3} ms, p95 {:.3} ms, max {:.3} ms (slowest {slowest:?})",
                times.len(),
                if limit == usize::MAX {
                    "none".to_string()
                } else {
                    limit.to_string()
                },
                at(0.5),
                at(0.95),
                at(1.0)
            );
        }
    }
}

/// Service standards (R-STD-02) over a year of a branch: 100,000 contacts,
/// 2,000 complaints, 10,000 return visits; every department's standing.
fn standards_figures(now: chrono::DateTime<chrono::Utc>, me: RecordId) {
    use ventanilla::domain::standards;
    let year = demo::branch_year(7, demo::BRANCH_YEAR, now, me);
    let day = year.zone().local_date(now);
    let t = Instant::now();
    let facts = standards::gather(&year, now);
    let t_gather = ms(t);
    let t = Instant::now();
    let all = standards::standing_from(&year, &facts, day);
    let lines: usize = all.iter().map(|s| s.lines.len()).sum();
    println!(
        "standards page (a year of a branch): {:.0} ms ({:.0} ms gathering the cases, {} departments, {lines} standards)",
        t_gather + ms(t),
        t_gather,
        all.len()
    );
    // R-REP-02: the monthly report of the last month over the same year.
    use ventanilla::domain::reports;
    let month = reports::period_of(standards::PeriodKind::Month, day).previous();
    let t = Instant::now();
    let r = reports::period_report(&year, month, now);
    let rows: usize = r.sections.iter().map(|s| s.rows.len()).sum();
    println!(
        "monthly report (a year of a branch, {} to {}): {:.0} ms ({} parts, {rows} rows)",
        month.first,
        month.last,
        ms(t),
        r.sections.len()
    );
}

/// Issue "Sync": a bundle of 100,000 field operations from another device
/// applied to the 20,000-customer state, stage by stage (what the browser
/// does around its one IndexedDB transaction).
fn apply_bundle_figures(replica: &Replica) {
    use ventanilla::sync::bundle;
    let now_ms = 1_795_000_100_000;
    let mut other = Replica::new(DeviceId(99));
    let actions = demo::customer_field_edits(&replica.state, &mut other, 100_000, 1000, now_ms);
    let bundles =
        bundle::make_delta_bundles(DeviceId(99), 1, &actions, "", 1, "2026-11-23T00:00:00Z");
    let texts: Vec<String> = bundles.iter().map(|b| b.to_json()).collect();
    let raw: usize = texts.iter().map(|t| t.len()).sum();
    println!(
        "bundle of 100000 field ops: {} part(s), {:.1} bytes/op raw",
        texts.len(),
        raw as f64 / 100_000.0
    );
    // What the app checks: every value against the domain's limits.
    let schema = ventanilla::domain::schema::RecordSchema;
    let t = Instant::now();
    let contents: Vec<_> = texts
        .iter()
        .map(|t| {
            let b = bundle::parse(t).expect("own bundle parses");
            bundle::decode(&b, &schema).expect("own bundle decodes")
        })
        .collect();
    println!(
        "  parse + verify + decode (values checked): {:.0} ms",
        ms(t)
    );
    let t = Instant::now();
    let buckets = encode_all(&replica.state);
    let mut work = Replica {
        state: State::default(),
        ..replica.clone()
    };
    for text in buckets.values() {
        decode_bucket_into(text, &mut work.state).expect("own buckets decode");
    }
    println!(
        "  decode the touched buckets (all {}): {:.0} ms",
        buckets.len(),
        ms(t)
    );
    let t = Instant::now();
    let mut changed = Vec::new();
    for c in &contents {
        changed.extend(bundle::apply_contents(&mut work, c, now_ms).expect("applies"));
    }
    println!(
        "  apply to the state: {:.0} ms ({} records changed)",
        ms(t),
        changed.len()
    );
    // The screens' model re-reads each changed record from its fields.
    let fields: Vec<_> = changed
        .iter()
        .map(|k| (k, work.state.get(&k.kind, k.id).map(|e| e.to_json())))
        .collect();
    let t = Instant::now();
    let mut model = Model::default();
    for (k, f) in &fields {
        model.refresh(&k.kind, k.id, f.as_ref());
    }
    println!(
        "  re-read the changed records into the typed model: {:.0} ms",
        ms(t)
    );
    let t = Instant::now();
    let touched = encode_all(&work.state);
    let views = encode_all_views(&work.state);
    let bytes: usize = touched
        .values()
        .chain(views.values())
        .map(|t| t.len())
        .sum();
    println!(
        "  re-encode {} touched buckets and views: {:.0} ms ({:.1} MB)",
        touched.len(),
        ms(t),
        bytes as f64 / 1e6
    );
}
