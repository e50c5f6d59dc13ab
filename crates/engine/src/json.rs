//! JSON for scenarios, links and saved lists: a value, a reader and two writers, each
//! character for character what serde_json does with its `Value`.
//!
//! The reader accepts exactly the texts serde_json accepts and refuses the others at its
//! position, in words of our own (people see them: "not valid JSON at line 2, column 11: a
//! value should start here"; [`SyntaxKind`]); numbers are read as serde_json reads them (an
//! integer as an integer, anything else as the nearest float, "a number too large" past the
//! largest); an object's keys end
//! up sorted (serde_json's map is a `BTreeMap`). One difference on purpose: a repeated key
//! is refused ("duplicate key `name`" at the repeat), where serde_json keeps the last value
//! silently; a scenario or saved list that says two things about one field is a mistake or
//! a forgery, not something to resolve quietly. An object is read in O(n log n) (its members
//! collected, then heap-sorted), so a huge one costs no more than its size. The
//! writers write what `Value::to_string` and `to_string_pretty` write. serde_json itself
//! would be a tenth of the page; the CLI still uses it for the report (see [`Value`]'s
//! `serde` impls). The tests compare reader and writers with serde_json on random texts.

use std::fmt;

use crate::float;

/// A JSON value.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Value {
    /// `null`
    #[default]
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map),
}

/// A JSON number as serde_json keeps it: an integer that fits stays one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A non-negative integer.
    PosInt(u64),
    /// A negative integer.
    NegInt(i64),
    /// Anything else (always finite).
    Float(f64),
}

/// An object's members in order: sorted by key when read (as serde_json's map), in the
/// order they were inserted when built. Keys are unique.
#[derive(Debug, Clone, Default)]
pub struct Map(Vec<(String, Value)>);

impl PartialEq for Map {
    /// Objects are equal when they have the same members, in any order.
    fn eq(&self, other: &Map) -> bool {
        self.0.len() == other.0.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl Map {
    /// An empty object.
    pub fn new() -> Map {
        Map::default()
    }

    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The value of `key`, to change it.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.0.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// Sets `key`: in place if it is there, else at the end.
    pub fn insert(&mut self, key: impl Into<String>, value: Value) {
        let key = key.into();
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }

    /// The members, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// The keys, in order.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    /// Whether there is no member.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The members sorted by key (as serde_json orders them), here and in every object inside.
    pub fn sorted(mut self) -> Map {
        crate::sort::stable_by(&mut self.0, |a, b| a.0 < b.0);
        for (_, v) in &mut self.0 {
            *v = std::mem::take(v).sorted();
        }
        self
    }
}

impl IntoIterator for Map {
    type Item = (String, Value);
    type IntoIter = std::vec::IntoIter<(String, Value)>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<(String, Value)> for Map {
    fn from_iter<I: IntoIterator<Item = (String, Value)>>(iter: I) -> Map {
        let mut map = Map::new();
        for (k, v) in iter {
            map.insert(k, v);
        }
        map
    }
}

impl Value {
    /// The number as a float (integers converted).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Number(Number::PosInt(n)) => Some(*n as f64),
            Value::Number(Number::NegInt(n)) => Some(*n as f64),
            Value::Number(Number::Float(x)) => Some(*x),
            _ => None,
        }
    }

    /// The number if it is a non-negative integer.
    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Value::Number(Number::PosInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// The boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object()?.get(key)
    }

    /// The value with every object's keys sorted (as serde_json orders them).
    pub fn sorted(self) -> Value {
        match self {
            Value::Object(m) => Value::Object(m.sorted()),
            Value::Array(items) => Value::Array(items.into_iter().map(Value::sorted).collect()),
            other => other,
        }
    }
}

impl From<f64> for Value {
    /// A float; `null` when it is not finite (JSON has no NaN or infinity).
    fn from(x: f64) -> Value {
        if x.is_finite() {
            Value::Number(Number::Float(x))
        } else {
            Value::Null
        }
    }
}

impl From<u32> for Value {
    fn from(n: u32) -> Value {
        Value::Number(Number::PosInt(u64::from(n)))
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Value {
        Value::Object(m)
    }
}

// --- Reading ------------------------------------------------------------------------------

/// Why a text is not JSON: what is wrong (a [`SyntaxKind`], in the product's own words)
/// and where (1-based line, column in bytes from the start of the line, as serde_json
/// counts them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// 1-based line.
    pub line: usize,
    /// Bytes before the position on its line.
    pub column: usize,
    /// What is wrong, in words: [`SyntaxKind::words`], or for a repeated key one naming it.
    pub message: String,
}

impl SyntaxError {
    /// What is wrong, read back from the words (the page keeps only them: a kind beside the
    /// words made every error the reader passes up larger, about 1 KB of the page's code).
    pub fn kind(&self) -> Option<SyntaxKind> {
        if self.message.starts_with("duplicate key `") {
            return Some(SyntaxKind::DuplicateKey);
        }
        SyntaxKind::ALL
            .iter()
            .copied()
            .find(|k| *k != SyntaxKind::DuplicateKey && k.words() == self.message)
    }
}

/// What is wrong with a text that is not JSON. The words are the product's own; the tests
/// check the kind and the position against serde_json's (its category, line and column),
/// never its wording, so a new serde_json cannot fail them with no change of ours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyntaxKind {
    /// The text ends inside a list.
    EofList,
    /// The text ends inside an object.
    EofObject,
    /// The text ends inside a string.
    EofString,
    /// The text ends where a value should be.
    EofValue,
    /// A key without its `:`.
    ExpectedColon,
    /// Neither `,` nor `]` after a list's item.
    ExpectedListCommaOrEnd,
    /// Neither `,` nor `}` after an object's member.
    ExpectedObjectCommaOrEnd,
    /// A misspelt `true`, `false` or `null`.
    ExpectedIdent,
    /// Something that starts no value.
    ExpectedValue,
    /// An unknown escape in a string.
    InvalidEscape,
    /// A number JSON does not allow (`01`, `1.`, `-`).
    InvalidNumber,
    /// A number too large for a float (the scenario's reader then names its field).
    OutOfRange,
    /// A raw control character (a line break, a tab) in a string.
    ControlCharacter,
    /// An object's key that is not a string.
    KeyMustBeAString,
    /// Half of a `\u` surrogate pair.
    LoneSurrogate,
    /// A comma before `]` or `}`.
    TrailingComma,
    /// More text after the value.
    TrailingCharacters,
    /// A `\u` escape without its four hex digits.
    EndOfHexEscape,
    /// More than 128 lists and objects inside each other.
    TooDeep,
    /// A key repeated in one object (serde_json would keep the last value; we refuse).
    DuplicateKey,
}

