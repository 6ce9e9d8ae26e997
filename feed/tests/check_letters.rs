//! One broken variant of the valid fixture's letter template per rule `jardam-feed check`
//! applies to `letters/`: each test breaks one thing and asserts the message names the file,
//! the line and the field.

mod common;

use common::Fixture;

const LETTER: &str = "letters/wage-claim.toml";

#[test]
fn a_letter_without_problems_is_counted() {
    let run = Fixture::valid().check();
    assert_eq!(run.code, 0, "{}", run.all());
    assert!(run.stdout.contains("1 letter in"), "{}", run.stdout);
}

#[test]
fn the_letter_id_must_equal_the_file_name() {
    let f = Fixture::valid();
    f.edit(LETTER, "id = \"wage-claim\"", "id = \"wage-claims\"");
    f.expect_problem(LETTER, 1, "id", "must equal the file name");
}

#[test]
fn an_unknown_addressee_is_refused() {
    let f = Fixture::valid();
    f.edit(LETTER, "addressee = \"employer\"", "addressee = \"police\"");
    let line = f.line(LETTER, "addressee =");
    f.expect_problem(
        LETTER,
        line,
        "addressee",
        "`police` is not one of: employer",
    );
}

#[test]
fn a_letter_checked_only_against_sources_is_refused() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "review = \"needs-legal-review\"",
        "review = \"checked-against-sources\"",
    );
    let line = f.line(LETTER, "review =");
    f.expect_problem(LETTER, line, "review", "stays \"needs-legal-review\"");
}

#[test]
fn a_lawyer_reviewed_letter_names_its_reviewer() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "review = \"needs-legal-review\"",
        "review = \"lawyer-reviewed\"",
    );
    let line = f.line(LETTER, "review =");
    f.expect_problem(LETTER, line, "reviewed_by", "needs `reviewed_by`");
    f.edit(
        LETTER,
        "review = \"lawyer-reviewed\"",
        "review = \"lawyer-reviewed\"\nreviewed_by = \"A lawyers' association\"",
    );
    let run = f.check();
    assert_eq!(run.code, 0, "{}", run.all());
}

#[test]
fn a_letter_source_must_be_the_page_that_states_the_facts() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "url = \"https://www.klerk.ru/buh/news/680383/\"",
        "url = \"https://www.klerk.ru/\"",
    );
    let line = f.line(LETTER, "url =");
    f.expect_problem(LETTER, line, "sources.url", "is a home page");
}

#[test]
fn an_unknown_field_kind_is_refused() {
    let f = Fixture::valid();
    f.edit(LETTER, "kind = \"money\"", "kind = \"number\"");
    let line = f.line(LETTER, "kind = \"number\"");
    f.expect_problem(LETTER, line, "fields.kind", "`number` is not one of");
}

#[test]
fn a_placeholder_must_name_a_field_or_today() {
    let f = Fixture::valid();
    f.edit(LETTER, "{today}", "{todey}");
    let line = f.line(LETTER, "{todey}");
    f.expect_problem(
        LETTER,
        line,
        "letter.signature",
        "`{todey}` is not a field of this letter",
    );
}

#[test]
fn a_placeholder_on_a_later_line_of_the_body_is_reported_at_its_line() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "Прошу выплатить задолженность.",
        "Прошу выплатить {debt}.",
    );
    let line = f.line(LETTER, "{debt}");
    f.expect_problem(LETTER, line, "letter.body", "`{debt}` is not a field");
}

#[test]
fn a_curly_bracket_that_is_no_placeholder_is_refused() {
    let f = Fixture::valid();
    f.edit(LETTER, "с {since}.", "с {since}. {Сумма}");
    let line = f.line(LETTER, "{Сумма}");
    f.expect_problem(LETTER, line, "letter.body", "a curly bracket");
}

#[test]
fn every_field_is_used_in_the_letter() {
    let f = Fixture::valid();
    f.edit(LETTER, " с {since}.", ".");
    let line = f.line(LETTER, "id = \"since\"");
    f.expect_problem(LETTER, line, "fields.id", "`since` is never used");
}

#[test]
fn field_ids_are_unique() {
    let f = Fixture::valid();
    f.edit(LETTER, "id = \"since\"", "id = \"amount\"");
    let line = f.nth_line(LETTER, "id = \"amount\"", 2);
    f.expect_problem(LETTER, line, "fields.id", "the id of another field");
}

#[test]
fn a_field_id_is_a_placeholder_name_and_not_today() {
    let f = Fixture::valid();
    f.edit(LETTER, "id = \"since\"", "id = \"since-when\"");
    let line = f.line(LETTER, "id = \"since-when\"");
    f.expect_problem(LETTER, line, "fields.id", "not a valid field id");
    f.edit(LETTER, "id = \"since-when\"", "id = \"today\"");
    f.expect_problem(LETTER, line, "fields.id", "the date the letter is made");
}

