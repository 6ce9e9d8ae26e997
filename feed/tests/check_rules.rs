//! One broken variant of the valid fixture per validation rule of `jardam-feed check`: each test
//! breaks one thing and asserts the exit code and that the message names the file, the line and
//! the field.

mod common;

use common::{Fixture, TODAY, run};

const ARTICLE: &str = "articles/registration-eaeu.toml";
const EMERGENCY_ARTICLE: &str = "articles/police-check.toml";
const EMERGENCY_CONTACT: &str = "contacts/emergency-112.toml";
const EMBASSY: &str = "contacts/kg-embassy-moscow.toml";
const CHECKLIST: &str = "checklists/kg-worker-arrival.toml";
const FEED: &str = "feed.toml";
const CATEGORIES: &str = "categories.toml";
const REGIONS: &str = "regions.toml";

#[test]
fn the_valid_fixture_passes() {
    let f = Fixture::valid();
    let run = f.check();
    assert_eq!(run.code, 0, "{}", run.all());
    assert_eq!(
        run.stdout,
        "ok: 2 articles, 2 contacts, 1 checklist, 1 letter in 5 languages\n"
    );
    assert_eq!(run.stderr, "");
}

// --- TOML, fields and types -------------------------------------------------------------------

#[test]
fn toml_syntax_errors_are_reported_with_their_line() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "title = \"Учёт по месту пребывания\"",
        "title = \"Учёт по месту",
    );
    let line = f.line(ARTICLE, "title = \"Учёт по месту");
    let run = f.expect_problem(ARTICLE, line, "text.ru.title", "TOML syntax");
    assert!(run.stderr.contains("TOML syntax"), "{}", run.stderr);
}

#[test]
fn a_missing_required_field_is_reported_at_the_file() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "category = \"arrival\"\n", "");
    f.expect_problem(ARTICLE, 1, "category", "required field is missing");
}

#[test]
fn a_missing_required_text_field_is_reported_at_its_table() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "summary = \"Register within 30 days.\"\n", "");
    let line = f.line(ARTICLE, "[text.en]");
    f.expect_problem(
        ARTICLE,
        line,
        "text.en.summary",
        "required field is missing",
    );
}

#[test]
fn unknown_fields_are_refused() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "summary = \"Register within",
        "sumary = \"Register within",
    );
    let line = f.line(ARTICLE, "sumary =");
    f.expect_problem(ARTICLE, line, "text.en.sumary", "unknown field");
}

#[test]
fn a_top_level_field_below_a_table_header_is_explained() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "hours_tz = \"Europe/Moscow\"\n", "");
    f.edit(
        EMBASSY,
        "label = \"reception\"\n",
        "label = \"reception\"\nhours_tz = \"Europe/Moscow\"\n",
    );
    let line = f.line(EMBASSY, "hours_tz");
    f.expect_problem(
        EMBASSY,
        line,
        "phones.hours_tz",
        "belongs at the top of the file",
    );
}

#[test]
fn a_value_of_the_wrong_type_is_refused() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "emergency = false", "emergency = \"no\"");
    let line = f.line(ARTICLE, "emergency =");
    f.expect_problem(ARTICLE, line, "emergency", "expected true or false");
}

// --- ids ---------------------------------------------------------------------------------------

#[test]
fn the_id_must_equal_the_file_name() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "id = \"registration-eaeu\"",
        "id = \"registration-eaeu-2\"",
    );
    f.expect_problem(ARTICLE, 1, "id", "must equal the file name");
}

#[test]
fn ids_are_lower_case_words() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "id = \"kg-embassy-moscow\"", "id = \"KG_Embassy\"");
    f.expect_problem(EMBASSY, 1, "id", "not a valid id");
}

#[test]
fn category_ids_are_unique() {
    let f = Fixture::valid();
    f.edit(CATEGORIES, "id = \"police\"", "id = \"arrival\"");
    let line = f.nth_line(CATEGORIES, "id = \"arrival\"", 2);
    f.expect_problem(
        CATEGORIES,
        line,
        "category.id",
        "is the id of another category",
    );
}

