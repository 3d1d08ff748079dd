//! CSV that a spreadsheet opens as it was meant (R-REP-03): UTF-8 with a
//! byte-order mark (so the accents survive), CRLF line ends (RFC 4180),
//! the separator of the reader's choice (`;` is what a spreadsheet in a
//! Spanish locale expects, `,` the rest), and cells that cannot run as
//! formulas.

/// The separator between cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sep {
    #[default]
    Comma,
    Semicolon,
}

impl Sep {
    pub fn char(self) -> char {
        match self {
            Sep::Comma => ',',
            Sep::Semicolon => ';',
        }
    }
}

/// Characters that make a spreadsheet read a cell as a formula when it
/// starts with one (OWASP "CSV injection"), the full-width forms included.
const FORMULA_START: [char; 10] = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/// One cell: a cell that starts with a formula character (=, +, -, @, a
/// tab or a carriage return), even after spaces or line breaks, gets an
/// apostrophe, so a spreadsheet shows the words instead of running them;
/// quoted when it holds the separator, a quote or a line break, quotes
/// doubled.
pub fn field(s: &str, sep: Sep) -> String {
    let lead = s.trim_start_matches([' ', '\n']);
    let guarded = if lead.starts_with(FORMULA_START) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if guarded.contains([sep.char(), '"', '\r', '\n']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

/// A whole file: the byte-order mark, then each row's cells joined by the
/// separator, every line ended by CRLF.
pub fn table(rows: &[Vec<String>], sep: Sep) -> String {
    let mut out = String::from('\u{feff}');
    let joint = sep.char().to_string();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c, sep)).collect();
        out.push_str(&cells.join(&joint));
        out.push_str("\r\n");
    }
    out
}

/// A figure in tenths (725 → "72.5", or "72,5" with `;`, as a Spanish
/// spreadsheet reads a decimal); empty for none.
pub fn tenths(v: Option<u32>, sep: Sep) -> String {
    let point = match sep {
        Sep::Comma => '.',
        Sep::Semicolon => ',',
    };
    v.map(|v| format!("{}{point}{}", v / 10, v % 10))
        .unwrap_or_default()
}
