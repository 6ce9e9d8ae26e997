//! Line icons for the navigation, drawn inline so they cost no request.

use leptos::prelude::*;

/// An icon of the bottom navigation, or the pin (a star) of a contact.
#[derive(Clone, Copy)]
pub enum Icon {
    Rights,
    Hotlines,
    Checklists,
    Help,
    More,
    Pin,
}

impl Icon {
    fn path(self) -> &'static str {
        match self {
            Icon::Rights => "M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4",
            Icon::Hotlines => {
                "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a2 2 0 0 1-2 2A16 16 0 0 1 3 6a2 2 0 0 1 2-2"
            }
            Icon::Checklists => {
                "M10 6h10M10 12h10M10 18h10M3 6l1.5 1.5L7 5M3 12l1.5 1.5L7 11M3 18l1.5 1.5L7 17"
            }
            Icon::Help => "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zM12 7v6M12 16.5v.5",
            Icon::More => "M5 12h.01M12 12h.01M19 12h.01",
            Icon::Pin => {
                "M12 3l2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3 6.4 20.2l1.1-6.2L3 9.6l6.2-.9z"
            }
        }
    }
}

/// Renders `icon` at 24 × 24, hidden from assistive technology (the label carries the name).
#[component]
pub fn IconView(icon: Icon) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true">
            <path d=icon.path()></path>
        </svg>
    }
}