#[test]
fn step_ids_are_unique_within_a_checklist() {
    let f = Fixture::valid();
    f.edit(CHECKLIST, "id = \"contract-notice\"", "id = \"register\"");
    let line = f.nth_line(CHECKLIST, "id = \"register\"", 2);
    f.expect_problem(CHECKLIST, line, "steps.id", "another step");
}

// --- cross-references ------------------------------------------------------------------------

#[test]
fn an_article_category_must_exist() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "category = \"arrival\"", "category = \"arrivals\"");
    let line = f.line(ARTICLE, "category =");
    f.expect_problem(
        ARTICLE,
        line,
        "category",
        "`arrivals` is not the id of any category",
    );
}

#[test]
fn related_articles_must_exist() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "related = [\"police-check\"]",
        "related = [\"police-chek\"]",
    );
    let line = f.line(ARTICLE, "related =");
    f.expect_problem(
        ARTICLE,
        line,
        "related",
        "`police-chek` is not the id of any",
    );
}

#[test]
fn an_article_is_not_related_to_itself() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "related = [\"police-check\"]",
        "related = [\"registration-eaeu\"]",
    );
    let line = f.line(ARTICLE, "related =");
    f.expect_problem(ARTICLE, line, "related", "cannot be related to itself");
}

#[test]
fn article_contacts_must_exist() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "contacts = [\"kg-embassy-moscow\"]",
        "contacts = [\"kg-embassy-bishkek\"]",
    );
    let line = f.line(ARTICLE, "contacts =");
    f.expect_problem(ARTICLE, line, "contacts", "not the id of any contact");
}

#[test]
fn checklist_related_articles_must_exist() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "related = [\"registration-eaeu\"]",
        "related = [\"registration\"]",
    );
    let line = f.line(CHECKLIST, "related =");
    f.expect_problem(CHECKLIST, line, "related", "not the id of any article");
}

// --- phones, URLs and other values -------------------------------------------------------------

#[test]
fn phone_numbers_are_e164() {
    let f = Fixture::valid();
    f.edit(
        EMBASSY,
        "number = \"+74952371111\"",
        "number = \"+7 495 237-11-11\"",
    );
    let line = f.line(EMBASSY, "+7 495");
    f.expect_problem(EMBASSY, line, "phones.number", "not an E.164 number");
}

#[test]
fn only_emergency_contacts_may_use_short_numbers() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "number = \"+74952371111\"", "number = \"102\"");
    let line = f.line(EMBASSY, "\"102\"");
    f.expect_problem(
        EMBASSY,
        line,
        "phones.number",
        "only contacts of kind `emergency`",
    );
}

#[test]
fn emergency_short_numbers_have_three_digits() {
    let f = Fixture::valid();
    f.edit(EMERGENCY_CONTACT, "number = \"112\"", "number = \"1120\"");
    let line = f.line(EMERGENCY_CONTACT, "1120");
    f.expect_problem(EMERGENCY_CONTACT, line, "phones.number", "E.164");
}

#[test]
fn whatsapp_is_e164() {
    let f = Fixture::valid();
    f.edit(
        EMBASSY,
        "whatsapp = \"+79251155047\"",
        "whatsapp = \"89251155047\"",
    );
    let line = f.line(EMBASSY, "whatsapp");
    f.expect_problem(EMBASSY, line, "whatsapp", "not an E.164 number");
}

#[test]
fn source_urls_are_https() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "url = \"https://tass.ru/obschestvo/25746681\"",
        "url = \"ftp://tass.ru/obschestvo/25746681\"",
    );
    let line = f.line(ARTICLE, "url =");
    f.expect_problem(
        ARTICLE,
        line,
        "sources.url",
        "must be an https:// (or http://) address",
    );
}