#[test]
fn every_language_labels_every_field() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "since = { label = \"Unpaid since\", hint = \"A date\" }\n",
        "",
    );
    let line = f.line(LETTER, "[text.en.fields]");
    f.expect_problem(
        LETTER,
        line,
        "text.en.fields.since",
        "every field needs a label and a hint",
    );
}

#[test]
fn every_field_label_has_a_hint() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "since = { label = \"Unpaid since\", hint = \"A date\" }",
        "since = { label = \"Unpaid since\" }",
    );
    let line = f.line(LETTER, "Unpaid since");
    f.expect_problem(
        LETTER,
        line,
        "text.en.fields.since.hint",
        "required field is missing",
    );
}

#[test]
fn a_label_for_no_field_is_refused() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "since = { label = \"Unpaid since\", hint = \"A date\" }",
        "since = { label = \"Unpaid since\", hint = \"A date\" }\nphone = { label = \"Phone\", hint = \"+7\" }",
    );
    let line = f.line(LETTER, "phone = {");
    f.expect_problem(
        LETTER,
        line,
        "text.en.fields.phone",
        "`phone` is not a field of this letter",
    );
}

#[test]
fn related_articles_of_a_letter_must_exist() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "related = [\"registration-eaeu\"]",
        "related = [\"unpaid-wages\"]",
    );
    let line = f.line(LETTER, "related =");
    f.expect_problem(
        LETTER,
        line,
        "related",
        "`unpaid-wages` is not the id of any article",
    );
}

#[test]
fn source_marks_are_refused_in_the_letter_itself() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "Прошу выплатить задолженность.",
        "Прошу выплатить задолженность [1].",
    );
    let line = f.line(LETTER, "задолженность [1]");
    f.expect_problem(LETTER, line, "letter.body", "no `[n]` source marks");
}

#[test]
fn source_marks_in_the_explanation_point_at_a_source() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "Wages are paid twice a month [1].",
        "Wages are paid twice a month [2].",
    );
    let line = f.line(LETTER, "twice a month [2]");
    f.expect_problem(
        LETTER,
        line,
        "text.en.explanation",
        "`[2]` refers to no source",
    );
}

#[test]
fn the_russian_text_is_required_as_the_others_fall_back_to_it() {
    let f = Fixture::valid();
    let text = f.read(LETTER);
    let start = text.find("[text.ru]").unwrap();
    let end = text.find("[text.en]").unwrap();
    f.write(LETTER, &format!("{}{}", &text[..start], &text[end..]));
    let line = f.line(LETTER, "[text.en]");
    f.expect_problem(LETTER, line, "text.ru", "text in `ru` is required");
}

#[test]
fn a_letter_whose_figures_expired_is_a_warning() {
    let f = Fixture::valid();
    f.edit(
        LETTER,
        "checked_on = 2026-11-20",
        "checked_on = 2026-11-20\nvalid_until = 2026-11-20",
    );
    let line = f.line(LETTER, "valid_until");
    let run = f.check();
    assert_eq!(
        run.code,
        0,
        "a warning does not stop publication: {}",
        run.all()
    );
    let expected = format!(
        "{}:{line}: field `valid_until`: warning: its figures were valid until 2026-11-20",
        f.path(LETTER).display()
    );
    assert!(run.stderr.contains(&expected), "{}", run.all());
}

#[test]
fn every_related_article_links_to_the_letter_in_each_text() {
    let f = Fixture::valid();
    f.edit(
        "articles/registration-eaeu.toml",
        "[Требование выплатить зарплату](/letters/wage-claim)",
        "Требование выплатить зарплату",
    );
    let line = f.line(LETTER, "related =");
    f.expect_problem(
        LETTER,
        line,
        "related",
        "article `registration-eaeu` does not link to this letter in its `ru` text",
    );
}

#[test]
fn a_link_to_a_letter_names_one() {
    let f = Fixture::valid();
    f.edit(
        "articles/registration-eaeu.toml",
        "(/letters/wage-claim)\n\"\"\"\n\n[text.en]",
        "(/letters/wage-claim)\n[Other](/letters/no-such-letter)\n\"\"\"\n\n[text.en]",
    );
    let run = f.check();
    assert_ne!(run.code, 0, "{}", run.all());
    assert!(
        run.all().contains(
            "links to `/letters/no-such-letter`, but there is no letter `no-such-letter`"
        ),
        "{}",
        run.all()
    );
}
