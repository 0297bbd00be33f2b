//! Primitives every layer uses: units as types, the decimal parser, the two
//! languages and their number formats.

pub mod decimal;
pub mod month;
pub mod text;
pub mod units;