impl SyntaxKind {
    /// Every kind.
    pub const ALL: [SyntaxKind; 20] = [
        SyntaxKind::EofList,
        SyntaxKind::EofObject,
        SyntaxKind::EofString,
        SyntaxKind::EofValue,
        SyntaxKind::ExpectedColon,
        SyntaxKind::ExpectedListCommaOrEnd,
        SyntaxKind::ExpectedObjectCommaOrEnd,
        SyntaxKind::ExpectedIdent,
        SyntaxKind::ExpectedValue,
        SyntaxKind::InvalidEscape,
        SyntaxKind::InvalidNumber,
        SyntaxKind::OutOfRange,
        SyntaxKind::ControlCharacter,
        SyntaxKind::KeyMustBeAString,
        SyntaxKind::LoneSurrogate,
        SyntaxKind::TrailingComma,
        SyntaxKind::TrailingCharacters,
        SyntaxKind::EndOfHexEscape,
        SyntaxKind::TooDeep,
        SyntaxKind::DuplicateKey,
    ];

    /// What is wrong, in a few plain words.
    pub fn words(self) -> &'static str {
        match self {
            SyntaxKind::EofList => "the text ends inside a list",
            SyntaxKind::EofObject => "the text ends inside an object",
            SyntaxKind::EofString => "the text ends inside a string",
            SyntaxKind::EofValue => "the text ends where a value should be",
            SyntaxKind::ExpectedColon => "a `:` should follow the key",
            SyntaxKind::ExpectedListCommaOrEnd => "a `,` or `]` should come next",
            SyntaxKind::ExpectedObjectCommaOrEnd => "a `,` or `}` should come next",
            SyntaxKind::ExpectedIdent => "not `true`, `false` or `null`",
            SyntaxKind::ExpectedValue => "a value should start here",
            SyntaxKind::InvalidEscape => "an unknown escape after `\\`",
            SyntaxKind::InvalidNumber => "not a number as JSON writes one",
            SyntaxKind::OutOfRange => "a number too large",
            SyntaxKind::ControlCharacter => "a line break or control character inside a string",
            SyntaxKind::KeyMustBeAString => "a key must be a string in double quotes",
            SyntaxKind::LoneSurrogate => "half of a `\\u` surrogate pair",
            SyntaxKind::TrailingComma => "a comma before the closing bracket",
            SyntaxKind::TrailingCharacters => "more text after the end",
            SyntaxKind::EndOfHexEscape => "a `\\u` escape needs four hex digits",
            SyntaxKind::TooDeep => "nested more than 128 levels deep",
            SyntaxKind::DuplicateKey => "a key repeated in one object",
        }
    }

    /// Whether the text ended too soon (serde_json's `Category::Eof`).
    pub fn is_eof(self) -> bool {
        matches!(
            self,
            SyntaxKind::EofList
                | SyntaxKind::EofObject
                | SyntaxKind::EofString
                | SyntaxKind::EofValue
        )
    }
}

