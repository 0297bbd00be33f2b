//! Setting an input from its text form: the one place a value is checked
//! against its key's range.

use crate::base::month::YearMonth;
use crate::base::text::Lang;
use crate::input::error::InputError;
use crate::input::key::{Allowed, Key, Measurement, Slot};
use crate::input::measured;
use crate::input::names::Name;
use crate::input::number::{parse_decimal, plain_number};
use crate::input::scenario::{Defaults, Scenario};
use crate::source::hardware::Host;

impl Scenario {
    /// Whether `key` means something for this scenario: the custom host's
    /// keys only with `host=custom`. A key that does not is left out of links.
    pub fn uses(&self, key: Key) -> bool {
        !matches!(key, Key::Hcpu | Key::Hmem | Key::Hdisk) || self.host == Host::Custom
    }

    /// Sets one input from its text form. On refusal the scenario is unchanged.
    pub fn set(&mut self, key: Key, raw: &str) -> Result<(), InputError> {
        let spec = key.spec();
        let refuse = || InputError::new(key, raw);
        let value = raw.trim();
        if value.is_empty() && spec.optional {
            self.clear(key);
            return Ok(());
        }
        let number = || -> Result<f64, InputError> {
            let Allowed::Number {
                min,
                min_exclusive,
                max,
            } = spec.allowed
            else {
                return Err(refuse());
            };
            let n = parse_decimal(&plain_number(value, self.lang)).ok_or_else(refuse)?;
            let above_min = if min_exclusive { n > min } else { n >= min };
            if !n.is_finite() || !above_min || max.is_some_and(|max| n > max) {
                return Err(refuse());
            }
            Ok(n)
        };
        let integer = || -> Result<u32, InputError> {
            let Allowed::Integer { min, max } = spec.allowed else {
                return Err(refuse());
            };
            let n: u64 = plain_number(value, self.lang)
                .parse()
                .map_err(|_| refuse())?;
            if n < min || n > max {
                return Err(refuse());
            }
            u32::try_from(n).map_err(|_| refuse())
        };
        match spec.slot {
            Slot::Count(_, field, _) => *field(self) = integer()?,
            Slot::OptionalCount(_, field) => *field(self) = Some(integer()?),
            // + 0.0 turns -0 into 0, so a link never carries `growth=-0`.
            Slot::Number(_, field, _) => *field(self) = number()? + 0.0,
            Slot::OptionalNumber(_, field) => *field(self) = Some(number()? + 0.0),
            Slot::Host => self.host = Host::from_code(value).ok_or_else(refuse)?,
            Slot::Lang => self.lang = Lang::from_code(value).ok_or_else(refuse)?,
            Slot::Month => {
                self.start = YearMonth::parse(value)
                    .filter(|month| *month <= YearMonth::LAST_START)
                    .ok_or_else(refuse)?
            }
            Slot::Name(_, field) => *field(self) = Name::parse(value).ok_or_else(refuse)?,
            Slot::Measured(Measurement::Containers) => {
                self.measured.containers = measured::parse_containers(value).ok_or_else(refuse)?
            }
            Slot::Measured(Measurement::LoadTest) => {
                self.measured.load_test = Some(measured::parse_load_test(value).ok_or_else(refuse)?)
            }
            Slot::Measured(Measurement::Usl) => {
                self.measured.usl = Some(measured::parse_usl(value).ok_or_else(refuse)?)
            }
        }
        Ok(())
    }

    /// The input's text form, or `None` when it is absent (an optional input).
    pub fn value(&self, key: Key) -> Option<String> {
        match key.spec().slot {
            Slot::Count(field, _, _) => Some(field(self).to_string()),
            Slot::OptionalCount(field, _) => field(self).map(|n| n.to_string()),
            Slot::Number(field, _, _) => Some(field(self).to_string()),
            Slot::OptionalNumber(field, _) => field(self).map(|n| n.to_string()),
            Slot::Host => Some(self.host.code().to_owned()),
            Slot::Lang => Some(self.lang.code().to_owned()),
            Slot::Month => Some(self.start.to_string()),
            Slot::Name(field, _) => Some(field(self).to_string()),
            Slot::Measured(Measurement::Containers) => (!self.measured.containers.is_empty())
                .then(|| measured::write_containers(&self.measured.containers)),
            Slot::Measured(Measurement::LoadTest) => self
                .measured
                .load_test
                .as_ref()
                .map(measured::write_load_test),
            Slot::Measured(Measurement::Usl) => self.measured.usl.as_ref().map(measured::write_usl),
        }
    }

    /// Whether the input equals its default, and so stays out of a link.
    pub fn is_default(&self, key: Key, defaults: Defaults) -> bool {
        self.value(key) == Scenario::new(defaults).value(key)
    }

    /// A copy in which every out-of-range value is back to its default, with
    /// one error per value replaced. Fields are public, so a plan cannot
    /// assume they were set through [`Scenario::set`]. Whether `pgconn` fits
    /// its container is the settings' question (`refuse_unfit_connections`).
    pub fn sanitized(&self) -> (Scenario, Vec<InputError>) {
        let mut clean = self.clone();
        let mut errors = Vec::new();
        for key in Key::ALL {
            if let Some(value) = self.value(key) {
                if let Err(error) = clean.set(key, &value) {
                    clean.reset(key);
                    errors.push(error);
                }
            }
        }
        (clean, errors)
    }

    /// Puts a numeric input back to its default. Text inputs (`host`, `lang`,
    /// `start`, names) cannot hold a refused value, so they are left alone.
    fn reset(&mut self, key: Key) {
        match key.spec().slot {
            Slot::Count(_, field, default) => *field(self) = default,
            Slot::Number(_, field, default) => *field(self) = default,
            _ => self.clear(key),
        }
    }

    /// Empties an optional input.
    fn clear(&mut self, key: Key) {
        match key.spec().slot {
            Slot::OptionalCount(_, field) => *field(self) = None,
            Slot::OptionalNumber(_, field) => *field(self) = None,
            Slot::Measured(Measurement::Containers) => self.measured.containers.clear(),
            Slot::Measured(Measurement::LoadTest) => self.measured.load_test = None,
            Slot::Measured(Measurement::Usl) => self.measured.usl = None,
            _ => {}
        }
    }
}

impl Scenario {
    /// Which measurement an input came from: `docker stats` for `cpu` and
    /// `ram`, the load test's tool for `svc` and `cs2`; `None` for an input
    /// the user typed (the servers a fit implies are the model's, never
    /// written over `par`).
    pub fn measured_by(&self, key: Key) -> Option<&'static str> {
        let m = &self.measured;
        match key {
            Key::Cpu | Key::Ram if !m.containers.is_empty() => Some("docker stats"),
            Key::Svc | Key::Cs2 => m.load_test.map(|t| t.generator.label()),
            _ => None,
        }
    }

    /// The inputs the measurements set, which clearing them empties.
    pub fn measured_keys(&self) -> Vec<Key> {
        [
            Key::Ds,
            Key::Lt,
            Key::Usl,
            Key::Cpu,
            Key::Ram,
            Key::Svc,
            Key::Cs2,
        ]
        .into_iter()
        .filter(|k| matches!(k, Key::Ds | Key::Lt | Key::Usl) || self.measured_by(*k).is_some())
        .collect()
    }
}
