//! Dates as content writes them: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`.

use std::fmt;

use serde::Deserialize;

/// A calendar date, possibly known only to the month or the year.
/// Orders by year, then month, then day, a missing part sorting first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i16,
    pub month: Option<i8>,
    pub day: Option<i8>,
}

impl Date {
    /// Today's date in UTC.
    pub fn today() -> Date {
        let now = jiff::Zoned::now().with_time_zone(jiff::tz::TimeZone::UTC);
        Date { year: now.year(), month: Some(now.month()), day: Some(now.day()) }
    }

    /// The day after a full date (a partial date is returned as it is): the latest date that is
    /// already "today" somewhere on Earth when it is `self` in UTC.
    pub fn next_day(&self) -> Date {
        let (Some(month), Some(day)) = (self.month, self.day) else { return *self };
        match jiff::civil::Date::new(self.year, month, day).ok().and_then(|d| d.tomorrow().ok()) {
            Some(next) => Date { year: next.year(), month: Some(next.month()), day: Some(next.day()) },
            None => *self,
        }
    }

    /// Whether the year, month and day are all given.
    pub fn is_full(&self) -> bool {
        self.day.is_some()
    }

    /// The first day the date can mean, as YYYY-MM-DD: a year is its 1 January.
    pub fn first_day(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The number of whole years from `self` to `later` (a missing part counts as the first).
    pub fn years_until(&self, later: &Date) -> i32 {
        let key = |d: &Date| (d.month.unwrap_or(1), d.day.unwrap_or(1));
        let years = i32::from(later.year - self.year);
        if key(later) < key(self) { years - 1 } else { years }
    }
}

impl std::str::FromStr for Date {
    type Err = String;

    fn from_str(s: &str) -> Result<Date, String> {
        let bad = || format!("date is `{s}`; expected YYYY-MM-DD, YYYY-MM or YYYY");
        let parts: Vec<&str> = s.split('-').collect();
        let widths_ok = matches!(parts.iter().map(|p| p.len()).collect::<Vec<_>>()[..], [4] | [4, 2] | [4, 2, 2]);
        if !widths_ok || !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
            return Err(bad());
        }
        let year: i16 = parts[0].parse().map_err(|_| bad())?;
        let month: Option<i8> = parts.get(1).map(|m| m.parse()).transpose().map_err(|_| bad())?;
        let day: Option<i8> = parts.get(2).map(|d| d.parse()).transpose().map_err(|_| bad())?;
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("date `{s}` has month {m}; expected 01 to 12"));
        }
        if let (Some(m), Some(d)) = (month, day)
            && jiff::civil::Date::new(year, m, d).is_err()
        {
            return Err(format!("date `{s}` is not a real date"));
        }
        Ok(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A date: YYYY-MM-DD, YYYY-MM or YYYY",
            "anyOf": [
                { "type": "string", "pattern": "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$" },
                { "type": "integer", "minimum": 1000, "maximum": 9999 }
            ]
        })
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The schema of a full date, YYYY-MM-DD, which a record's `updated` and `reviewed` must be
/// (`regkb check` reads them as [`Date`] and reports a partial one).
pub enum FullDate {}

impl schemars::JsonSchema for FullDate {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FullDate".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A full date: YYYY-MM-DD",
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
        })
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(DateVisitor)
    }
}

/// Reads a date from text, or from a bare number YAML read from `2019` (a year).
struct DateVisitor;

impl serde::de::Visitor<'_> for DateVisitor {
    type Value = Date;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a date, YYYY-MM-DD")
    }

    fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<Date, E> {
        year.to_string().parse().map_err(E::custom)
    }

    fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<Date, E> {
        year.to_string().parse().map_err(E::custom)
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Date, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Date, E> {
        Err(E::custom("date is empty; write a date as YYYY-MM-DD"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_precisions() {
        assert_eq!("2019".parse::<Date>().unwrap().to_string(), "2019");
        assert_eq!("2019-06".parse::<Date>().unwrap().to_string(), "2019-06");
        assert_eq!("2019-06-27".parse::<Date>().unwrap().to_string(), "2019-06-27");
    }

    #[test]
    fn rejects_unreal_dates_and_shapes() {
        for bad in ["2019-02-30", "2019-13", "19-06-27", "2019/06/27", "", "2019-6-1", "２０１９"] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should fail");
        }
    }

    #[test]
    fn counts_whole_years() {
        let a: Date = "2020-05-01".parse().unwrap();
        assert_eq!(a.years_until(&"2022-04-30".parse().unwrap()), 1);
        assert_eq!(a.years_until(&"2022-05-01".parse().unwrap()), 2);
    }
}
