//! The `Key` table as one file per language, for the release build.
//!
//! Both languages' words were about 31 KB gzip of every first load, though a
//! person reads one language, and a changed word moved the address of every
//! later string, so a wording fix changed every piece. The release build
//! (`split`) leaves the table out of the wasm; `pwa/words/<lang>.json`
//! holds it, generated from this source by `tests/native/words_files.rs`
//! (which fails, and rewrites them, when they differ), hashed and listed
//! by `scripts/assemble.mjs`. Start-up loads the person's language before
//! the first screen; the other is loaded when they switch.
//!
//! A words file is untrusted like any download: bounded in size, and refused
//! unless it names this language and this table's keys (`KEYS_FINGERPRINT`)
//! and has one word, of bounded length, per key. Refused, the app says so in
//! both languages (`MISSING`) and stores nothing.

use super::{Lang, ALL_KEYS, KEYS_FINGERPRINT};

/// Far above the real files (about 50 KB each).
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// Far above the longest word (about 700 bytes).
pub const MAX_WORD_BYTES: usize = 4 * 1024;

/// What the app says, in both languages, when its words cannot be loaded:
/// it has no others.
pub const MISSING: [(&str, &str); 2] = [
    ("es", "No se pudieron cargar los textos de Ventanilla. Comprueba la conexión y recarga la página."),
    ("en", "Ventanilla's words could not be loaded. Check the connection and reload the page."),
];

/// FNV-1a over the key names, in order: the same on every build of one table.
pub const fn fingerprint(names: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < names.len() {
        let bytes = names[i].as_bytes();
        let mut j = 0;
        while j < bytes.len() {
            h = (h ^ bytes[j] as u64).wrapping_mul(0x0100_0000_01b3);
            j += 1;
        }
        // A separator, so ["ab", "c"] and ["a", "bc"] differ.
        h = (h ^ 0xff).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    h
}

/// Why a words file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    TooBig,
    NotWords,
    OtherLanguage,
    OtherTable,
    WrongCount { found: usize },
    WordTooLong { index: usize },
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsFile {
    lang: String,
    keys: String,
    words: Vec<String>,
}

/// Reads a words file for `lang`, checking everything before keeping any of it.
pub fn decode(text: &str, lang: Lang) -> Result<Vec<String>, Refused> {
    if text.len() > MAX_FILE_BYTES {
        return Err(Refused::TooBig);
    }
    let file: WordsFile = serde_json::from_str(text).map_err(|_| Refused::NotWords)?;
    if file.lang != lang.code() {
        return Err(Refused::OtherLanguage);
    }
    if file.keys != format!("{KEYS_FINGERPRINT:016x}") {
        return Err(Refused::OtherTable);
    }
    if file.words.len() != ALL_KEYS.len() {
        return Err(Refused::WrongCount {
            found: file.words.len(),
        });
    }
    if let Some(index) = file.words.iter().position(|w| w.len() > MAX_WORD_BYTES) {
        return Err(Refused::WordTooLong { index });
    }
    Ok(file.words)
}

/// The words file of `lang` from this source's table, one word per line.
#[cfg(not(all(feature = "split", target_arch = "wasm32")))]
pub fn encode(lang: Lang) -> String {
    let words: Vec<String> = ALL_KEYS
        .iter()
        .map(|k| serde_json::to_string(super::t(lang, *k)).unwrap_or_default())
        .collect();
    format!(
        "{{\"lang\": \"{}\", \"keys\": \"{KEYS_FINGERPRINT:016x}\", \"words\": [\n{}\n]}}\n",
        lang.code(),
        words.join(",\n")
    )
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
mod loaded {
    use super::*;
    use std::sync::OnceLock;

    /// Each language's words once loaded; a page loads each at most once.
    static TABLES: [OnceLock<Vec<String>>; 2] = [OnceLock::new(), OnceLock::new()];

    fn slot(lang: Lang) -> &'static OnceLock<Vec<String>> {
        &TABLES[match lang {
            Lang::Es => 0,
            Lang::En => 1,
        }]
    }

    pub fn ready(lang: Lang) -> bool {
        slot(lang).get().is_some()
    }

    /// The word at `index` in `lang`, else in the other language (a switch
    /// waits for its file, so this is a safety net), else nothing: never a
    /// panic, never a key's name on screen.
    pub fn word(lang: Lang, index: usize) -> &'static str {
        [lang, lang.other()]
            .into_iter()
            .find_map(|l| slot(l).get().and_then(|t| t.get(index)))
            .map_or("", String::as_str)
    }

    /// Loads `lang`'s words file: the one index.html's start script began
    /// fetching when it is this language's, else fetched here by the name
    /// the start script lists (`window.ventanillaWords`).
    pub async fn load(lang: Lang) -> Result<(), String> {
        use wasm_bindgen::JsCast;
        if ready(lang) {
            return Ok(());
        }
        let window = web_sys::window().ok_or("no window")?;
        let get = |o: &wasm_bindgen::JsValue, k: &str| js_sys::Reflect::get(o, &k.into()).ok();
        let early = get(&window, "ventanillaWordsEarly")
            .filter(|e| get(e, "lang").and_then(|l| l.as_string()).as_deref() == Some(lang.code()))
            .and_then(|e| get(&e, "text"))
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        let early = match early {
            Some(p) => wasm_bindgen_futures::JsFuture::from(p)
                .await
                .ok()
                .and_then(|t| t.as_string()),
            None => None,
        };
        let text = match early {
            Some(text) => text,
            None => {
                let path = get(&window, "ventanillaWords")
                    .and_then(|w| get(&w, lang.code()))
                    .and_then(|p| p.as_string())
                    .ok_or("index.html names no words file")?;
                crate::store::platform::fetch_text(&path, MAX_FILE_BYTES)
                    .await
                    .ok_or("the words file could not be fetched")?
            }
        };
        let words = decode(&text, lang).map_err(|why| format!("words file refused: {why:?}"))?;
        let _ = slot(lang).set(words);
        Ok(())
    }
}

#[cfg(all(feature = "split", target_arch = "wasm32"))]
pub use loaded::{load, ready, word};
