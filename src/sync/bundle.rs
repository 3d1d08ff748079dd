//! Bundles: the sync unit (being written).
