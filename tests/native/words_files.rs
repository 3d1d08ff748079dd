//! The words files the release build reads (`ui::words::files`): generated
//! from the `Key` table, so they cannot drift from it. The first test
//! rewrites `pwa/words/<lang>.json` and fails when they differed (the next
//! run passes: commit them); the others prove that reading a file gives back
//! every word, and that a file that is not this table's words is refused
//! whole.

use std::fs;
use std::path::Path;
use ventanilla::domain::Lang;
use ventanilla::ui::words::files::{decode, encode, Refused, MAX_FILE_BYTES, MAX_WORD_BYTES};
use ventanilla::ui::words::{t, ALL_KEYS, KEYS_FINGERPRINT};

const LANGS: [Lang; 2] = [Lang::Es, Lang::En];

#[test]
fn the_words_files_are_generated_from_the_key_table() {
    let mut stale = Vec::new();
    for lang in LANGS {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("pwa/words")
            .join(format!("{}.json", lang.code()));
        let want = encode(lang);
        if fs::read_to_string(&path).unwrap_or_default() != want {
            fs::create_dir_all(path.parent().expect("pwa/words")).expect("pwa/words is writable");
            fs::write(&path, &want).expect("the words file is writable");
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "{} were out of date and have been rewritten: run the tests again and commit them",
        stale.join(", ")
    );
}

#[test]
fn a_words_file_reads_back_every_word_of_its_language() {
    for lang in LANGS {
        let words = decode(&encode(lang), lang).expect("its own file reads");
        assert_eq!(words.len(), ALL_KEYS.len());
        for (i, key) in ALL_KEYS.iter().enumerate() {
            assert_eq!(words[i], t(lang, *key), "{key:?} in {}", lang.code());
            // The release build finds a key's words at its index.
            assert_eq!(*key as usize, i, "{key:?} is not at its index");
        }
    }
}

/// A file with these fields (the real one's words unless given).
fn file(lang: &str, keys: &str, words: &[String]) -> String {
    serde_json::json!({ "lang": lang, "keys": keys, "words": words }).to_string()
}

#[test]
fn a_words_file_that_is_not_this_tables_words_is_refused() {
    let keys = format!("{KEYS_FINGERPRINT:016x}");
    let real = decode(&encode(Lang::En), Lang::En).expect("reads");
    assert!(decode(&file("en", &keys, &real), Lang::En).is_ok());

    // The other language's file, or a file for another version's table.
    assert_eq!(
        decode(&file("en", &keys, &real), Lang::Es),
        Err(Refused::OtherLanguage)
    );
    assert_eq!(
        decode(&file("en", "0000000000000000", &real), Lang::En),
        Err(Refused::OtherTable)
    );
    // A word missing, or one too many: indexes would shift.
    assert_eq!(
        decode(&file("en", &keys, &real[1..]), Lang::En),
        Err(Refused::WrongCount {
            found: real.len() - 1
        })
    );
    let mut more = real.clone();
    more.push("extra".into());
    assert_eq!(
        decode(&file("en", &keys, &more), Lang::En),
        Err(Refused::WrongCount {
            found: real.len() + 1
        })
    );
    // A word far longer than any the app has.
    let mut long = real.clone();
    long[3] = "x".repeat(MAX_WORD_BYTES + 1);
    assert_eq!(
        decode(&file("en", &keys, &long), Lang::En),
        Err(Refused::WordTooLong { index: 3 })
    );
    // Not a words file at all: a server's error page, JSON of another shape,
    // an unknown field, a number where a word goes.
    for text in [
        "<!doctype html><p>Not found</p>",
        "[]",
        "{}",
        &format!("{{\"lang\":\"en\",\"keys\":\"{keys}\",\"words\":[],\"extra\":1}}"),
        &format!("{{\"lang\":\"en\",\"keys\":\"{keys}\",\"words\":[1]}}"),
    ] {
        assert_eq!(decode(text, Lang::En), Err(Refused::NotWords), "{text}");
    }
    // Too big to read at all, whatever it holds.
    let huge = format!(
        "{{\"lang\":\"en\",\"pad\":\"{}\"}}",
        " ".repeat(MAX_FILE_BYTES)
    );
    assert_eq!(decode(&huge, Lang::En), Err(Refused::TooBig));
}
