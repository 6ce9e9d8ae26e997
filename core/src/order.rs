//! Sorting the short lists the app shows (categories, contacts, stays) without the standard
//! library's sort: std's `sort_by_key` at this sort's five callers made the size-tuned release
//! WebAssembly 1,129 bytes larger with brotli (2,532 raw; BENCHMARKS.md, "order.rs re-measured",
//! 2026-12-02), where this insertion sort costs a few hundred bytes.

/// Sorts `items` by `key`, keeping equal keys in their order (stable). Quadratic in the
/// worst case: meant for lists of at most a few hundred items.
pub fn sort_short_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        let mut seed = 7u32;
        for len in [0, 1, 2, 5, 40, 200] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (seed >> 28, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_short_by_key(&mut ours, |item| item.0);
            let mut std = items;
            std.sort_by_key(|item| item.0);
            assert_eq!(ours, std, "length {len}");
        }
    }
}
