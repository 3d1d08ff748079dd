//! The app's state, shared through context as a `Copy` handle of signals.
//!
//! Records are plain data: the replica (in the store) is the truth, the
//! `Model` signal is its typed view, refreshed record by record whenever an
//! action is saved here or announced by another tab.

use crate::domain::customer::SearchIndex;
use crate::domain::history::TraceBatch;
use crate::domain::model::LaterReader;
use crate::domain::{Lang, Model};
use crate::store::lost::Lost;
use crate::store::records::Store;
use crate::store::settings::{self, Theme};
use crate::store::tabs::{News, Tabs, CHANNEL};
use crate::store::{platform, StoreError};
use crate::sync::stored::ChangedRecord;
use crate::sync::{RecordId, Replica, Write};
use crate::ui::words::{refusal, t, Key};
use leptos::prelude::*;
use std::cell::RefCell;
use std::rc::Rc;

/// What lives outside signals: the database handle and the replica (its
/// clock and sequence; the records themselves live in IndexedDB and, typed,
/// in the `model` signal).
pub struct Core {
    pub store: Store,
    pub replica: RefCell<Replica>,
    pub tabs: RefCell<Option<Tabs>>,
}

#[derive(Clone, Copy)]
pub struct Ctx {
    pub core: StoredValue<Option<Rc<Core>>, LocalStorage>,
    pub model: RwSignal<Model>,
    pub search: RwSignal<SearchIndex>,
    /// While the search index is made a slice at a time
    /// (`shell::search_build`): the customers changed meanwhile.
    pub search_changes: StoredValue<Option<Vec<RecordId>>>,
    pub lang: RwSignal<Lang>,
    pub theme: RwSignal<Theme>,
    pub me: RwSignal<Option<RecordId>>,
    pub phase: RwSignal<Phase>,
    /// The last save failure, in plain words; cleared by the next success.
    pub save_error: RwSignal<Option<String>>,
    /// A short confirmation ("Saved") shown politely to screen readers too.
    pub toast: RwSignal<Option<String>>,
    /// Online from evidence (`shell::connectivity`), not `navigator.onLine`.
    pub online: RwSignal<bool>,
    /// Set when IndexedDB came back empty although this browser had data;
    /// kept (across reloads) until the device has an organisation again.
    pub evicted: RwSignal<bool>,
    /// Set when the database went away under this tab: it must reload.
    pub lost: RwSignal<Option<Lost>>,
    /// Changes only on this device, and the last copy of each kind.
    pub backup: RwSignal<crate::store::outbox::BackupStatus>,
    /// How the hub sync stands (shown in the shell).
    pub hub: RwSignal<crate::ui::shell::hub_status::HubStatus>,
    /// Whether the model reads the `later` kinds (`shell::later`); their
    /// areas and Today's sections wait for it.
    pub later_ready: RwSignal<bool>,
    /// Their reader, once fetched: a model made again reads them at once.
    pub later_reader: StoredValue<Option<LaterReader>>,
    /// Whether the closed history is read (`shell::history`).
    pub history: RwSignal<History>,
}

/// How far this tab has read the closed history (`shell::history`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum History {
    NotRead,
    Reading,
    Read,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Phase {
    Loading,
    Ready,
    Failed(String),
    /// The release build's words file could not be loaded or was refused
    /// (`words::files`): the app has nothing to say anything with.
    NoWords(String),
}

impl Ctx {
    pub fn new() -> Ctx {
        let lang = settings::lang().unwrap_or_else(browser_lang);
        let theme = settings::theme().unwrap_or_else(browser_theme);
        Ctx {
            core: StoredValue::new_local(None),
            model: RwSignal::new(Model::default()),
            search: RwSignal::new(SearchIndex::default()),
            search_changes: StoredValue::new(None),
            lang: RwSignal::new(lang),
            theme: RwSignal::new(theme),
            me: RwSignal::new(settings::me()),
            phase: RwSignal::new(Phase::Loading),
            save_error: RwSignal::new(None),
            toast: RwSignal::new(None),
            online: RwSignal::new(platform::online_hint()),
            evicted: RwSignal::new(false),
            lost: RwSignal::new(None),
            backup: RwSignal::new(Default::default()),
            hub: RwSignal::new(Default::default()),
            later_ready: RwSignal::new(Model::default().later_ready()),
            later_reader: StoredValue::new(None),
            history: RwSignal::new(History::NotRead),
        }
    }