/// Reads a JSON text.
///
/// ```
/// use dpu_engine::json::{Value, parse};
/// let v = parse(r#"{"b": [1, -2, 0.5], "a": null}"#).unwrap();
/// assert_eq!(v.to_string(), r#"{"a":null,"b":[1,-2,0.5]}"#);
/// let e = parse("{\n  \"name\": }").unwrap_err();
/// assert_eq!((e.line, e.column, e.message.as_str()), (2, 11, "a value should start here"));
/// let e = parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap_err();
/// assert_eq!((e.column, e.message.as_str()), (20, "duplicate key `a`"));
/// ```
pub fn parse(text: &str) -> Result<Value, SyntaxError> {
    let mut r = Reader {
        text,
        i: 0,
        depth_left: 128,
    };
    let value = r.value()?;
    match r.whitespace() {
        Some(_) => Err(r.peek_error(SyntaxKind::TrailingCharacters)),
        None => Ok(value),
    }
}

/// serde_json's reader, step by step: where it looks, what it consumes before it fails.
struct Reader<'a> {
    text: &'a str,
    i: usize,
    depth_left: u8,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.i).copied()
    }

    fn next(&mut self) -> Option<u8> {
        let c = self.peek();
        self.i += usize::from(c.is_some());
        c
    }

    fn peek_digit(&self) -> Option<u8> {
        self.peek().filter(u8::is_ascii_digit)
    }

    /// An error at the last byte read.
    fn error(&self, kind: SyntaxKind) -> SyntaxError {
        self.error_at(self.i, kind)
    }

    /// An error at the byte looked at.
    fn peek_error(&self, kind: SyntaxKind) -> SyntaxError {
        self.error_at((self.i + 1).min(self.text.len()), kind)
    }

    fn error_at(&self, i: usize, kind: SyntaxKind) -> SyntaxError {
        let before = &self.text.as_bytes()[..i];
        let line_start = before
            .iter()
            .rposition(|&c| c == b'\n')
            .map_or(0, |p| p + 1);
        SyntaxError {
            line: 1 + before[..line_start].iter().filter(|&&c| c == b'\n').count(),
            column: i - line_start,
            message: kind.words().to_owned(),
        }
    }

    /// Skips whitespace; the next byte.
    fn whitespace(&mut self) -> Option<u8> {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.peek() {
            self.i += 1;
        }
        self.peek()
    }

    fn value(&mut self) -> Result<Value, SyntaxError> {
        let Some(c) = self.whitespace() else {
            return Err(self.peek_error(SyntaxKind::EofValue));
        };
        match c {
            b'n' => self.ident(b"null", Value::Null),
            b't' => self.ident(b"true", Value::Bool(true)),
            b'f' => self.ident(b"false", Value::Bool(false)),
            b'-' => {
                self.i += 1;
                self.number(false)
            }
            b'0'..=b'9' => self.number(true),
            b'"' => {
                self.i += 1;
                self.string().map(Value::String)
            }
            b'[' | b'{' => {
                self.depth_left -= 1;
                if self.depth_left == 0 {
                    return Err(self.peek_error(SyntaxKind::TooDeep));
                }
                self.i += 1;
                let value = if c == b'[' {
                    self.array().map(Value::Array)
                } else {
                    self.object().map(Value::Object)
                }?;
                self.depth_left += 1;
                self.i += 1; // the closing bracket
                Ok(value)
            }
            _ => Err(self.peek_error(SyntaxKind::ExpectedValue)),
        }
    }

    fn ident(&mut self, word: &[u8], value: Value) -> Result<Value, SyntaxError> {
        self.i += 1;
        for expected in &word[1..] {
            match self.next() {
                None => return Err(self.error(SyntaxKind::EofValue)),
                Some(c) if c != *expected => return Err(self.error(SyntaxKind::ExpectedIdent)),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// Items up to the closing `]` (not consumed).
    fn array(&mut self) -> Result<Vec<Value>, SyntaxError> {
        let mut items = Vec::new();
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(SyntaxKind::EofList)),
                Some(b']') => return Ok(items),
                Some(_) if items.is_empty() => {}
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b']') => return Err(self.peek_error(SyntaxKind::TrailingComma)),
                        Some(_) => {}
                        None => return Err(self.peek_error(SyntaxKind::EofValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(SyntaxKind::ExpectedListCommaOrEnd)),
            }
            items.push(self.value()?);
        }
    }

    /// Members up to the closing `}` (not consumed), sorted by key; a repeated key is an
    /// error at its second appearance (the first repeat in the text when there are several).
    /// The members are collected as they come and heap-sorted once at the end: O(n log n),
    /// where inserting each into a sorted list moved O(n) members every time.
    fn object(&mut self) -> Result<Map, SyntaxError> {
        // Each member with the position just after its key, for the duplicate's error.
        let mut members: Vec<(String, Value, usize)> = Vec::new();
        let mut first = true;
        loop {
            match self.whitespace() {
                None => return Err(self.peek_error(SyntaxKind::EofObject)),
                Some(b'}') => return self.sorted_members(members),
                Some(b'"') if first => {}
                Some(_) if first => return Err(self.peek_error(SyntaxKind::KeyMustBeAString)),
                Some(b',') => {
                    self.i += 1;
                    match self.whitespace() {
                        Some(b'"') => {}
                        Some(b'}') => return Err(self.peek_error(SyntaxKind::TrailingComma)),
                        Some(_) => return Err(self.peek_error(SyntaxKind::KeyMustBeAString)),
                        None => return Err(self.peek_error(SyntaxKind::EofValue)),
                    }
                }
                Some(_) => return Err(self.peek_error(SyntaxKind::ExpectedObjectCommaOrEnd)),
            }
            first = false;
            self.i += 1;
            let key = self.string()?;
            let at = self.i;
            match self.whitespace() {
                Some(b':') => self.i += 1,
                Some(_) => return Err(self.peek_error(SyntaxKind::ExpectedColon)),
                None => return Err(self.peek_error(SyntaxKind::EofObject)),
            }
            let value = self.value()?;
            members.push((key, value, at));
        }
    }

    /// The members sorted by key, or the error of the first repeated key in the text.
    fn sorted_members(&self, mut members: Vec<(String, Value, usize)>) -> Result<Map, SyntaxError> {
        crate::sort::heap_by(&mut members, |a, b| (&a.0, a.2) < (&b.0, b.2));
        let repeat = members
            .windows(2)
            .filter(|w| w[0].0 == w[1].0)
            .min_by_key(|w| w[1].2);
        if let Some(w) = repeat {
            let key: String = w[1].0.chars().take(20).collect();
            let more = if key.len() < w[1].0.len() { "…" } else { "" };
            let mut e = self.error_at(w[1].2, SyntaxKind::DuplicateKey);
            e.message = format!("duplicate key `{}{more}`", crate::error::clip(&key));
            return Err(e);
        }
        Ok(Map(members.into_iter().map(|(k, v, _)| (k, v)).collect()))
    }

    /// The rest of a string whose opening quote was read; the closing quote is consumed.
    fn string(&mut self) -> Result<String, SyntaxError> {
        let bytes = self.text.as_bytes();
        let mut out = String::new();
        let mut start = self.i;
        loop {
            while bytes
                .get(self.i)
                .is_some_and(|&c| c != b'"' && c != b'\\' && c >= 0x20)
            {
                self.i += 1;
            }
            let Some(&c) = bytes.get(self.i) else {
                return Err(self.error(SyntaxKind::EofString));
            };
            // Every byte stopped at is ASCII, so a char boundary.
            out.push_str(&self.text[start..self.i]);
            self.i += 1;
            match c {
                b'"' => return Ok(out),
                b'\\' => out.push(self.escape()?),
                _ => return Err(self.error(SyntaxKind::ControlCharacter)),
            }
            start = self.i;
        }
    }

    /// The character of an escape whose backslash was read.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        Ok(match self.next() {
            None => return Err(self.error(SyntaxKind::EofString)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => return self.unicode_escape(),
            Some(_) => return Err(self.error(SyntaxKind::InvalidEscape)),
        })
    }

    /// A `\uXXXX` escape (a surrogate pair as two), its `\u` read.
    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let n = self.hex4()?;
        let code = match n {
            0xDC00..=0xDFFF => return Err(self.error(SyntaxKind::LoneSurrogate)),
            0xD800..=0xDBFF => {
                for expected in [b'\\', b'u'] {
                    match self.next() {
                        None => return Err(self.error(SyntaxKind::EofString)),
                        Some(c) if c != expected => {
                            return Err(self.error(SyntaxKind::EndOfHexEscape));
                        }
                        Some(_) => {}
                    }
                }
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.error(SyntaxKind::LoneSurrogate));
                }
                0x1_0000 + ((u32::from(n) - 0xD800) << 10 | (u32::from(low) - 0xDC00))
            }
            _ => u32::from(n),
        };
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Result<u16, SyntaxError> {
        let Some(digits) = self.text.as_bytes().get(self.i..self.i + 4) else {
            self.i = self.text.len();
            return Err(self.error(SyntaxKind::EofString));
        };
        self.i += 4;
        digits
            .iter()
            .try_fold(0u16, |acc, &c| {
                Some(acc << 4 | char::from(c).to_digit(16)? as u16)
            })
            .ok_or_else(|| self.error(SyntaxKind::InvalidEscape))
    }

    /// A number, its `-` read if negative.
    fn number(&mut self, positive: bool) -> Result<Value, SyntaxError> {
        let start = self.i;
        match self.next() {
            None => return Err(self.error(SyntaxKind::EofValue)),
            Some(b'0') if self.peek_digit().is_some() => {
                return Err(self.peek_error(SyntaxKind::InvalidNumber));
            }
            Some(b'0') => {}
            Some(b'1'..=b'9') => {
                while self.peek_digit().is_some() {
                    self.i += 1;
                }
            }
            Some(_) => return Err(self.error(SyntaxKind::InvalidNumber)),
        }
        let int = start..self.i;
        let mut frac = self.i..self.i;
        let mut exp10: i64 = 0;
        let mut is_float = false;
        if self.peek() == Some(b'.') {
            self.i += 1;
            let from = self.i;
            while self.peek_digit().is_some() {
                self.i += 1;
            }
            if self.i == from {
                return Err(match self.peek() {
                    Some(_) => self.peek_error(SyntaxKind::InvalidNumber),
                    None => self.peek_error(SyntaxKind::EofValue),
                });
            }
            frac = from..self.i;
            is_float = true;
        }
        let digits: Vec<u8> = [&self.text[int], &self.text[frac.clone()]]
            .concat()
            .into_bytes();
        if let Some(b'e' | b'E') = self.peek() {
            self.i += 1;
            is_float = true;
            let positive_exp = match self.peek() {
                Some(b'-') => {
                    self.i += 1;
                    false
                }
                Some(b'+') => {
                    self.i += 1;
                    true
                }
                _ => true,
            };
            let mut exp: i32 = match self.next() {
                None => return Err(self.error(SyntaxKind::EofValue)),
                Some(c @ b'0'..=b'9') => i32::from(c - b'0'),
                Some(_) => return Err(self.error(SyntaxKind::InvalidNumber)),
            };
            while let Some(c) = self.peek_digit() {
                self.i += 1;
                let digit = i32::from(c - b'0');
                match exp.checked_mul(10).and_then(|e| e.checked_add(digit)) {
                    Some(e) => exp = e,
                    None => {
                        // serde_json gives up on the exponent here: out of range, or zero.
                        if positive_exp && digits.iter().any(|&c| c != b'0') {
                            return Err(self.error(SyntaxKind::OutOfRange));
                        }
                        while self.peek_digit().is_some() {
                            self.i += 1;
                        }
                        return Ok(Value::from(if positive { 0.0 } else { -0.0 }));
                    }
                }
            }
            exp10 = i64::from(if positive_exp { exp } else { -exp });
        }
        if !is_float {
            let whole = digits.iter().try_fold(0u64, |acc, &c| {
                acc.checked_mul(10)?.checked_add(u64::from(c - b'0'))
            });
            if let Some(n) = whole {
                return Ok(Value::Number(if positive {
                    Number::PosInt(n)
                } else {
                    // serde_json's rule: `-0` and integers below i64::MIN are floats.
                    match (n as i64).wrapping_neg() {
                        neg if neg >= 0 => Number::Float(-(n as f64)),
                        neg => Number::NegInt(neg),
                    }
                }));
            }
        }
        let x = float::from_decimal(&digits, exp10 - frac.len() as i64);
        if x.is_infinite() {
            return Err(self.error(SyntaxKind::OutOfRange));
        }
        Ok(Value::Number(Number::Float(if positive { x } else { -x })))
    }
}

