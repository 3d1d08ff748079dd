pub mod dates;
pub mod lang;
pub mod limits;
pub mod record;
pub mod text;
pub mod when;
pub mod zone;
pub mod zones;