    /// A string in the current language, tracked: views re-render on a switch.
    pub fn tr(&self, key: Key) -> &'static str {
        t(self.lang.get(), key)
    }

    /// The same, for event handlers and async code (no reactive tracking).
    pub fn tr_now(&self, key: Key) -> &'static str {
        t(self.lang.get_untracked(), key)
    }

    /// Opens the database, loads every record, and starts listening to tabs.
    pub async fn start(self) {
        #[cfg(feature = "split")]
        if let Err(why) = crate::ui::words::files::load(self.lang.get_untracked()).await {
            web_sys::console::warn_1(&why.clone().into());
            return self.phase.set(Phase::NoWords(why));
        }
        let store = match Store::open().await {
            Ok(s) => s,
            Err(e) => {
                // A newer version holds the database: the shell's banner
                // says so and offers a reload.
                if let StoreError::Lost(why) = e {
                    self.lost.set(Some(why));
                }
                return self.phase.set(Phase::Failed(e.to_string()));
            }
        };
        let loaded = match store.load(platform::new_device_id).await {
            Ok(l) => l,
            Err(e) => return self.phase.set(Phase::Failed(e.to_string())),
        };
        let device = loaded.replica.device().to_string();
        if loaded.new_device && settings::device_seen().is_some() {
            settings::set_evicted(true);
        }
        settings::set_device_seen(&device);
        let lost = self.lost;
        store.on_lost(move |why| {
            lost.try_set(Some(why));
        });
        // A record (or a whole row) an older version stored unreadable is
        // left out and reported: the rest of the app works as usual.
        let mut model = self.new_model();
        let mut skipped = Vec::new();
        let mut traces = TraceBatch::default();
        let read = store.each_view_row(|row| match model.read_view_row(row, &mut traces) {
            Ok(read) => skipped.extend(read.skipped),
            Err(e) => skipped.push(format!("a stored row: {e}")),
        });
        if let Err(e) = read.await {
            return self.phase.set(Phase::Failed(e.to_string()));
        }
        model.add_traces(traces);
        self.report_skipped(&skipped);
        // Said on every start until the device holds an organisation again
        // (an import, a join, or a new one), the first-run page included.
        if model.org.is_some() {
            settings::set_evicted(false);
        } else if settings::evicted() {
            self.evicted.set(true);
        }
        let core = Rc::new(Core {
            store,
            replica: RefCell::new(loaded.replica),
            tabs: RefCell::new(None),
        });
        let tabs = Tabs::new(CHANNEL, move |news| self.receive_from_tab(news));
        *core.tabs.borrow_mut() = Some(tabs);
        self.core.set_value(Some(core));
        if self
            .me
            .get_untracked()
            .is_some_and(|me| !model.staff.contains_key(&me))
        {
            self.me.set(None);
        }
        self.model.set(model);
        self.phase.set(Phase::Ready);
        self.refresh_backup();
        // Today does not search: the index is made after the first paint.
        self.build_search_in_slices();
        leptos::task::spawn_local(async {
            platform::request_persistence().await;
        });
    }

    /// Stored records left out as unreadable (at start, or when the
    /// `later` kinds are read): named in the console, and the person told
    /// that some could not be read.
    pub fn report_skipped(&self, skipped: &[String]) {
        if skipped.is_empty() {
            return;
        }
        let detail = format!("stored records left out: {}", skipped.join("; "));
        web_sys::console::warn_1(&detail.into());
        self.save_error
            .set(Some(self.tr_now(Key::StoredSkipped).into()));
    }

    /// An empty model for records read again from the store (another tab
    /// changed too many, the benchmark's bulk write): it reads the `later`
    /// kinds at once when their reader is already here.
    fn new_model(&self) -> Model {
        let mut model = Model::default();
        if let Some(reader) = self.later_reader.get_value() {
            model.install_later(reader);
        }
        model
    }

    /// The database and replica, once started (sync needs both).
    pub fn replica(&self) -> Option<Rc<Core>> {
        self.core()
    }

    /// Re-reads the backup status the shell shows (after saves and exports).
    pub fn refresh_backup(&self) {
        let Some(store) = self.store() else { return };
        let backup = self.backup;
        leptos::task::spawn_local(async move {
            if let Ok(status) = store.backup_status().await {
                backup.set(status);
            }
        });
    }

    /// Shows records changed outside `save` (an import, a hub pull) here
    /// and in the other open tabs.
    pub fn apply_changed(&self, changed: &[ChangedRecord]) {
        self.refresh(changed);
        if let Some(news) = News::arrived(changed) {
            self.announce(&news);
        }
        self.refresh_backup();
    }

    fn announce(&self, news: &News) {
        if let Some(core) = self.core() {
            if let Some(tabs) = core.tabs.borrow().as_ref() {
                tabs.announce(news);
            }
        }
    }

    fn core(&self) -> Option<Rc<Core>> {
        self.core.get_value()
    }

    /// Saves one user action's writes (screens act through `Ctx::act`,
    /// which calls this). On failure the message is shown in the shell,
    /// nothing is stored, and the caller keeps the user's input on screen.
    pub async fn save(&self, writes: Vec<Write>) -> Result<(), String> {
        let Some(core) = self.core() else {
            return Err(self.tr_now(Key::NotReady).into());
        };
        self.check_writes(&writes)?;
        match core
            .store
            .commit(&core.replica, writes, platform::now_ms())
            .await
        {
            Ok((action, changed)) => {
                self.refresh(&changed);
                self.announce(&News::Saved { action, changed });
                self.save_error.set(None);
                self.refresh_backup();
                Ok(())
            }
            Err(e) => {
                let msg = self.store_error_text(&e);
                self.save_error.set(Some(msg.clone()));
                Err(msg)
            }
        }
    }

    /// The limits every device's imports apply (domain::schema): nothing
    /// is saved here that another device would refuse.
    fn check_writes(&self, writes: &[Write]) -> Result<(), String> {
        crate::domain::schema::check_writes(writes).map_err(|e| {
            let msg = refusal(self.lang.get_untracked(), &e);
            self.save_error.set(Some(msg.clone()));
            msg
        })
    }

    /// A failed save in plain words (what was typed stays on screen).
    pub fn store_error_text(&self, e: &StoreError) -> String {
        self.store_error_for(StoreOp::Save, e)
    }

    /// A storage failure in plain words for what was being done, with what
    /// to do about it. A lost database always says "reload", never "try again".
    pub fn store_error_for(&self, op: StoreOp, e: &StoreError) -> String {
        let lost = match e {
            StoreError::Lost(why) => Some(*why),
            _ => self.lost.get_untracked(),
        };
        if let Some(why) = lost {
            return self.tr_now(lost_key(why)).into();
        }
        let key = match (op, e) {
            (StoreOp::Save, StoreError::Quota) => Key::QuotaError,
            (StoreOp::Save, _) => Key::SaveFailed,
            (StoreOp::Export, StoreError::Quota) => Key::ExportQuota,
            (StoreOp::Export, _) => Key::ExportFailed,
            (StoreOp::Import, StoreError::Quota) => Key::ImportQuota,
            (StoreOp::Import, _) => Key::ImportFailed,
        };
        match e {
            StoreError::Idb(detail) | StoreError::Corrupt(detail) => {
                format!("{} ({detail})", self.tr_now(key))
            }
            StoreError::Quota | StoreError::Lost(_) => self.tr_now(key).into(),
        }
    }

    fn refresh(&self, changed: &[ChangedRecord]) {
        if changed.is_empty() {
            return;
        }
        let customer_kind =
            <crate::domain::customer::Customer as crate::domain::base::record::Record>::KIND;
        self.model.update(|m| {
            for (kind, id, json) in changed {
                m.refresh(kind, *id, json.as_ref());
            }
        });
        // One row per changed customer, not a rebuild of all twenty thousand.
        let customers = || {
            changed
                .iter()
                .filter(|(k, _, _)| k == customer_kind)
                .map(|(_, id, _)| *id)
        };
        self.note_search_changes(customers());
        self.model.with_untracked(|m| {
            self.search
                .update(|idx| idx.update_many(customers().map(|id| (id, m.customers.get(&id)))))
        });
    }

    fn receive_from_tab(&self, news: News) {
        let Some(core) = self.core() else { return };
        match news {
            News::Saved { action, changed } => {
                // Same device: its stamps only move this tab's clock forward.
                if let Some(max) = action.ops.iter().map(|o| o.stamp).max() {
                    core.replica.borrow_mut().clock.observe(&max);
                }
                self.refresh(&changed);
            }
            // The importing tab stored its clock with the records; this
            // tab joins the stored clock before its next stamp.
            News::Arrived { changed } => self.refresh(&changed),
            News::ReloadAll => self.reload_records(),
        }
        self.refresh_backup();
    }

    /// Reads every record again from the store (another tab changed too
    /// many to send). A row that cannot be read leaves the records shown.
    fn reload_records(&self) {
        let Some(store) = self.store() else { return };
        let (model, ctx) = (self.model, *self);
        leptos::task::spawn_local(async move {
            // All or nothing: a row that does not read keeps the model as it was.
            let mut fresh = ctx.new_model();
            let mut whole = true;
            let mut traces = TraceBatch::default();
            let read = store.each_view_row(|row| {
                whole &= fresh.read_view_row(row, &mut traces).is_ok();
            });
            if read.await.is_err() || !whole {
                return;
            }
            fresh.add_traces(traces);
            // The history too, when this tab had read it.
            if ctx.history.get_untracked() != History::NotRead {
                let read =
                    store.each_history_row(|row| whole &= fresh.read_history_row(row).is_ok());
                if read.await.is_err() || !whole {
                    return;
                }
            }
            ctx.set_search(SearchIndex::build(&fresh));
            model.try_set(fresh);
        });
    }

    /// Applies a large batch of writes with one rewrite of storage (the
    /// benchmark generator), instead of one transaction per record.
    pub async fn bulk_write(&self, writes: Vec<Write>) -> Result<(), String> {
        let Some(core) = self.core() else {
            return Err(self.tr_now(Key::NotReady).into());
        };
        self.check_writes(&writes)?;
        let state = core
            .store
            .load_state()
            .await
            .map_err(|e| self.store_error_text(&e))?;
        let mut bulk = core.replica.borrow().clone();
        bulk.state = state;
        bulk.commit(writes, platform::now_ms());
        match core.store.write_everything(&bulk).await {
            Ok(()) => {
                let mut model = self.new_model();
                for (kind, id, entity) in bulk.state.iter() {
                    model.refresh(kind, id, Some(&entity.to_json()));
                }
                bulk.state = Default::default();
                *core.replica.borrow_mut() = bulk;
                self.set_search(SearchIndex::build(&model));
                self.model.set(model);
                // Built from every record: the history is in.
                self.history.set(History::Read);
                self.announce(&News::ReloadAll);
                Ok(())
            }
            Err(e) => {
                let msg = self.store_error_text(&e);
                self.save_error.set(Some(msg.clone()));
                Err(msg)
            }
        }
    }

    /// Switches the language; in the release build, once its words file
    /// is here (fetched the first time; the worker keeps it for offline).
    pub fn set_lang(&self, lang: Lang) {
        #[cfg(feature = "split")]
        if !crate::ui::words::files::ready(lang) {
            let ctx = *self;
            leptos::task::spawn_local(async move {
                match crate::ui::words::files::load(lang).await {
                    Ok(()) => ctx.show_lang(lang),
                    Err(why) => {
                        web_sys::console::warn_1(&why.into());
                        ctx.save_error
                            .set(Some(ctx.tr_now(Key::LanguageMissing).into()));
                    }
                }
            });
            return;
        }
        self.show_lang(lang);
    }

    fn show_lang(&self, lang: Lang) {
        settings::set_lang(lang);
        self.lang.set(lang);
    }

    pub fn set_theme(&self, theme: Theme) {
        settings::set_theme(theme);
        self.theme.set(theme);
    }

    pub fn set_me(&self, id: Option<RecordId>) {
        settings::set_me(id);
        self.me.set(id);
    }

    /// The current person's staff record (untracked: for event handlers).
    pub fn me_staff(&self) -> Option<crate::domain::staff::Staff> {
        let me = self.me.get_untracked()?;
        self.model.with_untracked(|m| m.staff.get(&me).cloned())
    }

    pub fn new_id(&self) -> RecordId {
        platform::new_record_id()
    }

    pub fn device(&self) -> Option<String> {
        self.core().map(|c| c.replica.borrow().device().to_string())
    }

    pub fn store(&self) -> Option<Store> {
        self.core().map(|c| c.store.clone())
    }
}

/// What a storage failure interrupted (the message differs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreOp {
    Save,
    Export,
    Import,
}

fn lost_key(why: Lost) -> Key {
    match why {
        Lost::Deleted => Key::StoreDeleted,
        Lost::Upgraded => Key::StoreUpgraded,
        Lost::Closed => Key::StoreClosed,
    }
}

/// The plain words for a lost database (the shell's banner).
pub fn lost_text(lang: crate::domain::Lang, why: Lost) -> &'static str {
    t(lang, lost_key(why))
}

impl Default for Ctx {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

fn browser_lang() -> Lang {
    let code = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    if code.starts_with("en") {
        Lang::En
    } else {
        Lang::Es
    }
}

fn browser_theme() -> Theme {
    let dark = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches());
    if dark {
        Theme::Dark
    } else {
        Theme::Light
    }
}
