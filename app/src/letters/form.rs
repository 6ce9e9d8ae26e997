//! One letter template: a form in the reader's language, the formal Russian letter it writes,
//! what that letter says in the reader's language, and ways to print, copy or send it.
//!
//! What the reader types lives in this screen's signals only and is dropped when they leave
//! it, unless they choose to keep it on the phone (`prefs::letter_values`). Nothing is sent.

use jardam_core::content::letter::compose::{Composed, FieldError, ValueProblem, compose};
use jardam_core::content::letter::{Field, FieldKind, Letter};
use leptos::prelude::*;

use crate::i18n::{LetterKey, format, use_i18n};
use crate::platform::{document, prefs, sharing};
use crate::views::trust::{Sources, TrustNotes};

/// Paragraphs of `text`, separated by blank lines.
fn paragraphs(text: &str) -> impl IntoView + use<> {
    text.split("\n\n")
        .map(|p| view! { <p>{p.trim().to_owned()}</p> })
        .collect_view()
}

fn problem_key(problem: ValueProblem) -> LetterKey {
    match problem {
        ValueProblem::Missing => LetterKey::Missing,
        ValueProblem::NotADate => LetterKey::NotDate,
        ValueProblem::NotAnAmount => LetterKey::NotAmount,
        ValueProblem::NotAPassportNumber => LetterKey::NotPassport,
        ValueProblem::NotAPhoneNumber => LetterKey::NotPhone,
        ValueProblem::LineBreak => LetterKey::OneLine,
        ValueProblem::Braces => LetterKey::Braces,
        ValueProblem::NotAField | ValueProblem::StrayBrace => LetterKey::Broken,
    }
}

/// One field: label, hint, the input its kind asks for, and what is wrong with it.
fn field_view(
    field: Field,
    values: RwSignal<Vec<(String, String)>>,
    errors: RwSignal<Vec<FieldError>>,
    keep: RwSignal<bool>,
    letter_id: &str,
) -> impl IntoView + use<> {
    let i18n = use_i18n();
    let input_id = format!("field-{}", field.id);
    let hint_id = format!("hint-{}", field.id);
    let error_id = format!("error-{}", field.id);
    let described = format!("{hint_id} {error_id}");
    let id = field.id.clone();
    let value = {
        let id = id.clone();
        move || {
            values.with(|v| {
                v.iter()
                    .find(|(f, _)| *f == id)
                    .map(|(_, v)| v.clone())
                    .unwrap_or_default()
            })
        }
    };
    let problem = {
        let id = id.clone();
        Memo::new(move |_| {
            errors.with(|e| {
                e.iter()
                    .find(|e| e.field == id)
                    .map(|e| problem_key(e.problem))
            })
        })
    };
    let letter_id = letter_id.to_owned();
    let set = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        values.update(|v| match v.iter_mut().find(|(f, _)| *f == id) {
            Some(slot) => slot.1 = typed,
            None => v.push((id.clone(), typed)),
        });
        if keep.get_untracked() {
            values.with_untracked(|v| prefs::save_letter_values(&letter_id, v));
        }
    };
    let invalid = move || problem.get().is_some().to_string();
    let (kind, mode) = match field.kind {
        FieldKind::Date => ("date", None),
        FieldKind::Money => ("text", Some("decimal")),
        FieldKind::Phone => ("tel", None),
        _ => ("text", None),
    };
    let input = if field.kind == FieldKind::Multiline {
        view! {
            <textarea id=input_id.clone() rows="4" autocomplete="off" aria-describedby=described
                aria-invalid=invalid prop:value=value on:input=set></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=input_id.clone() type=kind inputmode=mode autocomplete="off" aria-describedby=described
                aria-invalid=invalid prop:value=value on:input=set />
        }
        .into_any()
    };
    view! {
        <div class="field" data-field=field.id.clone() data-kind=field.kind.as_str()>
            <label for=input_id>
                {field.label.clone()}
                {(!field.required).then(|| view! { " " <span class="optional">{i18n.letter(LetterKey::Optional)}</span> })}
            </label>
            <p class="hint" id=hint_id>{field.hint.clone()}</p>
            {input}
            <p class="field-error" id=error_id>{move || problem.get().map(|k| i18n.letter(k)())}</p>
        </div>
    }
}

