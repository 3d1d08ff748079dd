//! Splitting a JSON array or object into its members' texts without parsing
//! them, so a stored row with one unreadable record (nested too deep for
//! serde_json, or damaged) still gives up every other record. No recursion:
//! one pass over the bytes, tracking strings and bracket depth.

/// One member of an array (`key` None) or object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member<'a> {
    pub key: Option<String>,
    /// The member's value as JSON text, surrounding spaces trimmed.
    pub value: &'a str,
}

fn member<'a>(text: &'a str, colon: Option<usize>, object: bool) -> Option<Member<'a>> {
    if !object {
        return Some(Member {
            key: None,
            value: text.trim(),
        });
    }
    let colon = colon?;
    let key = serde_json::from_str::<String>(text.get(..colon)?.trim()).ok()?;
    Some(Member {
        key: Some(key),
        value: text.get(colon + 1..)?.trim(),
    })
}

/// The members of `text`, a JSON array or object. None when it is neither,
/// or is cut short, or an object member has no readable key. A member is
/// not checked beyond its boundaries: parse each on its own.
pub fn members(text: &str) -> Option<Vec<Member<'_>>> {
    let bytes = text.as_bytes();
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let object = match bytes.get(start)? {
        b'{' => true,
        b'[' => false,
        _ => return None,
    };
    let mut out = Vec::new();
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let mut from = start + 1;
    let mut colon: Option<usize> = None;
    for (i, &b) in bytes.iter().enumerate().skip(start) {
        if in_string {
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    let last = text.get(from..i)?;
                    if !last.trim().is_empty() || colon.is_some() {
                        out.push(member(last, colon.map(|c| c - from), object)?);
                    }
                    let rest = text.get(i + 1..)?;
                    return rest.trim().is_empty().then_some(out);
                }
            }
            b':' if depth == 1 && object && colon.is_none() => colon = Some(i),
            b',' if depth == 1 => {
                out.push(member(text.get(from..i)?, colon.map(|c| c - from), object)?);
                from = i + 1;
                colon = None;
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<&str> {
        members(text)
            .unwrap()
            .into_iter()
            .map(|m| m.value)
            .collect()
    }

    #[test]
    fn arrays_split_at_their_own_commas_only() {
        assert_eq!(values("[]"), Vec::<&str>::new());
        assert_eq!(
            values(" [1, [2,3], {\"a\":[4]}, \"x,]\\\"\"] "),
            vec!["1", "[2,3]", "{\"a\":[4]}", "\"x,]\\\"\""]
        );
    }

    #[test]
    fn objects_give_keys() {
        let m = members(r#"{"a:b": [1], "c" : {"d":2}}"#).unwrap();
        assert_eq!(m[0].key.as_deref(), Some("a:b"));
        assert_eq!(m[0].value, "[1]");
        assert_eq!(m[1].key.as_deref(), Some("c"));
        assert_eq!(m[1].value, "{\"d\":2}");
    }

    #[test]
    fn cut_or_foreign_text_is_none() {
        for bad in [
            "", "1", "\"[\"", "[1,2", "{\"a\"", "[1]]", "[1] x", "{1:2}", "]",
        ] {
            assert_eq!(members(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_member_too_deep_for_serde_is_still_isolated() {
        let deep = format!("{}1{}", "[".repeat(200), "]".repeat(200));
        let text = format!("[1,{deep},3]");
        assert!(serde_json::from_str::<serde_json::Value>(&text).is_err());
        assert_eq!(values(&text), vec!["1", deep.as_str(), "3"]);
    }
}
