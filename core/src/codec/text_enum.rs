//! Plumbing for the closed lists of words used in content (`"needs-legal-review"`, `"mon"`, `"KG"`…):
//! one macro gives each enum its text, parsing, `Display`, `FromJson`, `ToJson` and (feature
//! `serde`) serde as a plain string.

/// Implements `ALL`, `NAMES`, `as_str`, `parse`, `Display`, `FromJson`, `ToJson` and (feature
/// `serde`) `Serialize` and `Deserialize` for a field-less enum, given each variant's text.
macro_rules! text_enum_impls {
    ($ty:ident, $what:literal, { $($variant:ident => $text:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];
            /// The text of every value, in declaration order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The text written in content files and packs.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $text),+
                }
            }

            /// The value written `text` (exact, case-sensitive), if any.
            pub fn parse(text: &str) -> Option<$ty> {
                match text {
                    $($text => Some($ty::$variant),)+
                    _ => None,
                }
            }
        }

        impl core::fmt::Display for $ty {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl $crate::codec::json::FromJson for $ty {
            fn read(r: &mut $crate::codec::json::Reader<'_>) -> Result<$ty, $crate::codec::json::JsonError> {
                let text = r.string()?;
                $ty::parse(&text).ok_or_else(|| r.invalid($what))
            }
        }

        impl $crate::codec::json::ToJson for $ty {
            fn write(&self, w: &mut $crate::codec::json::Writer) {
                w.string(self.as_str());
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$ty, D::Error> {
                deserializer.deserialize_str($crate::codec::serde_impls::TextVisitor::new(
                    $what,
                    $ty::parse,
                    $ty::NAMES,
                ))
            }
        }
    };
}

pub(crate) use text_enum_impls;
