//! Tells other tabs of this app about every change to the records: a saved
//! action, and records that arrived by an import or a hub pull, so they
//! show each other's work at once (BroadcastChannel delivers within
//! milliseconds).

use crate::sync::stored::ChangedRecord;
use crate::sync::Action;
use serde::{Deserialize, Serialize};

/// More changed records than this are not sent: the other tabs re-read
/// the store instead (an import of a whole snapshot can be 100,000).
pub const MAX_NEWS_RECORDS: usize = 1_000;

/// What one tab tells the others.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum News {
    /// A saved action (its stamps move their clocks forward) and the
    /// changed records' new values.
    Saved {
        action: Action,
        changed: Vec<ChangedRecord>,
    },
    /// Records changed by an import or a hub pull, with their new values.
    Arrived { changed: Vec<ChangedRecord> },
    /// Too many records changed to send: read every record again.
    ReloadAll,
}

impl News {
    /// The news about records that arrived (import, pull); None when
    /// nothing changed.
    pub fn arrived(changed: &[ChangedRecord]) -> Option<News> {
        match changed.len() {
            0 => None,
            n if n > MAX_NEWS_RECORDS => Some(News::ReloadAll),
            _ => Some(News::Arrived {
                changed: changed.to_vec(),
            }),
        }
    }
}

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{BroadcastChannel, MessageEvent};

pub const CHANNEL: &str = "ventanilla";

pub struct Tabs {
    channel: Option<BroadcastChannel>,
    _listener: Option<Closure<dyn FnMut(MessageEvent)>>,
}

impl Tabs {
    /// Listens for other tabs' news. Without BroadcastChannel (very old
    /// browsers) tabs simply see each other's data on the next reload.
    pub fn new(name: &str, on_news: impl Fn(News) + 'static) -> Tabs {
        let Ok(channel) = BroadcastChannel::new(name) else {
            return Tabs {
                channel: None,
                _listener: None,
            };
        };
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let parsed = e
                .data()
                .as_string()
                .and_then(|t| serde_json::from_str::<News>(&t).ok());
            if let Some(news) = parsed {
                on_news(news);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Tabs {
            channel: Some(channel),
            _listener: Some(listener),
        }
    }

    pub fn announce(&self, news: &News) {
        if let (Some(ch), Ok(text)) = (&self.channel, serde_json::to_string(news)) {
            let _ = ch.post_message(&JsValue::from_str(&text));
        }
    }
}

impl Drop for Tabs {
    fn drop(&mut self) {
        if let Some(ch) = &self.channel {
            ch.set_onmessage(None);
            ch.close();
        }
    }
}