// --- Writing ------------------------------------------------------------------------------

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Number::PosInt(n) => write!(f, "{n}"),
            Number::NegInt(n) => write!(f, "{n}"),
            Number::Float(x) => f.write_str(&float_text(*x)),
        }
    }
}

/// A float as serde_json writes it: the shortest digits, positional from 1e-5 to below
/// 1e16 (`40.0`, `0.00015`), else with an exponent (`1e+16`, `2.5e-7`).
fn float_text(x: f64) -> String {
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let Some((digits, k)) = float::json_digits(x) else {
        return if x.is_finite() {
            format!("{sign}0.0")
        } else {
            "null".to_owned()
        };
    };
    let digits = String::from_utf8(digits).unwrap_or_default();
    let exp = i32::from(k) - 1; // of the first digit
    let len = digits.len() as i32;
    if (-5..=15).contains(&exp) {
        if len - 1 <= exp {
            let zeros = "0".repeat((exp + 1 - len) as usize);
            format!("{sign}{digits}{zeros}.0")
        } else if exp >= 0 {
            let (int, frac) = digits.split_at(exp as usize + 1);
            format!("{sign}{int}.{frac}")
        } else {
            let zeros = "0".repeat((-exp - 1) as usize);
            format!("{sign}0.{zeros}{digits}")
        }
    } else {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let exp_sign = if exp < 0 { "-" } else { "+" };
        format!("{sign}{first}{dot}{rest}e{exp_sign}{}", exp.unsigned_abs())
    }
}

