//! The 90-day counter: the reader notes their trips, `jardam_core::time::stay` counts the days.

use jardam_core::route::Page;
use jardam_core::time::date::Date;
use jardam_core::time::stay::{Allowance, DAYS_PER_YEAR, Stay, count};
use leptos::prelude::*;

use crate::i18n::format;
use crate::i18n::{I18n, Key, Plural, use_i18n};
use crate::platform::prefs;

/// What the count says, as one sentence and a state for styling.
fn verdict(i18n: I18n, stays: &[Stay], exempt: bool) -> (String, &'static str) {
    let lang = i18n.lang.get().code();
    let today = format::today();
    let counted = count(stays, today, exempt);
    let date = |d: Date| format::date(&d.to_string(), lang);
    let year = counted.year.to_string();
    match counted.allowance {
        Allowance::Exempt => (i18n.t(Key::StayExemptNote).to_owned(), "exempt"),
        Allowance::Left {
            days_left,
            last_day,
        } => {
            let used = i18n.tp(
                Plural::StayUsed,
                counted.days_used.into(),
                &[("days", &counted.days_used.to_string()), ("year", &year)],
            );
            let left = i18n.tp(
                Plural::StayLeft,
                days_left.into(),
                &[("days", &days_left.to_string()), ("date", &date(last_day))],
            );
            let state = if days_left <= DAYS_PER_YEAR / 6 {
                "soon"
            } else {
                "ok"
            };
            (format!("{used}. {left}"), state)
        }
        Allowance::Used {
            days_over: 0,
            next_year,
        } => (
            i18n.tf(
                Key::StayUsedUp,
                &[("year", &year), ("date", &date(next_year))],
            ),
            "soon",
        ),
        Allowance::Used {
            days_over,
            next_year,
        } => (
            i18n.tp(
                Plural::StayOver,
                days_over.into(),
                &[("days", &days_over.to_string()), ("date", &date(next_year))],
            ),
            "overdue",
        ),
    }
}

/// Trips in and out of Russia, the days used this calendar year and the last allowed day.
#[component]
pub fn StayCounter() -> impl IntoView {
    let i18n = use_i18n();
    let stays = RwSignal::new(prefs::stays());
    let exempt = RwSignal::new(prefs::stay_exempt());
    let entry = RwSignal::new(None::<Date>);
    let exit = RwSignal::new(None::<Date>);
    let bad_dates = move || matches!((entry.get(), exit.get()), (Some(a), Some(b)) if b < a);
    let add = move |_| {
        let Some(entry_day) = entry.get_untracked() else {
            return;
        };
        if bad_dates() {
            return;
        }
        stays.update(|list| {
            list.push(Stay {
                entry: entry_day,
                exit: exit.get_untracked(),
            });
            jardam_core::order::sort_short_by_key(list, |s| s.entry);
            prefs::save_stays(list);
        });
        entry.set(None);
        exit.set(None);
    };
    let trips = move || {
        let lang = i18n.lang.get().code();
        stays
            .get()
            .into_iter()
            .enumerate()
            .map(|(at, stay)| {
                let from = format::date(&stay.entry.to_string(), lang);
                let to = stay.exit.map_or_else(
                    || i18n.t(Key::StayStillHere).to_owned(),
                    |d| format::date(&d.to_string(), lang),
                );
                let label = i18n.tf(Key::StayRemove, &[("from", &from), ("to", &to)]);
                let remove = move |_| {
                    stays.update(|list| {
                        list.remove(at);
                        prefs::save_stays(list);
                    });
                };
                view! {
                    <li>
                        <span>{format!("{from} – {to}")}</span>
                        <button class="remove" aria-label=label on:click=remove>"×"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let summary = move || {
        let list = stays.get();
        if list.is_empty() && !exempt.get() {
            return view! { <p class="muted">{i18n.t(Key::StayNone)}</p> }.into_any();
        }
        let (text, state) = verdict(i18n, &list, exempt.get());
        view! { <p id="stay-result" class="deadline" data-state=state>{text}</p> }.into_any()
    };
    let date_input = move |id: &'static str, key: Key, value: RwSignal<Option<Date>>| {
        view! {
            <label class="field" for=id>
                <span>{i18n.text(key)}</span>
                <input
                    type="date"
                    id=id
                    prop:value=move || value.get().map(|d| d.to_string()).unwrap_or_default()
                    on:change=move |ev| value.set(Date::parse(&event_target_value(&ev)).ok())
                />
            </label>
        }
    };
    view! {
        <section class="stay" id="stay-counter" aria-labelledby="stay-title">
            <h2 id="stay-title">{i18n.text(Key::StayTitle)}</h2>
            <p>
                {i18n.text(Key::StayIntro)} " "
                <a href=Page::article("stay-limit-90-days")>{i18n.text(Key::StayRule)}</a>
            </p>
            <label class="check">
                <input
                    type="checkbox"
                    id="stay-exempt"
                    prop:checked=exempt
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        prefs::set_stay_exempt(on);
                        exempt.set(on);
                    }
                />
                <span>{i18n.text(Key::StayExempt)}</span>
            </label>
            <ul class="trips" id="stay-trips">{trips}</ul>
            {summary}
            <div class="dates">
                {date_input("stay-entry", Key::StayEntry, entry)}
                {date_input("stay-exit", Key::StayExit, exit)}
            </div>
            {move || bad_dates().then(|| view! { <p class="error" role="alert">{i18n.t(Key::StayBadDates)}</p> })}
            <button id="stay-add" on:click=add disabled=move || entry.get().is_none() || bad_dates()>
                {i18n.text(Key::StayAdd)}
            </button>
        </section>
    }
}