#[test]
fn a_source_is_a_page_not_a_home_page() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "url = \"https://tass.ru/obschestvo/25746681\"",
        "url = \"https://tass.ru/\"",
    );
    let line = f.line(ARTICLE, "url =");
    f.expect_problem(ARTICLE, line, "sources.url", "is a home page");
    f.edit(
        ARTICLE,
        "url = \"https://tass.ru/\"",
        "url = \"http://tass.ru\"",
    );
    f.expect_problem(ARTICLE, line, "sources.url", "is a home page");
    f.edit(
        ARTICLE,
        "url = \"http://tass.ru\"",
        "url = \"http://tass.ru/obschestvo/25746681\"",
    );
    assert_eq!(
        f.check().code,
        0,
        "a page served over http:// is as published"
    );
}

#[test]
fn websites_have_a_host() {
    let f = Fixture::valid();
    f.edit(
        EMBASSY,
        "website = \"https://kg-embassy.example.org/consular\"",
        "website = \"https:///consular\"",
    );
    let line = f.line(EMBASSY, "website");
    f.expect_problem(EMBASSY, line, "website", "no valid host name");
}

#[test]
fn emails_are_checked() {
    let f = Fixture::valid();
    f.edit(
        EMBASSY,
        "email = \"help@example.org\"",
        "email = \"help-at-example.org\"",
    );
    let line = f.line(EMBASSY, "email");
    f.expect_problem(EMBASSY, line, "email", "not an e-mail address");
}

#[test]
fn telegram_is_a_bare_user_name() {
    let f = Fixture::valid();
    f.edit(
        EMBASSY,
        "telegram = \"kg_embassy_help\"",
        "telegram = \"@kg_embassy_help\"",
    );
    let line = f.line(EMBASSY, "telegram");
    f.expect_problem(EMBASSY, line, "telegram", "without @");
}

#[test]
fn words_come_from_their_closed_lists() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "applies_to = [\"KG\", \"KZ\", \"eaeu-worker\"]",
        "applies_to = [\"KG\", \"kz\"]",
    );
    let line = f.line(ARTICLE, "applies_to");
    f.expect_problem(
        ARTICLE,
        line,
        "applies_to",
        "`kz` is not one of: KG, KZ, UZ, TJ, any",
    );
}

#[test]
fn contact_kind_is_checked() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "kind = \"embassy\"", "kind = \"embasy\"");
    let line = f.line(EMBASSY, "kind =");
    f.expect_problem(EMBASSY, line, "kind", "`embasy` is not one of");
}

#[test]
fn phone_labels_are_checked() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "label = \"reception\"", "label = \"front-desk\"");
    let line = f.line(EMBASSY, "front-desk");
    f.expect_problem(EMBASSY, line, "phones.label", "is not one of");
}

#[test]
fn empty_strings_are_refused() {
    let f = Fixture::valid();
    f.edit(EMERGENCY_ARTICLE, "body = \"Ором бошед.\"", "body = \"  \"");
    let line = f.line(EMERGENCY_ARTICLE, "body = \"  \"");
    f.expect_problem(EMERGENCY_ARTICLE, line, "text.tg.body", "must not be empty");
}

// --- dates --------------------------------------------------------------------------------------

#[test]
fn impossible_dates_are_refused() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "updated = 2025-11-27", "updated = 2025-02-30");
    let line = f.line(ARTICLE, "updated =");
    f.expect_problem(ARTICLE, line, "updated", "invalid date");
}

#[test]
fn dates_are_toml_dates_not_strings() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "updated = 2025-11-27", "updated = \"2025-11-27\"");
    let line = f.line(ARTICLE, "updated =");
    f.expect_problem(ARTICLE, line, "updated", "without quotes");
}

#[test]
fn dates_are_not_in_the_future() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "\ndate = 2025-11-27", "\ndate = 2026-11-22");
    let line = f.line(ARTICLE, "date = 2026-11-22");
    f.expect_problem(
        ARTICLE,
        line,
        "sources.date",
        "is in the future (today is 2026-11-21)",
    );
}

