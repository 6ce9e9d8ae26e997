//! Search over the real packs finds the journey items despite typos.
//!
//! Builds the feed from the editors' `content/` with `jardam-feed build`, reads each language's
//! pack as the app does, builds its [`SearchIndex`] and checks that a query with one realistic
//! typo, made of words from the item's own text in that language, finds each of the 21 journey
//! items added on 2026-12-01/02 (the before-you-leave and first-days articles, work, family,
//! coming back, fines, the registry, the before-departure, patent-renewal and
//! wrongly-on-registry checklists and the UZ/TJ/KZ embassies) among the first three hits, in
//! ru, ky, uz, tg and en.

mod common;

use jardam_core::codec::json;
use jardam_core::content::Pack;
use jardam_core::feed::Manifest;
use jardam_core::search::ItemKind::{self, Article, Checklist, Contact};
use jardam_core::search::SearchIndex;

/// How far down the hits the expected item may be.
const TOP: usize = 3;

/// (language, query as typed, expected kind, expected id). Each query has one slip: a
/// dropped, doubled, swapped or wrong letter, or letters typed on a Russian keyboard (Kyrgyz
/// ө/ү/ң as о/у/н, Tajik ҳ/ҷ/ӣ/қ/ғ as х/ч (or ж)/и/к/г, Uzbek ʻ left out).
#[rustfmt::skip]
const CASES: &[(&str, &str, ItemKind, &str)] = &[
    // Russian: every journey item.
    ("ru", "что устоновить до вылета", Article, "install-before-you-fly"),
    ("ru", "мессенджеры в росии", Article, "messengers-in-russia"),
    ("ru", "какие докуметы носить с собой", Article, "what-to-carry"),
    ("ru", "сроки миграционого учета", Article, "registration-deadlines"),
    ("ru", "карта для иностарнца", Article, "russian-sim-card"),
    ("ru", "переоформленее патента", Article, "patent-reissue"),
    ("ru", "один патетн на два региона", Article, "patent-two-regions"),
    ("ru", "самозанятасть", Article, "self-employment"),
    ("ru", "личение для семьи", Article, "family-health-care"),
    ("ru", "перед тем как вернутся в россию", Article, "coming-back"),
    ("ru", "штарфы и запрет на въезд", Article, "fines-and-bans"),
    ("ru", "внесли в реест по ошибке", Article, "registry-wrongly-listed"),
    ("ru", "проверить свой сатус", Article, "checking-your-status"),
    ("ru", "снятее запрета обман", Article, "ban-removal-fraud"),
    ("ru", "трудовой доровор", Article, "labour-contract"),
    ("ru", "перд выездом в россию", Checklist, "before-departure"),
    ("ru", "как сахранить патент весь год", Checklist, "patent-renewal"),
    ("ru", "меня внесли в рестр по ошибке", Checklist, "wrongly-on-registry"),
    ("ru", "посольство узбекистона", Contact, "uz-embassy-moscow"),
    ("ru", "посольство узбекистана", Contact, "uz-embassy-moscow"),
    ("ru", "пасольство узбекистана", Contact, "uz-embassy-moscow"),
    ("ru", "посольство таджикистана", Contact, "tj-embassy-moscow"),
    ("ru", "посолство таджикистана", Contact, "tj-embassy-moscow"),
    ("ru", "посольство кыргызстана", Contact, "kg-embassy-moscow"),
    ("ru", "посольство таджикистона", Contact, "tj-embassy-moscow"),
    ("ru", "посольство казахстна", Contact, "kz-embassy-moscow"),
    // Kyrgyz.
    ("ky", "учардан мурун эмнени орнотуу", Article, "install-before-you-fly"),
    ("ky", "месенджерлер", Article, "messengers-in-russia"),
    ("ky", "кайсы документтерди алып журуу", Article, "what-to-carry"),
    ("ky", "каттоонун мооноттору", Article, "registration-deadlines"),
    ("ky", "чет элдик учун орус сим-картасы", Article, "russian-sim-card"),
    ("ky", "эки аймакка бир патет", Article, "patent-two-regions"),
    ("ky", "оз алдынча иштоо", Article, "self-employment"),
    ("ky", "уй-булону дарылоо", Article, "family-health-care"),
    ("ky", "орусияга кайра келерен мурун", Article, "coming-back"),
    ("ky", "айптар жана кирууго тыюу", Article, "fines-and-bans"),
    ("ky", "реестрге жанылыш киргизишти", Article, "registry-wrongly-listed"),
    ("ky", "статусунузду кантип текшеруу", Article, "checking-your-status"),
    ("ky", "жасалма катоо", Article, "ban-removal-fraud"),
    ("ky", "эмгек келишимы", Article, "labour-contract"),
    ("ky", "орусияга жоноордон мурун", Checklist, "before-departure"),
    ("ky", "патенти жыл бою сактоо", Checklist, "patent-renewal"),
    ("ky", "озбекстан элчилиги", Contact, "uz-embassy-moscow"),
    ("ky", "тажикистан элчилиги", Contact, "tj-embassy-moscow"),
    ("ky", "казахстан элчилиги", Contact, "kz-embassy-moscow"),
    // Uzbek.
    ("uz", "uchishdan oldin nimalarni ornatish", Article, "install-before-you-fly"),
    ("uz", "mesenjerlar", Article, "messengers-in-russia"),
    ("uz", "qaysi hujatlarni olib yurish", Article, "what-to-carry"),
    ("uz", "kim royxatga qoyadi", Article, "registration-deadlines"),
    ("uz", "chet ellik uchun rossiya sim-kartsi", Article, "russian-sim-card"),
    ("uz", "ish beruvchini almashtrish", Article, "patent-reissue"),
    ("uz", "ikki hudud uchun bita patent", Article, "patent-two-regions"),
    ("uz", "ozini ozi band qilish", Article, "self-employment"),
    ("uz", "oilani davolah", Article, "family-health-care"),
    ("uz", "rossiyaga qaytb kelishdan", Article, "coming-back"),
    ("uz", "jarimalar va kirish takiqi", Article, "fines-and-bans"),
    ("uz", "maqomingzni tekshirish", Article, "checking-your-status"),
    ("uz", "soxta royxat firibgarlk", Article, "ban-removal-fraud"),
    ("uz", "mehnat shartnomsi", Article, "labour-contract"),
    ("uz", "rossiyaga jonashdan oldin", Checklist, "before-departure"),
    ("uz", "patentni yil boyi qanday saqlash", Checklist, "patent-renewal"),
    ("uz", "meni reestrga xato bilan kiritishdi", Checklist, "wrongly-on-registry"),
    ("uz", "ozbekiston elchxonasi", Contact, "uz-embassy-moscow"),
    ("uz", "tojikston elchixonasi", Contact, "tj-embassy-moscow"),
    ("uz", "qozogiston elchixonasi", Contact, "kz-embassy-moscow"),
    // Tajik.
    ("tg", "пеш аз парваз чиро насб кардан", Article, "install-before-you-fly"),
    ("tg", "мессенчерхо", Article, "messengers-in-russia"),
    ("tg", "кадом хуччатхоро бо худ доштан", Article, "what-to-carry"),
    ("tg", "мухлатхои бахисобгирии мухочирати", Article, "registration-deadlines"),
    ("tg", "корти руси барои хорижи", Article, "russian-sim-card"),
    ("tg", "иваз кардани корфарма", Article, "patent-reissue"),
    ("tg", "як патент барои ду минтака", Article, "patent-two-regions"),
    ("tg", "худмашгули", Article, "self-employment"),
    ("tg", "табобти оила", Article, "family-health-care"),
    ("tg", "пеш аз баргаштн ба русия", Article, "coming-back"),
    ("tg", "чаримахо ва манъи вуруд", Article, "fines-and-bans"),
    ("tg", "ба фехрист хато дохил карданд", Article, "registry-wrongly-listed"),
    ("tg", "макоми худро санчед", Article, "checking-your-status"),
    ("tg", "бакайдгирии калбаки", Article, "ban-removal-fraud"),
    ("tg", "шартномаи мехнати", Article, "labour-contract"),
    ("tg", "пеш аз сафар ба руссия", Checklist, "before-departure"),
    ("tg", "патентро тамоми сол нигох доштан", Checklist, "patent-renewal"),
    ("tg", "маро хато ба фехрист дохил карданд", Checklist, "wrongly-on-registry"),
    ("tg", "сафорати узбекистон", Contact, "uz-embassy-moscow"),
    ("tg", "сафорати точикистон", Contact, "tj-embassy-moscow"),
    ("tg", "сафорати казокистон", Contact, "kz-embassy-moscow"),
    // English.
    ("en", "instal before you fly", Article, "install-before-you-fly"),
    ("en", "mesengers in russia", Article, "messengers-in-russia"),
    ("en", "what documents to cary", Article, "what-to-carry"),
    ("en", "registartion deadlines", Article, "registration-deadlines"),
    ("en", "rusian sim card", Article, "russian-sim-card"),
    ("en", "reisue patent", Article, "patent-reissue"),
    ("en", "one patnet for two regions", Article, "patent-two-regions"),
    ("en", "self-employmnet", Article, "self-employment"),
    ("en", "helth care family", Article, "family-health-care"),
    ("en", "before you come bak to russia", Article, "coming-back"),
    ("en", "fins and entry bans", Article, "fines-and-bans"),
    ("en", "wrongy put on the registry", Article, "registry-wrongly-listed"),
    ("en", "cheking your status", Article, "checking-your-status"),
    ("en", "fake registraion scams", Article, "ban-removal-fraud"),
    ("en", "labor contract", Article, "labour-contract"),
    ("en", "befor you leave for russia", Checklist, "before-departure"),
    ("en", "keping your patent all year", Checklist, "patent-renewal"),
    ("en", "put on the registy by mistake", Checklist, "wrongly-on-registry"),
    ("en", "embasy of uzbekistan", Contact, "uz-embassy-moscow"),
    ("en", "embassy of tadjikistan", Contact, "tj-embassy-moscow"),
    ("en", "kazahstan embassy", Contact, "kz-embassy-moscow"),
];