/// A string in quotes, escaped as serde_json escapes it.
fn write_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if c < ' ' => {
                let hex = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(hex[c as usize >> 4]));
                out.push(char::from(hex[c as usize & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Writes `v`; with `indent`, pretty at that depth (two spaces a level).
fn write(out: &mut String, v: &Value, indent: Option<usize>) {
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.extend(std::iter::repeat_n("  ", depth));
    };
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&n.to_string()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(depth) = indent {
                    newline(out, depth + 1);
                }
                write(out, item, indent.map(|d| d + 1));
            }
            if let (Some(depth), false) = (indent, items.is_empty()) {
                newline(out, depth);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(depth) = indent {
                    newline(out, depth + 1);
                }
                write_string(out, key);
                out.push_str(if indent.is_some() { ": " } else { ":" });
                write(out, item, indent.map(|d| d + 1));
            }
            if let (Some(depth), false) = (indent, map.is_empty()) {
                newline(out, depth);
            }
            out.push('}');
        }
    }
}

impl fmt::Display for Value {
    /// Compact JSON, as serde_json's `to_string`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        write(&mut out, self, None);
        f.write_str(&out)
    }
}

/// Pretty JSON (two spaces), as serde_json's `to_string_pretty`.
pub fn to_string_pretty(v: &Value) -> String {
    let mut out = String::new();
    write(&mut out, v, Some(0));
    out
}