#[test]
fn today_is_injectable() {
    // The fixture's checked_on dates are 2026-11-20; on 2026-11-19 they are in the future.
    let f = Fixture::valid();
    let run = run(&["check", "--content", &f.dir_str(), "--today", "2026-11-19"]);
    assert_eq!(run.code, 1, "{}", run.all());
    let line = f.line(ARTICLE, "checked_on");
    let expected = format!(
        "{}:{line}: field `checked_on`: 2026-11-20 is in the future (today is 2026-11-19)",
        f.path(ARTICLE).display()
    );
    assert!(run.stderr.contains(&expected), "{}", run.all());
    let bad_today = common::run(&["check", "--content", &f.dir_str(), "--today", "2026-13-01"]);
    assert_eq!(bad_today.code, 2, "{}", bad_today.all());
    assert_eq!(f.check().code, 0, "{TODAY} is fine");
}

// --- languages, review ---------------------------------------------------------------------

#[test]
fn every_item_has_russian_text() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "[text.ru]", "[text.uz]");
    let line = f.line(EMBASSY, "[text.uz]");
    f.expect_problem(
        EMBASSY,
        line,
        "text.ru",
        "the language the others fall back to",
    );
}

#[test]
fn text_languages_are_declared_in_feed_toml() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "[text.en]", "[text.de]");
    let line = f.line(ARTICLE, "[text.de]");
    f.expect_problem(
        ARTICLE,
        line,
        "text.de",
        "`de` is not a language of the feed",
    );
}

#[test]
fn a_language_without_fallback_must_be_covered() {
    let f = Fixture::valid();
    f.edit(FEED, "en = \"ru\", ", "");
    // The embassy has no English text and English no longer falls back.
    let line = f.line(EMBASSY, "[text.ru]");
    f.expect_problem(
        EMBASSY,
        line,
        "text.en",
        "feed.toml declares no fallback for `en`",
    );
}

#[test]
fn emergency_articles_need_every_language() {
    let f = Fixture::valid();
    let text = f.read(EMERGENCY_ARTICLE);
    let tg = text.find("[text.tg]").unwrap();
    f.write(EMERGENCY_ARTICLE, &text[..tg]);
    let line = f.line(EMERGENCY_ARTICLE, "[text.ru]");
    f.expect_problem(
        EMERGENCY_ARTICLE,
        line,
        "text.tg",
        "emergency articles need text in every language",
    );
}

#[test]
fn review_is_required() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "review = \"checked-against-sources\"\n", "");
    f.expect_problem(ARTICLE, 1, "review", "required field is missing");
}

#[test]
fn review_is_one_of_three_levels_and_verified_is_not_one() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "review = \"checked-against-sources\"",
        "review = \"verified\"",
    );
    let line = f.line(ARTICLE, "\"verified\"");
    f.expect_problem(
        ARTICLE,
        line,
        "review",
        "`verified` is not one of: checked-against-sources, needs-legal-review, lawyer-reviewed",
    );
}

#[test]
fn lawyer_reviewed_needs_a_named_reviewer() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "review = \"checked-against-sources\"",
        "review = \"lawyer-reviewed\"",
    );
    let line = f.line(ARTICLE, "review =");
    f.expect_problem(ARTICLE, line, "reviewed_by", "needs `reviewed_by`");
    f.edit(
        ARTICLE,
        "review = \"lawyer-reviewed\"",
        "review = \"lawyer-reviewed\"\nreviewed_by = \"Lawyers' association X\"",
    );
    assert_eq!(f.check().code, 0, "{}", f.check().all());
}

#[test]
fn a_reviewer_is_named_only_for_lawyer_reviewed() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "review = \"checked-against-sources\"",
        "review = \"checked-against-sources\"\nreviewed_by = \"Someone\"",
    );
    let line = f.line(ARTICLE, "reviewed_by");
    f.expect_problem(
        ARTICLE,
        line,
        "reviewed_by",
        "only with review = \"lawyer-reviewed\"",
    );
}

