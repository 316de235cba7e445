//! A learner's records beyond statements (issue 21): when a course is complete
//! ([`completion`]) and the certificate that says so ([`certificate`]).

pub mod certificate;
pub mod completion;
pub mod wire;
