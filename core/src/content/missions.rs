//! Whom a reader reaches first: their own country's embassy, then its consulates and ministries,
//! then Russian services, then other countries' missions. Used by Hotlines (the order of each
//! group) and Help now (the reader's own number beside 112, 102 and 103).

use crate::content::audience::Citizenship;
use crate::content::{Contact, ContactKind, Country, Pack, Phone};

/// The country whose missions serve a reader of this citizenship (none for "other").
pub fn country_of(citizenship: Citizenship) -> Option<Country> {
    match citizenship {
        Citizenship::Kg => Some(Country::Kg),
        Citizenship::Kz => Some(Country::Kz),
        Citizenship::Uz => Some(Country::Uz),
        Citizenship::Tj => Some(Country::Tj),
        Citizenship::Other => None,
    }
}

/// Where a contact stands for a reader from `own`: 0 their embassy, 1 their consulates, 2 their
/// country's other organisations, 3 Russian services (and everything when `own` is unknown),
/// 4 another country's organisations.
pub fn rank(contact: &Contact, own: Option<Country>) -> u8 {
    if Some(contact.country) == own {
        match contact.kind {
            ContactKind::Embassy => 0,
            ContactKind::Consulate => 1,
            _ => 2,
        }
    } else if contact.country == Country::Ru || own.is_none() {
        3
    } else {
        4
    }
}

/// Whether a contact belongs to another country than the reader's (shown folded away).
pub fn is_foreign(contact: &Contact, own: Option<Country>) -> bool {
    own.is_some() && rank(contact, own) == 4
}

/// The reader's own number to call in trouble: the first phone of their country's embassy,
/// else of a consulate, else of another of their country's organisations; numbers a test call
/// found unanswered come last.
pub fn own_hotline(pack: &Pack, own: Country) -> Option<(&Contact, &Phone)> {
    pack.contacts
        .iter()
        .filter(|c| c.country == own && c.kind != ContactKind::Emergency)
        .flat_map(|c| c.phones.iter().map(move |p| (c, p)))
        .min_by_key(|(c, p)| (p.unanswered_on.is_some(), rank(c, Some(own))))
}

/// The reader's own embassy, else a consulate: where to go when no number can be called.
pub fn own_mission(pack: &Pack, own: Country) -> Option<&Contact> {
    pack.contacts
        .iter()
        .filter(|c| rank(c, Some(own)) <= 1)
        .min_by_key(|c| rank(c, Some(own)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(id: &str, kind: &str, country: &str, phones: &[(&str, bool)]) -> String {
        let phones: Vec<String> = phones
            .iter()
            .map(|(n, unanswered)| {
                let mark = if *unanswered {
                    r#","unanswered_on":"2024-11-21""#
                } else {
                    ""
                };
                format!(r#"{{"number":"{n}","label":"hotline","source":1{mark}}}"#)
            })
            .collect();
        format!(
            r#"{{"id":"{id}","kind":"{kind}","country":"{country}","name":"{id}","regions":["all"],
            "phones":[{}],"languages":["ru"],
            "provenance":{{"review":"checked-against-sources","checked_on":"2026-01-01","sources":[]}},"lang":"ru"}}"#,
            phones.join(",")
        )
    }

    fn pack(contacts: &[String]) -> Pack {
        let json = format!(
            r#"{{"schema":1,"lang":"ru","content_version":1,"categories":[],"articles":[],
            "contacts":[{}],"checklists":[]}}"#,
            contacts.join(",")
        );
        crate::codec::json::from_slice(json.as_bytes()).unwrap()
    }

    #[test]
    fn own_embassy_comes_before_consulates_russian_services_and_other_missions() {
        let p = pack(&[
            contact("kg-consulate", "consulate", "KG", &[]),
            contact("uz-embassy", "embassy", "UZ", &[]),
            contact("ngo", "ngo", "RU", &[]),
            contact("kg-embassy", "embassy", "KG", &[]),
            contact("kg-ministry", "ministry", "KG", &[]),
            contact("tj-ministry", "ministry", "TJ", &[]),
        ]);
        let mut ids: Vec<&Contact> = p.contacts.iter().collect();
        ids.sort_by_key(|c| rank(c, Some(Country::Kg)));
        let ids: Vec<&str> = ids.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "kg-embassy",
                "kg-consulate",
                "kg-ministry",
                "ngo",
                "uz-embassy",
                "tj-ministry"
            ]
        );
        let foreign: Vec<&str> = p
            .contacts
            .iter()
            .filter(|c| is_foreign(c, Some(Country::Kg)))
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(foreign, ["uz-embassy", "tj-ministry"]);
        assert!(p.contacts.iter().all(|c| !is_foreign(c, None)));
    }

    #[test]
    fn own_hotline_prefers_the_embassy_and_numbers_that_answered() {
        let p = pack(&[
            contact("tj-ministry", "ministry", "TJ", &[("+79660312222", false)]),
            contact("tj-embassy", "embassy", "TJ", &[("+74959679844", true)]),
            contact("tj-consulate", "consulate", "TJ", &[]),
            contact("kg-embassy", "embassy", "KG", &[("+79251155047", false)]),
            contact("112", "emergency", "TJ", &[("112", false)]),
        ]);
        let id = |c: Country| own_hotline(&p, c).map(|(c, p)| (c.id.as_str(), p.number.as_str()));
        assert_eq!(id(Country::Kg), Some(("kg-embassy", "+79251155047")));
        assert_eq!(id(Country::Tj), Some(("tj-ministry", "+79660312222")));
        assert_eq!(id(Country::Uz), None);
        let mission = |c: Country| own_mission(&p, c).map(|c| c.id.as_str());
        assert_eq!(mission(Country::Tj), Some("tj-embassy"));
        assert_eq!(mission(Country::Uz), None);
    }

    #[test]
    fn every_citizenship_but_other_has_a_country() {
        for c in Citizenship::ALL {
            assert_eq!(country_of(c).is_none(), c == Citizenship::Other);
        }
    }
}