#[test]
fn every_text_says_who_wrote_it() {
    let f = Fixture::valid();
    f.edit(ARTICLE, "written_by = \"machine-translation\"\n", "");
    let line = f.line(ARTICLE, "[text.en]");
    f.expect_problem(
        ARTICLE,
        line,
        "text.en.written_by",
        "required field is missing",
    );
    f.edit(
        ARTICLE,
        "[text.en]\n",
        "[text.en]\nwritten_by = \"human\"\n",
    );
    f.expect_problem(
        ARTICLE,
        line + 1,
        "text.en.written_by",
        "not one of: editors, machine-translation",
    );
}

#[test]
fn expired_figures_are_a_warning_on_a_fixed_day() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "checked_on = 2026-11-20",
        "checked_on = 2026-11-20\nvalid_until = 2026-12-31",
    );
    let line = f.line(ARTICLE, "valid_until");
    let on = |today: &str| run(&["check", "--content", &f.dir_str(), "--today", today]);
    let before = on("2026-12-31");
    assert_eq!(before.code, 0, "{}", before.all());
    assert_eq!(before.stderr, "", "the last day is still valid");
    let after = on("2027-01-01");
    assert_eq!(
        after.code,
        0,
        "a warning does not stop publication: {}",
        after.all()
    );
    assert!(after.stdout.starts_with("ok: "), "{}", after.all());
    let expected = format!(
        "{}:{line}: field `valid_until`: warning: its figures were valid until 2026-12-31",
        f.path(ARTICLE).display()
    );
    assert!(after.stderr.contains(&expected), "{}", after.all());
}

#[test]
fn valid_until_may_be_in_the_future_but_must_be_a_date() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "checked_on = 2026-11-20",
        "checked_on = 2026-11-20\nvalid_until = \"2026\"",
    );
    let line = f.line(ARTICLE, "valid_until");
    f.expect_problem(ARTICLE, line, "valid_until", "expected a TOML date");
}

#[test]
fn numbered_references_point_at_listed_sources() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "в течение **30 дней**.",
        "в течение **30 дней** [1].",
    );
    assert_eq!(
        f.check().code,
        0,
        "[1] is the one source: {}",
        f.check().all()
    );
    f.edit(ARTICLE, "**30 дней** [1].", "**30 дней** [2].");
    let line = f.line(ARTICLE, "**30 дней** [2]");
    f.expect_problem(ARTICLE, line, "text.ru.body", "`[2]` refers to no source");
    f.edit(ARTICLE, "**30 дней** [2].", "**30 дней** [0].");
    f.expect_problem(ARTICLE, line, "text.ru.body", "`[0]` refers to no source");
    f.edit(ARTICLE, "**30 дней** [0].", "**30 дней** [1](tel:112).");
    assert_eq!(
        f.check().code,
        0,
        "a link whose text is a number is no reference"
    );
    f.edit(
        CHECKLIST,
        "what = \"Встать на учёт по месту пребывания\"",
        "what = \"Встать на учёт по месту пребывания [3]\"",
    );
    let line = f.line(CHECKLIST, "пребывания [3]");
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.text.ru.what",
        "`[3]` refers to no source",
    );
}

#[test]
fn proposals_live_in_their_own_category() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "updated = 2025-11-27",
        "updated = 2025-11-27\nproposed_as_of = 2026-11-20",
    );
    let line = f.line(ARTICLE, "category =");
    f.expect_problem(
        ARTICLE,
        line,
        "category",
        "belongs in category `proposed-changes`",
    );
    f.edit(ARTICLE, "proposed_as_of = 2026-11-20\n", "");
    f.edit(
        ARTICLE,
        "category = \"arrival\"",
        "category = \"proposed-changes\"",
    );
    f.expect_problem(ARTICLE, line, "category", "needs `proposed_as_of`");
}