// --- serde, for the CLI's JSON report -----------------------------------------------------

impl From<&Value> for serde_json::Value {
    fn from(v: &Value) -> serde_json::Value {
        match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(Number::PosInt(n)) => serde_json::Value::from(*n),
            Value::Number(Number::NegInt(n)) => serde_json::Value::from(*n),
            Value::Number(Number::Float(x)) => serde_json::Value::from(*x),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(Into::into).collect()),
            Value::Object(m) => {
                serde_json::Value::Object(m.iter().map(|(k, v)| (k.clone(), v.into())).collect())
            }
        }
    }
}

impl From<serde_json::Value> for Value {
    fn from(v: serde_json::Value) -> Value {
        match v {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(b),
            serde_json::Value::Number(n) => Value::Number(match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => Number::PosInt(u),
                (None, Some(i)) => Number::NegInt(i),
                (None, None) => Number::Float(n.as_f64().unwrap_or_default()),
            }),
            serde_json::Value::String(s) => Value::String(s),
            serde_json::Value::Array(items) => {
                Value::Array(items.into_iter().map(Value::from).collect())
            }
            serde_json::Value::Object(m) => {
                Value::Object(Map(m.into_iter().map(|(k, v)| (k, v.into())).collect()))
            }
        }
    }
}

impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde_json::Value::from(self).serialize(s)
    }
}

impl<'de> serde::Deserialize<'de> for Value {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        serde_json::Value::deserialize(d).map(Value::from)
    }
}

