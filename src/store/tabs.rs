//! Tells other tabs of this app about every saved action, so they show each
//! other's writes at once (BroadcastChannel delivers within milliseconds).

use crate::sync::stored::ChangedRecord;
use crate::sync::Action;
use serde::{Deserialize, Serialize};

/// What one tab tells the others after a save: the action (its stamps move
/// their clocks forward) and the changed records' new values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct News {
    pub action: Action,
    pub changed: Vec<ChangedRecord>,
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
    /// Listens for other tabs' actions. Without BroadcastChannel (very old
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
