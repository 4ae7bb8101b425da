//! CSV as RFC 4180 says it: commas, double-quoted fields with `""` for a quote,
//! line breaks inside quotes, CRLF or LF. A streaming reader (one record in
//! memory at a time) and the one escaping rule for writing.

use std::io::BufRead;

/// Reads records one at a time from any buffered reader.
pub struct Reader<R> {
    input: R,
    line: String,
}

impl<R: BufRead> Reader<R> {
    pub fn new(input: R) -> Self {
        Self {
            input,
            line: String::new(),
        }
    }

    /// The next record, `None` at the end. Blank lines are skipped. An unclosed
    /// quote runs to the end of the input (the row's checks then say what is off).
    pub fn record(&mut self) -> std::io::Result<Option<Vec<String>>> {
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut started = false;
        loop {
            self.line.clear();
            if self.input.read_line(&mut self.line)? == 0 {
                if !started {
                    return Ok(None);
                }
                fields.push(std::mem::take(&mut field));
                return Ok(Some(fields));
            }
            let text = self.line.trim_start_matches('\u{feff}');
            if !started && !quoted && text.trim_end_matches(['\r', '\n']).is_empty() {
                continue;
            }
            started = true;
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match (c, quoted) {
                    ('"', true) if chars.peek() == Some(&'"') => {
                        chars.next();
                        field.push('"');
                    }
                    ('"', true) => quoted = false,
                    ('"', false) if field.is_empty() => quoted = true,
                    (',', false) => fields.push(std::mem::take(&mut field)),
                    ('\r' | '\n', false) => {
                        fields.push(std::mem::take(&mut field));
                        return Ok(Some(fields));
                    }
                    (c, _) => field.push(c),
                }
            }
        }
    }
}

/// A field as CSV writes it: quoted when it holds a comma, quote or line break.
/// A leading `=`, `+`, `-` or `@` is prefixed with `'`, so a spreadsheet never
/// runs a cell as a formula.
pub fn field(value: &str) -> String {
    let safe = match value.chars().next() {
        Some('=' | '+' | '-' | '@') if value.parse::<f64>().is_err() => format!("'{value}"),
        _ => value.to_owned(),
    };
    if safe.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", safe.replace('"', "\"\""))
    } else {
        safe
    }
}

/// One CSV line of fields, with its line break.
pub fn line<'a>(fields: impl IntoIterator<Item = &'a str>) -> String {
    let mut out = fields.into_iter().map(field).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<Vec<String>> {
        let mut r = Reader::new(text.as_bytes());
        let mut out = Vec::new();
        while let Some(rec) = r.record().unwrap() {
            out.push(rec);
        }
        out
    }

    #[test]
    fn plain_quoted_and_multiline_fields() {
        let rows = all("a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\n\n2,\"two\nlines\",\n3");
        assert_eq!(rows[0], ["a", "b", "c"]);
        assert_eq!(rows[1], ["1", "x, y", "say \"hi\""]);
        assert_eq!(rows[2], ["2", "two\nlines", ""]);
        assert_eq!(rows[3], ["3"]);
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_first_header() {
        assert_eq!(all("\u{feff}phone_number,x\n")[0][0], "phone_number");
    }

    #[test]
    fn written_fields_round_trip_and_never_run_as_formulas() {
        let l = line(["a,b", "q\"", "=SUM(A1)", "-5", "plain"]);
        assert_eq!(l, "\"a,b\",\"q\"\"\",'=SUM(A1),-5,plain\r\n");
        assert_eq!(all(&l)[0], ["a,b", "q\"", "'=SUM(A1)", "-5", "plain"]);
    }
}