#[test]
fn checklist_steps_have_the_checklist_languages() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "[steps.text.en]\nwhat = \"Pay for the patent\"\n",
        "",
    );
    let line = f.line(CHECKLIST, "what = \"Оплатить патент\"") - 1;
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.text.en",
        "this step has no [steps.text.en]",
    );
}

#[test]
fn category_titles_need_russian() {
    let f = Fixture::valid();
    f.edit(
        CATEGORIES,
        "title = { ru = \"Полиция\", en = \"Police\" }",
        "title = { en = \"Police\" }",
    );
    let line = f.line(CATEGORIES, "title = { en = \"Police\" }");
    f.expect_problem(CATEGORIES, line, "category.title.ru", "is required");
}

#[test]
fn contact_regions_must_be_listed_in_regions_toml() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "\"moscow-region\"", "\"Moscow region\"");
    let line = f.line(EMBASSY, "regions = ");
    f.expect_problem(
        EMBASSY,
        line,
        "regions",
        "`Moscow region` is not the id of any region",
    );
}

#[test]
fn region_ids_are_unique_and_titles_need_russian() {
    let f = Fixture::valid();
    f.edit(REGIONS, "id = \"moscow-region\"", "id = \"moscow\"");
    let line = f.nth_line(REGIONS, "id = \"moscow\"", 2);
    f.expect_problem(REGIONS, line, "region.id", "is the id of another region");
    let f = Fixture::valid();
    f.edit(REGIONS, "title = { ru = \"Москва\", ", "title = { ");
    let line = f.line(REGIONS, "title = { ky = \"Москва\"");
    f.expect_problem(REGIONS, line, "region.title.ru", "is required");
}

// --- body Markdown ------------------------------------------------------------------------------

fn markdown_case(from: &str, to: &str, needle: &str, words: &str) {
    let f = Fixture::valid();
    f.edit(ARTICLE, from, to);
    let line = f.nth_line(ARTICLE, needle, 1);
    f.expect_problem(ARTICLE, line, "text.ru.body", words);
}

#[test]
fn markdown_refuses_html() {
    markdown_case(
        "встают на учёт",
        "встают <b>на</b> учёт",
        "<b>",
        "HTML is not allowed",
    );
}

#[test]
fn markdown_refuses_images() {
    markdown_case(
        "## Где встать на учёт",
        "![карта](https://tass.ru/map.png)",
        "![карта]",
        "images are not allowed",
    );
}

#[test]
fn markdown_refuses_code_blocks() {
    markdown_case(
        "### Если срок пропущен",
        "```\nrm -rf\n```",
        "```",
        "code blocks",
    );
}

#[test]
fn markdown_refuses_inline_code() {
    markdown_case(
        "1. Соберите документы.",
        "1. Соберите `документы`.",
        "`документы`",
        "`code` is not allowed",
    );
}

#[test]
fn markdown_refuses_tables_too_wide_for_a_phone() {
    markdown_case(
        "### Если срок пропущен",
        "| a | b | c | d | e |\n|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 |",
        "| a |",
        "at most 4 columns",
    );
}

#[test]
fn markdown_refuses_tables_inside_lists_and_without_headings() {
    markdown_case(
        "### Если срок пропущен",
        "|  | штраф |\n|---|---|\n| 30 | 2000 |",
        "|  | штраф |",
        "needs a heading",
    );
}

#[test]
fn markdown_refuses_quotes() {
    markdown_case(
        "### Если срок пропущен",
        "> цитата",
        "> цитата",
        "quotes (>) are not allowed",
    );
}

#[test]
fn markdown_refuses_nested_lists() {
    markdown_case(
        "- приложение",
        "  - приложение",
        "  - приложение",
        "nested lists are not allowed",
    );
}

#[test]
fn markdown_refuses_unsafe_link_targets() {
    markdown_case(
        "[Амина](https://tass.ru/)",
        "[Амина](javascript:alert(1))",
        "javascript:",
        "link target `javascript:alert(1)` is not allowed",
    );
}