/// The Russian letter as it will be printed.
fn sheet(letter: &Composed) -> impl IntoView + use<> {
    view! {
        <div class="letter-sheet" lang="ru" id="letter-sheet">
            <p class="letter-to">{letter.to.clone()}</p>
            <p class="letter-from">{letter.from.clone()}</p>
            <p class="letter-title">{letter.title.clone()}</p>
            {letter.body.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
            <p class="letter-signature">{letter.signature.clone()}</p>
        </div>
    }
}

/// The form of `letter`, and once it is filled in correctly, the letter.
#[component]
pub(super) fn LetterForm(letter: Letter) -> impl IntoView {
    let i18n = use_i18n();
    let kept = prefs::letter_values(&letter.id);
    let keep = RwSignal::new(kept.is_some());
    let values = RwSignal::new(kept.unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let composed = RwSignal::new(None::<Composed>);
    let status = RwSignal::new(None::<LetterKey>);
    let id = letter.id.clone();
    let toggle_keep = {
        let id = id.clone();
        move |ev| {
            let on = event_target_checked(&ev);
            keep.set(on);
            if on {
                values.with_untracked(|v| prefs::save_letter_values(&id, v));
            } else {
                prefs::forget_letter_values(&id);
            }
        }
    };
    let template = letter.clone();
    let make = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        status.set(None);
        match values.with_untracked(|v| compose(&template, v, format::today())) {
            Ok(done) => {
                errors.set(Vec::new());
                composed.set(Some(done));
                document::focus_after_redraw("#letter-done".to_owned());
            }
            Err(found) => {
                let first = found.first().map(|e| format!("#field-{}", e.field));
                errors.set(found);
                composed.set(None);
                if let Some(first) = first {
                    document::focus_after_redraw(first);
                }
            }
        }
    };
    let copy_or_send = move |send: bool| {
        let Some((title, text)) =
            composed.with_untracked(|c| c.as_ref().map(|c| (c.title.clone(), c.plain_text())))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let shared = if send {
                sharing::share_text(&title, &text).await
            } else {
                sharing::copy(&text).await
            };
            status.set((shared == sharing::Shared::Copied).then_some(LetterKey::Copied));
        });
    };
    let fields = letter
        .fields
        .iter()
        .cloned()
        .map(|f| field_view(f, values, errors, keep, &id))
        .collect_view();
    let lang = letter.lang.clone();
    let explanation = letter.explanation.clone();
    let how_to_submit = letter.how_to_submit.clone();
    let result = move || {
        composed.with(|c| {
            c.as_ref().map(|done| {
                view! {
                    <section class="letter-result" aria-labelledby="letter-done">
                        <h2 id="letter-done" tabindex="-1">{i18n.letter(LetterKey::InRussian)}</h2>
                        {sheet(done)}
                        <div class="letter-actions no-print">
                            <button id="letter-print" on:click=|_| { let _ = window().print(); }>{i18n.letter(LetterKey::Print)}</button>
                            <button id="letter-copy" on:click=move |_| copy_or_send(false)>{i18n.letter(LetterKey::Copy)}</button>
                            <button id="letter-share" on:click=move |_| copy_or_send(true)>{i18n.letter(LetterKey::Share)}</button>
                        </div>
                        <p role="status" class="share-status no-print">{move || status.get().map(|k| i18n.letter(k)())}</p>
                    </section>
                }
            })
        })
    };
    view! {
        <article class="letter" data-id=letter.id.clone() lang=lang.clone()>
            <h1>{letter.title.clone()}</h1>
            <TrustNotes provenance=letter.provenance.clone() lang=lang.clone() proposed_as_of=None />
            <p class="lead">{letter.summary.clone()}</p>
            <form class="letter-form no-print" novalidate autocomplete="off" on:submit=make>
                <p class="privacy">{i18n.letter(LetterKey::Privacy)}</p>
                {fields}
                <label class="keep">
                    <input type="checkbox" id="letter-keep" prop:checked=keep on:change=toggle_keep />
                    " " {i18n.letter(LetterKey::Keep)}
                </label>
                <p class="hint">{i18n.letter(LetterKey::KeepWhy)}</p>
                <p role="alert" class="field-error">{move || (!errors.with(Vec::is_empty)).then(|| i18n.letter(LetterKey::Fix)())}</p>
                <button type="submit" class="primary" id="letter-make">{i18n.letter(LetterKey::Make)}</button>
            </form>
            {result}
            <section class="letter-explained">
                <h2>{i18n.letter(LetterKey::Says)}</h2>
                {paragraphs(&explanation)}
                <h2>{i18n.letter(LetterKey::HandIn)}</h2>
                {paragraphs(&how_to_submit)}
            </section>
        </article>
        <div class="no-print"><Sources provenance=letter.provenance.clone() /></div>
    }
}
