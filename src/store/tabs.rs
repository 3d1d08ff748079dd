//! Tells other tabs of this app about every saved action, so they show each
//! other's writes at once (BroadcastChannel delivers within milliseconds).

use crate::sync::Action;
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
    pub fn new(name: &str, on_action: impl Fn(Action) + 'static) -> Tabs {
        let Ok(channel) = BroadcastChannel::new(name) else {
            return Tabs { channel: None, _listener: None };
        };
        let listener = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
            let parsed = e.data().as_string().and_then(|t| serde_json::from_str::<Action>(&t).ok());
            if let Some(action) = parsed {
                on_action(action);
            }
        });
        channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        Tabs { channel: Some(channel), _listener: Some(listener) }
    }

    pub fn announce(&self, action: &Action) {
        if let (Some(ch), Ok(text)) = (&self.channel, serde_json::to_string(action)) {
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