#[test]
fn markdown_refuses_level_one_headings() {
    markdown_case(
        "## Где встать на учёт",
        "# Где встать на учёт",
        "# Где",
        "heading level 1",
    );
}

#[test]
fn markdown_refuses_italics() {
    markdown_case(
        "**30 дней**",
        "*30 дней*",
        "*30 дней*",
        "*italic* is not allowed",
    );
}

// --- sources, hours, deadlines --------------------------------------------------------------

#[test]
fn every_item_has_a_source() {
    let f = Fixture::valid();
    f.edit(
        EMERGENCY_ARTICLE,
        "[[sources]]\ntitle = \"Civic Assistance Committee: what to do when police stop you\"\nurl = \"https://refugee.ru/news/police-check\"\n",
        "",
    );
    f.expect_problem(
        EMERGENCY_ARTICLE,
        1,
        "sources",
        "add at least one [[sources]] entry",
    );
}

#[test]
fn sources_have_a_title() {
    let f = Fixture::valid();
    f.edit(
        EMERGENCY_ARTICLE,
        "title = \"Civic Assistance Committee: what to do when police stop you\"\n",
        "",
    );
    let line = f.line(EMERGENCY_ARTICLE, "[[sources]]");
    f.expect_problem(
        EMERGENCY_ARTICLE,
        line,
        "sources.title",
        "required field is missing",
    );
}

#[test]
fn hours_are_hh_mm() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "open = \"10:00\"", "open = \"10.00\"");
    let line = f.line(EMBASSY, "10.00");
    f.expect_problem(EMBASSY, line, "hours.open", "not a time `HH:MM`");
}

#[test]
fn hours_open_before_they_close() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "close = \"17:00\"", "close = \"09:00\"");
    let line = f.line(EMBASSY, "close = \"09:00\"");
    f.expect_problem(EMBASSY, line, "hours.close", "not after it opens at 10:00");
}

#[test]
fn hours_cannot_open_at_24() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "open = \"12:00\"", "open = \"24:00\"");
    let line = f.line(EMBASSY, "open = \"24:00\"");
    f.expect_problem(EMBASSY, line, "hours.open", "00:00 to 23:59)");
}

#[test]
fn hours_days_are_mon_to_sun() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "days = [\"sat\"]", "days = [\"saturday\"]");
    let line = f.line(EMBASSY, "saturday");
    f.expect_problem(
        EMBASSY,
        line,
        "hours.days",
        "`saturday` is not one of: mon, tue",
    );
}

#[test]
fn hours_need_a_time_zone() {
    let f = Fixture::valid();
    f.edit(EMBASSY, "hours_tz = \"Europe/Moscow\"\n", "");
    f.expect_problem(EMBASSY, 1, "hours_tz", "required with [[hours]]");
}

#[test]
fn deadline_anchors_are_checked() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "{ from = \"entry\", days = 30 }",
        "{ from = \"arrival\", days = 30 }",
    );
    let line = f.line(CHECKLIST, "\"arrival\"");
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.deadline.from",
        "`arrival` is not one of: entry, contract, patent, departure",
    );
}

#[test]
fn deadlines_have_one_unit() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "{ from = \"entry\", days = 30 }",
        "{ from = \"entry\", days = 30, months = 1 }",
    );
    let line = f.line(CHECKLIST, "days = 30, months = 1");
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.deadline",
        "give only one of days, months",
    );
}

#[test]
fn deadlines_need_a_unit() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "{ from = \"entry\", days = 30 }",
        "{ from = \"entry\" }",
    );
    let line = f.line(CHECKLIST, "{ from = \"entry\" }");
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.deadline",
        "one of `days`, `working_days` or `months`",
    );
}

#[test]
fn deadline_fields_are_known() {
    let f = Fixture::valid();
    f.edit(
        CHECKLIST,
        "{ from = \"entry\", days = 30 }",
        "{ from = \"entry\", day = 30 }",
    );
    let line = f.line(CHECKLIST, "day = 30");
    f.expect_problem(CHECKLIST, line, "steps.deadline.day", "unknown field");
}

