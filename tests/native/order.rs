//! `base::order` sorts exactly as the standard library's stable sort: same
//! order, ties in their first order, for any input.

use proptest::prelude::*;
use ventanilla::domain::base::order;

proptest! {
    #[test]
    fn sorting_through_positions_is_the_standard_stable_sort(
        keys in proptest::collection::vec(0u8..6, 0..200),
    ) {
        // Each element remembers where it started, so a tie out of its first order shows.
        let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
        let mut want = items.clone();
        want.sort_by_key(|x| x.0);
        let mut got = items.clone();
        order::sort_by_key(&mut got, |x| x.0);
        prop_assert_eq!(&got, &want);

        let mut want = items.clone();
        want.sort_by_key(|x| std::cmp::Reverse(x.0));
        let mut got = items.clone();
        order::sort_by(&mut got, |a, b| b.0.cmp(&a.0));
        prop_assert_eq!(&got, &want);

        let mut want = keys.clone();
        want.sort();
        let mut got = keys.clone();
        order::sort(&mut got);
        prop_assert_eq!(got, want);
    }
}
