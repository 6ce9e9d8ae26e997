//! Checks of single values (ids, phone numbers, URLs, times…), each returning the message an
//! editor sees when the value is wrong.

/// An id: lower-case ASCII letters and digits in words joined by single `-`.
pub fn id(text: &str) -> Result<(), String> {
    let ok = !text.is_empty()
        && text.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        });
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a valid id: use lower-case ASCII words joined by `-`, like `registration-eaeu`"
        ))
    }
}

/// A language code such as `ru` or `tg`: two or three lower-case ASCII letters.
pub fn lang_code(text: &str) -> Result<(), String> {
    if (2..=3).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_lowercase()) {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a language code (two or three lower-case letters, like `ru`)"
        ))
    }
}

/// An international phone number in E.164: `+` then 8 to 15 digits, no spaces.
pub fn e164(text: &str) -> Result<(), String> {
    let digits = text.strip_prefix('+').unwrap_or("");
    if (8..=15).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not an E.164 number: write `+`, the country code and 8 to 15 digits in \
             all, without spaces or dashes, like `+79251155047`"
        ))
    }
}

/// A phone number: E.164, or for an emergency contact also a 3-digit short number `1xx`.
pub fn phone(text: &str, emergency: bool) -> Result<(), String> {
    let short =
        text.len() == 3 && text.starts_with('1') && text.bytes().all(|b| b.is_ascii_digit());
    if short {
        return if emergency {
            Ok(())
        } else {
            Err(format!(
                "`{text}` is a short number: only contacts of kind `emergency` may use 112, 102, 103…"
            ))
        };
    }
    e164(text)
}

/// A web address: `https://` and a host name, no spaces.
pub fn https_url(text: &str) -> Result<(), String> {
    let Some(rest) = text.strip_prefix("https://") else {
        return Err(format!("`{text}` must be an https:// address"));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_name = host.rsplit_once(':').map_or(host, |(name, port)| {
        if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) {
            name
        } else {
            host
        }
    });
    let host_ok = host_name.contains('.')
        && !host_name.starts_with('.')
        && !host_name.ends_with('.')
        && host_name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    if !host_ok {
        return Err(format!("`{text}` has no valid host name after https://"));
    }
    if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(format!("`{text}` contains spaces"));
    }
    Ok(())
}

/// A source's address: the page that states the facts, as published (`https://`, or
/// `http://` where that is all the outlet serves), with a path: a site's home page is refused.
pub fn source_url(text: &str) -> Result<(), String> {
    let rest = match text.strip_prefix("http://") {
        Some(rest) => rest,
        None => text
            .strip_prefix("https://")
            .ok_or_else(|| format!("`{text}` must be an https:// (or http://) address"))?,
    };
    https_url(&format!("https://{rest}"))
        .map_err(|e| e.replace(&format!("https://{rest}"), text))?;
    let path = rest.split_once('/').map_or("", |(_, path)| path);
    let path = path.split(['?', '#']).next().unwrap_or("");
    if path.is_empty() && !rest.contains(['?', '#']) {
        return Err(format!(
            "`{text}` is a home page: give the address of the page that states the facts"
        ));
    }
    Ok(())
}

/// An e-mail address `name@host.tld`.
pub fn email(text: &str) -> Result<(), String> {
    let ok = match text.split_once('@') {
        Some((name, host)) => {
            !name.is_empty()
                && host.contains('.')
                && !host.starts_with('.')
                && !host.ends_with('.')
                && !host.contains('@')
                && !text.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if ok {
        Ok(())
    } else {
        Err(format!("`{text}` is not an e-mail address"))
    }
}

/// A Telegram user name: 5 to 32 letters, digits or `_`, without `@` or a link.
pub fn telegram(text: &str) -> Result<(), String> {
    if (5..=32).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
    {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a Telegram user name: write only the name (5-32 letters, digits or _), \
             without @ or https://t.me/"
        ))
    }
}

/// A time zone the app can compute opening hours in (`jardam_core::time::hours::utc_offset_minutes`):
/// `Europe/Moscow` and the other named zones it knows, `Etc/GMT-6` style names or offsets like
/// `+06:00`. A zone the app did not know would silently show no opening hours.
pub fn time_zone(text: &str) -> Result<(), String> {
    if jardam_core::time::hours::utc_offset_minutes(text, 0).is_some() {
        Ok(())
    } else {
        Err(format!(
            "`{text}` is not a time zone the app knows: use one of {}, an `Etc/GMT-5` style name or an offset like `+05:00`",
            jardam_core::time::hours::ZONE_NAMES.join(", ")
        ))
    }
}

