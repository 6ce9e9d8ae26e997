//! Checklists: which papers, by when. Ticks and dates stay on the phone; deadlines are
//! computed by `jardam_core::time::deadline` and can be exported to the phone's calendar.

use super::ScreenIntro;
use crate::i18n::format;
use crate::i18n::{I18n, Key, use_i18n};
use crate::platform::{files, prefs};
use crate::state::content::use_content;
use crate::state::profile::use_profile;
use crate::views::detail::Detail;
use crate::views::stay::StayCounter;
use crate::views::trust::{Sources, TrustNotes};
use jardam_core::content::audience::for_reader_first;
use jardam_core::content::{Anchor, Checklist, Step};
use jardam_core::route::Page;
use jardam_core::time::date::Date;
use jardam_core::time::deadline::{Anchors, DeadlineStatus, step_status};
use leptos::prelude::*;

/// The Checklists screen: every checklist, the reader's first.
#[component]
pub fn Checklists() -> impl IntoView {
    let content = use_content();
    let profile = use_profile();
    let list = move || {
        let pack = content.pack.get()?;
        let mut lists: Vec<&Checklist> = pack.checklists.iter().collect();
        for_reader_first(&mut lists, profile.citizenship.get(), |c| &c.applies_to);
        Some(
            lists
                .into_iter()
                .map(|c| {
                    view! {
                        <li data-id=c.id.clone() lang=c.lang.clone()>
                            <a href=Page::checklist(&c.id)>
                                <strong>{c.title.clone()}</strong>
                                <span class="summary">{c.summary.clone()}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <section class="screen" data-screen="checklists">
            <ScreenIntro title=Key::NavChecklists intro=Key::ChecklistsIntro />
            <ul class="articles" id="checklists">{list}</ul>
            <StayCounter />
        </section>
    }
}

fn anchor_key(anchor: Anchor) -> Key {
    match anchor {
        Anchor::Entry => Key::AnchorEntry,
        Anchor::Contract => Key::AnchorContract,
        Anchor::Patent => Key::AnchorPatent,
        Anchor::Departure => Key::AnchorDeparture,
    }
}

fn set_anchor(anchors: &mut Anchors, anchor: Anchor, date: Option<Date>) {
    match anchor {
        Anchor::Entry => anchors.entry = date,
        Anchor::Contract => anchors.contract = date,
        Anchor::Patent => anchors.patent = date,
        Anchor::Departure => anchors.departure = date,
    }
}

fn deadline_text(i18n: I18n, status: DeadlineStatus, today: Date) -> (String, &'static str) {
    let lang = i18n.lang.get().code();
    let date = |d: Date| format::date(&d.to_string(), lang);
    match status {
        DeadlineStatus::Due { date: d, days_left } => (
            i18n.tf(
                Key::DeadlineDue,
                &[
                    ("date", &date(d)),
                    ("when", &format::in_days(i18n, i64::from(days_left))),
                ],
            ),
            if days_left <= 7 { "soon" } else { "due" },
        ),
        DeadlineStatus::DueToday => (i18n.t(Key::DeadlineToday).to_owned(), "today"),
        DeadlineStatus::Overdue { date: d, days_late } => (
            i18n.tf(
                Key::DeadlineOverdue,
                &[
                    ("date", &date(d)),
                    ("when", &format::in_days(i18n, -i64::from(days_late))),
                ],
            ),
            "overdue",
        ),
        DeadlineStatus::NoAnchor(_) | DeadlineStatus::OutOfRange => {
            let _ = today;
            (i18n.t(Key::DeadlineNoAnchor).to_owned(), "no-date")
        }
    }
}

/// Offers the deadlines as an `.ics` file made on the phone (works offline).
fn download_calendar(checklist: &Checklist, anchors: &Anchors) {
    let events = jardam_core::time::ics::checklist_events(checklist, anchors, format::today());
    let text = jardam_core::time::ics::calendar(&events, js_sys::Date::now() as i64);
    files::save(
        &format!("jardam-{}.ics", checklist.id),
        "text/calendar;charset=utf-8",
        &text,
    );
}

#[component]
fn StepItem(
    checklist_id: String,
    step: Step,
    anchors: RwSignal<Anchors>,
    ticked: RwSignal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = step.id.clone();
    let input_id = format!("step-{}", step.id);
    let is_ticked = {
        let id = id.clone();
        Memo::new(move |_| ticked.with(|t| t.contains(&id)))
    };
    let toggle = move |ev| {
        let on = event_target_checked(&ev);
        ticked.update(|t| {
            t.retain(|s| s != &id);
            if on {
                t.push(id.clone());
            }
        });
        ticked.with_untracked(|t| prefs::save_ticked(&checklist_id, t));
    };
    let deadline = {
        let step = step.clone();
        move || {
            let today = format::today();
            step_status(&step, &anchors.get(), today).map(|status| {
                let (text, state) = deadline_text(i18n, status, today);
                view! { <p class="deadline" data-state=state>{text}</p> }
            })
        }
    };
    view! {
        <li class="step" class:done=is_ticked data-step=step.id.clone()>
            <input type="checkbox" id=input_id.clone() prop:checked=is_ticked on:change=toggle />
            <div>
                <label for=input_id>{step.what.clone()}</label>
                {step.where_.clone().map(|place| view! { <p class="muted">{move || i18n.tf(Key::StepWhere, &[("place", &place)])}</p> })}
                {step.cost.clone().map(|cost| view! { <p class="muted">{move || i18n.tf(Key::StepCost, &[("cost", &cost)])}</p> })}
                {deadline}
            </div>
        </li>
    }
}

/// One checklist (`/checklists/ID`): dates, steps to tick, deadlines and the calendar export.
#[component]
pub fn ChecklistPage(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let content = use_content();
    let anchors = RwSignal::new(prefs::anchors());
    let title = {
        let id = id.clone();
        move || Some(content.pack.get()?.checklist(&id)?.title.clone())
    };
    let page = move || {
        let checklist = content.pack.get()?.checklist(&id)?.clone();
        let ticked = RwSignal::new(prefs::ticked(&checklist.id));
        let mut needed: Vec<Anchor> = checklist
            .steps
            .iter()
            .filter_map(|s| s.deadline.map(|d| d.from))
            .collect();
        needed.dedup();
        jardam_core::order::sort_short_by_key(&mut needed, |a| {
            Anchor::ALL.iter().position(|x| x == a)
        });
        needed.dedup();
        let has_deadlines = !needed.is_empty();
        let dates = needed
            .into_iter()
            .map(|anchor| {
                let input_id = format!("date-{}", anchor.as_str());
                let label_for = input_id.clone();
                let value = move || {
                    anchors
                        .get()
                        .get(anchor)
                        .map(|d| d.to_string())
                        .unwrap_or_default()
                };
                view! {
                    <label class="field" for=label_for>
                        <span>{move || i18n.t(anchor_key(anchor))}</span>
                        <input
                            type="date"
                            id=input_id
                            prop:value=value
                            on:change=move |ev| {
                                let date = Date::parse(&event_target_value(&ev)).ok();
                                anchors.update(|a| set_anchor(a, anchor, date));
                                prefs::save_anchors(&anchors.get_untracked());
                            }
                        />
                    </label>
                }
            })
            .collect_view();
        let steps = checklist
            .steps
            .iter()
            .cloned()
            .map(|step| view! { <StepItem checklist_id=checklist.id.clone() step=step anchors=anchors ticked=ticked /> })
            .collect_view();
        let for_calendar = checklist.clone();
        Some(view! {
            <h1>{checklist.title.clone()}</h1>
            <TrustNotes provenance=checklist.provenance.clone() lang=checklist.lang.clone() proposed_as_of=None />
            <p class="lead">{checklist.summary.clone()}</p>
            {has_deadlines.then(|| view! {
                <h2>{i18n.text(Key::YourDates)}</h2>
                <div class="dates">{dates}</div>
            })}
            <ol class="steps">{steps}</ol>
            {has_deadlines.then(|| view! {
                <button id="add-to-calendar" on:click=move |_| download_calendar(&for_calendar, &anchors.get_untracked())>
                    {i18n.text(Key::AddToCalendar)}
                </button>
                <p class="muted">{i18n.text(Key::CalendarHint)}</p>
            })}
            <Sources provenance=checklist.provenance.clone() />
        })
    };
    view! { <Detail screen="checklist" back=Page::Checklists title page=move || page().map(IntoAny::into_any) /> }
}
