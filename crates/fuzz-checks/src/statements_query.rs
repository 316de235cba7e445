//! The query string of `GET /xapi/statements`, read as the server reads it
//! (`baeum_core::xapi::query::parse_statements_query`), `more` tokens included.

use baeum_core::xapi::query::{
    parse_statements_query, PageCursor, StatementsFilter, StatementsRequest, MAX_PAGE_SIZE,
    STATEMENTS_PATH,
};

/// A query that is read has its bounds (a page of 1 to 200), and reads the same when its
/// parameters are written out again; its `more` link is a relative link to the statements
/// that reads back to the same filters, continuing after the page it was made for.
pub fn statements_query(data: &[u8]) {
    let Ok(query) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(request) = parse_statements_query(query) else {
        return;
    };
    let filter = match request {
        StatementsRequest::Single { .. } => return,
        StatementsRequest::List(filter) => filter,
    };
    assert!(
        (1..=MAX_PAGE_SIZE).contains(&filter.limit),
        "a page of {} statements",
        filter.limit
    );

    // Written out as a browser would send them, the parameters read back the same.
    let written = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&filter.parameters)
        .finish();
    match parse_statements_query(&written) {
        Ok(StatementsRequest::List(again)) => assert_eq!(
            again,
            StatementsFilter {
                after: None,
                ..filter.clone()
            },
            "{query:?} reads differently written out as {written:?}"
        ),
        other => panic!("{query:?} written out as {written:?} reads as {other:?}"),
    }

    // The next page's link, for a cursor taken from the input so the fuzzer varies it too.
    let seed = data.iter().fold(0i64, |sum, byte| {
        sum.wrapping_mul(31).wrapping_add(i64::from(*byte))
    });
    let cursor = PageCursor {
        stored_micros: seed,
        sequence: seed.rotate_left(17),
    };
    let link = filter.more_link(cursor);
    let Some(next_query) = link
        .strip_prefix(STATEMENTS_PATH)
        .and_then(|rest| rest.strip_prefix("?more="))
        .map(|token| format!("more={token}"))
    else {
        panic!("the more link {link:?} is not a relative link to the statements");
    };
    match parse_statements_query(&next_query) {
        Ok(StatementsRequest::List(next)) => assert_eq!(
            next,
            StatementsFilter {
                after: Some(cursor),
                ..filter
            },
            "the more link does not continue the same query"
        ),
        other => panic!("the more link {link:?} reads as {other:?}"),
    }
}
