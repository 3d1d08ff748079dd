//! How the hub sync stands, as the shell's status line and the Sync page
//! show it. Plain data: the app context holds it, `shell::hub_sync` fills it.

/// What the shell shows about the hub.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HubStatus {
    pub running: bool,
    /// When the last sync finished without error (RFC 3339).
    pub last_sync: Option<String>,
    /// The last failure in plain words; cleared by the next success.
    pub last_error: Option<String>,
    /// The last outcome ("2 sent, 5 received").
    pub last_result: Option<String>,
    /// Syncs finished since the page opened (tests wait on it).
    pub finished: u32,
}