/// Every pack built from the real content, by language.
fn real_packs() -> Vec<Pack> {
    let (_temp, out) = common::build_real_feed();
    let manifest: Manifest =
        json::from_slice(&std::fs::read(out.join("manifest.json")).unwrap()).unwrap();
    manifest
        .packs
        .iter()
        .map(|(lang, entry)| {
            let pack: Pack = json::from_slice(&std::fs::read(out.join(&entry.file)).unwrap())
                .unwrap_or_else(|e| panic!("{lang} pack {}: {e:?}", entry.file));
            assert_eq!(&pack.lang, lang);
            pack
        })
        .collect()
}

/// The title of an item and the language its text is in, or `None` when the pack lacks it.
fn item<'a>(pack: &'a Pack, kind: ItemKind, id: &str) -> Option<(&'a str, &'a str)> {
    match kind {
        Article => pack
            .article(id)
            .map(|a| (a.title.as_str(), a.lang.as_str())),
        Contact => pack.contact(id).map(|c| (c.name.as_str(), c.lang.as_str())),
        Checklist => pack
            .checklist(id)
            .map(|c| (c.title.as_str(), c.lang.as_str())),
    }
}

#[test]
fn queries_with_typos_find_the_journey_items_in_every_language() {
    let packs = real_packs();
    let mut langs: Vec<&str> = packs.iter().map(|p| p.lang.as_str()).collect();
    langs.sort_unstable();
    assert_eq!(langs, ["en", "ky", "ru", "tg", "uz"]);

    let mut failures = Vec::new();
    for pack in &packs {
        let index = SearchIndex::build(pack);
        let cases = CASES.iter().filter(|case| case.0 == pack.lang);
        assert!(cases.clone().count() >= 6, "{}: too few cases", pack.lang);
        for &(lang, query, kind, id) in cases {
            let expected = format!("{kind:?} {id}");
            let Some((title, text_lang)) = item(pack, kind, id) else {
                failures.push(format!("[{lang}] {query:?}: {expected} is not in the pack"));
                continue;
            };
            // The query is written in the pack's language, so the item's text must be too.
            if text_lang != lang {
                failures.push(format!(
                    "[{lang}] {query:?}: {expected} has {text_lang} text, not {lang}"
                ));
            }
            let hits = index.search(query, 10);
            if hits.iter().take(TOP).any(|h| h.kind == kind && h.id == id) {
                continue;
            }
            let top: Vec<String> = hits
                .iter()
                .map(|h| format!("    {:?} {} ({})", h.kind, h.id, h.score))
                .collect();
            failures.push(format!(
                "[{lang}] {query:?}: expected {expected} «{title}» in the first {TOP}, got:\n{}",
                if top.is_empty() {
                    "    nothing".to_owned()
                } else {
                    top.join("\n")
                }
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} queries missed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