/// A time of day `HH:MM` as minutes after midnight; `24:00` only when `closing`.
pub fn clock(text: &str, closing: bool) -> Result<u32, String> {
    let b = text.as_bytes();
    let parsed = (b.len() == 5 && b[2] == b':')
        .then(|| {
            let two = |i: usize| {
                (b[i].is_ascii_digit() && b[i + 1].is_ascii_digit())
                    .then(|| u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0'))
            };
            Some((two(0)?, two(3)?))
        })
        .flatten();
    match parsed {
        Some((24, 0)) if closing => Ok(24 * 60),
        Some((h, m)) if h < 24 && m < 60 => Ok(h * 60 + m),
        _ => Err(format!(
            "`{text}` is not a time `HH:MM` (00:00 to 23:59{})",
            if closing { ", or 24:00" } else { "" }
        )),
    }
}

/// A version `MAJOR.MINOR.PATCH`.
pub fn version(text: &str) -> Result<(), String> {
    let parts: Vec<&str> = text.split('.').collect();
    if parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        Ok(())
    } else {
        Err(format!("`{text}` is not a version like `0.1.0`"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(id("registration-eaeu").is_ok());
        assert!(id("kg-embassy-moscow2").is_ok());
        for bad in ["", "Registration", "a--b", "-a", "a-", "a_b", "a b", "ид"] {
            assert!(id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn phones() {
        assert!(e164("+79251155047").is_ok());
        assert!(e164("+99631266").is_ok());
        for bad in [
            "79251155047",
            "+7 925 115 50 47",
            "+7-925-1155047",
            "+7925",
            "+1234567890123456",
            "112",
        ] {
            assert!(e164(bad).is_err(), "{bad}");
        }
        assert!(phone("112", true).is_ok());
        assert!(phone("103", true).is_ok());
        assert!(phone("112", false).is_err());
        assert!(phone("911", true).is_err());
        assert!(phone("1122", true).is_err());
    }

    #[test]
    fn urls() {
        for good in [
            "https://tass.ru/",
            "https://мвд.рф/",
            "https://x.org:8443/a?b#c",
            "https://a.b",
        ] {
            assert!(https_url(good).is_ok(), "{good}");
        }
        for bad in [
            "http://tass.ru/",
            "https://",
            "https:///x",
            "https://localhost/",
            "https://a b.ru/",
            "https://tass.ru/a b",
            "tass.ru",
            "javascript:x",
        ] {
            assert!(https_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn source_urls_name_a_page() {
        for good in [
            "https://tass.ru/obschestvo/25746681",
            "http://admzven.ru/node/4659",
            "https://www.kommersant.ru/doc/8119278",
            "https://news.example.org/?id=5",
        ] {
            assert!(source_url(good).is_ok(), "{good}");
        }
        for home in [
            "https://tass.ru/",
            "https://tass.ru",
            "http://pravo.gov.ru/",
        ] {
            let err = source_url(home).unwrap_err();
            assert!(err.contains("is a home page"), "{home}: {err}");
        }
        for bad in [
            "ftp://tass.ru/x",
            "tass.ru/x",
            "https:///x",
            "https://a b.ru/x",
        ] {
            assert!(source_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn clocks() {
        assert_eq!(clock("09:30", false), Ok(570));
        assert_eq!(clock("24:00", true), Ok(1440));
        assert!(clock("24:00", false).is_err());
        for bad in ["9:30", "09.30", "25:00", "10:60", "24:01", "ab:cd"] {
            assert!(clock(bad, true).is_err(), "{bad}");
        }
    }

    #[test]
    fn others() {
        assert!(email("help@example.org").is_ok());
        assert!(email("help@example").is_err());
        assert!(email("example.org").is_err());
        assert!(telegram("migrant_help").is_ok());
        assert!(telegram("@migrant_help").is_err());
        assert!(telegram("https://t.me/migrant_help").is_err());
        assert!(time_zone("Europe/Moscow").is_ok());
        assert!(time_zone("MSK").is_err());
        assert!(time_zone("Asia/Almaty").is_ok());
        // A valid IANA name the app cannot compute is refused, not shown without hours.
        assert!(time_zone("Asia/Omsk").is_err());
        assert!(version("0.1.0").is_ok());
        assert!(version("0.1").is_err());
        assert!(lang_code("ru").is_ok());
        assert!(lang_code("RU").is_err());
    }
}