/// The oracle for repeated keys: whether serde_json, reading `text` with a visitor that
/// refuses a key already seen in its object, fails (for a repeat or any other reason).
#[cfg(test)]
pub(crate) fn serde_refuses_with_unique_keys(text: &str) -> bool {
    use serde::de::{Error as _, MapAccess, SeqAccess, Visitor};
    struct Unique;
    impl<'de> serde::Deserialize<'de> for Unique {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Unique, D::Error> {
            d.deserialize_any(Unique)
        }
    }
    impl<'de> Visitor<'de> for Unique {
        type Value = Unique;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("any JSON")
        }
        fn visit_unit<E>(self) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_bool<E>(self, _: bool) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_u64<E>(self, _: u64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_i64<E>(self, _: i64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_f64<E>(self, _: f64) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_str<E>(self, _: &str) -> Result<Unique, E> {
            Ok(Unique)
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<Unique, A::Error> {
            while a.next_element::<Unique>()?.is_some() {}
            Ok(Unique)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Unique, A::Error> {
            let mut seen = std::collections::HashSet::new();
            while let Some(key) = a.next_key::<String>()? {
                if !seen.insert(key.clone()) {
                    return Err(A::Error::custom(format!("duplicate key `{key}`")));
                }
                a.next_value::<Unique>()?;
            }
            Ok(Unique)
        }
    }
    serde_json::from_str::<Unique>(text).is_err()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Reads `text` with both readers: the same value (written the same), or the same error.
    /// A repeated key is ours to refuse: then serde_json, told to refuse repeats, refuses too.
    #[track_caller]
    fn check(text: &str) {
        let ours = parse(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        if let Err(e) = &ours
            && e.kind() == Some(SyntaxKind::DuplicateKey)
        {
            assert!(serde_refuses_with_unique_keys(text), "{text:?}: {e:?}");
            return;
        }
        match (&ours, &theirs) {
            (Ok(v), Ok(w)) => {
                assert_eq!(serde_json::Value::from(v), *w, "{text:?}");
                assert_eq!(v.to_string(), w.to_string(), "{text:?}");
                assert_eq!(to_string_pretty(v), format!("{w:#}"), "{text:?}");
                assert_eq!(Value::from(w.clone()), *v, "{text:?}");
            }
            // The same place, and the same category (the text ended, or it is wrong):
            // serde_json's wording is its own business.
            (Err(e), Err(f)) => {
                assert_eq!((e.line, e.column), (f.line(), f.column()), "{text:?}: {f}");
                let kind = e.kind().unwrap_or_else(|| panic!("{text:?}: {e:?}"));
                assert_eq!(
                    kind.is_eof(),
                    f.classify() == serde_json::error::Category::Eof,
                    "{text:?}: {e:?} / {f}"
                );
            }
            _ => panic!("{text:?}: ours {ours:?}, serde_json {theirs:?}"),
        }
    }

    #[test]
    fn reads_like_serde_json() {
        for text in [
            "",
            " ",
            "null",
            "true",
            "false",
            "nul",
            "tru",
            "fals",
            "nulll",
            "truex",
            "n",
            "[",
            "]",
            "{",
            "}",
            "[]",
            "{}",
            "[1]",
            "[1,]",
            "[,1]",
            "[1 2]",
            "[1,2",
            "{\"a\"}",
            "{\"a\":}",
            "{\"a\":1,}",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{\"a\" 1}",
            "{,}",
            "{\"a\":1,",
            "{\"a\":1,\"b\"",
            "[[[]]]",
            "{\"a\":{\"b\":{}}}",
            " \n\t\r[ 1 , 2 ] \n",
            "\n\n   {\"a\":\n 1",
            "[1] x",
            "[1]\n\n]",
            "\u{feff}{}",
            "0",
            "-0",
            "-",
            "-a",
            "01",
            "-01",
            "1.",
            "1.e5",
            "1e",
            "1e+",
            "1e-",
            "1E5",
            "1e+5",
            "1.5e-5",
            ".5",
            "+1",
            "1.0",
            "-1.0",
            "123456789012345678901",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "1e400",
            "-1e400",
            "1e-400",
            "0e400",
            "1e99999999999",
            "0e99999999999",
            "1e-99999999999",
            "0.0e99999999999",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "4.9e-324",
            "2.4e-324",
            "0.1",
            "100000000000000000000000",
            "\"abc\"",
            "\"a\\\"b\\\\c\\/d\"",
            "\"\\b\\f\\n\\r\\t\"",
            "\"\\u0041\\u00e9\\u4e2d\"",
            "\"\\ud83d\\ude00\"",
            "\"\\ud800\"",
            "\"\\ud800x\"",
            "\"\\ud800\\x\"",
            "\"\\ud800\\u0041\"",
            "\"\\udc00\"",
            "\"\\u12\"",
            "\"\\u12g4\"",
            "\"\\q\"",
            "\"\\",
            "\"abc",
            "\"a\u{1}b\"",
            "\"a\u{7f}b\"",
            "\"é東京\"",
            "\"\\u0000\"",
            "\"\\u001f\\u007f\"",
            "[\"a\",{\"b\":[null,true,false,1.5,-2]}]",
            "100000000000040620000e-5",
            "[-1660267879582486.2]",
        ] {
            check(text);
        }
        check(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
        check(&format!("{}{}", "[".repeat(128), "]".repeat(128)));
        check(&format!("{}1{}", "{\"a\":".repeat(130), "}".repeat(130)));
        check(&format!("0.{}1", "0".repeat(400)));
    }

    /// Each kind of mistake, at the place serde_json names (`reads_like_serde_json` checks
    /// the places): every kind is reachable and says what it is.
    #[test]
    fn each_mistake_has_its_kind_and_words() {
        use SyntaxKind as K;
        let cases = [
            ("[1,2", K::EofList),
            ("{\"a\":1", K::EofObject),
            ("\"abc", K::EofString),
            ("", K::EofValue),
            ("{\"a\" 1}", K::ExpectedColon),
            ("[1 2]", K::ExpectedListCommaOrEnd),
            ("{\"a\":1 \"b\":2}", K::ExpectedObjectCommaOrEnd),
            ("nulx", K::ExpectedIdent),
            ("x", K::ExpectedValue),
            ("\"\\q\"", K::InvalidEscape),
            ("-a", K::InvalidNumber),
            ("1e400", K::OutOfRange),
            ("\"a\u{1}b\"", K::ControlCharacter),
            ("{1:2}", K::KeyMustBeAString),
            ("\"\\udc00\"", K::LoneSurrogate),
            ("[1,]", K::TrailingComma),
            ("[1] x", K::TrailingCharacters),
            ("\"\\ud800\\x\"", K::EndOfHexEscape),
            ("{\"a\":1,\"a\":2}", K::DuplicateKey),
        ];
        let mut kinds: Vec<SyntaxKind> = cases.iter().map(|(_, k)| *k).collect();
        kinds.push(K::TooDeep);
        for (text, kind) in cases {
            check(text);
            let e = parse(text).unwrap_err();
            assert_eq!(e.kind(), Some(kind), "{text:?}");
        }
        let deep = format!("{}{}", "[".repeat(129), "]".repeat(129));
        assert_eq!(parse(&deep).unwrap_err().kind(), Some(K::TooDeep));
        kinds.sort_by_key(|k| *k as u8);
        kinds.dedup();
        assert_eq!(kinds, SyntaxKind::ALL, "every kind, once");
        // Twenty kinds, twenty different plain sentences, none of serde_json's jargon.
        let mut words: Vec<&str> = kinds.iter().map(|k| k.words()).collect();
        words.sort_unstable();
        words.dedup();
        assert_eq!(words.len(), 20);
        assert!(
            words
                .iter()
                .all(|w| !w.contains("EOF") && !w.contains("ident")),
            "{words:?}"
        );
    }

    #[test]
    fn a_repeated_key_is_refused_by_name_at_its_repeat() {
        for (text, line, column, key) in [
            (r#"{"b":1,"a":2,"b":3}"#, 1, 16, "b"),
            ("{\"a\":1,\n \"a\" : 2}", 2, 4, "a"),
            (r#"{"x":{"y":1},"x":{"y":2}}"#, 1, 16, "x"),
            (r#"[{"k":1,"k":1}]"#, 1, 11, "k"),
            // The first repeat in the text when there are several.
            (r#"{"c":1,"d":1,"d":2,"c":2}"#, 1, 16, "d"),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(
                (e.line, e.column, e.message),
                (line, column, format!("duplicate key `{key}`")),
                "{text}"
            );
            assert!(serde_refuses_with_unique_keys(text), "{text}");
        }
        // A long or hostile key is named short and safe.
        let e = parse(&format!(
            r#"{{"{k}":1,"{k}":2}}"#,
            k = "\\u001b[2J".repeat(10)
        ))
        .unwrap_err();
        assert!(
            e.message.len() < 80 && !e.message.contains('\u{1b}'),
            "{e:?}"
        );
        // Equal keys in different objects are no repeat.
        assert!(parse(r#"{"a":{"a":{"a":1}},"b":{"a":2}}"#).is_ok());
    }

    /// An object of many keys reads in O(n log n): its members are heap-sorted once (the
    /// sort's own test bounds its comparisons), not inserted one by one into a sorted list.
    /// 160,000 keys in reverse order, the worst case of the old reader (11.6 s in the page).
    #[test]
    fn an_object_of_many_keys_reads_whole_and_sorted() {
        let n = 160_000;
        let members: Vec<String> = (0..n).rev().map(|i| format!(r#""k{i:06}":{i}"#)).collect();
        let text = format!("{{{}}}", members.join(","));
        let Ok(Value::Object(map)) = parse(&text) else {
            panic!("not an object");
        };
        let keys: Vec<&String> = map.keys().collect();
        assert_eq!(keys.len(), n);
        assert!(keys.windows(2).all(|w| w[0] < w[1]));
        let repeated = format!("{{{},\"k000007\":0}}", members.join(","));
        assert_eq!(
            parse(&repeated).unwrap_err().message,
            "duplicate key `k000007`"
        );
    }

    #[test]
    fn writes_numbers_like_serde_json() {
        for x in [
            0.0,
            -0.0,
            1.0,
            40.0,
            0.1,
            1.5,
            1e15,
            9.9e15,
            1e16,
            1.5e16,
            1e-5,
            1.5e-5,
            9e-6,
            1e-7,
            123_456.789,
            1e21,
            1e100,
            5e-324,
            f64::MAX,
            -1e-300,
            2.8,
            30_000.0,
            0.35,
            1e300,
        ] {
            let theirs = serde_json::Value::from(x).to_string();
            assert_eq!(Value::from(x).to_string(), theirs, "{x:e}");
        }
        assert_eq!(Value::from(f64::NAN), Value::Null);
        // Where the last digit is exactly halfway, serde_json picks the even one.
        for m in 0..2000u64 {
            for x in [
                (825_490_455_841_000 + m) as f64 + 0.25,
                (825_490_455_841_000 + m) as f64 + 0.75,
                (1_000_000_000_000_000 + 8 * m) as f64 * 0.5,
                m as f64 / 1024.0,
            ] {
                let theirs = serde_json::Value::from(x).to_string();
                assert_eq!(Value::from(x).to_string(), theirs, "{x:e}");
            }
        }
    }

    fn any_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<u64>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<f64>().prop_map(serde_json::Value::from),
            (-1e6f64..1e6).prop_map(serde_json::Value::from),
            ".{0,12}".prop_map(serde_json::Value::from),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                proptest::collection::btree_map("[a-c]{0,3}", inner, 0..6)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn serde_json_text_reads_back(v in any_value()) {
            check(&v.to_string());
            check(&format!("{v:#}"));
        }

        #[test]
        fn broken_text_fails_like_serde_json(v in any_value(), cut in any::<prop::sample::Index>(), junk in "[\\[\\]{},:\"\\\\ 0-9a-z.eE+-]{0,3}") {
            let text = v.to_string();
            let at = cut.index(text.len() + 1);
            if text.is_char_boundary(at) {
                check(&text[..at]);
                check(&format!("{}{junk}{}", &text[..at], &text[at..]));
            }
        }

        #[test]
        fn any_short_text_reads_like_serde_json(text in "[\\[\\]{},:\"\\\\ \\n0-9a-fnultrsEe.+-]{0,16}") {
            check(&text);
        }

        #[test]
        fn numbers_read_like_serde_json(text in "-?[0-9]{1,25}(\\.[0-9]{1,25})?([eE][-+]?[0-9]{1,4})?") {
            check(&text);
        }
    }
}
