//! QR codes for sharing the app's address, drawn as one SVG path: made on the phone, offline,
//! with no image file or request. The code itself comes from a QR encoder the app loads only
//! on the screens that show one (the JavaScript library qrcode-generator: 4.5 KB of
//! WebAssembly less on every first visit); this module turns its modules into a path. The
//! tests draw the qrcodegen crate's codes, so the path is checked against a second encoder.

/// Light modules kept around the code, as the QR standard asks, so scanners find its edges.
pub const QUIET_ZONE: i32 = 4;

/// A QR code ready to draw: `<svg viewBox="0 0 SIDE SIDE"><path d=PATH/></svg>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QrSvg {
    /// Width and height in modules, quiet zone included.
    pub side: i32,
    /// The dark modules as an SVG path, one rectangle per horizontal run.
    pub path: String,
}

/// Draws a code of `size` × `size` modules, `dark(x, y)` telling which are dark.
pub fn draw(size: i32, mut dark: impl FnMut(i32, i32) -> bool) -> QrSvg {
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !dark(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && dark(x, y) {
                x += 1;
            }
            let run = x - start;
            path.push_str(&format!(
                "M{} {}h{run}v1h-{run}z",
                start + QUIET_ZONE,
                y + QUIET_ZONE
            ));
        }
    }
    QrSvg {
        side: size + 2 * QUIET_ZONE,
        path,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcodegen::{QrCode, QrCodeEcc};

    /// What the app does with a code from its encoder, here from qrcodegen's.
    fn encode(text: &str) -> Option<QrSvg> {
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
        Some(draw(code.size(), |x, y| code.get_module(x, y)))
    }

    /// The dark modules the path draws, read back from its rectangles.
    fn modules(qr: &QrSvg) -> Vec<(i32, i32)> {
        qr.path
            .split('M')
            .filter(|part| !part.is_empty())
            .flat_map(|part| {
                let (x, rest) = part.split_once(' ').unwrap();
                let (y, rest) = rest.split_once('h').unwrap();
                let run: i32 = rest.split_once('v').unwrap().0.parse().unwrap();
                let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
                (x..x + run).map(move |x| (x, y))
            })
            .collect()
    }

    #[test]
    fn the_path_draws_exactly_the_dark_modules() {
        let text = "https://jardam.example/";
        let qr = encode(text).unwrap();
        let code = QrCode::encode_text(text, QrCodeEcc::Medium).unwrap();
        assert_eq!(qr.side, code.size() + 8);
        let drawn = modules(&qr);
        let dark: Vec<(i32, i32)> = (0..code.size())
            .flat_map(|y| (0..code.size()).map(move |x| (x, y)))
            .filter(|&(x, y)| code.get_module(x, y))
            .map(|(x, y)| (x + QUIET_ZONE, y + QUIET_ZONE))
            .collect();
        assert_eq!(drawn, dark);
    }

    #[test]
    fn finder_patterns_sit_in_three_corners_inside_the_quiet_zone() {
        let qr = encode("https://jardam.example/").unwrap();
        let drawn = modules(&qr);
        let far = qr.side - QUIET_ZONE - 1;
        // A finder is a dark 7 × 7 ring, a light ring, then a dark 3 × 3 centre.
        for (x, y, dx, dy) in [(4, 4, 1, 1), (far, 4, -1, 1), (4, far, 1, -1)] {
            assert!(drawn.contains(&(x, y)), "outer ring at {x},{y}");
            assert!(
                !drawn.contains(&(x + dx, y + dy)),
                "light ring near {x},{y}"
            );
            assert!(
                drawn.contains(&(x + 3 * dx, y + 3 * dy)),
                "centre near {x},{y}"
            );
        }
        assert!(
            drawn
                .iter()
                .all(|&(x, y)| (4..=far).contains(&x) && (4..=far).contains(&y))
        );
    }

    #[test]
    fn longer_addresses_give_bigger_codes_and_too_long_text_gives_none() {
        let short = encode("https://j.kg/").unwrap();
        let long = encode(&format!("https://jardam.example/{}", "x".repeat(120))).unwrap();
        assert!(long.side > short.side);
        assert_eq!(encode(&"x".repeat(5000)), None);
    }
}