#[test]
fn repeating_deadlines_repeat_at_least_monthly() {
    let f = Fixture::valid();
    f.edit(CHECKLIST, "every_months = 1", "every_months = 0");
    let line = f.line(CHECKLIST, "every_months");
    f.expect_problem(
        CHECKLIST,
        line,
        "steps.deadline.every_months",
        "out of range (1 to 120)",
    );
}

#[test]
fn costs_are_not_negative() {
    let f = Fixture::valid();
    f.edit(CHECKLIST, "cost_rub = 9000", "cost_rub = -1");
    let line = f.line(CHECKLIST, "cost_rub");
    f.expect_problem(CHECKLIST, line, "steps.cost_rub", "out of range");
}

// --- feed.toml and files ----------------------------------------------------------------------

#[test]
fn feed_toml_needs_a_content_version() {
    let f = Fixture::valid();
    f.edit(FEED, "content_version = 7\n", "");
    f.expect_problem(FEED, 1, "content_version", "required field is missing");
}

#[test]
fn fallbacks_go_to_declared_languages() {
    let f = Fixture::valid();
    f.edit(FEED, "tg = \"ru\"", "tg = \"fa\"");
    let line = f.line(FEED, "fallback =");
    f.expect_problem(
        FEED,
        line,
        "fallback.tg",
        "falls back to `fa`, which is not in `languages`",
    );
}

#[test]
fn every_language_falls_back_to_russian() {
    let f = Fixture::valid();
    f.edit(FEED, "ky = \"ru\", en = \"ru\"", "ky = \"en\", en = \"ru\"");
    let line = f.line(FEED, "fallback =");
    f.expect_problem(
        FEED,
        line,
        "fallback.ky",
        "every language must fall back to `ru`",
    );
}

#[test]
fn only_toml_files_belong_in_item_folders() {
    let f = Fixture::valid();
    f.write("articles/notes.txt", "draft");
    f.expect_file_problem(
        "articles/notes.txt",
        None,
        "only ID.toml files belong in articles/",
    );
}

#[test]
fn a_missing_feed_toml_is_reported() {
    let f = Fixture::valid();
    std::fs::remove_file(f.path(FEED)).unwrap();
    f.expect_file_problem(FEED, None, "file is missing");
}

#[test]
fn every_problem_is_reported_sorted_by_file_and_line() {
    let f = Fixture::valid();
    f.edit(
        ARTICLE,
        "url = \"https://tass.ru/obschestvo/25746681\"",
        "url = \"ftp://tass.ru/obschestvo/25746681\"",
    );
    f.edit(ARTICLE, "встают на учёт", "встают <b>на</b> учёт");
    f.edit(EMBASSY, "open = \"10:00\"", "open = \"10.00\"");
    f.edit(CHECKLIST, "cost_rub = 9000", "cost_rub = -1");
    let run = f.check();
    assert_eq!(run.code, 1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 5, "{}", run.stderr);
    assert_eq!(lines[4], "4 problems found");
    let a = f.path(ARTICLE).display().to_string();
    assert!(lines[0].starts_with(&format!("{a}:{}:", f.line(ARTICLE, "url ="))));
    assert!(lines[1].starts_with(&format!("{a}:{}:", f.line(ARTICLE, "<b>"))));
    assert!(lines[2].contains("kg-worker-arrival.toml"));
    assert!(lines[3].contains("kg-embassy-moscow.toml"));
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(run(&["check", "--contnet", "x"]).code, 2);
    assert_eq!(run(&["frobnicate"]).code, 2);
    assert_eq!(run(&[]).code, 2);
    assert_eq!(
        run(&["build", "--content", "x"]).code,
        2,
        "--out is required"
    );
    let help = run(&["help"]);
    assert_eq!(help.code, 0);
    assert!(help.stdout.contains("jardam-feed check"));
}
